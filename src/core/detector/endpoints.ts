// host:port endpoints and URLs with a port, in any text. These carry their own
// evidence (the punctuation), so they are found in every format, in values
// and in comments alike; format scanners run first and may claim the digits
// with a better role.
import { cand, type Collector } from './collector';
import type { PortRole } from './types';
import { hasPortLettersAt, portKeyInfo } from './keys';
import { allDigits, indexOfIn, isAlnum, isAlpha, isDigit, isHex, isSpace, isWordChar, lowerAt } from './text';

export interface EndpointOptions {
  readonly comment: boolean;
  /** Overrides the role the host implies (a `listen` directive's endpoints listen). */
  readonly role?: PortRole;
  readonly key?: string;
  readonly scope?: string;
  /**
   * The span is an address argument (nginx `server`, `*_pass`): a bare name
   * before `:digits` is a host whatever the name or the number.
   */
  readonly address?: boolean;
}

/**
 * Single-label names that come before a colon and a number without being a
 * host: image names and tags, key sizes, units, counters.
 */
const NOT_HOSTS = new Set([
  'version', 'v', 'ver', 'step', 'steps', 'level', 'levels', 'line', 'lines', 'col', 'column', 'page', 'size', 'max', 'min',
  'limit', 'timeout', 'weight', 'priority', 'index', 'idx', 'id', 'count', 'retry', 'retries', 'delay', 'interval', 'rate',
  'ratio', 'scale', 'zoom', 'width', 'height', 'time', 'date', 'year', 'month', 'day', 'hour', 'hours', 'minute', 'minutes',
  'second', 'seconds', 'ms', 'sec', 'secs', 'msec', 'msecs', 'millis', 'millisecs', 'milliseconds', 'usec', 'usecs',
  'microsecs', 'microseconds', 'nanos', 'nanoseconds', 'ns', 'us', 'mins', 'days', 'weeks', 'utc', 'gmt', 'rsa', 'dsa', 'ec', 'ecdsa', 'ed25519', 'sha', 'sha1', 'sha256', 'sha384',
  'sha512', 'md5', 'aes', 'aes128', 'aes256', 'des', 'dh', 'crc32', 'base64', 'utf', 'utf8', 'iso', 'part', 'chapter',
  'section', 'fig', 'figure', 'table', 'issue', 'pr', 'bug', 'ticket', 'build', 'rev', 'revision', 'release', 'tag', 'latest',
  'stable', 'lts', 'uid',
  'gid', 'pid', 'user', 'group', 'mode', 'type', 'code', 'status', 'error', 'err', 'warn', 'warning', 'info', 'debug', 'sleep',
  'wait', 'epoch', 'round', 'phase', 'stage', 'batch', 'shard', 'replica', 'replicas', 'node_id', 'nodeid', 'cpu', 'cpus',
  'mem', 'memory', 'gpu', 'gpus', 'core', 'cores', 'thread', 'threads', 'worker', 'workers', 'slot', 'slots', 'ttl', 'tty',
  'loop', 'row', 'rows', 'cols', 'offset', 'len', 'length', 'n', 'x', 'y', 'z', 'w', 'h', 'k', 'i', 'j', 'p', 'r', 's', 't',
]);

/**
 * Image and language names: `php:8080` is a tag only where an image is
 * expected, and those places filter it themselves (`image:` keys and
 * Dockerfile `FROM` are skipped by their scanners; `docker run` image
 * arguments are vetoed in commands.ts). Everywhere else these are service
 * host names: `fastcgi_pass php:9000;`, `server node:9004;`.
 */
export const IMAGE_NAMES: ReadonlySet<string> = new Set([
  'alpine', 'slim', 'python', 'node', 'golang', 'go', 'java', 'openjdk', 'ruby', 'php', 'perl', 'rust', 'dotnet', 'ubuntu',
  'debian', 'centos', 'fedora', 'busybox', 'scratch', 'rockylinux', 'almalinux', 'amazonlinux',
]);

/** Last labels that make `name.ext:12` a file and line, not a host. */
const FILE_EXTENSIONS = new Set([
  'txt', 'log', 'js', 'mjs', 'cjs', 'ts', 'tsx', 'jsx', 'py', 'go', 'rb', 'java', 'kt', 'c', 'h', 'cc', 'cpp', 'hpp', 'cs', 'rs',
  'yml', 'yaml', 'json', 'conf', 'md', 'html', 'htm', 'css', 'sh', 'xml', 'pem', 'key', 'crt', 'sock', 'pid', 'lock', 'tmp',
  'cfg', 'ini', 'properties', 'sql', 'jar', 'war', 'so', 'dll', 'exe', 'php', 'pl', 'swift', 'scala', 'lua', 'vue', 'svelte',
  'toml', 'tf', 'env', 'gz', 'zip', 'tar', 'png', 'jpg', 'svg', 'csv', 'class', 'go', 'd', 'bak', 'orig', 'rst', 'tpl',
]);

function isHostChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 45 || c === 95; // . - _
}

/** Characters that may stand right before a bare `:port`. */
function isBareBoundary(c: number): boolean {
  return (
    c === -1 || isSpace(c) || c === 34 || c === 39 || c === 61 || c === 40 || c === 44 || c === 91 || c === 123 ||
    c === 62 || c === 64 || c === 59 || c === 124 || c === 10 || c === 13 || c === 96
  );
}

/** Characters that may follow a port's digits. */
function isPortTerminator(text: string, i: number, to: number): boolean {
  if (i >= to) return true;
  const c = text.charCodeAt(i);
  if (isSpace(c) || c === 10 || c === 13) return true;
  switch (c) {
    case 47: // /
    case 34: // "
    case 39: // '
    case 44: // ,
    case 59: // ;
    case 41: // )
    case 93: // ]
    case 125: // }
    case 62: // >
    case 60: // <
    case 124: // |
    case 38: // &
    case 63: // ?
    case 92: // \
    case 96: // `
    case 35: // #
    case 33: // !
    case 36: // $  nginx `$host:8443$request_uri`
    case 58: // :  (host:p1:p2 chains)
      return true;
    case 46: // .  end of a sentence, not a version
      return i + 1 >= to || !isAlnum(text.charCodeAt(i + 1));
    case 45: // -  a range end, not a tag suffix
      return i + 1 < to && isDigit(text.charCodeAt(i + 1));
    default:
      return false;
  }
}

/** Parses a dotted quad ending right before `end`; returns its start or -1. */
export function ipv4Before(text: string, end: number, from: number): number {
  let i = end;
  let parts = 0;
  while (parts < 4) {
    const de = i;
    while (i > from && isDigit(text.charCodeAt(i - 1)) && de - i < 3) i--;
    if (i === de) return -1;
    if (Number(text.slice(i, de)) > 255) return -1;
    parts++;
    if (parts === 4) break;
    if (i <= from || text.charCodeAt(i - 1) !== 46) return -1;
    i--;
  }
  if (i > from) {
    const b = text.charCodeAt(i - 1);
    if (isDigit(b) || b === 46) return -1;
  }
  return i;
}

/**
 * The address that ends at `end`, before a `#` or `@` port mark: an IPv4
 * address, or an IPv6 one with a `::` or eight groups. A wildcard (`0.0.0.0`,
 * `::`, `::0`) is where a server listens.
 */
function addressBeforeMark(text: string, end: number, from: number): HostVerdict | undefined {
  const v4 = ipv4Before(text, end, from);
  if (v4 >= 0) return end - v4 === 7 && text.startsWith('0.0.0.0', v4) ? V.ipv4Any : V.ipv4;
  let i = end;
  let colons = 0;
  let double = false;
  let nonZero = false;
  while (i > from && end - i < 45) {
    const c = text.charCodeAt(i - 1);
    if (c === 58) {
      colons++;
      if (i - 2 >= from && text.charCodeAt(i - 2) === 58) double = true;
    } else if (isHex(c)) {
      if (c !== 48) nonZero = true;
    } else break;
    i--;
  }
  if (i > from && (isHostChar(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 46)) return undefined;
  // Eight groups, or fewer around one `::` (`::`, `::1`, `fe80::1`).
  if (colons < 2 || colons > 7 || (!double && colons !== 7)) return undefined;
  return nonZero ? V.ipv6 : V.ipv6Any;
}

export function isIpv4(s: string): boolean {
  return isIpv4In(s, 0, s.length);
}

/** `isIpv4` for [from, to) of a text, without copying it out. */
function isIpv4In(text: string, from: number, to: number): boolean {
  let parts = 0;
  let len = 0;
  let v = 0;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : 46;
    if (c === 46) {
      if (len === 0 || v > 255) return false;
      parts++;
      len = 0;
      v = 0;
    } else if (isDigit(c) && len < 3) {
      v = v * 10 + (c - 48);
      len++;
    } else return false;
  }
  return parts === 4;
}

