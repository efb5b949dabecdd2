// Ansible loops that feed a port parameter. A task whose module arguments
// say `port: "{{ item }}"` (or `to_port: "{{ item.port }}"`) takes its ports
// from the sibling `loop:` / `with_items:` / `with_list:` list of the same
// task: scalar entries directly (`- '80'`, `- 443`), the named key of mapping
// entries (`- { port: 80, proto: tcp }`). A task is a YAML mapping, so the
// loop may come before or after the module: each task keeps what it saw
// until its last line, then pairs them. Linear: the YAML scanner hands every
// non-comment line over once, and each loop entry is read once more when its
// task ends.
import { amend, type Collector } from './collector';
import { flowItems } from './flow';
import { portKeyInfo } from './keys';
import type { PortRole } from './types';
import { scanPortValue } from './values';
import { indexOfIn } from './text';

interface Entry {
  readonly s: number;
  readonly e: number;
  /** The mapping key it was under, or undefined for a scalar entry. */
  readonly field: string | undefined;
}

interface Task {
  /** Column of the task's own keys (`name`, the module, `loop`). */
  readonly keyCol: number;
  firewall: boolean;
  /** The port argument fed by `item` (`field`: the `item.<field>` it reads, undefined for `item`). */
  param: { readonly field: string | undefined; readonly key: string; readonly role: PortRole | undefined } | undefined;
  /** The lines now read belong to the task's loop list. */
  inLoop: boolean;
  /** Column of the loop entries' `-`, and of the keys of the current mapping entry. */
  entryDash: number;
  entryKeyCol: number;
  entries: Entry[] | undefined;
  /** Offsets of prose ports in the task's free-text values (`name: Allow tcp port 80`). */
  prose: number[] | undefined;
}

const LOOP_KEYS = new Set(['loop', 'with_items', 'with_list']);
/** Bounds the work per task: a loop longer than this is data, not a port list. */
const MAX_ENTRIES = 1024;

/** `{{ item }}`, `"{{ item.port }}"`, `'{{ item["port"] | int }}/tcp'`, `{{ item.port }}/{{ item.proto }}` as a whole value. */
const ITEM_REF = /^(["']?)\{\{-?\s*item(?:\.(\w+)|\[\s*["'](\w+)["']\s*\])?\s*(?:\|[^{}]*)?-?\}\}(?:\/(?:tcp|udp|sctp|\{\{[^{}]*\}\}))?\1(?:\s|$)/i;
/** `name={{ item }}` among free-form `key=value` module arguments; the name is group 1, the item's field 3 or 4. */
const FREE_FORM_ITEM = /(?:^|\s)([\w.-]+)=(["']?)\{\{-?\s*item(?:\.(\w+)|\[\s*["'](\w+)["']\s*\])?\s*(?:\|[^{}]*)?-?\}\}(?:\/(?:tcp|udp|sctp|\{\{[^{}]*\}\}))?\2(?=\s|$)/gi;
/** A loop entry that can be a port: `80`, `8000-8010`, `60000:61000`, `53/udp`. */
const PORTISH = /^\d{1,5}(?:[-:]\d{1,5})?(?:\/(?:tcp|udp|sctp))?$/i;
/** Digit-valued pairs of a flow mapping entry: `{ port: 80, proto: tcp }`. */
const FLOW_PAIR = /["']?([\w-]+)["']?\s*:\s*(["']?)(\d[\w:/-]*)\2\s*(?=[,}])/g;

function newTask(keyCol: number): Task {
  return { keyCol, firewall: false, param: undefined, inLoop: false, entryDash: -1, entryKeyCol: -1, entries: undefined, prose: undefined };
}

export class AnsibleLoops {
  private readonly tasks: Task[] = [];

  constructor(private readonly text: string, private readonly out: Collector) {}

