// Terraform / HCL: `from_port = 22`, `port = 8080`, `ports = [80, 443]`,
// `variable "app_port" { default = 8080 }`, and security-group rule tuples
// `[from, to, "protocol", "description"]`.
import type { ScanContext } from './context';
import { cand, type Candidate } from './collector';
import { forEachLine } from './lines';
import { handleValue, type KeyValueOptions } from './keyvalue';
import { portKeyInfo, roleFromWords, splitWords } from './keys';
import { scanEndpoints } from './endpoints';
import { scanPortValue } from './values';
import { portValues, scanPortsNamedIn } from './prose';
import { allDigits, hasDigit, hashCommentStart, indexOfIn, isWordChar, skipSpaces, trimEnd } from './text';

/** Protocols that make `[a, b, "tcp"]` a from/to port pair (ICMP's numbers are types and codes). */
const PORT_PROTOCOLS = /^"(?:tcp|udp|sctp|all|-1|6|17|132)"$/i;

function scanRuleTuples(ctx: ScanContext, s: number, e: number, comment: boolean): void {
  const { text, out } = ctx;
  let i = indexOfIn(text, '[', s, e);
  while (i !== -1 && i < e) {
    // [ int , int , "proto"
    const a = skipSpaces(text, i + 1, e);
    let ae = a;
    while (ae < e && text.charCodeAt(ae) >= 48 && text.charCodeAt(ae) <= 57) ae++;
    let j = skipSpaces(text, ae, e);
    if (ae > a && text.charCodeAt(j) === 44) {
      const b = skipSpaces(text, j + 1, e);
      let be = b;
      while (be < e && text.charCodeAt(be) >= 48 && text.charCodeAt(be) <= 57) be++;
      j = skipSpaces(text, be, e);
      if (be > b && text.charCodeAt(j) === 44) {
        const p = skipSpaces(text, j + 1, e);
        let pe = p + 1;
        while (pe < e && text.charCodeAt(pe) !== 34) pe++;
        if (text.charCodeAt(p) === 34 && PORT_PROTOCOLS.test(text.slice(p, pe + 1))) {
          const proto = text.slice(p + 1, pe).toLowerCase();
          const protocol: 'tcp' | 'udp' | 'sctp' | undefined = proto === 'tcp' || proto === 'udp' || proto === 'sctp' ? proto : undefined;
          const va = Number(text.slice(a, ae));
          const vb = Number(text.slice(b, be));
          out.add(cand(a, ae - a, 'firewall', comment, 'from_port', undefined, protocol, 'start', vb));
          out.add(cand(b, be - b, 'firewall', comment, 'to_port', undefined, protocol, 'end', va));
        }
      }
    }
    i = indexOfIn(text, '[', i + 1, e);
  }
}

/** Splits a line at top-level `{`, `}` and `,` so `{ from_port = 80, to_port = 80 }` gives two pairs. */
function pieces(text: string, s: number, e: number): Array<[number, number]> {
  const res: Array<[number, number]> = [];
  let depth = 0;
  let quote = 0;
  let ps = s;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === 92) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === 34) quote = c;
    else if (c === 91 || c === 40) depth++;
    else if (c === 93 || c === 41) depth--;
    else if (depth <= 0 && (c === 123 || c === 125 || c === 44)) {
      res.push([ps, i]);
      ps = i + 1;
    }
  }
  res.push([ps, e]);
  return res;
}

/** Ranges of HCL block comments (slash-star to star-slash), found once with the native search. */
function blockComments(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let i = text.indexOf('/*');
  while (i !== -1) {
    const close = text.indexOf('*/', i + 2);
    const end = close === -1 ? text.length : close + 2;
    ranges.push([i, end]);
    i = close === -1 ? -1 : text.indexOf('/*', end);
  }
  return ranges;
}

function inRanges(ranges: ReadonlyArray<[number, number]>, offset: number): number {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid];
    if (!r) break;
    if (offset < r[0]) hi = mid - 1;
    else if (offset >= r[1]) lo = mid + 1;
    else return r[0];
  }
  return -1;
}

