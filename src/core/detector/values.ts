// The value of a key that names a port: `5432`, `"8080"`, `[80, 443]`,
// `http,https,8080`, `8000-8010`, `60000:61000/udp`, `${PORT:-3000}`.
import { cand, type Collector } from './collector';
import type { PortRole, RangeEnd } from './types';
import { jinjaFallback, scanEndpoints } from './endpoints';
import { scanMapping } from './mapping';
import { indexOfIn, isDigit, isSpace, isWordChar, lastIndexOfIn } from './text';

export interface ValueInfo {
  readonly role: PortRole;
  readonly comment: boolean;
  readonly key?: string;
  readonly scope?: string;
  /** `a:b` is a range (iptables, ufw, nftables) rather than a host:container mapping. */
  readonly colonIsRange?: boolean;
  readonly rangeEnd?: RangeEnd;
  readonly protocol?: 'tcp' | 'udp' | 'sctp';
}

function isSeparator(c: number): boolean {
  return (
    isSpace(c) || c === 44 || c === 124 || c === 59 || c === 91 || c === 93 || c === 123 || c === 125 || c === 40 ||
    c === 41 || c === 34 || c === 39 || c === 10 || c === 13
  );
}

/** Where the default of `${VAR:-3000}`, `${VAR-3000}`, `${VAR:3000}` or `{$VAR:3000}` sits, or undefined. */
export function variableDefault(text: string, open: number, to: number): { start: number; end: number; close: number } | undefined {
  // `open` is the `{`; the name runs to an operator.
  let i = open + 1;
  if (i < to && text.charCodeAt(i) === 36) i++; // {$VAR (Caddy)
  const lim = Math.min(to, open + 200);
  while (i < lim && (isWordChar(text.charCodeAt(i)) || text.charCodeAt(i) === 46)) i++;
  if (i >= lim) return undefined;
  let c = text.charCodeAt(i);
  if (c === 125) return { start: -1, end: -1, close: i };
  if (c === 58) {
    i++;
    c = i < lim ? text.charCodeAt(i) : 0;
    if (c === 45 || c === 61 || c === 43 || c === 63) i++; // :- := :+ :?
  } else if (c === 45 || c === 61) i++;
  else return undefined;
  const vs = i;
  let depth = 1;
  while (i < lim) {
    const d = text.charCodeAt(i);
    if (d === 123) depth++;
    else if (d === 125) {
      depth--;
      if (depth === 0) break;
    }
    i++;
  }
  if (i >= lim) return undefined;
  let ve = vs;
  while (ve < i && isDigit(text.charCodeAt(ve))) ve++;
  if (ve === vs || ve !== i) return { start: -1, end: -1, close: i };
  return { start: vs, end: ve, close: i };
}

function protocolOf(s: string): 'tcp' | 'udp' | 'sctp' | undefined {
  const l = s.toLowerCase();
  return l === 'tcp' || l === 'udp' || l === 'sctp' ? l : undefined;
}

/**
 * Adds every port in a port key's value. Names (`http`, `traffic-port`),
 * negative sentinels (`-1`) and digits glued to words are skipped.
 *
 * @example scanPortValue(text, s, e, out, { role: 'firewall', comment: false, colonIsRange: true })
 */
export function scanPortValue(text: string, from: number, to: number, out: Collector, info: ValueInfo): void {
  let i = from;
  let tokens = 0;
  // Where the next `}}` is (-1: none left), searched once and reused: a run of `{` stays linear.
  let closeAt = -2;
  while (i < to && tokens < 64) {
    const c = text.charCodeAt(i);
    if (c === 123 && text.charCodeAt(i + 1) === 123 && closeAt !== -1) {
      if (closeAt < i + 2) closeAt = indexOfIn(text, '}}', i + 2, to);
      // A Jinja expression: only its fallback is a literal port (`{{ port | default(8080) }}`).
      const j = closeAt !== -1 && closeAt - i <= 400 ? jinjaFallback(text, i, to) : undefined;
      if (j) {
        if (j.s >= 0) out.add(cand(j.s, j.e - j.s, info.role, info.comment, info.key, info.scope, info.protocol, info.rangeEnd));
        i = j.close;
        tokens++;
        continue;
      }
    }
    if (c === 36 && i + 1 < to && text.charCodeAt(i + 1) === 123) {
      const d = variableDefault(text, i + 1, to);
      if (d) {
        if (d.start >= 0) out.add(cand(d.start, d.end - d.start, info.role, info.comment, info.key, info.scope, info.protocol, info.rangeEnd));
        i = d.close + 1;
        tokens++;
        continue;
      }
    }
    if (isSeparator(c)) {
      i++;
      continue;
    }
    let te = i;
    while (te < to && !isSeparator(text.charCodeAt(te))) te++;
    tokens++;
    scanToken(text, i, te, out, info);
    i = te;
  }
}

