// Ports named in prose: `Allow all access to tcp port 80 and 443`,
// `ports 80, 443 and 8080`, `ports 80/443`, `Web Server (8080)`. A number
// counts only right after the word `port` or `ports` (or after one that does,
// joined by a comma, `and`, `or`, `&` or `/`), or in parentheses that hold
// nothing but such a list of two- to five-digit numbers: other digits are never taken.
import { cand, type Candidate, type Collector } from './collector';
import type { PortRole } from './types';
import { isAlnum, isDigit, isSpace, lowerAt } from './text';

export interface ProseOptions {
  readonly comment: boolean;
  readonly role: PortRole;
  readonly key?: string;
  readonly scope?: string;
}

/** Keys whose values are free text (YAML): `name`, `description`, `msg` ... */
const PROSE_KEYS = new Set(['name', 'description', 'desc', 'title', 'summary', 'msg', 'message', 'comment', 'note', 'notes', 'help']);

export function isProseKey(key: string): boolean {
  // Every free-text key is 3 to 11 letters and starts with c, d, h, m, n, s or t in either case:
  // most keys (`PORT`, `DB_HOST`, `maxmemory`) are ruled out before any lookup or lower-casing.
  const n = key.length;
  if (n < 3 || n > 11) return false;
  const c = key.charCodeAt(0) | 0x20;
  if (c !== 99 && c !== 100 && c !== 104 && c !== 109 && c !== 110 && c !== 115 && c !== 116) return false;
  return PROSE_KEYS.has(key) || (key.charCodeAt(0) < 97 && PROSE_KEYS.has(key.toLowerCase()));
}

/** Words that make the `port` after them a device's socket, not a network port. */
const PHYSICAL_PORT_WORDS = new Set(['display', 'usb', 'serial', 'hdmi', 'com', 'parallel', 'ethernet', 'switch', 'sfp', 'console', 'audio', 'thunderbolt', 'printer']);

/**
 * Whether the word before the `port` at `at` names a physical socket.
 *
 * @example physicalPortBefore('HDMI/Display Port 1', 0, 13) // true
 */
export function physicalPortBefore(text: string, from: number, at: number): boolean {
  let e = at;
  while (e > from && (isSpace(text.charCodeAt(e - 1)) || text.charCodeAt(e - 1) === 45)) e--;
  let s = e;
  while (s > from && e - s < 16 && isAlnum(text.charCodeAt(s - 1))) s--;
  return s < e && PHYSICAL_PORT_WORDS.has(text.slice(s, e).toLowerCase());
}

/** The lower-cased word `w` at i, standing alone (a space or the end after it). */
function wordAt(text: string, i: number, to: number, w: string): boolean {
  return i + w.length < to && isSpace(text.charCodeAt(i + w.length)) && lowerAt(text, i, w);
}

/**
 * Adds the ports prose names in [from, to) and returns the offsets it added.
 * One pass: each `port` word starts a list that ends at the first token that
 * is neither a number nor a joiner.
 */
export function scanProsePorts(text: string, from: number, to: number, out: Collector, o: ProseOptions): number[] {
  const added: number[] = [];
  for (let i = from; i + 4 < to; i++) {
    if (text.charCodeAt(i) === 40) {
      i = parenthesizedPorts(text, i, to, out, o, added);
      continue;
    }
    if (!lowerAt(text, i, 'port') || (i > from && isAlnum(text.charCodeAt(i - 1)))) continue;
    if (physicalPortBefore(text, from, i)) continue; // `Display Port 1`, `USB port 2`: a socket on a device
    let j = i + 4;
    if ((text.charCodeAt(j) | 0x20) === 115) j++; // ports
    if (j >= to || !isSpace(text.charCodeAt(j))) continue;
    for (let n = 0; n < 64; n++) {
      while (j < to && isSpace(text.charCodeAt(j))) j++;
      const ds = j;
      while (j < to && isDigit(text.charCodeAt(j))) j++;
      if (j === ds || j - ds > 5) break;
      // The number ends at a space, the end, or punctuation that ends it (not `1.2`, not `80x`).
      const t = j < to ? text.charCodeAt(j) : -1;
      const endsHere = t === -1 || isSpace(t) || t === 44 || t === 41 || t === 59 || t === 34 || t === 39 || t === 33 || t === 63 ||
        t === 47 || t === 58 || (t === 46 && !(j + 1 < to && isAlnum(text.charCodeAt(j + 1))));
      if (!endsHere) break;
      const c = cand(ds, j - ds, o.role, o.comment, o.key, o.scope);
      out.add(c);
      if (out.get(ds) === c) added.push(ds);
      // Joiners: `, `, ` and `, ` or `, ` & `, `/` before a number (`80/443`); `/tcp` is skipped.
      if (t === 47) {
        if (j + 1 < to && isDigit(text.charCodeAt(j + 1))) {
          j++;
          continue;
        }
        while (j + 1 < to && isAlnum(text.charCodeAt(j + 1))) j++;
        j++;
      }
      let k = j;
      while (k < to && isSpace(text.charCodeAt(k))) k++;
      let joined = false;
      if (k < to && text.charCodeAt(k) === 44) {
        joined = true;
        k++;
        while (k < to && isSpace(text.charCodeAt(k))) k++;
      }
      if (wordAt(text, k, to, 'and')) k += 3;
      else if (wordAt(text, k, to, 'or')) k += 2;
      else if (k < to && text.charCodeAt(k) === 38) k++;
      else if (!joined) break;
      j = k;
    }
    i = j - 1;
  }
  return added;
}

