// Packet filters: nftables rulesets and iptables rules (iptables-save files
// and scripts). Everything they name is a firewall port.
import type { ScanContext } from './context';
import type { Collector } from './collector';
import { scanCommandLine } from './commands';
import { scanEndpoints } from './endpoints';
import { forEachLine, hashComments } from './lines';
import { scanPortValue } from './values';
import { indexOfIn, isSpace, isWordChar, skipSpaces, trimEnd } from './text';

const NFT_OPERATORS = new Set(['!=', '==', 'eq', 'ne', '<', '>', '<=', '>=', 'lt', 'gt', 'le', 'ge']);

interface Span {
  readonly s: number;
  readonly e: number;
}

/** Splits [s, e) at nftables concatenation dots (` . `, blanks on both sides); parts trimmed. */
function splitConcat(text: string, s: number, e: number): Span[] {
  const parts: Span[] = [];
  let ps = s;
  for (let i = s + 1; i + 1 < e; i++) {
    if (text.charCodeAt(i) === 46 && isSpace(text.charCodeAt(i - 1)) && isSpace(text.charCodeAt(i + 1))) {
      parts.push({ s: skipSpaces(text, ps, i), e: trimEnd(text, ps, i) });
      ps = i + 1;
    }
  }
  parts.push({ s: skipSpaces(text, ps, e), e: trimEnd(text, ps, e) });
  return parts;
}

/** The last blank-separated word of [s, e). */
function lastWord(text: string, s: number, e: number): string {
  const we = trimEnd(text, s, e);
  let ws = we;
  while (ws > s && !isSpace(text.charCodeAt(ws - 1))) ws--;
  return text.slice(ws, we);
}

/** Offset of `word` as a whole word in [s, e), or -1. */
function wordIn(text: string, word: string, s: number, e: number): number {
  let i = indexOfIn(text, word, s, e);
  while (i !== -1) {
    const j = i + word.length;
    if ((i === s || !isWordChar(text.charCodeAt(i - 1))) && (j >= e || !isWordChar(text.charCodeAt(j)))) return i;
    i = indexOfIn(text, word, i + 1, e);
  }
  return -1;
}

/** The ` : ` between a map element's key and value: a colon with a blank on one side (IPv6 colons have none). */
function mapColon(text: string, s: number, e: number): number {
  for (let i = s; i < e; i++) {
    if (text.charCodeAt(i) !== 58) continue;
    const b = i > s ? text.charCodeAt(i - 1) : 32;
    const a = i + 1 < e ? text.charCodeAt(i + 1) : 32;
    if (b !== 58 && a !== 58 && (isSpace(b) || isSpace(a))) return i;
  }
  return -1;
}

/** Longest `{ ... }` body followed across lines; longer ones are read to the end of their first line only. */
const MAX_SET_BODY = 65536;

/**
 * Concatenations, verdict maps and NAT maps, whose set elements are tuples:
 * `ip protocol . th dport vmap { udp . 67 : accept }` (67),
 * `ip daddr . tcp dport { 10.0.0.1 . 22 }` (22),
 * `dnat ip addr . port to tcp dport map { 80 : 10.0.0.2 . 8080 }` (80 and 8080),
 * `redirect to :tcp dport map { 22 : 2222 }` (both). The selector before the
 * `{` says which ` . ` field of each key (and, for NAT, of each value) is a port.
 * A plain `tcp dport { 22, 80 }` is left to the line scan.
 */
