// The line loop shared by the line-oriented formats: split each line into
// code and comment, hand the code to the format, and re-read whole-line
// comments as code (`#Port 22`, `#    listen 8000;`) flagged as comments.
import type { ScanContext } from './context';
import { commentBody } from './context';
import { scanEndpoints } from './endpoints';
import { DigitCursor, hashCommentStart, isSpace } from './text';

export type CommentFinder = (text: string, s: number, e: number) => number;

/** `#` at the start of a line or after a blank, outside quotes. */
export const hashComments: CommentFinder = (text, s, e) => hashCommentStart(text, s, e);

/** `#` only as the first non-blank character (Dockerfile, Apache, properties). */
export const leadingHash: CommentFinder = (text, s, e) => {
  let i = s;
  while (i < e && isSpace(text.charCodeAt(i))) i++;
  return i < e && text.charCodeAt(i) === 35 ? i : -1;
};

/** First non-blank is one of the given characters (`#` `;` in INI and systemd; `#` `!` in properties). */
export function leadingChars(chars: string): CommentFinder {
  return (text, s, e) => {
    let i = s;
    while (i < e && isSpace(text.charCodeAt(i))) i++;
    return i < e && chars.includes(text[i] ?? '') ? i : -1;
  };
}

/** `#` or `;` comments anywhere after a blank (INI files that allow trailing comments). */
export const iniComments: CommentFinder = (text, s, e) => {
  const lead = leadingChars('#;')(text, s, e);
  if (lead !== -1) return lead;
  const h = hashCommentStart(text, s, e);
  let sc = -1;
  for (let i = s + 1; i < e; i++) {
    if (text.charCodeAt(i) === 59 && isSpace(text.charCodeAt(i - 1))) {
      sc = i;
      break;
    }
  }
  if (h === -1) return sc;
  if (sc === -1) return h;
  return Math.min(h, sc);
};

export type CodeHandler = (s: number, e: number, comment: boolean, line: number) => void;

export interface LineLoopOptions {
  readonly findComment: CommentFinder;
  /** Characters that make up the comment marker, skipped before re-reading a comment as code. */
  readonly markerChars: string;
  /** Re-read whole-line comments as code (off for formats where comments are mostly prose). */
  readonly commentedCode?: boolean;
}

/**
 * Calls `handle` for the code and commented code of every line that holds a
 * digit (a line without one cannot name a port; lines with an ignore marker
 * are read too). Scanners that need earlier lines look back lazily.
 */
export function forEachLine(ctx: ScanContext, opts: LineLoopOptions, handle: CodeHandler): void {
  const { text, lines, out, ignore } = ctx;
  const n = lines.count;
  const digits = new DigitCursor(text);
  const starts = lines.starts;
  for (let line = 0; line < n; line++) {
    const s = starts[line] ?? text.length;
    const nd = digits.next(s);
    if (nd >= text.length && !ignore.active) break;
    const next = starts[line + 1] ?? text.length + 1;
    if (nd >= next && !ignore.isMarkerLine(line)) {
      // Jump to the line holding the next digit.
      if (!ignore.active) {
        let lo = line + 1;
        let hi = n - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if ((starts[mid] ?? 0) <= nd) lo = mid;
          else hi = mid - 1;
        }
        line = lo - 1;
      }
      continue;
    }
    const e = lines.end(line);
    if (s >= e) continue;
    const cs = opts.findComment(text, s, e);
    if (cs === -1) {
      handle(s, e, false, line);
      continue;
    }
    let before = s;
    while (before < cs && isSpace(text.charCodeAt(before))) before++;
    const wholeLine = before === cs;
    if (ignore.active) ignore.noteComment(line, cs, e, wholeLine);
    if (!wholeLine) handle(s, cs, false, line);
    const body = commentBody(text, cs, e, opts.markerChars);
    if (body >= e) continue;
    if (wholeLine && opts.commentedCode !== false) handle(body, e, true, line);
    else scanEndpoints(text, body, e, out, { comment: true });
  }
}