/**
 * `(8080)`, `(80 and 443)`, `(80, 443/tcp)`, `(53/udp)`: parentheses whose whole
 * content is a list of two- to five-digit numbers, each with an optional
 * protocol, joined as in `port 80 and 443`. Adds them and returns where to go
 * on; anything else inside (`(v2)`, `(10 seconds)`, `(1)`, `(1.2)`, a lone year) takes nothing.
 */
function parenthesizedPorts(text: string, open: number, to: number, out: Collector, o: ProseOptions, added: number[]): number {
  const found: Array<[number, number]> = [];
  let j = open + 1;
  for (let n = 0; n < 64; n++) {
    while (j < to && isSpace(text.charCodeAt(j))) j++;
    const ds = j;
    while (j < to && isDigit(text.charCodeAt(j))) j++;
    if (j - ds < 2 || j - ds > 5) return open;
    found.push([ds, j]);
    if (text.charCodeAt(j) === 47) {
      // `/tcp`, `/udp`, `/sctp` after the number, in any case.
      let k = j + 1;
      while (k < to && isAlnum(text.charCodeAt(k))) k++;
      const proto = text.slice(j + 1, k).toLowerCase();
      if (proto === 'tcp' || proto === 'udp' || proto === 'sctp') j = k;
      else if (k > j + 1) return open;
    }
    while (j < to && isSpace(text.charCodeAt(j))) j++;
    const c = j < to ? text.charCodeAt(j) : -1;
    if (c === 41) break;
    if (c === 44 || c === 47 || c === 38) j++;
    else if (wordAt(text, j, to, 'and')) j += 3;
    else if (wordAt(text, j, to, 'or')) j += 2;
    else return open;
  }
  if (text.charCodeAt(j) !== 41) return open;
  // A lone year is a date (`Samba 4 (2019)`), not a port.
  const only = found.length === 1 ? found[0] : undefined;
  if (only && only[1] - only[0] === 4 && /^(?:19|20)\d\d$/.test(text.slice(only[0], only[1]))) return j;
  for (const [s, e] of found) {
    const c = cand(s, e - s, o.role, o.comment, o.key, o.scope);
    out.add(c);
    if (out.get(s) === c) added.push(s);
  }
  return j;
}

/** The ports among `cands` by their digits (first claim per value): what one task or block sets. */
export function portValues(text: string, cands: readonly Candidate[]): Map<string, Candidate> {
  const values = new Map<string, Candidate>();
  for (const c of cands) {
    const v = text.slice(c.offset, c.offset + c.length);
    if (!values.has(v)) values.set(v, c);
  }
  return values;
}

/**
 * Numbers in free text [from, to) that equal one of `values` are that port: a
 * task or rule named after the port it opens (`Enable 9200 if elasticsearch`,
 * `Tomcat 8080 Access`). Whole words only: `(443)` counts, `servicea-80` does not.
 */
export function scanPortsNamedIn(text: string, from: number, to: number, values: ReadonlyMap<string, Candidate>, out: Collector, key: string): void {
  if (values.size === 0) return;
  for (let i = from; i < to; i++) {
    if (!isDigit(text.charCodeAt(i))) continue;
    const before = i > from ? text.charCodeAt(i - 1) : 32;
    let j = i;
    while (j < to && isDigit(text.charCodeAt(j))) j++;
    const after = j < to ? text.charCodeAt(j) : 32;
    if ((isSpace(before) || before === 40) && (isSpace(after) || after === 41 || after === 44 || after === 59) && j - i <= 5) {
      const same = values.get(text.slice(i, j));
      if (same) out.add(cand(i, j - i, same.role, false, key, same.scope));
    }
    i = j;
  }
}