function scanNftTuples(ctx: ScanContext): void {
  const { text, out, lines } = ctx;
  let closeAt = -1;
  let doneUntil = -1;
  // A body ends at its `}`, or at the next `{` when it never closes (a broken ruleset).
  const bodyEnd = (o: number, line: number, next: number): number => {
    if (closeAt < o) {
      closeAt = text.indexOf('}', o);
      if (closeAt === -1) closeAt = text.length;
    }
    const end = next !== -1 && next < closeAt ? next : closeAt;
    return end - o > MAX_SET_BODY ? lines.end(line) : end;
  };
  let next = text.indexOf('{');
  for (let o = next; o !== -1; o = next) {
    next = text.indexOf('{', o + 1);
    if (o < doneUntil) continue;
    const line = lines.lineOf(o);
    const ls = Math.max(lines.start(line), o - 512);
    // Skip a `{` inside a comment.
    let commented = false;
    for (let i = ls; i < o; i++) {
      if (text.charCodeAt(i) === 35 && (i === ls || isSpace(text.charCodeAt(i - 1)))) {
        commented = true;
        break;
      }
    }
    if (commented) continue;
    let selEnd = trimEnd(text, ls, o);
    const mapWord = lastWord(text, ls, selEnd);
    if (mapWord === '=' && lastWord(text, ls, selEnd - 1) === 'elements') {
      const decl = setDeclaration(ctx, line, o);
      if (!decl) continue;
      const end = bodyEnd(o, line, next);
      doneUntil = end;
      scanTupleElements(text, o + 1, end, out, decl.fieldCount, decl.portFields, decl.isMap, decl.valuePort, 'elements');
      continue;
    }
    const isMap = mapWord === 'map' || mapWord === 'vmap';
    if (isMap) selEnd = trimEnd(text, ls, selEnd - mapWord.length);
    let selStart = ls;
    let valuePort = -1;
    let natWord = '';
    if (isMap) {
      // `dnat ip addr . port to <selector> map {`: the selector follows `to`; `addr . port` says the value's second field is a port.
      for (const w of ['dnat', 'snat', 'redirect']) {
        const at = wordIn(text, w, ls, selEnd);
        if (at === -1) continue;
        const to = wordIn(text, 'to', at + w.length, selEnd);
        if (to === -1) break;
        natWord = w;
        if (w === 'redirect') valuePort = 0;
        else {
          const spec = splitConcat(text, at + w.length, to);
          for (let k = 0; k < spec.length; k++) {
            const p = spec[k];
            if (p && lastWord(text, p.s, p.e) === 'port') valuePort = k;
          }
        }
        selStart = skipSpaces(text, to + 2, selEnd);
        if (text.charCodeAt(selStart) === 58) selStart++; // `redirect to :tcp dport map`
        break;
      }
    }
    const fields = splitConcat(text, selStart, selEnd);
    if (!isMap && fields.length < 2) continue;
    const portFields: Array<{ index: number; key: string }> = [];
    for (let k = 0; k < fields.length; k++) {
      const f = fields[k];
      const w = f ? lastWord(text, f.s, f.e) : '';
      if (w === 'dport' || w === 'sport') portFields.push({ index: k, key: w });
    }
    if (portFields.length === 0 && valuePort < 0) continue;
    const end = bodyEnd(o, line, next);
    doneUntil = end;
    scanTupleElements(text, o + 1, end, out, fields.length, portFields, isMap, valuePort, natWord);
  }
}

/**
 * The `type`/`typeof` line of the named set or map whose `elements = {` is at
 * `open`: which fields of its concatenated key (and value) are ports
 * (`type ipv4_addr . inet_service`, `typeof ip daddr . tcp dport`,
 * `type ipv4_addr : inet_service`). Undefined for a plain `type inet_service`
 * set, which the line scan reads. Looks back at most 20 lines.
 */
function setDeclaration(ctx: ScanContext, line: number, open: number):
  { fieldCount: number; portFields: Array<{ index: number; key: string }>; isMap: boolean; valuePort: number } | undefined {
  const { text, lines } = ctx;
  for (let l = line; l >= 0 && line - l < 20; l--) {
    const ls = lines.start(l);
    const le = l === line ? open : lines.end(l);
    let at = wordIn(text, 'typeof', ls, le);
    let kw = 6;
    if (at === -1) {
      at = wordIn(text, 'type', ls, le);
      kw = 4;
    }
    if (at !== -1) {
      let de = at + kw;
      while (de < le && text.charCodeAt(de) !== 59 && text.charCodeAt(de) !== 125 && text.charCodeAt(de) !== 35) de++;
      const colon = mapColon(text, at + kw, de);
      const keys = splitConcat(text, at + kw, colon === -1 ? de : colon);
      const portFields: Array<{ index: number; key: string }> = [];
      for (let k = 0; k < keys.length; k++) {
        const f = keys[k];
        const w = f ? lastWord(text, f.s, f.e) : '';
        if (w === 'inet_service' || w === 'dport' || w === 'sport') portFields.push({ index: k, key: w });
      }
      let valuePort = -1;
      if (colon !== -1) {
        const vals = splitConcat(text, colon + 1, de);
        for (let k = 0; k < vals.length; k++) {
          const f = vals[k];
          const w = f ? lastWord(text, f.s, f.e) : '';
          if (w === 'inet_service' || w === 'dport' || w === 'sport') valuePort = k;
        }
      }
      if (colon === -1 && keys.length < 2) return undefined;
      if (portFields.length === 0 && valuePort < 0) return undefined;
      return { fieldCount: keys.length, portFields, isMap: colon !== -1, valuePort };
    }
    if (l !== line && (wordIn(text, 'set', ls, le) !== -1 || wordIn(text, 'map', ls, le) !== -1)) return undefined;
  }
  return undefined;
}