/**
 * `${VAR:-N}`, `${VAR-N}` or `${VAR:=N}` starting at `ds` (the `$`): the default
 * digits and the closing brace, or undefined. Names are shell names, at most 64 characters.
 */
function variablePortAt(text: string, ds: number, to: number): { s: number; e: number; close: number } | undefined {
  let i = ds + 2;
  const lim = Math.min(to, i + 64);
  if (i >= lim || !(isAlpha(text.charCodeAt(i)) || text.charCodeAt(i) === 95)) return undefined;
  while (i < lim && isWordChar(text.charCodeAt(i))) i++;
  if (i < to && text.charCodeAt(i) === 58) i++;
  const op = i < to ? text.charCodeAt(i) : -1;
  if (op !== 45 && !(op === 61 && text.charCodeAt(i - 1) === 58)) return undefined; // `-` (after `:` or not) or `:=`
  const s = ++i;
  while (i < to && i - s <= 5 && isDigit(text.charCodeAt(i))) i++;
  if (i === s || i - s > 5 || i >= to || text.charCodeAt(i) !== 125) return undefined;
  return { s, e: i, close: i };
}

/**
 * The Jinja expression opening at `open` (`{{`): where it ends (past `}}`) and
 * the digits of its literal fallback, if any (`{{ port | default(8080) }}`,
 * `{{ ansible_port if ansible_port is defined else 22 }}`; s = -1 when none).
 *
 * @example jinjaFallback('{{ port | default(8080) }}', 0, 26) // { s: 18, e: 22, close: 26 }
 */