  /**
   * One non-comment YAML line. `ind`: column of its first `-` or key;
   * `keyCol`: column of its key (or scalar); `key` undefined for a scalar
   * line; [vs, ve) the value after `key:` (or the scalar), trailing comment
   * and spaces cut off; `firewallKey`: the key is a firewall module.
   */
  line(ind: number, isItem: boolean, keyCol: number, key: string | undefined, vs: number, ve: number, firewallKey: boolean): void {
    const tasks = this.tasks;
    while (tasks.length > 0 && ind < (tasks[tasks.length - 1]?.keyCol ?? 0)) this.finish(tasks.pop());
    let t = tasks[tasks.length - 1];
    if (t?.inLoop) {
      // The loop's list may sit at the loop key's own column (`with_items:` / `- 80`).
      if (ind > t.keyCol || (isItem && ind === t.keyCol)) {
        this.entryLine(t, ind, isItem, keyCol, key, vs, ve);
        return;
      }
      t.inLoop = false;
    }
    if (isItem && key !== undefined) {
      t = newTask(keyCol);
      tasks.push(t);
    }
    if (t === undefined || key === undefined) return;
    const text = this.text;
    if (keyCol === t.keyCol) {
      if (firewallKey) t.firewall = true;
      if (LOOP_KEYS.has(key)) {
        if (vs >= ve || text.charCodeAt(vs) === 35) t.inLoop = true;
        else if (text.charCodeAt(vs) === 91) this.flowList(t, vs, ve);
        return;
      }
    }
    // A port argument fed by the loop: `port: "{{ item }}"`, `to_port: "{{ item.port }}"`.
    const c = vs < ve ? text.charCodeAt(vs) : 0;
    if (t.param === undefined && (c === 123 || c === 34 || c === 39) && ve - vs <= 200) {
      const info = portKeyInfo(key);
      const m = info ? ITEM_REF.exec(text.slice(vs, ve)) : null;
      if (info && m) t.param = { field: m[2] ?? m[3], key, role: info.role };
    }
    // Free-form module arguments: `ufw: rule=allow port={{ item }}`, `firewalld: port={{ item }}/tcp permanent=true`.
    if (t.param === undefined && ve - vs <= 400 && indexOfIn(text, '={{', vs, ve) !== -1) {
      const args = text.slice(vs, ve);
      FREE_FORM_ITEM.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = FREE_FORM_ITEM.exec(args)) !== null) {
        const arg = m[1] ?? '';
        const info = portKeyInfo(arg);
        if (info) {
          t.param = { field: m[3] ?? m[4], key: arg, role: info.role };
          break;
        }
      }
    }
  }

  /** Prose ports found in a value on the current line: firewall ports if their task turns out to be a firewall rule. */
  noteProse(offsets: readonly number[]): void {
    const t = this.tasks[this.tasks.length - 1];
    if (t === undefined || offsets.length === 0) return;
    t.prose ??= [];
    if (t.prose.length < MAX_ENTRIES) t.prose.push(...offsets);
  }

  /** Ends every open task (end of a document or of the file). */
  flush(): void {
    while (this.tasks.length > 0) this.finish(this.tasks.pop());
  }

  private entryLine(t: Task, ind: number, isItem: boolean, keyCol: number, key: string | undefined, vs: number, ve: number): void {
    if (isItem) {
      if (t.entryDash < 0) t.entryDash = ind;
      if (ind !== t.entryDash) return; // a list nested inside an entry
      t.entryKeyCol = key === undefined ? -1 : keyCol;
      if (key !== undefined) this.entry(t, vs, ve, key);
      else if (this.text.charCodeAt(vs) === 123) this.flowMapping(t, vs, ve);
      else this.entry(t, vs, ve, undefined);
    } else if (key !== undefined && keyCol === t.entryKeyCol) this.entry(t, vs, ve, key);
  }

  private entry(t: Task, s: number, e: number, field: string | undefined): void {
    const text = this.text;
    const q = text.charCodeAt(s);
    if ((q === 34 || q === 39) && e - s >= 2 && text.charCodeAt(e - 1) === q) {
      s++;
      e--;
    }
    if (e <= s || e - s > 20) return;
    t.entries ??= [];
    if (t.entries.length < MAX_ENTRIES) t.entries.push({ s, e, field });
  }

  /** `[80, '443']` or `[{ port: 80 }, { port: 443 }]` on the loop key's line. */
  private flowList(t: Task, vs: number, ve: number): void {
    for (const it of flowItems(this.text, vs, ve)) {
      if (this.text.charCodeAt(it.s) === 123) this.flowMapping(t, it.s, it.e);
      else this.entry(t, it.s, it.e, undefined);
    }
  }

  /** `{ port: 80, proto: tcp }`: its digit values under their keys. */
  private flowMapping(t: Task, s: number, e: number): void {
    const body = this.text.slice(s, e);
    FLOW_PAIR.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = FLOW_PAIR.exec(body)) !== null) {
      const v = m[3] ?? '';
      // The value ends before its closing quote and the spaces the match took.
      const ve = s + m.index + m[0].trimEnd().length - (m[2] ?? '').length;
      this.entry(t, ve - v.length, ve, m[1]);
    }
  }

  private finish(t: Task | undefined): void {
    if (t === undefined) return;
    const { text, out } = this;
    if (t.param && t.entries) {
      const role: PortRole = t.firewall ? 'firewall' : t.param.role ?? 'unknown';
      for (const en of t.entries) {
        if (en.field !== t.param.field || !PORTISH.test(text.slice(en.s, en.e))) continue;
        // A mapping entry's `port: 80` is already a port of unknown role: the argument it feeds says more.
        const had = out.get(en.s);
        if (had) {
          if (had.role === 'unknown' && role !== 'unknown') out.set(amend(had, { role }));
        } else scanPortValue(text, en.s, en.e, out, { role, comment: false, key: t.param.key, colonIsRange: t.firewall });
      }
    }
    if (t.firewall && t.prose) {
      for (const o of t.prose) {
        const c = out.get(o);
        if (c && c.role === 'unknown') out.set(amend(c, { role: 'firewall' }));
      }
    }
  }
}
