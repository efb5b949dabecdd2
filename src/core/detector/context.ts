import type { Collector } from './collector';
import type { FormatId } from './types';
import type { LineIndex } from './text';
import { isSpace } from './text';

export const IGNORE_MARKER = 'port-lens-ignore';
const MARKER_TAIL = 'gnore';
/** Comment punctuation and blanks around a marker alone on its line. */
const LEAD = ' \t\r\n#;/!*<-';
const TRAIL = ' \t\r\n*/>-';

/**
 * Remembers which lines a `port-lens-ignore` comment covers. Only lines that
 * hold the marker at all are looked at, so files without it pay nothing.
 */
export class IgnoreTracker {
  readonly ignoredLines = new Set<number>();
  private readonly markerLines = new Set<number>();

  constructor(private readonly text: string, lines: LineIndex) {
    // Search for the marker's tail: `gnore` is rare in config text and its
    // search runs about twice as fast as the whole marker's (whose `p` is common).
    const tail = IGNORE_MARKER.length - MARKER_TAIL.length;
    let i = text.indexOf(MARKER_TAIL, tail);
    while (i !== -1) {
      if (text.startsWith(IGNORE_MARKER, i - tail)) this.markerLines.add(lines.lineOf(i - tail));
      i = text.indexOf(MARKER_TAIL, i + MARKER_TAIL.length);
    }
  }

  isMarkerLine(line: number): boolean {
    return this.markerLines.has(line);
  }

  get active(): boolean {
    return this.markerLines.size > 0;
  }

  /**
   * Called by scanners for each comment: [cs, ce) is the comment including its
   * marker; `wholeLine` when nothing but blanks precede it.
   */
  noteComment(line: number, cs: number, ce: number, wholeLine: boolean): void {
    if (!this.markerLines.has(line)) return;
    const body = this.text.slice(cs, ce);
    if (!body.includes(IGNORE_MARKER)) return;
    this.ignoredLines.add(line);
    if (wholeLine) {
      // Strip comment punctuation: `# port-lens-ignore`, `// port-lens-ignore`, `<!-- port-lens-ignore -->`.
      // By hand: a `[...]+$` pattern retries from every blank of a long run that does not end the line.
      let a = 0;
      while (a < body.length && LEAD.includes(body[a] ?? '')) a++;
      let b = body.length;
      while (b > a && TRAIL.includes(body[b - 1] ?? '')) b--;
      if (b - a === IGNORE_MARKER.length && body.startsWith(IGNORE_MARKER, a)) this.ignoredLines.add(line + 1);
    }
  }
}

export interface ScanContext {
  readonly text: string;
  readonly lines: LineIndex;
  readonly out: Collector;
  readonly format: FormatId;
  readonly ignore: IgnoreTracker;
  /** The file's path or name, when known: a few tools' flags depend on it (memcached's `-U`). */
  readonly fileName?: string;
}

/** Offset after a comment marker and the blanks that follow it. */
export function commentBody(text: string, cs: number, e: number, markerChars: string): number {
  let i = cs;
  while (i < e && markerChars.includes(text[i] ?? '')) i++;
  while (i < e && isSpace(text.charCodeAt(i))) i++;
  return i;
}
