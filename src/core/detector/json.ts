// JSON and JSONC (devcontainer.json, launch.json, package.json, Kubernetes
// JSON): one pass over tokens with a stack of keys, so a value is judged by
// the key it sits under (`forwardPorts`, `port`, `portsAttributes`, scripts).
import type { ScanContext } from './context';
import type { PendingFlag } from './commands';
import { resolvePending, scanCommandLine } from './commands';
import { scanEndpoints } from './endpoints';
import { hasPortLetters, isCommandKey, isImageKey, isPortWord, portKeyInfo, splitWords } from './keys';
import { scanImageRegistry, scanPortValue } from './values';
import { isProseKey, scanProsePorts } from './prose';
import { allDigits, isAlpha, isDigit, isSpace, isWordChar } from './text';
import { cand } from './collector';

interface Frame {
  readonly arr: boolean;
  /** The key this container sits under (for arrays: the key of the array). */
  readonly owner: string | undefined;
  /** The key of the owner's container, for `port: { number: 80 }`. */
  readonly grandOwner: string | undefined;
  key: string | undefined;
  pending?: PendingFlag;
  /** The `name` of a name/value pair object (ECS and Kubernetes environment entries). */
  pairName?: string;
}

function hasPortWord(key: string | undefined): boolean {
  return key !== undefined && hasPortLetters(key) && splitWords(key).some(isPortWord);
}

/** Objects of environment variables: a port there is one the program listens on (`"env": { "PORT": "3000" }`). */
const ENV_OBJECTS = new Set(['env', 'environment', 'containerenv', 'remoteenv', 'environmentvariables']);

