// YAML: Docker Compose, Kubernetes manifests, Helm values, Envoy, Traefik,
// Spring application.yml, Prometheus ... One pass over lines with a stack of
// keys by indentation, so each value is judged by its path:
// `services.web.ports[]`, `spec.containers[].ports[].containerPort`.
// `#` lines inside block scalars are content, not comments.
import type { ScanContext } from './context';
import type { Candidate } from './collector';
import { amend, cand } from './collector';
import type { PortRole } from './types';
import type { PendingFlag } from './commands';
import { isFirewallCommand, resolvePending, scanCommandLine, scanShellCommand } from './commands';
import { commentBody } from './context';
import { hasServicesLine } from './formats';
import { isIpv4, scanEndpoints } from './endpoints';
import { mayAssignPort, scanAssignments, scanKeyValue } from './keyvalue';
import { commandEndingAt, hasPortLetters, hasPortLettersAt, isCommandKey, isImageKey, portKeyInfo, roleFromWords, splitWords } from './keys';
import { AnsibleLoops } from './loops';
import { flowItems } from './flow';
import { scanMapping } from './mapping';
import { isProseKey, portValues, scanPortsNamedIn, scanProsePorts } from './prose';
import { scanImageRegistry, scanPortValue } from './values';
import { DigitCursor, allDigits, hasDigit, hashCommentStart, indexOfIn, isDigit, isSpace, isWordChar, lowerAt, trimEnd } from './text';

interface KeyFrame {
  readonly indent: number;
  readonly key: string;
  /** Whether the key holds port letters or is a command key: -1 until first asked. */
  ownerFlag: number;
}

interface Item {
  readonly depth: number; // stack depth of the owning key
  readonly indent: number;
  /** Offset where the item's line starts. */
  readonly start: number;
  name?: { s: number; e: number; text: string };
  value?: { s: number; e: number };
  target?: Candidate;
  published?: Candidate[];
  protocol?: 'tcp' | 'udp' | 'sctp';
  comment: boolean;
}

interface Doc {
  readonly start: number;
  end: number;
  kind?: string;
  name?: string;
}

interface Block {
  readonly parentIndent: number;
  readonly command: boolean;
  readonly key: string;
}

/** The key `parseKeyAt` found last: [keyStart, keyEnd). */
let keyStart = 0;
let keyEnd = 0;

/**
 * Finds `key:` at [s, e): returns where its value starts and leaves the key's
 * range in keyStart/keyEnd, or -1 for a plain scalar. No allocation: most
 * keys are never needed as strings.
 */
function parseKeyAt(text: string, s: number, e: number): number {
  const c = text.charCodeAt(s);
  if (c === 34 || c === 39) {
    const close = indexOfIn(text, String.fromCharCode(c), s + 1, e);
    if (close === -1 || close >= e) return -1;
    let j = close + 1;
    while (j < e && isSpace(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) !== 58) return -1;
    if (j + 1 < e && !isSpace(text.charCodeAt(j + 1))) return -1;
    keyStart = s + 1;
    keyEnd = close;
    return j + 1;
  }
  if (c === 91 || c === 123 || c === 124 || c === 62 || c === 42 || c === 33 || c === 37 || c === 64 || c === 96 || c === 35) return -1;
  const lim = Math.min(e, s + 512);
  for (let i = s; i < lim; i++) {
    const d = text.charCodeAt(i);
    if (d === 58 && (i + 1 === e || isSpace(text.charCodeAt(i + 1)))) {
      if (i === s) return -1;
      let ke = i;
      while (ke > s && isSpace(text.charCodeAt(ke - 1))) ke--;
      keyStart = s;
      keyEnd = ke;
      return i + 1;
    }
    if (d === 35 && i > s && isSpace(text.charCodeAt(i - 1))) return -1;
  }
  return -1;
}

/** Finds `key:` at [s, e): returns the key and where its value starts, or undefined for a plain scalar. */
function parseKey(text: string, s: number, e: number): { key: string; vs: number } | undefined {
  const vs = parseKeyAt(text, s, e);
  return vs === -1 ? undefined : { key: text.slice(keyStart, keyEnd), vs };
}

/** Whether [s, e) is exactly `word`. */
function isWord(text: string, s: number, e: number, word: string): boolean {
  return e - s === word.length && text.startsWith(word, s);
}

/** Whether [s, e) is `word` (lower-case) in any ASCII case: `name`, `Name` (CloudFormation, ECS). */
function isWordAnyCase(text: string, s: number, e: number, word: string): boolean {
  return e - s === word.length && lowerAt(text, s, word);
}

function stripQuotes(text: string, s: number, e: number): { s: number; e: number; quoted: boolean } {
  const q = text.charCodeAt(s);
  if ((q === 34 || q === 39) && e - s >= 2 && text.charCodeAt(e - 1) === q) return { s: s + 1, e: e - 1, quoted: true };
  return { s, e, quoted: false };
}

/** Children of a `ports:` map whose numbers are not ports (`ports: { http: 80, replicas: 2 }`). */
const NOT_PORT_CHILDREN = new Set([
  'name', 'protocol', 'appprotocol', 'app_protocol', 'enabled', 'replicas', 'replica', 'count', 'weight', 'priority', 'timeout',
  'interval', 'retries', 'size', 'limit', 'ttl', 'id', 'uid', 'gid', 'mode', 'version',
]);

const BLOCK_HEADER = /^[|>][-+0-9]*$/;

