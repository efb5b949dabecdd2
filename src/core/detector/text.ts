// Character classes and line bookkeeping shared by every format scanner.
// Everything here walks char codes: the detector must stay linear and cheap
// on megabyte inputs, so no regular expressions on hot paths.

export const CH_TAB = 9;
export const CH_LF = 10;
export const CH_CR = 13;
export const CH_SPACE = 32;

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function isAlnum(c: number): boolean {
  return isDigit(c) || isAlpha(c);
}

/** Letters, digits and `_`: the characters that glue digits into a name. */
export function isWordChar(c: number): boolean {
  return isAlnum(c) || c === 95;
}

export function isSpace(c: number): boolean {
  return c === CH_SPACE || c === CH_TAB;
}

export function isHex(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Start offsets of every line; CR, LF and CRLF all end a line, as in VS Code. */
export class LineIndex {
  readonly starts: number[] = [0];
  constructor(readonly text: string) {
    const n = text.length;
    let i = text.indexOf('\n');
    let r = text.indexOf('\r');
    // Fast path through indexOf: most files have one kind of line ending.
    while (i !== -1 || r !== -1) {
      if (r !== -1 && (i === -1 || r < i)) {
        if (r + 1 < n && text.charCodeAt(r + 1) === CH_LF) {
          this.starts.push(r + 2);
          i = text.indexOf('\n', r + 2);
        } else {
          this.starts.push(r + 1);
        }
        r = text.indexOf('\r', r + 1);
      } else if (i !== -1) {
        this.starts.push(i + 1);
        i = text.indexOf('\n', i + 1);
      }
    }
  }

  get count(): number {
    return this.starts.length;
  }

  start(line: number): number {
    return this.starts[line] ?? this.text.length;
  }

  /** End of the line's content, before its line break. */
  end(line: number): number {
    const next = this.starts[line + 1];
    if (next === undefined) return this.text.length;
    let e = next;
    if (e > 0 && this.text.charCodeAt(e - 1) === CH_LF) e--;
    if (e > 0 && this.text.charCodeAt(e - 1) === CH_CR && e - 1 >= (this.starts[line] ?? 0)) e--;
    return e;
  }

  lineOf(offset: number): number {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((s[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/**
 * The same text as a flat string. Text built with `+=` arrives as a rope
 * (a V8 cons string); every `charCodeAt` on a rope, even a flattened one,
 * takes a slower path than on a flat string, and the scanners read chars one
 * at a time. `split` flattens its subject and, when the separator is absent,
 * returns that flat string: a NUL search, no copy. Same content either way.
 */
export function flatText(text: string): string {
  // The limit keeps a text full of NULs from being cut into a million pieces.
  const parts = text.split('\u0000', 2);
  return parts.length === 1 ? (parts[0] ?? text) : text;
}

/**
 * The blank-separated fields of [from, to), at most `max` of them.
 *
 * @example blankFields('ACCEPT  net fw', 0, 14, 6) // [{ s: 0, e: 6 }, { s: 8, e: 11 }, { s: 12, e: 14 }]
 */
export function blankFields(text: string, from: number, to: number, max: number): Array<{ s: number; e: number }> {
  const out: Array<{ s: number; e: number }> = [];
  let i = from;
  while (i < to && out.length < max) {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    const s = i;
    while (i < to && !isSpace(text.charCodeAt(i))) i++;
    if (i > s) out.push({ s, e: i });
  }
  return out;
}

/** First offset in [from, to) that is not a blank. */
export function skipSpaces(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Offset just after the last non-blank in [from, to). */
export function trimEnd(text: string, from: number, to: number): number {
  let e = to;
  while (e > from && isSpace(text.charCodeAt(e - 1))) e--;
  return e;
}

/** True when [from, to) holds at least one ASCII digit. */
export function hasDigit(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  if (text === scanTextRef && from >= digitFrom) return nextDigit(text, from) < to;
  for (let i = from; i < to; i++) if (isDigit(text.charCodeAt(i))) return true;
  return false;
}

/** End of the digit run starting at `from`. */
export function digitsEnd(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isDigit(text.charCodeAt(i))) i++;
  return i;
}

/** True when [from, to) is all digits and not empty. */
export function allDigits(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Whether `low` (lower-case ASCII letters, maybe `-` or digits) stands at `i`
 * in any ASCII case, without a lower-cased copy; false past the text's end.
 */
export function lowerAt(text: string, i: number, low: string): boolean {
  if (i < 0 || i + low.length > text.length) return false;
  for (let k = 0; k < low.length; k++) if ((text.charCodeAt(i + k) | 0x20) !== low.charCodeAt(k)) return false;
  return true;
}

/** Offset of the first `ch` in [from, to) outside single or double quotes, or -1. */
export function indexOutsideQuotes(text: string, ch: number, from: number, to: number): number {
  let quote = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
      else if (c === 92 && quote === 34) i++;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === ch) return i;
  }
  return -1;
}

/**
 * Start of a `#` comment on a line: a `#` at the line start or after a blank,
 * outside quotes. `${#var}` and `a#b` are not comments in the shell-like
 * formats that use this, and neither is a `#` glued to a word (`IP#port`).
 */
export function hashCommentStart(text: string, from: number, to: number, quotes = true): number {
  // Most lines hold no `#` at all: ask the per-scan memo before walking quotes.
  if (firstHashIn(text, from, to) === -1) return -1;
  let quote = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
      else if (c === 92 && quote === 34) i++;
      continue;
    }
    if (quotes && (c === 34 || c === 39)) {
      // Only an opening quote at a token start: apostrophes in prose don't open strings.
      const p = i > from ? text.charCodeAt(i - 1) : 32;
      if (!isWordChar(p)) {
        // Require a closing quote on this line; otherwise treat it as a literal.
        if (indexOfIn(text, String.fromCharCode(c), i + 1, to) !== -1) quote = c;
      }
      continue;
    }
    if (c === 35) {
      if (i === from) return i;
      const p = text.charCodeAt(i - 1);
      if (isSpace(p)) return i;
    }
  }
  return -1;
}

/**
 * `indexOf` bounded to [from, to): the built-in one runs to the end of the
 * text when the needle is absent, which makes per-line searches quadratic.
 */
export function indexOfIn(text: string, needle: string, from: number, to: number): number {
  const c0 = needle.charCodeAt(0);
  const last = to - needle.length;
  for (let i = from; i <= last; i++) {
    if (text.charCodeAt(i) === c0 && (needle.length === 1 || text.startsWith(needle, i))) return i;
  }
  return -1;
}

/** `lastIndexOf` bounded to [from, to). */
export function lastIndexOfIn(text: string, ch: string, from: number, to: number): number {
  const c = ch.charCodeAt(0);
  for (let i = to - 1; i >= from; i--) if (text.charCodeAt(i) === c) return i;
  return -1;
}

/**
 * Finds the next ASCII digit: scanners use it to pass over lines that cannot
 * hold a port. Shares the per-scan memo below, so asking again about a
 * stretch already searched costs nothing.
 */
export class DigitCursor {
  constructor(private readonly text: string) {}

  /** Offset of the first digit at or after `from`, or the text's length. */
  next(from: number): number {
    const { text } = this;
    if (text === scanTextRef && from >= digitFrom) return nextDigit(text, from);
    DIGIT.lastIndex = from;
    return DIGIT.test(text) ? DIGIT.lastIndex - 1 : text.length;
  }

  /** True when [from, to) holds a digit. */
  any(from: number, to: number): boolean {
    return this.next(from) < to;
  }
}

const DIGIT = /\d/g;

// Per-scan memos. `beginScan` is called once per scanned text; within a scan
// every caller passes that same string object, so the identity test below is
// a pointer comparison. Any other string takes the uncached path.
let scanTextRef: string | undefined;
let hashFrom = -1;
let hashAt = -1;
let generation = 0;
let digitFrom = -1;
let digitAt = -1;

/** Resets the per-scan memos for a new text (see `scanAs`). */
export function beginScan(text: string): void {
  scanTextRef = text;
  generation++;
  hashFrom = -1;
  hashAt = -1;
  digitFrom = 0;
  digitAt = -1;
}

/** The text of the scan in progress, for memos elsewhere. */
export function currentScanText(): string | undefined {
  return scanTextRef;
}

/** A number that changes with each scan, for memos elsewhere. */
export function scanGeneration(): number {
  return generation;
}

/**
 * Offset of the first `#` in [from, to), or -1. Forward queries reuse the last
 * native search (each stretch of text is searched once per scan); a query
 * behind the memo walks its own range only.
 */
export function firstHashIn(text: string, from: number, to: number): number {
  if (text === scanTextRef && from >= hashFrom) {
    if (from > hashAt) {
      const i = text.indexOf('#', from);
      hashAt = i === -1 ? text.length : i;
      hashFrom = from;
    }
    return hashAt < to ? hashAt : -1;
  }
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 35) return i;
  return -1;
}

/**
 * First digit at or after `from` in the scan's text (its length when none);
 * `from` must not be behind the memo. Each stretch is searched once per scan.
 */
function nextDigit(text: string, from: number): number {
  if (from <= digitAt) return digitAt;
  // `test` moves lastIndex past the digit without building a match object.
  DIGIT.lastIndex = from;
  digitFrom = from;
  digitAt = DIGIT.test(text) ? DIGIT.lastIndex - 1 : text.length;
  return digitAt;
}