export function scanJson(ctx: ScanContext): void {
  const { text, out, lines, ignore } = ctx;
  // launch.json: a debug configuration's `port` is the one the debugger connects to.
  const launch = /(?:^|[\\/])launch\.json$/i.test(ctx.fileName ?? '');
  const n = text.length;
  const stack: Frame[] = [];
  let expectKey = false;
  let i = 0;

  const valueKey = (): { key?: string; parent?: string; frame?: Frame } => {
    const top = stack[stack.length - 1];
    if (!top) return {};
    return top.arr ? { key: top.owner, parent: top.grandOwner, frame: top } : { key: top.key, parent: top.owner, frame: top };
  };

  const portValue = (s: number, e: number, key: string | undefined, parent: string | undefined, comment: boolean): boolean => {
    if (key === undefined) return false;
    const info = portKeyInfo(key);
    if (info) {
      const role = info.role ?? (parent !== undefined && ENV_OBJECTS.has(parent.toLowerCase()) ? 'listen'
        : launch && parent === 'configurations' ? 'connect' : 'unknown');
      scanPortValue(text, s, e, out, { role, comment, key, rangeEnd: info.rangeEnd });
      return true;
    }
    if ((key === 'number' || key === 'value') && parent !== undefined && portKeyInfo(parent)) {
      scanPortValue(text, s, e, out, { role: 'unknown', comment, key: `${parent}.${key}` });
      return true;
    }
    return false;
  };

  const stringValue = (s: number, e: number): void => {
    const { key, parent, frame } = valueKey();
    if (key !== undefined && isImageKey(key)) {
      scanImageRegistry(text, s, e, out, { comment: false, key });
      return;
    }
    if (frame?.pending) {
      const p = frame.pending;
      frame.pending = undefined;
      resolvePending(text, s, e, out, { comment: false, shortFlags: true }, p);
    }
    if (portValue(s, e, key, parent, false)) return;
    if (frame && !frame.arr && key !== undefined && (key.length === 4 || key.length === 5)) {
      // `{ "name": "PORT", "value": "8080" }`, `{ "name": "JAVA_OPTS", "value": "-Dserver.port=8080" }`.
      const k = key.toLowerCase();
      if (k === 'name') frame.pairName = e - s <= 200 ? text.slice(s, e) : undefined;
      else if (k === 'value' && frame.pairName !== undefined) {
        if (portValue(s, e, frame.pairName, undefined, false)) return;
        if (isCommandKey(frame.pairName)) {
          scanCommandLine(text, s, e, out, { comment: false, shortFlags: false });
          return;
        }
      }
    }
    // Free text: `"name": "Attach to the API (port 9229)"`.
    if (key !== undefined && isProseKey(key)) scanProsePorts(text, s, e, out, { comment: false, role: 'unknown', key });
    const command = (key !== undefined && isCommandKey(key)) || (!frame?.arr && parent === 'scripts');
    if (command) {
      const pending = scanCommandLine(text, s, e, out, { comment: false, shortFlags: true });
      if (frame?.arr && pending) frame.pending = pending;
      return;
    }
    scanEndpoints(text, s, e, out, { comment: false });
  };

  const commentText = (s: number, e: number): void => {
    // `// "forwardPorts": [5000, 5001],` — commented-out settings keep their meaning.
    const body = text.slice(s, Math.min(e, s + 500));
    const m = /"([^"\n]{1,100})"\s*:\s*/.exec(body);
    if (m) {
      const vs = s + m.index + m[0].length;
      if (portValue(vs, e, m[1], undefined, true)) return;
    }
    scanEndpoints(text, s, e, out, { comment: true });
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === 10 || c === 13) {
      i++;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 47) {
      let e = i + 2;
      while (e < n && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
      if (ignore.active) {
        const line = lines.lineOf(i);
        let b = lines.start(line);
        while (b < i && isSpace(text.charCodeAt(b))) b++;
        ignore.noteComment(line, i, e, b === i);
      }
      commentText(i + 2, e);
      i = e;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      const e = close === -1 ? n : close;
      if (ignore.active) {
        const l0 = lines.lineOf(i);
        const l1 = lines.lineOf(e);
        for (let l = l0; l <= l1; l++) ignore.noteComment(l, Math.max(i, lines.start(l)), Math.min(e + 2, lines.end(l)), l === l0);
      }
      commentText(i + 2, e);
      i = close === -1 ? n : close + 2;
      continue;
    }
    if (c === 123 || c === 91) {
      const { key, parent } = valueKey();
      if (stack.length < 10000) stack.push({ arr: c === 91, owner: key, grandOwner: parent, key: undefined });
      expectKey = c === 123;
      i++;
      continue;
    }
    if (c === 125 || c === 93) {
      stack.pop();
      expectKey = false;
      i++;
      continue;
    }
    if (c === 58) {
      expectKey = false;
      i++;
      continue;
    }
    if (c === 44) {
      const top = stack[stack.length - 1];
      expectKey = top !== undefined && !top.arr;
      i++;
      continue;
    }
    if (c === 34 || c === 39) {
      let e = i + 1;
      while (e < n) {
        const d = text.charCodeAt(e);
        if (d === 92) {
          e += 2;
          continue;
        }
        if (d === c || d === 10 || d === 13) break;
        e++;
      }
      const s = i + 1;
      const top = stack[stack.length - 1];
      if (top && !top.arr && expectKey) {
        top.key = text.slice(s, Math.min(e, s + 200));
        // `"portsAttributes": { "3000": {...} }` — a port used as a key.
        if (hasPortWord(top.owner) && allDigits(text, s, e)) {
          out.add(cand(s, e - s, 'unknown', false, top.owner));
        } else if (hasPortWord(top.owner) && /^\d+-\d+$|^[\w.-]+:\d+$/.test(top.key)) {
          scanPortValue(text, s, e, out, { role: 'unknown', comment: false, key: top.owner });
        }
        expectKey = false;
      } else if (e > s) {
        stringValue(s, e);
      }
      i = e + 1;
      continue;
    }
    if (isDigit(c) || c === 45) {
      let e = i + 1;
      while (e < n && (isDigit(text.charCodeAt(e)) || text.charCodeAt(e) === 46 || text.charCodeAt(e) === 101 || text.charCodeAt(e) === 69 || text.charCodeAt(e) === 43 || text.charCodeAt(e) === 45)) e++;
      if (c !== 45 && allDigits(text, i, e)) {
        const { key, parent, frame } = valueKey();
        if (frame?.pending) {
          const p = frame.pending;
          frame.pending = undefined;
          resolvePending(text, i, e, out, { comment: false, shortFlags: true }, p);
        }
        if (!portValue(i, e, key, parent, false) && frame && !frame.arr && frame.pairName !== undefined && key !== undefined && key.toLowerCase() === 'value') {
          portValue(i, e, frame.pairName, undefined, false);
        }
      }
      i = e;
      continue;
    }
    if (isAlpha(c) || c === 95 || c === 36) {
      // A bare word: a key where a colon follows in an object (JSON5, Bicep `destinationPortRange: '22'`),
      // otherwise `true`, `null` or an expression, passed over whole.
      let e = i + 1;
      while (e < n && (isWordChar(text.charCodeAt(e)) || text.charCodeAt(e) === 36)) e++;
      let j = e;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      const top = stack[stack.length - 1];
      if (top && !top.arr && text.charCodeAt(j) === 58 && e - i <= 200) {
        top.key = text.slice(i, e);
        expectKey = false;
      }
      i = e;
      continue;
    }
    i++;
  }
}