const BLOCK_HEADER = /^\s*(?:variable|output)\s+"([^"]*)"\s*\{/;

/** How `key = value` reads in HCL: ranges use `:` in firewall values, an unknown role unless the key says. */
const HCL_VALUE: KeyValueOptions = { separator: 'equals', defaultRole: 'unknown', colonIsRange: true };

/** A Nomad network port stanza's opening: `port "http" {`. */
const NOMAD_PORT_BLOCK = /(?:^|[\s{])port\s+"[^"\r\n]*"\s*\{/g;
/** A map of named ports: Consul's `ports { http = 8500 }`, `ports = { grpc = 8502 }`, Nomad's `port_map { http = 3306 }`. */
const PORT_MAP_BLOCK = /(?:^|[\s{])(?:ports|port_map)[ \t]*(?:=[ \t]*)?\{/g; // one way to split the blanks: linear

/** Offsets of the `{` of every block the pattern opens, in order (one regex pass per scan). */
function blockBraces(text: string, re: RegExp): number[] {
  const braces: number[] = [];
  if (!text.includes('port')) return braces;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) braces.push(m.index + m[0].length - 1);
  return braces;
}

/**
 * Whether `pos` sits directly inside one of the blocks opened at `braces`
 * (`static` in `port "http" { static = 8080 }`): the nearest opening before
 * it, at most 1000 characters back, with no block opened or closed in between.
 */
function inBlock(text: string, braces: readonly number[], pos: number): boolean {
  let lo = 0;
  let hi = braces.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((braces[mid] ?? Infinity) < pos) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const brace = at === -1 ? -1 : braces[at] ?? -1;
  if (brace === -1 || pos - brace > 1000) return false;
  for (let i = brace + 1; i < pos; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 125) return false;
  }
  return true;
}

/** The label of the `variable "name" {` block enclosing a line, looking back a bounded number of lines. */
function enclosingLabel(ctx: ScanContext, line: number): string | undefined {
  const { text, lines } = ctx;
  let depth = 0;
  for (let l = line - 1; l >= 0 && line - l < 200; l--) {
    const s = lines.start(l);
    const e = lines.end(l);
    for (let i = e - 1; i >= s; i--) {
      const c = text.charCodeAt(i);
      if (c === 125) depth++;
      else if (c === 123) depth--;
    }
    if (depth < 0) {
      const m = BLOCK_HEADER.exec(text.slice(s, Math.min(e, s + 300)));
      return m ? m[1] : undefined;
    }
  }
  return undefined;
}