/** `a:b` with digits on both sides: handled below as a mapping or a range. */
function simplePair(text: string, ts: number, te: number): boolean {
  let i = ts;
  while (i < te && isDigit(text.charCodeAt(i))) i++;
  if (i >= te || text.charCodeAt(i) !== 58) return false;
  i++;
  const b = i;
  while (i < te && isDigit(text.charCodeAt(i))) i++;
  return i > b && (i === te || text.charCodeAt(i) === 47);
}

function scanToken(text: string, ts: number, te: number, out: Collector, info: ValueInfo): void {
  // Names and signed numbers carry no port: `http`, `-1`, `web8080`.
  const first = text.charCodeAt(ts);
  // `127.0.0.1:8080:80`, `${HOST_PORT:-80}:8000`: a Docker mapping under a port key.
  if (!info.colonIsRange && indexOfIn(text, ':', ts, te) !== -1 && !(isDigit(first) && simplePair(text, ts, te))) {
    if (scanMapping(text, ts, te, out, { comment: info.comment, key: info.key, scope: info.scope, loneRole: info.role })) return;
  }
  if (!isDigit(first)) {
    if (first !== 58 && first !== 42 && first !== 91) {
      if (indexOfIn(text, ':', ts, te) !== -1) scanEndpoints(text, ts, te, out, { comment: info.comment, role: info.role === 'unknown' ? undefined : info.role, key: info.key, scope: info.scope });
      return;
    }
  }
  let protocol = info.protocol;
  let end = te;
  const slash = lastIndexOfIn(text, '/', ts, te);
  if (slash > ts) {
    const p = protocolOf(text.slice(slash + 1, te));
    if (p) {
      protocol = p;
      end = slash;
    }
  }
  const { role, comment, key, scope } = info;
  // a, a-b, a:b, a..b
  let a = ts;
  while (a < end && isDigit(text.charCodeAt(a))) a++;
  if (a === end && a > ts) {
    out.add(cand(ts, a - ts, role, comment, key, scope, protocol, info.rangeEnd));
    return;
  }
  if (a > ts) {
    const sep = text.charCodeAt(a);
    let b = a + 1;
    if (sep === 46 && b < end && text.charCodeAt(b) === 46) b++;
    const bs = b;
    while (b < end && isDigit(text.charCodeAt(b))) b++;
    if (b === end && b > bs && (sep === 45 || sep === 58 || sep === 46)) {
      const va = Number(text.slice(ts, a));
      const vb = Number(text.slice(bs, b));
      if (sep === 58 && !info.colonIsRange) {
        out.add(cand(ts, a - ts, 'published', comment, key, scope, protocol, undefined, undefined, vb));
        out.add(cand(bs, b - bs, 'container', comment, key, scope, protocol, undefined, undefined, va));
      } else if (sep !== 46 || bs === a + 2) {
        out.add(cand(ts, a - ts, role, comment, key, scope, protocol, 'start', vb));
        out.add(cand(bs, b - bs, role, comment, key, scope, protocol, 'end', va));
      }
      return;
    }
  }
  if (indexOfIn(text, ':', ts, te) !== -1) {
    scanEndpoints(text, ts, te, out, { comment: info.comment, role: info.role === 'unknown' ? undefined : info.role, key: info.key, scope: info.scope });
  }
}

/**
 * The registry port of an image reference, `registry.example.com:5000/team/app:1.2`
 * or `myregistry:5000/app` (a connection to the registry). Docker reads the
 * first path component as a registry host when it holds a `.` or a `:` or is
 * `localhost`, so `name:digits/` always names a registry and its port; the tag
 * after the last `:` (`postgres:15`) and a digest are never ports.
 */
export function scanImageRegistry(text: string, from: number, to: number, out: Collector, info: Omit<ValueInfo, 'role'>): void {
  let s = from;
  while (s < to && (isSpace(text.charCodeAt(s)) || text.charCodeAt(s) === 34 || text.charCodeAt(s) === 39)) s++;
  const slash = indexOfIn(text, '/', s, to);
  if (slash === -1) return;
  const colon = indexOfIn(text, ':', s, slash);
  if (colon <= s || slash - colon - 1 < 1 || slash - colon - 1 > 5) return;
  for (let i = colon + 1; i < slash; i++) if (!isDigit(text.charCodeAt(i))) return;
  for (let i = s; i < colon; i++) {
    const c = text.charCodeAt(i);
    if (!isWordChar(c) && c !== 45 && c !== 46) return;
  }
  out.add(cand(colon + 1, slash - colon - 1, 'connect', info.comment, info.key, info.scope));
}
