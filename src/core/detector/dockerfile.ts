// Dockerfile: EXPOSE, ENV/ARG/LABEL values whose names are port keys, and the
// command lines of RUN/CMD/ENTRYPOINT/HEALTHCHECK. FROM lines hold image tags.
import type { ScanContext } from './context';
import { scanCommandLine } from './commands';
import { scanAssignments } from './keyvalue';
import { portKeyInfo } from './keys';
import { forEachLine, leadingHash } from './lines';
import { scanImageRegistry, scanPortValue } from './values';
import { isSpace, skipSpaces, trimEnd } from './text';

/** True when the line ends with the escape character: the instruction goes on. */
function continues(text: string, lines: ScanContext['lines'], line: number): boolean {
  if (line < 0) return false;
  const s = lines.start(line);
  const b = trimEnd(text, s, lines.end(line));
  const c = text.charCodeAt(b - 1);
  return b > s && (c === 92 || c === 96);
}

/** The instruction a continuation line belongs to, found by walking back. */
function instructionOf(text: string, lines: ScanContext['lines'], line: number): string {
  let l = line;
  let steps = 0;
  while (l > 0 && continues(text, lines, l - 1) && steps < 500) {
    l--;
    steps++;
  }
  const s = skipSpaces(text, lines.start(l), lines.end(l));
  let w = s;
  const e = lines.end(l);
  while (w < e && !isSpace(text.charCodeAt(w))) w++;
  return text.slice(s, w).toUpperCase();
}

export function scanDockerfile(ctx: ScanContext): void {
  const { text, out, lines } = ctx;
  forEachLine(ctx, { findComment: leadingHash, markerChars: '#' }, (s, e, comment, line) => {
    let a = skipSpaces(text, s, e);
    const b = trimEnd(text, a, e);
    if (a >= b) return;
    let inst: string;
    if (!comment && continues(text, lines, line - 1)) inst = instructionOf(text, lines, line);
    else {
      let w = a;
      while (w < b && !isSpace(text.charCodeAt(w))) w++;
      inst = text.slice(a, w).toUpperCase();
      a = skipSpaces(text, w, b);
    }
    const end = text.charCodeAt(b - 1) === 92 ? b - 1 : b;
    switch (inst) {
      case 'FROM': {
        // `FROM [--platform=…] registry.example.com:5000/app:1.2 [AS name]`: the image is the first word that is no flag.
        let w = a;
        while (w < end && text.charCodeAt(w) === 45) {
          while (w < end && !isSpace(text.charCodeAt(w))) w++;
          w = skipSpaces(text, w, end);
        }
        let we = w;
        while (we < end && !isSpace(text.charCodeAt(we))) we++;
        scanImageRegistry(text, w, we, out, { comment, key: 'FROM' });
        return;
      }
      case 'EXPOSE':
        scanPortValue(text, a, end, out, { role: 'exposed', comment, key: 'EXPOSE' });
        return;
      case 'ENV':
      case 'ARG':
      case 'LABEL': {
        let w = a;
        while (w < end && !isSpace(text.charCodeAt(w)) && text.charCodeAt(w) !== 61) w++;
        if (text.charCodeAt(w) === 61) scanAssignments(ctx, a, end, comment, 'listen');
        else {
          // Legacy `ENV NAME value`.
          const info = portKeyInfo(text.slice(a, w));
          if (info) scanPortValue(text, skipSpaces(text, w, end), end, out, { role: info.role ?? 'listen', comment, key: text.slice(a, w) });
        }
        scanCommandLine(text, a, end, out, { comment, noEndpoints: false, shortFlags: false });
        return;
      }
      default:
        scanCommandLine(text, a, end, out, { comment, shortFlags: true });
    }
  });
}
