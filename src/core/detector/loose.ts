// Files of no known format: configuration written as code (Chef and Puppet
// attributes, Nix modules, Python and Ruby settings). Two syntaxes hold ports
// there whatever the language: a port-named key assigned a number
// (`default["statsd"]["port"] = 8125`, `:httpPort => 8080`,
// `allowedTCPPorts = [ 80 443 ];`) and an environment lookup with a literal
// fallback (`ENV.fetch("PORT") { 3000 }`, `os.getenv("PORT", "8000")`).
import type { Collector } from './collector';
import { cand } from './collector';
import { portKeyInfo } from './keys';
import { scanPortValue } from './values';
import { scanEndpoints } from './endpoints';
import { isDigit, isSpace, isWordChar } from './text';

/** How far past a key the scan looks for its value, and how many list items it reads. */
const MAX_GAP = 64;
const MAX_KEY = 128;
const MAX_ITEMS = 256;

/** Whether the line starting at `s` opens (after blanks, before `e`) with `#` or `//`: a comment in most languages. */
function isCommentLine(text: string, s: number, e: number): boolean {
  let i = s;
  while (i < e && isSpace(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  return c === 35 || (c === 47 && text.charCodeAt(i + 1) === 47);
}

/**
 * Whether the line holding an offset starts (after blanks) with `#` or `//`:
 * a comment in most languages. Offsets are asked in increasing order, so each
 * character is passed once however long the line.
 */
class CommentLines {
  private pos: number;
  private lineStart: number;
  private known = -1;
  private comment = false;

  constructor(private readonly text: string, from: number) {
    let s = from;
    while (s > 0 && from - s < 4096 && text.charCodeAt(s - 1) !== 10 && text.charCodeAt(s - 1) !== 13) s--;
    this.pos = from;
    this.lineStart = s;
  }

  at(offset: number): boolean {
    const { text } = this;
    for (; this.pos < offset; this.pos++) {
      const c = text.charCodeAt(this.pos);
      if (c === 10 || c === 13) this.lineStart = this.pos + 1;
    }
    if (this.known !== this.lineStart) {
      this.known = this.lineStart;
      this.comment = isCommentLine(text, this.lineStart, offset);
    }
    return this.comment;
  }
}

function isKeyChar(c: number): boolean {
  return isWordChar(c) || c === 45 || c === 46;
}

/**
 * Ports assigned to port-named keys in any syntax: `port = 8080`,
 * `"port": 8080`, `["port"] = 8125`, `:port => 8080`, `port: 8080`, and lists
 * after them (`dport => ['500', '4500']`, Nix `[ 80 443 ]` over several lines).
 *
 * @example scanPortAssignments('default["app"]["port"] = 8080', 0, 29, out) // 8080
 */
export function scanPortAssignments(text: string, from: number, to: number, out: Collector): void {
  const re = /port/gi;
  re.lastIndex = from;
  const comments = new CommentLines(text, from);
  for (let m = re.exec(text); m !== null && m.index < to; m = re.exec(text)) {
    let ks = m.index;
    const lim = Math.max(from, m.index - MAX_KEY);
    while (ks > lim && isKeyChar(text.charCodeAt(ks - 1))) ks--;
    if (ks === lim && ks > from && isKeyChar(text.charCodeAt(ks - 1))) continue; // no key is this long
    let ke = m.index + 4;
    while (ke < to && isWordChar(text.charCodeAt(ke))) ke++;
    re.lastIndex = ke;
    // `"port"`, `'port'`, `["port"]`, `[:port]`: the key's closing quote and bracket.
    let i = ke;
    if (text.charCodeAt(i) === 34 || text.charCodeAt(i) === 39) i++;
    if (text.charCodeAt(i) === 93) i++;
    const gapEnd = Math.min(to, i + MAX_GAP);
    while (i < gapEnd && isSpace(text.charCodeAt(i))) i++;
    const c = text.charCodeAt(i);
    const n = text.charCodeAt(i + 1);
    // `=`, `=>`, `:=`, `?=`, `:` (not `==`, `::`, `<=`).
    if (c === 61) i += n === 62 ? 2 : n === 61 ? 0 : 1;
    else if ((c === 58 || c === 63) && n === 61) i += 2;
    else if (c === 58 && n !== 58) i += 1;
    else continue;
    if (i === ke) continue;
    while (i < gapEnd && isSpace(text.charCodeAt(i))) i++;
    const info = portKeyInfo(text.slice(ks, ke));
    if (!info) continue;
    const o = { role: info.role ?? 'unknown', comment: comments.at(m.index), key: text.slice(ks, ke), rangeEnd: info.rangeEnd };
    if (text.charCodeAt(i) === 91) {
      i = scanList(text, i + 1, to, out, o);
      re.lastIndex = Math.max(re.lastIndex, i);
      continue;
    }
    const v = valueToken(text, i, to);
    if (v) scanPortValue(text, v.s, v.e, out, o);
  }
}

interface Token {
  readonly s: number;
  readonly e: number;
}

/** A number, maybe quoted, at `i`: its digits (and a range's), or undefined. */
function valueToken(text: string, i: number, to: number): Token | undefined {
  const q = text.charCodeAt(i);
  const s = q === 34 || q === 39 ? i + 1 : i;
  if (!isDigit(text.charCodeAt(s))) return undefined;
  let e = s;
  while (e < to && (isDigit(text.charCodeAt(e)) || text.charCodeAt(e) === 45 || text.charCodeAt(e) === 58)) e++;
  // Glued to a word or a decimal point (`8080abc`, `1.5`): no port.
  if (e < to && (isWordChar(text.charCodeAt(e)) || (text.charCodeAt(e) === 46 && isDigit(text.charCodeAt(e + 1))))) return undefined;
  return { s, e };
}

/** Numbers in a list after a port key, up to its `]`; returns where reading stopped. */
function scanList(text: string, from: number, to: number, out: Collector, o: Parameters<typeof scanPortValue>[4]): number {
  let i = from;
  for (let items = 0; i < to && items < MAX_ITEMS;) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === 10 || c === 13 || c === 44) {
      i++;
      continue;
    }
    if (c === 35) {
      // A comment inside the list (Nix, Ruby, Python): to the end of its line.
      while (i < to && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      continue;
    }
    if (c === 93) return i + 1;
    const v = valueToken(text, i, to);
    if (!v) return i;
    scanPortValue(text, v.s, v.e, out, o);
    items++;
    i = v.e;
    const q = text.charCodeAt(i);
    if (q === 34 || q === 39) i++;
  }
  return i;
}

/**
 * An environment lookup of a port-named variable with a literal fallback:
 * Ruby `ENV.fetch("PORT") { 3000 }`, `ENV.fetch("PORT", 3000)`,
 * `ENV["PORT"] || 3000`; Python `os.environ.get("PORT", 8000)`,
 * `os.getenv("PORT", "8000")`; JavaScript `process.env.PORT || 3000`.
 */
const ENV_FALLBACK = new RegExp(
  [
    // Ruby and Python calls: the name, then `) {`, `) ||`, `) or` or `,` before the fallback.
    /(?:ENV\.fetch\(|ENV\[|environ\.get\(|environ\[|getenv\()[ \t]{0,4}["':]([A-Za-z_][A-Za-z0-9_]{0,63})["']?[ \t]{0,4}(?:[)\]][ \t]{0,4}(?:\{|\|\||or\b)|,)[ \t]{0,4}["']?(\d{1,5})(?![\w.])/.source,
    // JavaScript: `process.env.PORT || 3000`, `process.env["PORT"] ?? 3000`.
    /process\.env(?:\.([A-Za-z_][A-Za-z0-9_]{0,63})|\[["']([A-Za-z_][A-Za-z0-9_]{0,63})["']\])[ \t]{0,4}(?:\|\||\?\?)[ \t]{0,4}["']?(\d{1,5})(?![\w.])/.source,
  ].join('|'),
  'g',
);

/**
 * A `listen` call with a literal port first: Node `app.listen(3000)`, `server.listen(9090, 'localhost', cb)`.
 * Not in Python, where `sock.listen(5)` takes a backlog.
 *
 * @example scanListenCalls("app.listen(3000, () => {})", 0, 26, out, 'server.js') // 3000, listen
 */
export function scanListenCalls(text: string, from: number, to: number, out: Collector, fileName?: string): void {
  if (!text.includes('listen(') || /\.pyw?$/i.test(fileName ?? '')) return;
  const re = /\blisten\([ \t]{0,4}(\d{1,5})[ \t]{0,4}[,)]/g;
  re.lastIndex = from;
  const comments = new CommentLines(text, from);
  for (let m = re.exec(text); m !== null && m.index < to; m = re.exec(text)) {
    const digits = m[1] ?? '';
    out.add(cand(m.index + m[0].indexOf(digits, 7), digits.length, 'listen', comments.at(m.index), 'listen()'));
  }
}

/**
 * AWS CDK security group ports: `ec2.Port.tcp(443)`, `Port.udp(53)`, `Port.tcpRange(8000, 8010)`.
 *
 * @example scanCdkPorts('sg.addIngressRule(peer, ec2.Port.tcpRange(8000, 8010))', 0, 54, out) // 8000, 8010: firewall
 */
export function scanCdkPorts(text: string, from: number, to: number, out: Collector): void {
  if (!text.includes('Port.')) return;
  const re = /\bPort\.(?:tcp|udp|sctp)(?:Range)?\([ \t]{0,4}(\d{1,5})(?:[ \t]{0,4},[ \t]{0,4}(\d{1,5}))?[ \t]{0,4}\)/g;
  re.lastIndex = from;
  const comments = new CommentLines(text, from);
  for (let m = re.exec(text); m !== null && m.index < to; m = re.exec(text)) {
    const open = m.index + m[0].indexOf('(');
    const a = m[1] ?? '';
    const as = text.indexOf(a, open);
    out.add(cand(as, a.length, 'firewall', comments.at(m.index), 'Port'));
    const b = m[2];
    if (b !== undefined) out.add(cand(text.indexOf(b, as + a.length), b.length, 'firewall', comments.at(m.index), 'Port'));
  }
}

/**
 * Endpoints anywhere in a text of no known format, each flagged as in a comment when its line is
 * one (`# see http://localhost:8080`, `// listen on :3000`), so that no warning lands on it.
 *
 * @example scanTextEndpoints('# old: localhost:8080\nurl = "http://db:5432"', out) // 8080 (comment), 5432
 */
export function scanTextEndpoints(text: string, out: Collector): void {
  const n = text.length;
  // Lines end at LF (CRLF too); a file of CR-only line ends at CR.
  const nl = text.includes('\n') ? '\n' : '\r';
  // Most lines of prose hold neither `#` nor `//` at their start: runs of them go to one call.
  let runStart = 0;
  let s = 0;
  while (s < n) {
    let e = text.indexOf(nl, s);
    if (e === -1) e = n;
    if (isCommentLine(text, s, e)) {
      if (runStart < s) scanEndpoints(text, runStart, s, out, { comment: false });
      scanEndpoints(text, s, e, out, { comment: true });
      runStart = e + 1;
    }
    s = e + 1;
  }
  if (runStart < n) scanEndpoints(text, runStart, n, out, { comment: false });
}

/**
 * Ports an environment lookup falls back to (see ENV_FALLBACK), when the variable names a port.
 *
 * @example scanEnvFallbacks('port ENV.fetch("PORT") { 3000 }', 0, 31, out) // 3000, listen
 */
export function scanEnvFallbacks(text: string, from: number, to: number, out: Collector): void {
  // The pattern's alternatives start with common letters: look for their literals first.
  if (!text.includes('ENV') && !text.includes('environ') && !text.includes('getenv') && !text.includes('process.env')) return;
  ENV_FALLBACK.lastIndex = from;
  const comments = new CommentLines(text, from);
  for (let m = ENV_FALLBACK.exec(text); m !== null && m.index < to; m = ENV_FALLBACK.exec(text)) {
    const name = m[1] ?? m[3] ?? m[4] ?? '';
    const digits = m[2] ?? m[5];
    const info = portKeyInfo(name);
    if (!info || digits === undefined) continue;
    const ds = m.index + m[0].length - digits.length;
    out.add(cand(ds, digits.length, info.role ?? 'listen', comments.at(m.index), name));
  }
}
