import type { FormatId, PortOccurrence, PortRole, RangeEnd } from './types';
import { isDigit } from './text';

/** What a scanner knows about one digit run it calls a port. */
export interface Candidate {
  readonly offset: number;
  readonly length: number;
  readonly role: PortRole;
  readonly comment: boolean;
  readonly key?: string;
  readonly rangeEnd?: RangeEnd;
  readonly rangeOther?: number;
  readonly mappedTo?: number;
  readonly protocol?: 'tcp' | 'udp' | 'sctp';
  readonly scope?: string;
  readonly unquotedMapping?: { readonly offset: number; readonly length: number };
}

/** Ports longer than this are sizes or ids, never a port someone typed. */
export const MAX_PORT_DIGITS = 6;

/**
 * Gathers candidates from the scanners. The first claim on an offset wins, so
 * the format's own scanner (which knows the key) runs before the generic
 * host:port pass that only sees punctuation.
 *
 * Scanners mostly claim offsets in increasing order, so claims go to a sorted
 * run (appended to, searched by bisection); the few that land behind its end
 * go to a map, merged in when the candidates are read. No hash entry per port
 * on the common path: a long line can hold 100,000 of them.
 */
export class Collector {
  private readonly runOffsets: number[] = [];
  private readonly run: Candidate[] = [];
  private late: Map<number, Candidate> | undefined;
  /** Offsets a scanner has ruled out (an X display `:0` in a command line); created on first use. */
  private vetoed: Set<number> | undefined;

  constructor(readonly text: string) {}

  /**
   * Marks the digits at `offset` as known not to be a port, so the generic
   * passes that run later over the same span (host:port endpoints) skip them.
   * A claim already made stands.
   */
  veto(offset: number): void {
    (this.vetoed ??= new Set<number>()).add(offset);
  }

  has(offset: number): boolean {
    return this.get(offset) !== undefined;
  }

  /** Adds a candidate unless one exists at the offset or the digits are not a whole run. */
  add(c: Candidate): void {
    const { text } = this;
    const end = c.offset + c.length;
    if (c.length <= 0 || c.length > MAX_PORT_DIGITS || c.offset < 0 || end > text.length) return;
    if (this.has(c.offset)) return;
    if (this.vetoed !== undefined && this.vetoed.has(c.offset)) return;
    if (c.offset > 0 && isDigit(text.charCodeAt(c.offset - 1))) return;
    if (end < text.length && isDigit(text.charCodeAt(end))) return;
    for (let i = c.offset; i < end; i++) if (!isDigit(text.charCodeAt(i))) return;
    this.put(c);
  }

  /** Replaces whatever is at the offset: for scanners that learn more later (mappings). */
  set(c: Candidate): void {
    if (!this.has(c.offset)) {
      this.add(c);
      return;
    }
    const i = this.indexInRun(c.offset);
    if (i >= 0) this.run[i] = c;
    else this.late?.set(c.offset, c);
  }

  get(offset: number): Candidate | undefined {
    const i = this.indexInRun(offset);
    return i >= 0 ? this.run[i] : this.late?.get(offset);
  }

  /**
   * The candidates claimed in order at offsets in [from, to) (bisection on the
   * sorted run; the few late claims are left out, so a caller asking for every
   * range of a file stays linear).
   */
  inOrderBetween(from: number, to: number): Candidate[] {
    const o = this.runOffsets;
    let lo = 0;
    let hi = o.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((o[mid] ?? Infinity) < from) lo = mid + 1;
      else hi = mid;
    }
    const found: Candidate[] = [];
    for (let i = lo; i < o.length && (o[i] ?? Infinity) < to; i++) {
      const c = this.run[i];
      if (c) found.push(c);
    }
    return found;
  }

  candidates(): Candidate[] {
    const late = this.late;
    if (late === undefined || late.size === 0) return this.run.slice();
    const extra = [...late.values()].sort((a, b) => a.offset - b.offset);
    const merged: Candidate[] = [];
    let i = 0;
    let j = 0;
    while (i < this.run.length || j < extra.length) {
      const a = this.run[i];
      const b = extra[j];
      if (b === undefined || (a !== undefined && a.offset < b.offset)) {
        if (a !== undefined) merged.push(a);
        i++;
      } else {
        merged.push(b);
        j++;
      }
    }
    return merged;
  }

  private put(c: Candidate): void {
    const n = this.runOffsets.length;
    if (n === 0 || (this.runOffsets[n - 1] ?? -1) < c.offset) {
      this.runOffsets.push(c.offset);
      this.run.push(c);
    } else {
      (this.late ??= new Map<number, Candidate>()).set(c.offset, c);
    }
  }

  /** Index of `offset` in the sorted run, or -1. */
  private indexInRun(offset: number): number {
    const o = this.runOffsets;
    let lo = 0;
    let hi = o.length - 1;
    if (hi < 0 || offset > (o[hi] ?? -1)) return -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = o[mid] ?? -1;
      if (v === offset) return mid;
      if (v < offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

/**
 * What a candidate is underneath: the occurrence it becomes, with the fields
 * only the end of a scan knows (line, column, value, format) still blank.
 */
type Slot = { -readonly [K in keyof PortOccurrence]: PortOccurrence[K] };

/**
 * Builds a candidate with every field present, so all candidates share one
 * object shape (the scanners make many; a single shape keeps them fast). It
 * is laid out as the occurrence it will become, which `toOccurrence` fills in
 * place: one object per port, not two.
 */
export function cand(
  offset: number,
  length: number,
  role: PortRole,
  comment: boolean,
  key?: string,
  scope?: string,
  protocol?: 'tcp' | 'udp' | 'sctp',
  rangeEnd?: RangeEnd,
  rangeOther?: number,
  mappedTo?: number,
  unquotedMapping?: { readonly offset: number; readonly length: number },
): Candidate {
  const slot: Slot = {
    offset, length, line: 0, column: 0, port: 0, comment, format: 'text', role, rangeEnd, rangeOther, key, mappedTo, protocol, scope,
    unquotedMapping, ignored: undefined,
  };
  return slot;
}

/**
 * A copy of `c` with the fields of `patch` replaced, in the one candidate
 * shape. Object spread (`{ ...c, role }`) would build each copy in a new,
 * slower shape, and everything that reads candidates later pays for it.
 */
export function amend(c: Candidate, patch: Partial<Candidate>): Candidate {
  return cand(
    c.offset,
    c.length,
    'role' in patch && patch.role !== undefined ? patch.role : c.role,
    c.comment,
    'key' in patch ? patch.key : c.key,
    'scope' in patch ? patch.scope : c.scope,
    'protocol' in patch ? patch.protocol : c.protocol,
    'rangeEnd' in patch ? patch.rangeEnd : c.rangeEnd,
    'rangeOther' in patch ? patch.rangeOther : c.rangeOther,
    'mappedTo' in patch ? patch.mappedTo : c.mappedTo,
    c.unquotedMapping,
  );
}

function digitsValue(text: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + (text.charCodeAt(i) - 48);
  return v;
}

/**
 * The occurrence a candidate stands for, filled in place (see `cand`): call it
 * once per candidate, when the scan is over and nothing reads candidates any more.
 */
export function toOccurrence(
  c: Candidate,
  text: string,
  line: number,
  column: number,
  format: FormatId,
  ignored: boolean,
): PortOccurrence {
  const o = c as Slot;
  o.line = line;
  o.column = column;
  o.port = digitsValue(text, c.offset, c.offset + c.length);
  o.format = format;
  o.ignored = ignored ? true : undefined;
  return o;
}