export function scanTerraform(ctx: ScanContext): void {
  const { text } = ctx;
  const blocks = text.includes('/*') ? blockComments(text) : [];
  const portBraces = blockBraces(text, NOMAD_PORT_BLOCK);
  const portMaps = blockBraces(text, PORT_MAP_BLOCK);
  // `description = "..."` values with digits: read once the whole file is (portsNamedInDescriptions).
  const descriptions: Array<[number, number]> = [];
  const lineComment = (t: string, s: number, e: number): number => {
    const h = hashCommentStart(t, s, e);
    let sl = -1;
    for (let i = s; i + 1 < e; i++) {
      const c = t.charCodeAt(i);
      if (c === 34) {
        const close = indexOfIn(t, '"', i + 1, e);
        if (close === -1) break;
        i = close;
        continue;
      }
      if (c === 47 && (t.charCodeAt(i + 1) === 47 || t.charCodeAt(i + 1) === 42)) {
        sl = i;
        break;
      }
    }
    if (h === -1) return sl;
    if (sl === -1) return h;
    return Math.min(h, sl);
  };
  const findComment = (t: string, s: number, e: number): number => {
    if (blocks.length && inRanges(blocks, s) !== -1) return s;
    return lineComment(t, s, e);
  };
  forEachLine(ctx, { findComment, markerChars: '#/*' }, (s, e, comment, line) => {
    const ls = skipSpaces(text, s, e);
    const le = trimEnd(text, ls, e);
    if (indexOfIn(text, '[', ls, le) !== -1) scanRuleTuples(ctx, ls, le, comment);
    let any = false;
    for (const [ps, pe] of pieces(text, ls, le)) {
      const a = skipSpaces(text, ps, pe);
      let k = a;
      const quoted = text.charCodeAt(k) === 34;
      if (quoted) k++;
      const kStart = k;
      while (k < pe && (isWordChar(text.charCodeAt(k)) || text.charCodeAt(k) === 45 || text.charCodeAt(k) === 46)) k++;
      const kEnd = k;
      if (quoted && text.charCodeAt(k) === 34) k++;
      k = skipSpaces(text, k, pe);
      if (kEnd === kStart || (text.charCodeAt(k) !== 61 && text.charCodeAt(k) !== 58) || text.charCodeAt(k + 1) === 61) continue;
      let vs = skipSpaces(text, k + 1, pe);
      let ve = trimEnd(text, vs, pe);
      if (text.charCodeAt(vs) === 34 && text.charCodeAt(ve - 1) === 34 && ve - vs >= 2) {
        vs++;
        ve--;
      }
      let key = text.slice(kStart, kEnd);
      if (key === 'default' && !comment) {
        // `variable "http_port" { default = 8080 }`: the variable's name is the key.
        const label = enclosingLabel(ctx, line + 1);
        if (label && portKeyInfo(label)) key = label;
      }
      any = true;
      if (key === 'description' && !comment && hasDigit(text, vs, ve)) descriptions.push([vs, ve]);
      if ((key === 'static' || key === 'to') && inBlock(text, portBraces, kStart)) {
        // Nomad `port "http" { static = 8080  to = 80 }`: the host's port and the task's.
        scanPortValue(text, vs, ve, ctx.out, { role: key === 'static' ? 'published' : 'container', comment, key });
        continue;
      }
      if (portMaps.length > 0 && allDigits(text, vs, ve) && inBlock(text, portMaps, kStart)) {
        // A named port in a map of ports: `ports { http = 8500  grpc = 8502 }` (0 turns one off).
        scanPortValue(text, vs, ve, ctx.out, { role: roleFromWords(splitWords(key)) ?? 'listen', comment, key: `ports.${key}` });
        continue;
      }
      handleValue(ctx, key, vs, ve, comment, HCL_VALUE);
    }
    if (!any) scanEndpoints(text, ls, le, ctx.out, { comment });
  });
  if (descriptions.length > 0) portsNamedInDescriptions(ctx, descriptions);
}

/**
 * A security-group rule's `description = "Tomcat 8080 Access"`: a number in a
 * block's description that equals a port the same block (or a block inside it)
 * sets is that port. One pass pairs every description with its block.
 */
function portsNamedInDescriptions(ctx: ScanContext, descriptions: ReadonlyArray<[number, number]>): void {
  const { text, out } = ctx;
  // Innermost block around each description, and where each block closes.
  const opens: number[] = [];
  const stack: number[] = [];
  const closeOf = new Map<number, number>();
  let d = 0;
  const n = text.length;
  for (let i = 0; i < n && (d < descriptions.length || stack.length > 0); i++) {
    while (d < descriptions.length && (descriptions[d]?.[0] ?? n) <= i) {
      opens.push(stack[stack.length - 1] ?? -1);
      d++;
    }
    const c = text.charCodeAt(i);
    if (c === 123) stack.push(i);
    else if (c === 125) {
      const o = stack.pop();
      if (o !== undefined) closeOf.set(o, i);
    }
  }
  const valuesOf = new Map<number, Map<string, Candidate>>();
  for (let k = 0; k < descriptions.length; k++) {
    const [ds, de] = descriptions[k] ?? [0, 0];
    const open = opens[k] ?? -1;
    const close = closeOf.get(open);
    if (open < 0 || close === undefined) continue;
    let values = valuesOf.get(open);
    if (!values) {
      values = portValues(text, out.inOrderBetween(open, close).filter((c) => !c.comment && (c.offset < ds || c.offset >= de)));
      valuesOf.set(open, values);
    }
    scanPortsNamedIn(text, ds, de, values, out, 'description');
  }
}