function scanTupleElements(
  text: string,
  from: number,
  to: number,
  out: Collector,
  fieldCount: number,
  portFields: ReadonlyArray<{ index: number; key: string }>,
  isMap: boolean,
  valuePort: number,
  natWord: string,
): void {
  const element = (a: number, b: number): void => {
    const s = skipSpaces(text, a, b);
    const e = trimEnd(text, s, b);
    if (s >= e) return;
    const colon = isMap ? mapColon(text, s, e) : -1;
    const keyEnd = colon === -1 ? e : colon;
    const keys = splitConcat(text, s, keyEnd);
    if (keys.length === fieldCount) {
      for (const pf of portFields) {
        const k = keys[pf.index];
        if (k) scanPortValue(text, k.s, k.e, out, { role: 'firewall', comment: false, key: pf.key, colonIsRange: true });
      }
    }
    if (colon !== -1 && valuePort >= 0) {
      const v = splitConcat(text, colon + 1, e)[valuePort];
      if (v) scanPortValue(text, v.s, v.e, out, { role: 'firewall', comment: false, key: natWord, colonIsRange: true });
    }
  };
  let es = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 10 || c === 13) {
      element(es, i);
      es = i + 1;
    } else if (c === 35 && (i === from || isSpace(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 44)) {
      // A comment to the end of the line.
      element(es, i);
      while (i < to && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      es = i + 1;
    }
  }
  element(es, to);
}

/**
 * nftables: `tcp dport 22`, `th dport { 22, 80-90 }`, `udp sport != 53`,
 * sets of `type inet_service` (their elements are ports), `dnat to 10.0.0.1:8080`,
 * `redirect to :8080`.
 */
export function scanNftables(ctx: ScanContext): void {
  const { text, out, lines } = ctx;
  /** Whether a line sits inside a `{` set opened on an earlier line after `dport`/`sport`, or in an inet_service set's elements. */
  const inPortSet = (line: number): boolean => {
    for (let l = line - 1; l >= 0 && line - l < 50; l--) {
      const t = text.slice(lines.start(l), lines.end(l));
      if (t.includes('}')) return false;
      if (/\b[ds]port\s+(?:!=\s*)?\{/.test(t)) return true;
      if (/\belements\s*=\s*\{/.test(t)) return serviceSetAbove(l + 1);
    }
    return false;
  };
  /** Whether the set block around a line declares `type inet_service`. */
  const serviceSetAbove = (line: number): boolean => {
    for (let l = line - 1; l >= 0 && line - l < 20; l--) {
      const t = text.slice(lines.start(l), lines.end(l));
      if (/\btype\s+inet_service\b|\btypeof\s+\w+\s+[ds]port\b/.test(t)) return true;
      if (/\bset\s+\S+\s*\{|\bmap\s+\S+\s*\{/.test(t)) return false;
    }
    return false;
  };
  scanNftTuples(ctx);
  forEachLine(ctx, { findComment: hashComments, markerChars: '#' }, (s, e, comment, line) => {
    if (comment) {
      scanEndpoints(text, s, e, out, { comment, role: 'firewall' });
      return;
    }
    const lineText = text.slice(s, e);
    const elements = /\belements\s*=\s*\{/.exec(lineText);
    if (elements && (/\btype\s+inet_service\b/.test(lineText) || serviceSetAbove(line))) {
      const from = s + elements.index + elements[0].length;
      const close = indexOfIn(text, '}', from, e);
      scanPortValue(text, from, close === -1 ? e : close, out, { role: 'firewall', comment, key: 'elements', colonIsRange: true });
    } else if (!/\b[ds]port\b/.test(lineText) && inPortSet(line)) {
      const close = indexOfIn(text, '}', s, e);
      scanPortValue(text, s, close === -1 ? e : close, out, { role: 'firewall', comment, key: 'dport', colonIsRange: true });
    }
    let i = s;
    while (i < e) {
      const idx = indexOfIn(text, 'port', i, e);
      if (idx === -1) break;
      i = idx + 4;
      const b = idx - 1;
      const kw = b >= s && (text[b] === 'd' || text[b] === 's') ? text[b] + 'port' : '';
      if (!kw || (b - 1 >= s && !isSpace(text.charCodeAt(b - 1)))) continue;
      if (i < e && !isSpace(text.charCodeAt(i))) continue;
      let v = skipSpaces(text, i, e);
      let ve = v;
      while (ve < e && !isSpace(text.charCodeAt(ve))) ve++;
      if (NFT_OPERATORS.has(text.slice(v, ve))) v = skipSpaces(text, ve, e);
      if (text.charCodeAt(v) === 123) {
        const close = indexOfIn(text, '}', v, e);
        const end = close === -1 ? e : close;
        scanPortValue(text, v + 1, end, out, { role: 'firewall', comment, key: kw, colonIsRange: true });
        i = end;
      } else {
        ve = v;
        while (ve < e && !isSpace(text.charCodeAt(ve)) && text.charCodeAt(ve) !== 59) ve++;
        scanPortValue(text, v, ve, out, { role: 'firewall', comment, key: kw, colonIsRange: true });
        i = ve;
      }
    }
    scanEndpoints(text, s, e, out, { comment, role: 'firewall' });
  });
}

/** iptables: `--dport 22`, `--sport 1024:65535`, `--dports 80,443`, `--to-destination 10.0.0.1:8080`. */
export function scanIptables(ctx: ScanContext): void {
  const { text, out } = ctx;
  forEachLine(ctx, { findComment: hashComments, markerChars: '#' }, (s, e, comment) => {
    scanCommandLine(text, s, e, out, { comment, shortFlags: false, role: 'firewall' });
  });
}
