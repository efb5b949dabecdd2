// Vagrantfile (`forwarded_port, guest: 80, host: 8080`, `config.ssh.port = 2222`)
// and Procfile (`web: gunicorn -b 0.0.0.0:$PORT`).
import type { ScanContext } from './context';
import { scanCommandLine } from './commands';
import { scanEndpoints } from './endpoints';
import { portKeyInfo } from './keys';
import { forEachLine, hashComments } from './lines';
import { scanPortValue } from './values';
import { indexOfIn, isDigit, isSpace, isWordChar, skipSpaces } from './text';
import { cand } from './collector';

interface Arg {
  readonly key: string;
  readonly vs: number;
  readonly ve: number;
}

/** Ruby hash arguments and assignments: `guest: 80`, `:host => 8080`, `x.port = 2222`. */
function rubyArgs(text: string, s: number, e: number): Arg[] {
  const args: Arg[] = [];
  let i = s;
  while (i < e && args.length < 64) {
    const c = text.charCodeAt(i);
    if (!isWordChar(c) && c !== 58) {
      i++;
      continue;
    }
    let ks = i;
    if (c === 58) ks = ++i;
    while (i < e && (isWordChar(text.charCodeAt(i)) || text.charCodeAt(i) === 46)) i++;
    const ke = i;
    let j = i;
    if (text.charCodeAt(j) === 58 && c !== 58 && text.charCodeAt(j + 1) !== 58) j++;
    else {
      j = skipSpaces(text, j, e);
      if (text.charCodeAt(j) === 61 && text.charCodeAt(j + 1) === 62) j += 2;
      else if (text.charCodeAt(j) === 61 && text.charCodeAt(j + 1) !== 61) j++;
      else continue;
    }
    const vs = skipSpaces(text, j, e);
    let ve = vs;
    let depth = 0;
    while (ve < e) {
      const d = text.charCodeAt(ve);
      if (d === 40 || d === 91) depth++;
      else if (d === 41 || d === 93) depth--;
      else if (d === 44 && depth <= 0) break;
      ve++;
    }
    if (ke > ks) args.push({ key: text.slice(ks, ke), vs, ve });
    i = Math.max(ve, ke + 1);
  }
  return args;
}

export function scanVagrant(ctx: ScanContext): void {
  const { text, out } = ctx;
  forEachLine(ctx, { findComment: hashComments, markerChars: '#' }, (s, e, comment) => {
    const args = rubyArgs(text, s, e);
    const forwarded = text.slice(s, e).includes('forwarded_port');
    if (forwarded) {
      const num = (a: Arg | undefined) => {
        if (!a) return undefined;
        let x = a.vs;
        while (x < a.ve && isDigit(text.charCodeAt(x))) x++;
        return x > a.vs ? { s: a.vs, e: x, v: Number(text.slice(a.vs, x)) } : undefined;
      };
      const guest = num(args.find((a) => a.key === 'guest' || a.key === 'guest_port'));
      const host = num(args.find((a) => a.key === 'host' || a.key === 'host_port'));
      const protoArg = args.find((a) => a.key === 'protocol');
      const p = protoArg ? text.slice(protoArg.vs, protoArg.ve).replace(/["':\s]/g, '').toLowerCase() : '';
      const protocol = p === 'udp' || p === 'tcp' ? p : undefined;
      if (guest) out.add(cand(guest.s, guest.e - guest.s, 'container', comment, 'guest', undefined, protocol, undefined, undefined, host?.v));
      if (host) out.add(cand(host.s, host.e - host.s, 'published', comment, 'host', undefined, protocol, undefined, undefined, guest?.v));
    }
    for (const a of args) {
      const info = portKeyInfo(a.key);
      if (info) scanPortValue(text, a.vs, a.ve, out, { role: info.role ?? 'listen', comment, key: a.key, rangeEnd: info.rangeEnd });
    }
    scanEndpoints(text, s, e, out, { comment });
  });
}

export function scanProcfile(ctx: ScanContext): void {
  const { text, out } = ctx;
  forEachLine(ctx, { findComment: hashComments, markerChars: '#' }, (s, e, comment) => {
    const colon = indexOfIn(text, ':', s, e);
    let cs = s;
    if (colon !== -1 && colon < e && /^[\w.-]+$/.test(text.slice(skipSpaces(text, s, e), colon).trim())) cs = colon + 1;
    while (cs < e && isSpace(text.charCodeAt(cs))) cs++;
    scanCommandLine(text, cs, e, out, { comment, shortFlags: true, scope: cs > s ? text.slice(s, colon).trim() : undefined });
  });
}