/**
 * Keys (or the last dotted segment of an Ansible module name) that hold a
 * firewall rule: a port beside or under them is let through a firewall
 * (`ansible.posix.firewalld:` next to `with_items: [6443/tcp]`).
 */
const FIREWALL_KEYS = new Set([
  'firewalld', 'ufw', 'iptables', 'ip6tables', 'iptables_raw', 'nftables', 'firewall', 'firewalls', 'firewall_rules',
  'firewalld_rules', 'ufw_rules', 'iptables_rules', 'nftables_rules', 'security_group', 'security_groups',
  'security_group_rule', 'security_group_rules', 'ec2_security_group', 'os_security_group_rule',
]);

function isFirewallKey(key: string): boolean {
  // Runs on every key: rule most out by their last letter (d, w, s, l, p, e) before any lookup.
  const n = key.length;
  if (n < 3 || n > 64) return false;
  const last = key.charCodeAt(n - 1) | 0x20;
  if (last !== 100 && last !== 119 && last !== 115 && last !== 108 && last !== 112 && last !== 101) return false;
  // Then by their first: f, u, i, n, s, e, o, or a dotted module name (`ansible.posix.firewalld`).
  const first = key.charCodeAt(0) | 0x20;
  if (first === 102 || first === 117 || first === 105 || first === 110 || first === 115 || first === 101 || first === 111) {
    return n <= 22 && (FIREWALL_KEYS.has(key) || (key.charCodeAt(0) < 97 && FIREWALL_KEYS.has(key.toLowerCase())));
  }
  if (n < 7) return false;
  const dot = key.lastIndexOf('.');
  return dot !== -1 && FIREWALL_KEYS.has(key.slice(dot + 1).toLowerCase());
}

/**
 * `isFirewallKey` for the key at [ks, ke) of the text: the same length, letter
 * and dot tests on the range first, so most keys are never sliced.
 */
function isFirewallKeyAt(text: string, ks: number, ke: number): boolean {
  const n = ke - ks;
  if (n < 3 || n > 64) return false;
  const last = text.charCodeAt(ke - 1) | 0x20;
  if (last !== 100 && last !== 119 && last !== 115 && last !== 108 && last !== 112 && last !== 101) return false;
  const first = text.charCodeAt(ks) | 0x20;
  if (first === 102 || first === 117 || first === 105 || first === 110 || first === 115 || first === 101 || first === 111) {
    return n <= 22 && isFirewallKey(text.slice(ks, ke));
  }
  if (n < 7) return false;
  // A dotted module name: only its last segment counts, and every firewall key is a run of
  // ASCII letters, digits and `_` of 3 to 22 chars, so look at the segment before slicing.
  let dot = ke - 1;
  while (dot >= ks && isWordChar(text.charCodeAt(dot))) dot--;
  if (dot < ks || text.charCodeAt(dot) !== 46) return false;
  const tail = ke - dot - 1;
  return tail >= 3 && tail <= 22 && FIREWALL_KEYS.has(text.slice(dot + 1, ke).toLowerCase());
}

/** `isListenKey` for the key at [ks, ke): most keys end in neither `n` nor `d`. */
function isListenKeyAt(text: string, ks: number, ke: number): boolean {
  // `listen`, `bind`, `…_listen`, `…_bind` in any ASCII case (no other character lower-cases into these letters).
  const n = ke - ks;
  const w = n >= 6 && lowerAt(text, ke - 6, 'listen') ? 6 : n >= 4 && lowerAt(text, ke - 4, 'bind') ? 4 : 0;
  return w !== 0 && (n === w || text.charCodeAt(ke - w - 1) === 95);
}

/**
 * `isProseKey` for the key at [ks, ke): free-text keys are 3 to 11 chars and
 * start with one of their own first letters or a capital, so most keys are never sliced.
 */
function isProseKeyAt(text: string, ks: number, ke: number): boolean {
  const n = ke - ks;
  if (n < 3 || n > 11) return false;
  const c = text.charCodeAt(ks);
  if (c >= 97 && c !== 110 && c !== 100 && c !== 116 && c !== 115 && c !== 109 && c !== 99 && c !== 104) return false;
  return isProseKey(text.slice(ks, ke));
}

/** Keys that mirror a server's listen/bind directive: `listen`, `bind`, `web_listen`, `server_bind`. */
function isListenKey(key: string): boolean {
  const last = key.charCodeAt(key.length - 1) | 0x20;
  if (last !== 110 && last !== 100) return false;
  const k = key.toLowerCase();
  return k === 'listen' || k === 'bind' || k.endsWith('_listen') || k.endsWith('_bind');
}

/** The whole scalar [s, e) is `port/proto` or `from-to/proto` (`6443/tcp`, `2379-2380/tcp`, `53/udp`). */
function isProtoPort(text: string, s: number, e: number): boolean {
  let i = s;
  while (i < e && isDigit(text.charCodeAt(i))) i++;
  if (i === s || i - s > 5) return false;
  if (i < e && text.charCodeAt(i) === 45) {
    const b = ++i;
    while (i < e && isDigit(text.charCodeAt(i))) i++;
    if (i === b || i - b > 5) return false;
  }
  if (i >= e || text.charCodeAt(i) !== 47) return false;
  const n = e - i - 1;
  if (n !== 3 && n !== 4) return false;
  const p = text.slice(i + 1, e).toLowerCase();
  return p === 'tcp' || p === 'udp' || p === 'sctp';
}

