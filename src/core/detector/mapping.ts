// Docker port mappings: `[IP:]HOST[-END]:CONTAINER[-END][/PROTO]`, shared by
// Compose `ports:`, `docker run -p` in command lines, and devcontainer `appPort`.
import { cand, type Collector } from './collector';
import type { PortRole } from './types';
import { indexOfIn, isDigit } from './text';
import { variableDefault } from './values';

interface Span {
  readonly start: number;
  readonly end: number;
}

interface PortSpec {
  /** Digits of the first port, when the text gives one (a variable may not). */
  readonly first?: Span;
  readonly last?: Span;
}

/** One port or range: `80`, `8000-8010`, `${PORT:-80}`, `$PORT`. Undefined when it is not one. */
function parsePortSpec(text: string, s: number, e: number): PortSpec | undefined {
  if (s >= e) return undefined;
  const one = (from: number, to: number): { span?: Span; ok: boolean; next: number } => {
    const c = text.charCodeAt(from);
    if (isDigit(c)) {
      let i = from;
      while (i < to && isDigit(text.charCodeAt(i))) i++;
      return { span: { start: from, end: i }, ok: true, next: i };
    }
    if (c === 36) {
      if (from + 1 < to && text.charCodeAt(from + 1) === 123) {
        const d = variableDefault(text, from + 1, to);
        if (!d) return { ok: false, next: to };
        return { span: d.start >= 0 ? { start: d.start, end: d.end } : undefined, ok: true, next: d.close + 1 };
      }
      let i = from + 1;
      while (i < to && /\w/.test(text[i] ?? '')) i++;
      return { ok: i > from + 1, next: i };
    }
    return { ok: false, next: to };
  };
  const a = one(s, e);
  if (!a.ok) return undefined;
  if (a.next === e) return { first: a.span };
  if (text.charCodeAt(a.next) !== 45) return undefined;
  const b = one(a.next + 1, e);
  if (!b.ok || b.next !== e) return undefined;
  return { first: a.span, last: b.span };
}

export interface MappingContext {
  readonly comment: boolean;
  readonly key?: string;
  readonly scope?: string;
  /** Role of a lone port with no host side (`- "3000"` under ports: container; under expose: exposed). */
  readonly loneRole?: PortRole;
  readonly unquoted?: boolean;
}

/**
 * Adds the ports of a mapping in [s, e). Returns false when the text is not a
 * mapping (a volume such as `./data:/data`, a name), adding nothing.
 *
 * @example `"127.0.0.1:8080:80/udp"` → 8080 published (mappedTo 80), 80 container (mappedTo 8080), protocol udp
 */
export function scanMapping(text: string, s: number, e: number, out: Collector, ctx: MappingContext): boolean {
  if (e - s > 300) return false;
  // Split at top-level colons; `[::1]` and `${A:-1}` hold colons of their own.
  const cuts: number[] = [];
  let depth = 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) depth++;
    else if (c === 93 || c === 125) depth--;
    else if (c === 58 && depth === 0) cuts.push(i);
  }
  let protocol: 'tcp' | 'udp' | 'sctp' | undefined;
  let end = e;
  const lastStart = cuts.length ? (cuts[cuts.length - 1] ?? s) + 1 : s;
  const slash = indexOfIn(text, '/', lastStart, e);
  if (slash !== -1 && slash < e) {
    const p = text.slice(slash + 1, e).toLowerCase();
    if (p !== 'tcp' && p !== 'udp' && p !== 'sctp') return false;
    protocol = p;
    end = slash;
  }
  const parts: Span[] = [];
  let ps = s;
  for (const cut of cuts) {
    parts.push({ start: ps, end: cut });
    ps = cut + 1;
  }
  parts.push({ start: ps, end });
  if (parts.length > 3) return false;
  const containerPart = parts[parts.length - 1];
  const hostPart = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  if (!containerPart) return false;
  const container = parsePortSpec(text, containerPart.start, containerPart.end);
  if (!container) return false;
  let host: PortSpec | undefined;
  if (hostPart) {
    // `127.0.0.1::80` publishes a random host port.
    if (hostPart.start === hostPart.end && parts.length === 3) host = {};
    else {
      host = parsePortSpec(text, hostPart.start, hostPart.end);
      if (!host) return false;
    }
  }
  const num = (sp: Span | undefined) => (sp ? Number(text.slice(sp.start, sp.end)) : undefined);
  const unquotedMapping = ctx.unquoted && parts.length >= 2 ? { offset: s, length: e - s } : undefined;
  const addSpec = (spec: PortSpec, role: PortRole, mappedTo: number | undefined) => {
    if (spec.first) {
      out.add(cand(spec.first.start, spec.first.end - spec.first.start, role, ctx.comment, ctx.key, ctx.scope, protocol,
        spec.last ? 'start' : undefined, num(spec.last), mappedTo, unquotedMapping));
    }
    if (spec.last) {
      out.add(cand(spec.last.start, spec.last.end - spec.last.start, role, ctx.comment, ctx.key, ctx.scope, protocol,
        'end', num(spec.first), mappedTo, unquotedMapping));
    }
  };
  if (host) {
    addSpec(host, 'published', num(container.first));
    addSpec(container, 'container', num(host.first));
  } else {
    addSpec(container, ctx.loneRole ?? 'container', undefined);
  }
  return true;
}