export function jinjaFallback(text: string, open: number, to: number): { s: number; e: number; close: number } | undefined {
  const close = indexOfIn(text, '}}', open + 2, Math.min(to, open + 400));
  if (close === -1) return undefined;
  const m = /(?:\bdefault\(\s*["']?|\belse\s+["']?)(\d{1,5})["']?\s*\)?\s*$/.exec(text.slice(open + 2, close));
  if (!m || !m[1]) return { s: -1, e: -1, close: close + 2 };
  const s = open + 2 + m.index + m[0].indexOf(m[1]);
  return { s, e: s + m[1].length, close: close + 2 };
}

/** True when the colon at `colon` sits in an unbracketed IPv6 address. */
function inIpv6Chain(text: string, colon: number, from: number, to: number): boolean {
  let s = colon;
  const lo = Math.max(from, colon - 46);
  const hi = Math.min(to, colon + 46);
  while (s > lo && (isHex(text.charCodeAt(s - 1)) || text.charCodeAt(s - 1) === 58)) s--;
  let e = colon;
  while (e < hi && (isHex(text.charCodeAt(e)) || text.charCodeAt(e) === 58)) e++;
  // The chunk [s, e) is hex digits and colons: an IPv6 address when it holds `::`, or
  // two colons or more with no group longer than four digits. Read in place, one
  // endpoint at a time: a long line can hold a hundred thousand of them.
  // A single colon opening the chunk ends a word that is no hex group (`tcp:db:5432`, `wss:cafe:8443`):
  // an IPv6 address never starts with one.
  if (text.charCodeAt(s) === 58 && text.charCodeAt(s + 1) !== 58) s++;
  // Nor does it continue a word: `zookeeper1:2888:3888` is a host and two ports, not groups `1:2888:3888`.
  else if (s > lo && (isAlpha(text.charCodeAt(s - 1)) || text.charCodeAt(s - 1) === 95 || text.charCodeAt(s - 1) === 45)) return false;
  let colons = 0;
  let group = 0;
  let longGroup = false;
  for (let i = s; i < e; i++) {
    if (text.charCodeAt(i) === 58) {
      if (i > s && text.charCodeAt(i - 1) === 58) return true;
      colons++;
      group = 0;
    } else if (++group > 4) longGroup = true;
  }
  return colons >= 2 && !longGroup;
}

/**
 * `DISPLAY=:0`, `DISPLAY: ":1"`, `-display :0`, `--display=:0`: the bare `:N`
 * right after a `display` word and its separator is an X display number, not
 * a port. Looks back at most 16 characters of the raw text (any format).
 */
function isDisplayBefore(text: string, colon: number): boolean {
  const lim = Math.max(0, colon - 16);
  let i = colon;
  const quote = (c: number): boolean => c === 34 || c === 39;
  while (i > lim && quote(text.charCodeAt(i - 1))) i--;
  let sep = false;
  while (i > lim && isSpace(text.charCodeAt(i - 1))) {
    i--;
    sep = true;
  }
  const c = i > lim ? text.charCodeAt(i - 1) : -1;
  if (c === 61 || c === 58) {
    i--;
    sep = true;
    while (i > lim && isSpace(text.charCodeAt(i - 1))) i--;
    while (i > lim && quote(text.charCodeAt(i - 1))) i--;
  }
  if (!sep || i - 7 < 0 || text.slice(i - 7, i).toLowerCase() !== 'display') return false;
  return i - 8 < 0 || !isAlnum(text.charCodeAt(i - 8));
}

/**
 * Whether the colon ends the host of a URL whose host is written some other
 * way: a placeholder or a masked address (`http://<server-ip>:8080/`,
 * `http://###.###.##.###:5824/`). The authority runs from `scheme://` to the
 * colon without a blank, `/`, `@` or another colon.
 */
function urlAuthorityBefore(text: string, colon: number, from: number): boolean {
  const lim = Math.max(from, colon - 253);
  let i = colon;
  while (i > lim) {
    const c = text.charCodeAt(i - 1);
    if (c === 47) break;
    if (isSpace(c) || c === 64 || c === 58 || c === 34 || c === 39 || c === 10 || c === 13) return false;
    i--;
  }
  if (i === colon || i - 3 < from || text.charCodeAt(i - 1) !== 47 || text.charCodeAt(i - 2) !== 47 || text.charCodeAt(i - 3) !== 58) return false;
  // A scheme before `://`: letters first, then letters, digits, `+`, `-`, `.`.
  let k = i - 3;
  while (k > from && (isAlnum(text.charCodeAt(k - 1)) || text.charCodeAt(k - 1) === 43 || text.charCodeAt(k - 1) === 45 || text.charCodeAt(k - 1) === 46)) k--;
  return k < i - 3 && isAlpha(text.charCodeAt(k));
}

/**
 * Address types that come before `host:port`: socat's (`tcp:localhost:6001`, `tcp4-connect:db:5432`)
 * and postfix's milter and policy sockets (`inet:127.0.0.1:10026`).
 */
const SOCAT_TYPES = new Set([
  'inet', 'inet6',
  'tcp', 'tcp4', 'tcp6', 'udp', 'udp4', 'udp6', 'sctp', 'sctp4', 'sctp6', 'tcp-connect', 'tcp4-connect', 'tcp6-connect',
  'udp-connect', 'udp4-connect', 'udp6-connect', 'sctp-connect', 'udp-sendto', 'udp4-sendto', 'udp6-sendto', 'udp-datagram',
  'openssl', 'openssl-connect', 'ssl', 'dccp-connect', 'proxy', 'socks4', 'socks4a', 'socks5',
]);

/** socat address types that listen on the port after them: `tcp-listen:8080`, `udp4-recvfrom:53`. */
const SOCAT_LISTEN_TYPES = new Set([
  'tcp-listen', 'tcp4-listen', 'tcp6-listen', 'udp-listen', 'udp4-listen', 'udp6-listen', 'sctp-listen', 'sctp4-listen',
  'sctp6-listen', 'dccp-listen', 'openssl-listen', 'udp-recv', 'udp4-recv', 'udp6-recv', 'udp-recvfrom', 'udp4-recvfrom',
  'udp6-recvfrom',
]);

/**
 * Where the `open` that matches the `close` at `at` stands, on the same line
 * and at most 200 characters back; -1 when there is none.
 */
function openerBefore(text: string, at: number, from: number, open: number, close: number): number {
  const lim = Math.max(from, at - 200);
  let depth = 1;
  for (let i = at - 1; i >= lim; i--) {
    const c = text.charCodeAt(i);
    if (c === close) depth++;
    else if (c === open && --depth === 0) return i;
    else if (c === 10 || c === 13) return -1;
  }
  return -1;
}

/** Whether the colon at `colon` ends a forward's bind address (`0.0.0.0:8080:localhost:80`, `*:`, `localhost:`, `[::1]:`). */
function bindAddressBefore(text: string, colon: number, from: number): boolean {
  if (text.charCodeAt(colon) !== 58 || colon <= from) return false;
  const p = colon - 1;
  const c = text.charCodeAt(p);
  const boundary = (i: number): boolean => i < from || isBareBoundary(text.charCodeAt(i));
  if (c === 42) return boundary(p - 1);
  if (c === 93) {
    for (let i = p - 1; i >= Math.max(from, p - 48); i--) if (text.charCodeAt(i) === 91) return true;
    return false;
  }
  if (p - 8 >= from && lowerAt(text, p - 8, 'localhost')) return boundary(p - 9);
  const v4 = ipv4Before(text, colon, from);
  return v4 >= 0 && boundary(v4 - 1);
}

/** Whether the colon at `colon` ends a socat address type standing alone (`tcp:` in `tcp:localhost:6001`). */
function socatTypeBefore(text: string, colon: number, from: number): boolean {
  let i = colon;
  const lim = Math.max(from, colon - 16);
  while (i > lim && (isAlnum(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 45)) i--;
  if (i === colon || !SOCAT_TYPES.has(text.slice(i, colon).toLowerCase())) return false;
  return i <= from || isBareBoundary(text.charCodeAt(i - 1));
}

type HostKind = 'wildcard' | 'ipv4' | 'ipv6' | 'local' | 'name' | 'dotted' | 'template' | 'variable' | 'url';

interface HostVerdict {
  readonly kind: HostKind;
  readonly any: boolean;
}

/** The verdicts, shared: one long line can hold a hundred thousand endpoints. */
const verdicts = (kind: HostKind, any: boolean): HostVerdict => Object.freeze({ kind, any });
const V = {
  wildcard: verdicts('wildcard', true), ipv4: verdicts('ipv4', false), ipv4Any: verdicts('ipv4', true), ipv6: verdicts('ipv6', false),
  ipv6Any: verdicts('ipv6', true), local: verdicts('local', false), name: verdicts('name', false), dotted: verdicts('dotted', false),
  template: verdicts('template', false), variable: verdicts('variable', false), url: verdicts('url', false),
} as const;

/** The local port of a `port:host:port` forward, left by `hostBeforeColon` for its caller (-1 when none). */
let leadPortStart = -1;
let leadPortEnd = -1;

/**
 * Decides whether the digits at [ds, de), preceded by a colon, are the port of
 * an endpoint. Returns what kind of host they follow, or undefined.
 */
function hostBeforeColon(
  text: string, colon: number, from: number, to: number, de: number, depth: number, opts: EndpointOptions,
  ds = colon + 1, // where the port's digits start: later than `colon + 1` for `host:${PORT:-N}`
): HostVerdict | undefined {
  leadPortStart = -1;
  const p = colon - 1;
  const pc = p >= from ? text.charCodeAt(p) : -1;
  if (pc === -1 || isBareBoundary(pc)) {
    // Not a bare `:port` but code: a slice (`s[:3]`), a format spec (`{:7}`) or a quoted key (`{'x':2}`,
    // a closing quote after a word).
    if (pc === 91 || pc === 123 || ((pc === 34 || pc === 39) && p - 1 >= from && isWordChar(text.charCodeAt(p - 1)))) return undefined;
    return isDisplayBefore(text, colon) ? undefined : V.wildcard;
  }
  // haproxy `bind :::80`: the IPv6 wildcard `::`, then the port.
  if (pc === 58 && p - 1 >= from && text.charCodeAt(p - 1) === 58 && (p - 2 < from || isBareBoundary(text.charCodeAt(p - 2)))) return V.ipv6Any;
  if (pc === 47) {
    // `://:9092` or `//:80`
    if (p - 1 >= from && text.charCodeAt(p - 1) === 47) return V.wildcard;
    return undefined;
  }
  if (pc === 42) {
    const b = p - 1 >= from ? text.charCodeAt(p - 1) : -1;
    if (b === -1 || isBareBoundary(b) || b === 47) return V.wildcard;
    return undefined;
  }
  if (pc === 93) {
    // [ipv6]:port
    let i = p - 1;
    const lim = Math.max(from, p - 64);
    while (i >= lim) {
      const c = text.charCodeAt(i);
      if (c === 91) break;
      if (!(isHex(c) || c === 58 || c === 46 || c === 37 || c === 45 || isAlnum(c))) return undefined;
      i--;
    }
    if (i < lim || text.charCodeAt(i) !== 91) return undefined;
    const inner = text.slice(i + 1, p);
    // postfix `relayhost = [smtp.example.com]:587`: a bracketed host name (no MX lookup), then its port.
    if (!inner.includes(':')) return /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(inner) ? V.dotted : undefined;
    const any = inner === '::' || inner === '::0' || /^0*(:0*)*$/.test(inner);
    return any ? V.ipv6Any : V.ipv6;
  }
  if (pc === 125) {
    // ${HOST}:port, {{ .Host }}:port, {$HOST}:port
    const i = openerBefore(text, p, from, 123, 125);
    if (i < 0) return undefined;
    const b = i - 1 >= from ? text.charCodeAt(i - 1) : -1;
    const n = i + 1 < p ? text.charCodeAt(i + 1) : -1;
    if (b === 36 || b === 123 || n === 36 || n === 123 || b === 37) return V.template;
    return undefined;
  }
  if (pc === 37) {
    // %HOSTIP%:3306: a template variable between percent signs gives the host.
    let i = p - 1;
    while (i >= from && p - i < 64 && isWordChar(text.charCodeAt(i))) i--;
    return i >= from && i < p - 1 && text.charCodeAt(i) === 37 ? V.template : undefined;
  }
  if (pc === 41) {
    // $(hostname -f):7080: a command substitution gives the host.
    const i = openerBefore(text, p, from, 40, 41);
    return i - 1 >= from && text.charCodeAt(i - 1) === 36 ? V.variable : undefined;
  }
  if (!isHostChar(pc)) return urlAuthorityBefore(text, colon, from) ? V.url : undefined;
  let hs = p;
  const lim = Math.max(from, p - 253);
  while (hs > lim && isHostChar(text.charCodeAt(hs - 1))) hs--;
  const bh = hs - 1 >= from ? text.charCodeAt(hs - 1) : -1;
  if (bh === 36) {
    // $host:443 (nginx), $1:9100 (relabeling), $HOST:8080 (shell); not pf's `($ext_if:0)`, the interface's first address.
    if (de - ds === 1 && text.charCodeAt(ds) === 48 && text.charCodeAt(de) === 41) return undefined;
    return V.variable;
  }
  if (isHostChar(bh)) return undefined; // ran past the scan limit
  // A `${NAME:default}` placeholder (Spring, Docker, JBoss): its default is a port only when NAME names
  // one (`${REDIS_PORT:6379}`, not `${JWT_LIFETIME:300}` or `${jboss.socket.binding.port-offset:0}`).
  if (bh === 123 && hs - 2 >= from && text.charCodeAt(hs - 2) === 36) {
    return hasPortLettersAt(text, hs, colon) && portKeyInfo(text.slice(hs, colon)) !== undefined ? V.variable : undefined;
  }
  // A printf verb for the host's last part: `"%s-headless.svc%s:5080"`.
  if (bh === 37 && colon - hs === 1 && (text.charCodeAt(hs) === 115 || text.charCodeAt(hs) === 118) &&
    !(hs - 2 >= from && text.charCodeAt(hs - 2) === 37)) return V.template;
  // The host is [hs, colon): judged in place, and copied only when a set or pattern must see it.
  const c0 = text.charCodeAt(hs);
  const cz = text.charCodeAt(colon - 1);
  if (c0 === 45 || c0 === 46 || cz === 46 || cz === 45) return undefined;
  let url = false;
  if (bh === 47) {
    if (hs - 2 >= from && text.charCodeAt(hs - 2) === 47) url = true;
    else return undefined; // a path segment: `library/postgres:15`, `/etc/file:12`
  } else if (bh === 58) {
    // host:p1:p2 — p2 counts when p1 is itself a port after a real host.
    if (depth === 0 && colon - hs <= 5 && allDigits(text, hs, colon)) {
      const v = hostBeforeColon(text, hs - 1, from, to, colon, 1, opts);
      if (v && v.kind !== 'wildcard') return v;
      return undefined;
    }
    // socat `tcp:localhost:6001`: the address type is no host; judge `localhost` as usual below.
    // A forward `port:host:port` (`ssh -L 8080:localhost:80`, Tor `80:web:3000`): the first port is
    // the local one; judge the host as usual and hand the first port to the caller.
    if (!socatTypeBefore(text, hs - 1, from)) {
      let ps = hs - 1;
      while (ps > from && isDigit(text.charCodeAt(ps - 1))) ps--;
      const n = hs - 1 - ps;
      if (depth !== 0 || n < 1 || n > 5 || !(ps === from || isBareBoundary(text.charCodeAt(ps - 1)) || bindAddressBefore(text, ps - 1, from))) return undefined;
      leadPortStart = ps;
      leadPortEnd = hs - 1;
    }
  } else if (bh !== -1 && bh !== 64 && !isBareBoundary(bh) && bh !== 40 && bh !== 58) {
    // Glued to something else: `a+b:80`, `x%y:1`.
    if (!(bh === 47 || bh === 42 || bh === 92 || bh === 41 || bh === 93 || bh === 60)) return undefined;
  }
  if (isIpv4In(text, hs, colon)) return colon - hs === 7 && text.startsWith('0.0.0.0', hs) ? V.ipv4Any : V.ipv4;
  let hasLetter = false;
  for (let i = hs; i < colon; i++) {
    if (isAlpha(text.charCodeAt(i))) {
      hasLetter = true;
      break;
    }
  }
  if (!hasLetter) return undefined;
  if (inIpv6Chain(text, colon, from, to)) return undefined;
  if ((colon - hs === 9 && lowerAt(text, hs, 'localhost')) || (colon - hs === 13 && lowerAt(text, hs, 'ip6-localhost'))) return V.local;
  const host = text.slice(hs, colon);
  const lower = host.toLowerCase();
  // socat's listening address types take a port, not a host (`TCP-LISTEN:8080,fork`).
  if (SOCAT_LISTEN_TYPES.has(lower) && isBareBoundary(bh)) return V.wildcard;
  if (url) return V.url;
  const dot = lower.lastIndexOf('.');
  if (dot > 0) {
    const last = lower.slice(dot + 1);
    if (FILE_EXTENSIONS.has(last) || !/[a-z]/.test(last)) return undefined;
    return V.dotted;
  }
  // A bare name: `db:5432` is an endpoint, `postgres:15` and `rsa:2048` are not.
  if (opts.address) return V.name;
  if (NOT_HOSTS.has(lower)) return undefined;
  if (de - ds < 2) return undefined;
  if (Number(text.slice(ds, de)) < 80) return undefined;
  return V.name;
}

function protocolAfter(text: string, i: number, to: number): 'tcp' | 'udp' | 'sctp' | undefined {
  if (i >= to || text.charCodeAt(i) !== 47) return undefined;
  const w = text.slice(i + 1, Math.min(to, i + 5)).toLowerCase();
  const ok = (p: string) => w.startsWith(p) && (i + 1 + p.length >= to || !isWordChar(text.charCodeAt(i + 1 + p.length)));
  if (ok('tcp')) return 'tcp';
  if (ok('udp')) return 'udp';
  if (ok('sctp')) return 'sctp';
  return undefined;
}

/**
 * Finds endpoints in [from, to): URLs with a port, host:port, [v6]:port,
 * bare :port and *:port, ${HOST}:port, IP#port (dnsmasq), IP@port (unbound) and localhost,port
 * (SQL Server).
 *
 * @example
 * // `proxy_pass http://backend:8000;` → 8000, role 'connect'
 */
export function scanEndpoints(text: string, from: number, to: number, out: Collector, opts: EndpointOptions): void {
  // Visit only the colons, hashes, `@` and commas followed by a digit (or a colon
  // before `${`): endpoints always have one before the port. The ranges scanners ask about are short
  // and together cover a small part of the text: walk them directly.
  let i = from;
  const last = to - 1;
  for (let at = from; at < last; at++) {
    if (at < i) {
      at = i - 1;
      continue;
    }
    const ch = text.charCodeAt(at);
    if (ch !== 58 && ch !== 35 && ch !== 44 && ch !== 64 && ch !== 91) continue;
    const nx = text.charCodeAt(at + 1);
    // Or a colon before `${`: a variable's default as the port (`0.0.0.0:${PORT:-5000}`).
    // Or a colon before `{{`: a Jinja fallback as the port (`{{ host }}:{{ port | default(8080) }}`).
    if (!isDigit(nx) && !(ch === 58 && (nx === 36 || nx === 123) && text.charCodeAt(at + 2) === 123)) continue;
    i = at;
    const c = text.charCodeAt(i);
    const ds = i + 1;
    if (c === 58 && text.charCodeAt(ds) === 36) {
      // `host:${PORT:-5000}` (Procfile, ExecStart=, compose command): the default is the port.
      i = ds;
      const v = variablePortAt(text, ds, to);
      if (!v || !isPortTerminator(text, v.close + 1, to)) continue;
      const hv = hostBeforeColon(text, at, from, to, v.e, 0, opts, v.s);
      if (!hv) continue;
      out.add(cand(v.s, v.e - v.s, opts.role ?? (hv.any ? 'listen' : 'connect'), opts.comment, opts.key, opts.scope, protocolAfter(text, v.close + 1, to)));
      i = v.close + 1;
      continue;
    }
    if (c === 58 && text.charCodeAt(ds) === 123) {
      i = ds;
      const j = jinjaFallback(text, ds, to);
      if (!j || j.s < 0 || !isPortTerminator(text, j.close, to)) continue;
      const hv = hostBeforeColon(text, at, from, to, j.e, 0, opts, j.s);
      if (hv) out.add(cand(j.s, j.e - j.s, opts.role ?? (hv.any ? 'listen' : 'connect'), opts.comment, opts.key, opts.scope, protocolAfter(text, j.close, to)));
      i = j.close;
      continue;
    }
    let de = ds;
    while (de < to && isDigit(text.charCodeAt(de))) de++;
    i = de;
    if (c === 91) {
      // A port map indexed by port: `${{ job.services.postgres.ports[5432] }}` (GitHub Actions).
      // `ports[5432]` and `port[80]` as words of their own (`.ports[`), not the end of `support[0]`.
      const w = lowerAt(text, at - 5, 'ports') ? 5 : lowerAt(text, at - 4, 'port') ? 4 : 0;
      const named = w !== 0 && at - w >= from && !isAlpha(text.charCodeAt(at - w - 1));
      if (named && de - ds <= 5 && text.charCodeAt(de) === 93) out.add(cand(ds, de - ds, opts.role ?? 'container', opts.comment, opts.key ?? 'ports[]', opts.scope));
      continue;
    }
    if (de - ds > 5 || !isPortTerminator(text, de, to)) continue;
    // Nobody writes a port with a leading zero: `:0700` is a file mode, `USB1397:0507` a product id, `6:00` a time.
    if (de - ds > 1 && text.charCodeAt(ds) === 48) continue;
    if (de < to && text.charCodeAt(de) === 58 && c !== 58) continue;
    let verdict: HostVerdict | undefined;
    if (c === 58) {
      verdict = hostBeforeColon(text, ds - 1, from, to, de, 0, opts);
      if (verdict && leadPortStart >= 0) {
        out.add(cand(leadPortStart, leadPortEnd - leadPortStart, opts.role ?? 'listen', opts.comment, opts.key, opts.scope));
      }
    }
    else if (c === 35 || c === 64) {
      // 172.20.0.2#5054 (dnsmasq), 1.1.1.1@853 and 127.0.0.1@5353 (unbound, knot, nsd), ::0@53 and 2001:db8::1#53
      verdict = addressBeforeMark(text, ds - 1, from);
    } else {
      // localhost,1433 / 10.0.0.5,1433 (SQL Server), only at the end of a value.
      const after = de < to ? text.charCodeAt(de) : -1;
      if (after === -1 || after === 34 || after === 39 || after === 59 || isSpace(after)) {
        if (ipv4Before(text, ds - 1, from) >= 0) verdict = V.ipv4;
        else if (ds - 10 >= from && text.slice(ds - 10, ds - 1).toLowerCase() === 'localhost') {
          const b = ds - 11 >= from ? text.charCodeAt(ds - 11) : -1;
          if (!isHostChar(b)) verdict = V.local;
        }
      }
    }
    if (!verdict) continue;
    const role: PortRole = opts.role ?? (verdict.any ? 'listen' : 'connect');
    const protocol = protocolAfter(text, de, to);
    // `*:8000-8010` is a range of ports.
    let rangeEndStart = -1;
    let rangeEndEnd = -1;
    if (de + 1 < to && text.charCodeAt(de) === 45 && isDigit(text.charCodeAt(de + 1))) {
      rangeEndStart = de + 1;
      rangeEndEnd = rangeEndStart;
      while (rangeEndEnd < to && isDigit(text.charCodeAt(rangeEndEnd))) rangeEndEnd++;
      if (!isPortTerminator(text, rangeEndEnd, to) || rangeEndEnd - rangeEndStart > 5) rangeEndStart = -1;
    }
    if (rangeEndStart >= 0) {
      const a = Number(text.slice(ds, de));
      const b = Number(text.slice(rangeEndStart, rangeEndEnd));
      out.add(cand(ds, de - ds, role, opts.comment, opts.key, opts.scope, protocol, 'start', b));
      out.add(cand(rangeEndStart, rangeEndEnd - rangeEndStart, role, opts.comment, opts.key, opts.scope, protocol, 'end', a));
      i = rangeEndEnd;
    } else {
      out.add(cand(ds, de - ds, role, opts.comment, opts.key, opts.scope, protocol));
    }
  }
}