export function scanYaml(ctx: ScanContext): void {
  const { text, lines, out, ignore } = ctx;
  const hasServices = hasServicesLine(text);
  const composeFile = ctx.format === 'compose' || (ctx.format === 'yaml' && hasServices);
  // Compose file format v1 has no `services:`: services are the top-level keys.
  const serviceDepth = hasServices ? 1 : 0;
  const stack: KeyFrame[] = [];
  const docs: Doc[] = [{ start: 0, end: text.length }];
  let block: Block | undefined;
  let item: Item | undefined;
  let pending: { flag: PendingFlag; depth: number } | undefined;
  // Key columns of the enclosing mappings that hold a firewall key (`firewalld:`, `community.general.ufw:`):
  // ports in those mappings, or in their siblings' values (`with_items:`), are firewall ports.
  const firewallAt: number[] = [];
  // Ansible tasks whose port argument is `{{ item }}`: their ports are the loop's entries (loops.ts).
  // Only files that can hold one pay for the tracking: a Jinja `{{` and a loop key somewhere.
  const loops = text.includes('{{') && (text.includes('loop:') || text.includes('with_')) ? new AnsibleLoops(text, out) : undefined;
  // A commented-out compose `#   ports:` / `#   expose:`: the column of its key, so the
  // commented list items under it are read as port mappings (comment occurrences, for hovers).
  let commentedList: { col: number; expose: boolean } | undefined;
  const n = lines.count;

  const finishItem = (end = text.length): void => {
    const it = item;
    item = undefined;
    if (!it) return;
    // An Ansible task named after the port it opens: `- name: Enable 9200 if elasticsearch` / `port: "9200"`.
    if (it.name && !it.comment && hasDigit(text, it.name.s, it.name.e)) portsNamedInName(it.name.s, it.name.e, it.start, end);
    // Compose long syntax: pair target and published.
    if (it.target && it.published) {
      const t = it.target;
      const tv = Number(text.slice(t.offset, t.offset + t.length));
      const first = it.published[0];
      const pv = first ? Number(text.slice(first.offset, first.offset + first.length)) : undefined;
      out.set(amend(t, { mappedTo: pv, protocol: t.protocol ?? it.protocol }));
      for (const p of it.published) out.set(amend(p, { mappedTo: tv, protocol: p.protocol ?? it.protocol }));
    } else if (it.protocol) {
      for (const c of [it.target, ...(it.published ?? [])]) if (c) out.set(amend(c, { protocol: c.protocol ?? it.protocol }));
    }
    // Kubernetes env: `- name: HTTP_PORT` / `value: "8080"`.
    if (it.name && it.value) {
      const info = portKeyInfo(it.name.text);
      if (info) scanPortValue(text, it.value.s, it.value.e, out, { role: info.role ?? 'unknown', comment: it.comment, key: it.name.text });
      // `- name: JAVA_OPTS` / `value: "-Dserver.port=8080 --httpPort=8080"`: options of a command line.
      else if (isCommandKey(it.name.text)) scanCommandLine(text, it.value.s, it.value.e, out, { comment: it.comment, shortFlags: false, noEndpoints: true });
    }
  };

  /**
   * Numbers in a list item's `name` that equal a port the item itself sets get that
   * port's role: the name says which port the task is about.
   */
  const portsNamedInName = (ns: number, ne: number, itemStart: number, itemEnd: number): void => {
    const own = out.inOrderBetween(itemStart, itemEnd).filter((c) => !c.comment && (c.offset < ns || c.offset >= ne));
    scanPortsNamedIn(text, ns, ne, portValues(text, own), out, 'name');
  };

  // Frames are never reused, so the same top frame at the same depth means the same path:
  // consecutive values under one key share one array (value() never mutates it).
  let pathFor: KeyFrame | undefined;
  let pathCache: string[] = [];
  const pathKeys = (): string[] => {
    const top = stack[stack.length - 1];
    if (top !== pathFor || pathCache.length !== stack.length) {
      pathCache = stack.map((f) => f.key);
      pathFor = top;
    }
    return pathCache;
  };

  const contextRole = (path: readonly string[], kind: string | undefined): PortRole | undefined => {
    // Structure first: a probe's port is the container's, an Envoy listener's listens.
    for (let j = path.length - 1; j >= 0; j--) {
      const low = (path[j] ?? '').toLowerCase();
      if (low.endsWith('probe')) return 'container';
      if (low === 'listeners' || low === 'listener' || low === 'admin' || low === 'entrypoints') return 'listen';
      if (low === 'clusters' || low === 'endpoints' || low === 'backend' || low === 'upstreams' || low === 'targets' || low === 'static_configs') return 'connect';
      if (low === 'containers' || low === 'initcontainers') return 'container';
    }
    // Then the words of the parent key: `database: { port: 5432 }`, `service: { port: 80 }`.
    const parent = path[path.length - 1];
    if (parent !== undefined) {
      const r = roleFromWords(splitWords(parent));
      if (r && r !== 'firewall') return r;
    }
    if (kind === 'Service') return 'listen';
    return undefined;
  };

  /** Handles one scalar or flow value. `key` undefined for a list item scalar. */
  const value = (path: readonly string[], key: string | undefined, vs: number, ve: number, comment: boolean, line: number, keyIndent: number, depth = 0): void => {
    if (vs >= ve) return;
    if (text.charCodeAt(vs) === 123 && text.charCodeAt(vs + 1) !== 123 && depth < 16 && !(composeFile && (key === undefined ? path[path.length - 1] === 'ports' : false))) {
      // Flow mapping `{ address: 0.0.0.0, port_value: 10000 }`: each pair under this key.
      const inner = key === undefined ? path : [...path, key];
      for (const it of flowItems(text, vs, ve)) {
        const kv = parseKey(text, it.s, it.e);
        if (!kv) continue;
        let v = kv.vs;
        while (v < it.e && isSpace(text.charCodeAt(v))) v++;
        value(inner, kv.key, v, it.e, comment, line, keyIndent, depth + 1);
      }
      return;
    }
    const doc = docs[docs.length - 1];
    const kind = doc?.kind;
    const q = stripQuotes(text, vs, ve);
    const service = !composeFile ? undefined
      : serviceDepth === 1 ? (path[0] === 'services' && path.length >= 2 ? path[1] : undefined)
      : path.length >= 1 && path[0] !== 'version' && path[0] !== 'volumes' && path[0] !== 'networks' ? path[0] : undefined;
    const scope = service;
    const owner = path[path.length - 1];
    const flow = !q.quoted && text.charCodeAt(vs) === 91;
    void line;
    void keyIndent;
    // Compose ports / expose.
    const composeList = service !== undefined && (
      (path.length === serviceDepth + 2 && (owner === 'ports' || owner === 'expose')) ||
      (path.length === serviceDepth + 1 && key !== undefined && flow && (key === 'ports' || key === 'expose')));
    if (composeList) {
      const listName = path.length === serviceDepth + 1 ? key : owner;
      if (key === undefined || path.length === serviceDepth + 1) {
        const list = flow ? flowItems(text, vs, ve) : [{ s: vs, e: ve }];
        for (const it of list) {
          const iq = stripQuotes(text, it.s, it.e);
          if (listName === 'expose') scanPortValue(text, iq.s, iq.e, out, { role: 'exposed', comment, key: 'expose', scope });
          else if (text.charCodeAt(iq.s) === 123) {
            // `- { target: 80, published: 8080 }`
            const body = text.slice(iq.s + 1, iq.e - 1);
            const t = /(?:^|[\s,])target\s*:\s*["']?(\d+)/.exec(body);
            const p = /(?:^|[\s,])published\s*:\s*["']?(\d+)/.exec(body);
            const tv = t ? Number(t[1]) : undefined;
            const pv = p ? Number(p[1]) : undefined;
            if (t && t[1]) out.add(cand(iq.s + 1 + t.index + t[0].length - t[1].length, t[1].length, 'container', comment, 'target', scope, undefined, undefined, undefined, pv));
            if (p && p[1]) out.add(cand(iq.s + 1 + p.index + p[0].length - p[1].length, p[1].length, 'published', comment, 'published', scope, undefined, undefined, undefined, tv));
          } else scanMapping(text, iq.s, iq.e, out, { comment, key: 'ports', scope, loneRole: 'container', unquoted: !iq.quoted && !flow });
        }
        return;
      }
      if (owner === 'ports' && item) {
        if (key === 'target') {
          const before = out.get(q.s);
          scanPortValue(text, q.s, q.e, out, { role: 'container', comment, key: 'target', scope });
          const c = out.get(q.s);
          if (c && c !== before) item.target = c;
          return;
        }
        if (key === 'published') {
          scanPortValue(text, q.s, q.e, out, { role: 'published', comment, key: 'published', scope });
          const c = out.get(q.s);
          if (c) {
            item.published = [c];
            // A published range: both ends.
            const dash = indexOfIn(text, '-', q.s, q.e);
            if (dash !== -1 && dash < q.e) {
              const c2 = out.get(dash + 1);
              if (c2) {
                const a = Number(text.slice(c.offset, c.offset + c.length));
                const b = Number(text.slice(c2.offset, c2.offset + c2.length));
                out.set(amend(c, { rangeEnd: 'start', rangeOther: b }));
                out.set(amend(c2, { rangeEnd: 'end', rangeOther: a }));
                item.published = [c, c2];
              }
            }
          }
          return;
        }
        if (key === 'protocol') {
          const p = text.slice(q.s, q.e).toLowerCase();
          if (p === 'tcp' || p === 'udp' || p === 'sctp') item.protocol = p;
          return;
        }
      }
    }
    if ((key !== undefined && isImageKey(key)) || (key === undefined && owner !== undefined && isImageKey(owner))) {
      scanImageRegistry(text, q.s, q.e, out, { comment, key: key ?? owner, scope });
      return;
    }
    // Docker's `--publish` as a key (Kamal `options: { publish: [...] }`): each entry is a `-p` mapping;
    // a scalar only when it is one (`publish: 8080:80`, not `publish: true`).
    if ((key === undefined ? owner : key) === 'publish' && !composeList && (key === undefined || flow || indexOfIn(text, ':', q.s, q.e) !== -1)) {
      for (const it of flow ? flowItems(text, vs, ve) : [{ s: vs, e: ve }]) {
        const iq = stripQuotes(text, it.s, it.e);
        scanMapping(text, iq.s, iq.e, out, { comment, key: 'publish', scope, loneRole: 'container', unquoted: !iq.quoted && !flow });
      }
      return;
    }
    // Kubernetes env list items: remember name/value for the item.
    // CloudFormation and ECS write them `Name:` / `Value:`.
    const pair = key !== undefined && (key.length === 4 || key.length === 5) ? key.toLowerCase() : undefined;
    if (item && (pair === 'name' || pair === 'value') && path.length === item.depth) {
      if (pair === 'name') item.name = { s: q.s, e: q.e, text: text.slice(q.s, q.e) };
      else item.value = { s: q.s, e: q.e };
    }
    if (!hasDigit(text, vs, ve) && !(key !== undefined && isCommandKey(key)) && !(owner && isCommandKey(owner))) return;
    if (key !== undefined && isProseKey(key)) {
      // Free text (`name: Allow tcp port 80 and 443`): numbers right after `port`/`ports` only.
      const added = scanProsePorts(text, q.s, q.e, out, { comment, role: firewallAt.length ? 'firewall' : 'unknown', key, scope });
      if (!comment) loops?.noteProse(added);
    }
    const k = key ?? owner;
    const info = k !== undefined ? portKeyInfo(k) : undefined;
    if (info && hasDigit(text, vs, ve)) {
      const role = info.role ?? contextRole(key === undefined ? path.slice(0, -1) : path, kind) ?? (firewallAt.length ? 'firewall' : 'unknown');
      scanPortValue(text, q.s, q.e, out, { role, comment, key: k, scope, rangeEnd: info.rangeEnd });
      scanEndpoints(text, q.s, q.e, out, { comment, scope });
      return;
    }
    if ((key === 'number' || key === 'value') && owner !== undefined && portKeyInfo(owner)) {
      // Ingress `port: { number: 80 }`.
      scanPortValue(text, q.s, q.e, out, { role: contextRole(path.slice(0, -1), kind) ?? 'connect', comment, key: `${owner}.${key}`, scope });
      return;
    }
    if (key !== undefined && owner !== undefined && !(item && item.depth === path.length) && allDigits(text, q.s, q.e) &&
      !NOT_PORT_CHILDREN.has(key.toLowerCase())) {
      // Named ports: `ports: { http: 80, grpc: 9090 }` (block or flow). A plain number under a
      // port-word key whose value is a map (not a list of maps) is a port, whatever its own name.
      const ownerInfo = portKeyInfo(owner);
      if (ownerInfo) {
        const role = ownerInfo.role ?? contextRole(path.slice(0, -1), kind) ?? roleFromWords(splitWords(key)) ??
          (firewallAt.length ? 'firewall' : 'unknown');
        scanPortValue(text, q.s, q.e, out, { role, comment, key: `${owner}.${key}`, scope });
        return;
      }
    }
    if (dataForms(path, key ?? owner, key !== undefined, vs, ve, q.s, q.e, flow, comment, scope, kind)) return;
    const commandCtx = (key !== undefined && isCommandKey(key)) || (key === undefined && owner !== undefined && isCommandKey(owner));
    if (commandCtx) {
      if (key === undefined && pending && pending.depth === stack.length) {
        const p = pending.flag;
        pending = undefined;
        resolvePending(text, q.s, q.e, out, { comment, scope, shortFlags: true }, p);
      }
      if (isFirewallCommand(text, q.s, q.e)) {
        // cloud-init `runcmd: - ufw allow 22/tcp`, Ansible `shell: iptables -A INPUT ... --dport 80`.
        scanShellCommand(text, q.s, q.e, out, { comment, scope });
        pending = undefined;
        return;
      }
      const p = scanCommandLine(text, q.s, q.e, out, { comment, scope, shortFlags: true });
      pending = key === undefined && p ? { flag: p, depth: stack.length } : undefined;
      return;
    }
    if (!hasDigit(text, vs, ve)) return;
    if (key === undefined || owner === 'environment' || owner === 'labels' || owner === 'env') {
      // `- PORT=5054`, `- "traefik...port=80"`, `- --port=8080`
      if (key === undefined) {
        scanAssignments(ctx, q.s, q.e, comment, 'listen', scope);
        if (text.charCodeAt(q.s) === 45) scanCommandLine(text, q.s, q.e, out, { comment, scope, shortFlags: false, noEndpoints: true });
      }
    } else if (indexOfIn(text, '--', q.s, q.e) !== -1) {
      scanCommandLine(text, q.s, q.e, out, { comment, scope, shortFlags: false, noEndpoints: true });
    } else if (mayAssignPort(text, q.s, q.e)) {
      // Free-form module arguments: `wait_for: port=8080 delay=10`.
      scanAssignments(ctx, q.s, q.e, comment, firewallAt.length ? 'firewall' : 'unknown', scope);
    }
    scanEndpoints(text, q.s, q.e, out, { comment, scope });
  };

  /**
   * Server directives and firewall rules written as data; true when the value is done.
   * `listen: "80"`, `bind: "127.0.0.1:6379"`, `listen: "443 ssl"`; `6443/tcp`, `2379-2380/tcp` and
   * `["80/tcp"]` whatever the key (Ansible firewalld/ufw loops); free-form module arguments
   * `firewalld: port=8443/tcp permanent=true`, `ufw: rule=allow port=22`.
   */
  const dataForms = (path: readonly string[], k: string | undefined, isKey: boolean, vs: number, ve: number, qs: number, qe: number,
    flow: boolean, comment: boolean, scope: string | undefined, kind: string | undefined): boolean => {
    if (isKey && k !== undefined && isListenKey(k)) {
      let te = qs;
      while (te < qe && !isSpace(text.charCodeAt(te))) te++;
      if (allDigits(text, qs, te)) out.add(cand(qs, te - qs, 'listen', comment, k, scope));
      else scanEndpoints(text, qs, te, out, { comment, scope, role: 'listen', key: k });
      return true;
    }
    if (flow) {
      if (indexOfIn(text, '/', vs, ve) !== -1) {
        for (const it of flowItems(text, vs, ve)) {
          const iq = stripQuotes(text, it.s, it.e);
          if (isProtoPort(text, iq.s, iq.e)) protoPort(path, k, iq.s, iq.e, comment, scope, kind);
        }
      }
    } else if (isProtoPort(text, qs, qe)) {
      protoPort(path, k, qs, qe, comment, scope, kind);
      return true;
    }
    if (isKey && k !== undefined && isFirewallKey(k) && indexOfIn(text, '=', qs, qe) !== -1) scanAssignments(ctx, qs, qe, comment, 'firewall', scope);
    return false;
  };

  const protoPort = (path: readonly string[], key: string | undefined, s: number, e: number, comment: boolean, scope: string | undefined, kind: string | undefined): void => {
    const role = firewallAt.length ? 'firewall' : contextRole(path, kind) ?? 'unknown';
    scanPortValue(text, s, e, out, { role, comment, key, scope });
  };

  const blockLine = (s: number, e: number, b: Block): void => {
    if (b.command) {
      if (isFirewallCommand(text, s, e)) scanShellCommand(text, s, e, out, { comment: false });
      else scanCommandLine(text, s, e, out, { comment: false, shortFlags: true });
    }
    else {
      // Embedded files (ConfigMap data, inline configs): read lines as key/value.
      scanKeyValue(ctx, s, e, false, { separator: 'any', defaultRole: 'unknown' });
    }
    scanEndpoints(text, s, e, out, { comment: false });
  };

  /** A YAML line [p, e) whose indent is `ind`; `comment` when re-read from a `#` line. */
  const yamlLine = (s: number, p: number, e: number, ind: number, comment: boolean, line: number, digitsHere: boolean): void => {
    let q = p;
    let isItem = false;
    while (q < e && text.charCodeAt(q) === 45 && (q + 1 === e || isSpace(text.charCodeAt(q + 1)))) {
      q++;
      while (q < e && isSpace(text.charCodeAt(q))) q++;
      isItem = true;
    }
    let ce = e;
    if (digitsHere || ignore.active) {
      // Strip the trailing comment (only lines that can hold a port need the exact end).
      const cs = hashCommentStart(text, q, e);
      if (cs !== -1) {
        ce = cs;
        if (ignore.active && !comment) ignore.noteComment(line, cs, e, false);
        const body = commentBody(text, cs, e, '#');
        if (body < e && hasDigit(text, body, e)) scanEndpoints(text, body, e, out, { comment: true });
      }
    }
    ce = trimEnd(text, q, ce);
    if (!comment) {
      while (firewallAt.length > 0 && (firewallAt[firewallAt.length - 1] ?? 0) > ind) firewallAt.pop();
      if (isItem) {
        while (stack.length && (stack[stack.length - 1]?.indent ?? 0) > ind) stack.pop();
        finishItem(s);
        item = { depth: stack.length, indent: ind, start: s, comment };
      } else {
        while (stack.length && (stack[stack.length - 1]?.indent ?? 0) >= ind) stack.pop();
        if (item && (ind <= item.indent || stack.length < item.depth)) finishItem(s);
      }
    }
    if (q >= ce) return;
    let vs = parseKeyAt(text, q, ce);
    if (vs === -1) {
      const c0 = text.charCodeAt(q);
      if (comment && !isItem && c0 !== 123 && c0 !== 91) {
        // A comment that is no commented-out key, list item or flow collection is prose:
        // only its port flags and endpoints (`# --cadvisor-port=0 Kubelet flag`).
        if (digitsHere) scanCommandLine(text, q, ce, out, { comment: true, shortFlags: false });
        return;
      }
      if (!comment) loops?.line(ind, isItem, q - s, undefined, q, ce, false);
      // A plain or flow scalar: a list item or a continuation line.
      if (digitsHere || (isItem && pending !== undefined) || (isItem && isCommandKey(stack[stack.length - 1]?.key ?? ''))) {
        value(pathKeys(), undefined, q, ce, comment, line, ind);
      }
      return;
    }
    const ks = keyStart;
    const ke = keyEnd;
    const keyIndent = q - s;
    const firewallKey = isFirewallKeyAt(text, ks, ke);
    // A key that is an address and a port as two words (keepalived's `virtual_server 10.0.0.1 80` kept in a
    // Salt or Ansible map: `"10.0.0.1 80":`).
    if (digitsHere && ke - ks <= 21) {
      const sp = indexOfIn(text, ' ', ks, ke);
      if (sp !== -1 && isIpv4(text.slice(ks, sp)) && ke - sp - 1 <= 5 && allDigits(text, sp + 1, ke)) out.add(cand(sp + 1, ke - sp - 1, 'unknown', comment, 'address and port'));
    }
    if (!comment) {
      // A list item starts a new mapping at its key's column.
      if (isItem) while (firewallAt.length > 0 && (firewallAt[firewallAt.length - 1] ?? 0) >= keyIndent) firewallAt.pop();
      if (firewallKey && (firewallAt.length === 0 || firewallAt[firewallAt.length - 1] !== keyIndent)) firewallAt.push(keyIndent);
    }
    while (vs < ce && isSpace(text.charCodeAt(vs))) vs++;
    if (!digitsHere && vs < ce && text.charCodeAt(vs) === 35) vs = ce; // `key: # comment`
    // Anchors and tags before the value: `key: &anchor`, `key: !!str 80`.
    while (vs < ce && (text.charCodeAt(vs) === 38 || text.charCodeAt(vs) === 33)) {
      while (vs < ce && !isSpace(text.charCodeAt(vs))) vs++;
      while (vs < ce && isSpace(text.charCodeAt(vs))) vs++;
    }
    if (!comment && loops) loops.line(ind, isItem, keyIndent, text.slice(ks, ke), vs, ce, firewallKey);
    if (!comment && stack.length <= 1 && !isItem) {
      const doc = docs[docs.length - 1];
      if (doc && stack.length === 0 && isWord(text, ks, ke, 'kind')) doc.kind = text.slice(vs, ce).replace(/["']/g, '').trim();
      if (doc && stack.length === 1 && stack[0]?.key === 'metadata' && isWord(text, ks, ke, 'name')) doc.name = text.slice(vs, ce).replace(/["']/g, '').trim();
    }
    if (vs >= ce) {
      if (!comment) stack.push({ indent: keyIndent, key: text.slice(ks, ke), ownerFlag: -1 });
      return;
    }
    const c0 = text.charCodeAt(vs);
    if ((c0 === 124 || c0 === 62) && BLOCK_HEADER.test(text.slice(vs, ce))) {
      if (!comment) {
        const key = text.slice(ks, ke);
        block = { parentIndent: keyIndent, command: isCommandKey(key) || stack.some((f) => isCommandKey(f.key)), key };
      }
      return;
    }
    if (!digitsHere) {
      // No digit: only what later lines depend on (Kubernetes env names, command flags).
      // Most keys are neither: decide on the key's chars before slicing it.
      if (item && (isWordAnyCase(text, ks, ke, 'name') || isWord(text, ks, ke, 'protocol'))) value(pathKeys(), text.slice(ks, ke), vs, ce, comment, line, keyIndent);
      else if (commandEndingAt(text, ks, ke)) {
        const key = text.slice(ks, ke);
        if (isCommandKey(key)) value(pathKeys(), key, vs, ce, comment, line, keyIndent);
      }
      return;
    }
    if (!firewallKey && plainValue(ks, ke, vs, ce)) return;
    value(pathKeys(), text.slice(ks, ke), vs, ce, comment, line, keyIndent);
  };

  /**
   * A `#` line [p, e) in a compose file: `#   ports:` opens a commented port list, `#     - 9964:9964`
   * under it is read like an uncommented item (as a comment occurrence); anything at or left of the
   * key's column closes it. Returns the list still open.
   */
  const commentedPorts = (p: number, e: number, digitsHere: boolean, open: { col: number; expose: boolean } | undefined) => {
    let b = p + 1;
    while (b < e && text.charCodeAt(b) === 32) b++;
    const col = b - p;
    if (open && col > open.col) {
      if (!digitsHere || text.charCodeAt(b) !== 45 || !isSpace(text.charCodeAt(b + 1))) return open;
      let vs = b + 1;
      while (vs < e && isSpace(text.charCodeAt(vs))) vs++;
      const cs = hashCommentStart(text, vs, e);
      const iq = stripQuotes(text, vs, trimEnd(text, vs, cs === -1 ? e : cs));
      if (open.expose) scanPortValue(text, iq.s, iq.e, out, { role: 'exposed', comment: true, key: 'expose' });
      else scanMapping(text, iq.s, iq.e, out, { comment: true, key: 'ports', loneRole: 'container', unquoted: !iq.quoted });
      return open;
    }
    const ke = trimEnd(text, b, e);
    if (ke - b === 6 && text.startsWith('ports:', b)) return { col, expose: false };
    if (ke - b === 7 && text.startsWith('expose:', b)) return { col, expose: true };
    return undefined;
  };

  /**
   * True when `value` provably adds and remembers nothing for `key: value` at
   * [vs, ce) (most settings with digits: `replicas: 3`, `memory: 512Mi`): no
   * flow mapping, no Compose port list, no item bookkeeping, no port, command,
   * listen or free-text key here (nor port or command key above), and no `--`
   * flag, `port/proto` slash or endpoint punctuation. The caller rules out firewall keys.
   */
  const plainValue = (ks: number, ke: number, vs: number, ce: number): boolean => {
    if (text.charCodeAt(vs) === 123) return false;
    if (item !== undefined && (isWordAnyCase(text, ks, ke, 'name') || isWordAnyCase(text, ks, ke, 'value'))) return false;
    // The key's tests on its range first: most keys are never sliced.
    if (hasPortLettersAt(text, ks, ke) || isListenKeyAt(text, ks, ke)) return false;
    if (commandEndingAt(text, ks, ke) && isCommandKey(text.slice(ks, ke))) return false;
    const top = stack[stack.length - 1];
    if (top !== undefined) {
      if (top.ownerFlag === -1) top.ownerFlag = hasPortLetters(top.key) || isCommandKey(top.key) ? 1 : 0;
      if (top.ownerFlag === 1) return false;
      if (composeFile && top.key === 'expose') return false;
    }
    if (composeFile && isWord(text, ks, ke, 'expose')) return false;
    if (isProseKeyAt(text, ks, ke)) return false; // `name: Allow tcp port 80` (prose.ts)
    const last = ce - 1;
    let equals = false;
    for (let i = vs; i < last; i++) {
      const c = text.charCodeAt(i);
      if ((c === 58 || c === 35 || c === 44 || c === 64) && isDigit(text.charCodeAt(i + 1))) return false;
      if (c === 58 && text.charCodeAt(i + 1) === 36) return false; // `host:${PORT:-5000}`
      if (c === 45 && text.charCodeAt(i + 1) === 45) return false;
      if (c === 47) return false; // `6443/tcp` (dataForms)
      if (c === 61) equals = true;
    }
    if (text.charCodeAt(last) === 47) return false;
    // `port=8080` among free-form module arguments (mayAssignPort).
    return !(equals && hasPortLettersAt(text, vs, ce));
  };

  /**
   * The common line, `key: value` under a top-level key, read in one walk:
   * true when it is done here, with exactly the effect `yamlLine` would have (the stack,
   * the open list item, `value` for digits that may be a port). False leaves the line to
   * `yamlLine`: list items, quoted or odd keys, `#`, anchors, block headers, firewall keys,
   * top-level keys and `metadata.name` (document kind and name), Ansible loops and ignore markers.
   */
  const fastLine = (s: number, p: number, e: number, ind: number, line: number): boolean => {
    if (loops !== undefined || ignore.active || p - s !== ind) return false;
    let c = text.charCodeAt(p);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95)) return false;
    let digit = false;
    let i = p + 1;
    // The key: letters, digits, `_`, `.`, `-` and `/` up to its colon.
    for (; i < e; i++) {
      c = text.charCodeAt(i);
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 46 || c === 45 || c === 47) continue;
      if (c >= 48 && c <= 57) {
        digit = true;
        continue;
      }
      break;
    }
    const ke = i;
    if (ke >= e || c !== 58 || ke - p >= 512) return false;
    i++;
    if (i < e && !isSpace(text.charCodeAt(i))) return false;
    while (i < e && isSpace(text.charCodeAt(i))) i++;
    const vs = i;
    for (; i < e; i++) {
      c = text.charCodeAt(i);
      if (c === 35) return false;
      if (c >= 48 && c <= 57) digit = true;
    }
    const ce = trimEnd(text, vs, e);
    while (firewallAt.length > 0 && (firewallAt[firewallAt.length - 1] ?? 0) > ind) firewallAt.pop();
    while (stack.length && (stack[stack.length - 1]?.indent ?? 0) >= ind) stack.pop();
    if (item && (ind <= item.indent || stack.length < item.depth)) finishItem(s);
    if (stack.length === 0 || isFirewallKeyAt(text, p, ke)) return false;
    if (stack.length === 1 && stack[0]?.key === 'metadata' && isWord(text, p, ke, 'name')) return false;
    if (vs >= ce) {
      stack.push({ indent: ind, key: text.slice(p, ke), ownerFlag: -1 });
      return true;
    }
    const v0 = text.charCodeAt(vs);
    if (v0 === 38 || v0 === 33 || v0 === 124 || v0 === 62) return false;
    if (!digit) return !(item && (isWordAnyCase(text, p, ke, 'name') || isWord(text, p, ke, 'protocol'))) && !commandEndingAt(text, p, ke);
    if (!plainValue(p, ke, vs, ce)) value(pathKeys(), text.slice(p, ke), vs, ce, false, line, ind);
    return true;
  };

  const digits = new DigitCursor(text);
  const starts = lines.starts;
  for (let line = 0; line < n; line++) {
    const s = starts[line] ?? text.length;
    const e = lines.end(line);
    let p = s;
    while (p < e && text.charCodeAt(p) === 32) p++;
    const ind = p - s;
    if (block) {
      if (p >= e || ind > block.parentIndent) {
        if (p < e && digits.next(s) < e) blockLine(p, e, block);
        continue;
      }
      block = undefined;
    }
    while (p < e && isSpace(text.charCodeAt(p))) p++;
    if (p >= e) continue;
    const c = text.charCodeAt(p);
    if (c === 35) {
      const digitsHere = digits.next(s) < e;
      if (ignore.active) ignore.noteComment(line, p, e, true);
      if (composeFile) commentedList = commentedPorts(p, e, digitsHere, commentedList);
      if (digitsHere) {
        const body = commentBody(text, p, e, '#');
        if (body < e) {
          let bi = body;
          while (bi < e && text.charCodeAt(bi) === 32) bi++;
          yamlLine(body, bi, e, ind, true, line, true);
        }
      }
      continue;
    }
    commentedList = undefined;
    if (ind === 0 && (c === 45 || c === 46) && (text.startsWith('---', p) || text.startsWith('...', p)) && (p + 3 === e || isSpace(text.charCodeAt(p + 3)))) {
      finishItem(s);
      loops?.flush();
      stack.length = 0;
      pending = undefined;
      const last = docs[docs.length - 1];
      if (last) last.end = s;
      docs.push({ start: s, end: text.length });
      continue;
    }
    if (ind === 0 && c === 37) continue; // %YAML directive
    if (!fastLine(s, p, e, ind, line)) yamlLine(s, p, e, ind, false, line, digits.next(s) < e);
  }
  finishItem();
  loops?.flush();

  // Kubernetes objects: scope each port by `Kind/name` of its document.
  const named = docs.filter((d) => d.kind && d.name);
  if (named.length && !composeFile) {
    const cands = out.candidates();
    let di = 0;
    for (const c of cands) {
      while (di < named.length && (named[di]?.end ?? 0) <= c.offset) di++;
      const d = named[di];
      if (!d) break;
      if (c.offset >= d.start && c.offset < d.end && c.scope === undefined) out.set(amend(c, { scope: `${d.kind}/${d.name}` }));
    }
  }
}
