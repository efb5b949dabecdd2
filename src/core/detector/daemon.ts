// Line formats built from keys and values: `.env`, shell option files,
// `.properties`, INI (my.cnf, fail2ban, ufw profiles), TOML, systemd units
// and directive-style daemon configs (sshd_config, redis.conf, squid.conf ...).
import type { ScanContext } from './context';
import type { FormatId, PortRole } from './types';
import type { KeyValueOptions, Separator } from './keyvalue';
import { scanKeyValue } from './keyvalue';
import { isShorewallPath, mayHoldDeviceRules } from './formats';
import { forEachLine, hashComments, iniComments, leadingChars } from './lines';
import type { CodeHandler, CommentFinder } from './lines';
import { allDigits, blankFields, indexOfIn, isSpace, lastIndexOfIn, skipSpaces } from './text';
import { cand } from './collector';
import { scanEndpoints } from './endpoints';
import { scanShellCommand, shellCommandName } from './commands';
import { scanAclPorts, scanIdsRule } from './acl';
import { scanPortValue } from './values';

interface Dialect {
  readonly findComment: CommentFinder;
  readonly markerChars: string;
  readonly separator: Separator;
  readonly defaultRole: PortRole;
  readonly colonIsRange?: boolean;
  readonly addressPairs?: boolean;
  readonly sections?: boolean;
}

const DIALECTS: Partial<Record<FormatId, Dialect>> = {
  dotenv: { findComment: hashComments, markerChars: '#', separator: 'equals', defaultRole: 'listen' },
  shell: { findComment: hashComments, markerChars: '#', separator: 'equals', defaultRole: 'listen' },
  properties: { findComment: leadingChars('#!'), markerChars: '#!', separator: 'any', defaultRole: 'listen' },
  ini: { findComment: iniComments, markerChars: '#;', separator: 'equals-or-colon', defaultRole: 'listen', colonIsRange: true, sections: true },
  ufw: { findComment: leadingChars('#;'), markerChars: '#;', separator: 'equals', defaultRole: 'firewall', colonIsRange: true, sections: true },
  toml: { findComment: hashComments, markerChars: '#', separator: 'equals', defaultRole: 'listen', sections: true },
  systemd: { findComment: leadingChars('#;'), markerChars: '#;', separator: 'equals', defaultRole: 'listen', sections: true },
  directive: { findComment: hashComments, markerChars: '#;!/', separator: 'equals-or-space', defaultRole: 'listen', addressPairs: true },
};

/** Scans a key/value or directive file in one of the dialects above. */
export function scanDaemon(ctx: ScanContext, format: FormatId): void {
  const d = DIALECTS[format] ?? DIALECTS.directive;
  if (!d) return;
  const { text } = ctx;
  // keepalived and dovecot nest `name { ... }` blocks; `;` and `!` start comments in a few of them.
  const findComment: CommentFinder = format === 'directive'
    ? (t, s, e) => {
        const h = hashComments(t, s, e);
        if (h !== -1) return h;
        let i = s;
        while (i < e && isSpace(t.charCodeAt(i))) i++;
        // `;` and `!` start comments in a few daemons; `//` in BIND's named.conf and Varnish VCL.
        if (i < e && (t.charCodeAt(i) === 59 || t.charCodeAt(i) === 33)) return i;
        return i + 1 < e && t.charCodeAt(i) === 47 && t.charCodeAt(i + 1) === 47 ? i : -1;
      }
    : d.findComment;
  const sectionOf = (line: number): string | undefined => {
    for (let l = line; l >= 0 && line - l < 2000; l--) {
      const a = skipSpaces(text, ctx.lines.start(l), ctx.lines.end(l));
      if (text.charCodeAt(a) === 91) {
        const close = indexOfIn(text, ']', a, ctx.lines.end(l));
        if (close !== -1) return text.slice(a + 1, close).trim();
      }
    }
    return undefined;
  };
  // fail2ban jails: `port = ssh,2222` names the ports to block.
  const fail2ban = format === 'ini' && /^[ \t]*(?:bantime|findtime|banaction|maxretry)[ \t]*=/m.test(text.slice(0, 65536));
  const base: KeyValueOptions = {
    separator: d.separator,
    defaultRole: fail2ban ? 'firewall' : d.defaultRole,
    colonIsRange: d.colonIsRange,
    addressPairs: d.addressPairs,
    scope: undefined,
  };
  // Only ufw profiles scope by section; the others share one options object.
  const o = (line: number): KeyValueOptions => (format === 'ufw' ? { ...base, scope: sectionOf(line) } : base);
  // Shorewall's tables (`ACCEPT net fw tcp 80`) are columns, not directives.
  const shorewall = format === 'directive' && isShorewallPath(ctx.fileName);
  const shell = format === 'shell' ? new ShellLines(ctx) : undefined;
  // Rule languages whose ports are operands (acl.ts), looked for only in files that hold their words.
  // The searches are for literals that start with rare characters: a search whose needle starts with a
  // blank stops at every blank of the file.
  const deviceRules = format === 'directive' && mayHoldDeviceRules(ctx.fileName);
  const idsRules = deviceRules && (text.includes('->') || text.includes('<>'));
  const aclRules = deviceRules && (text.includes('access-list') || text.includes('-object') || text.includes('ip access'));
  const ipfwRules = format === 'shell' && text.includes('ipfw');
  // One small handler per kind of file: the plain one stays as cheap as the common case needs.
  const settings: CodeHandler = (s, e, comment, line) => {
    let i = s;
    while (i < e && isSpace(text.charCodeAt(i))) i++;
    if (d.sections && text.charCodeAt(i) === 91) {
      const close = indexOfIn(text, ']', i, e);
      if (close !== -1 && close < e) return;
    }
    scanKeyValue(ctx, i, e, comment, o(line));
  };
  const rules: CodeHandler = (s, e, comment, line) => {
    if (idsRules && scanIdsRule(text, s, e, ctx.out, comment)) return;
    if (aclRules || ipfwRules) scanAclPorts(text, s, e, ctx.out, comment);
    settings(s, e, comment, line);
  };
  const lineRules = idsRules || aclRules || ipfwRules ? rules : settings;
  const shellLines: CodeHandler = (s, e, comment, line) => {
    if (shell && !comment) {
      const command = shell.continuedCommand(line);
      if (command !== undefined) {
        scanShellCommand(text, s, e, ctx.out, { comment, scope: undefined }, command);
        return;
      }
      if (shell.inHeredoc(s)) {
        // A file written from the script (`cat > nginx.conf <<'EOF'`): its lines as the shell reads them,
        // then as an embedded file's settings (`listen 80 default;`), as YAML reads block scalars.
        scanKeyValue(ctx, s, e, comment, base);
        // YAML list items (`- port: "5432"`) read as their key and value.
        let k = skipSpaces(text, s, e);
        if (text.charCodeAt(k) === 45 && isSpace(text.charCodeAt(k + 1))) k += 2;
        scanKeyValue(ctx, k, e, comment, EMBEDDED);
        return;
      }
    }
    lineRules(s, e, comment, line);
  };
  const handler: CodeHandler = shorewall ? (s, e, comment) => scanShorewallLine(ctx, s, e, comment) : shell ? shellLines : lineRules;
  forEachLine(ctx, { findComment, markerChars: d.markerChars }, handler);
}

/** Settings of a file embedded in another (a heredoc body, a YAML block scalar): any separator, no role. */
const EMBEDDED: KeyValueOptions = { separator: 'any', defaultRole: 'unknown' };

/** How far back a `\` continuation is followed to the line that names its command. */
const MAX_CONTINUATION = 64;

/**
 * Shell structure that spans lines: `\` continuations (`docker run \` /
 * `-p 8000:8000 \`) and heredoc bodies (`cat > x.conf <<'EOF'` ... `EOF`).
 */
class ShellLines {
  private readonly heredocs: Array<[number, number]> = [];
  private next = 0;
  private memoLine = -1;
  private memoCommand: string | undefined;

  constructor(private readonly ctx: ScanContext) {
    const { text } = ctx;
    if (!text.includes('<<')) return;
    // `<<EOF`, `<<-'EOF'`, `<< "END"`; not a here-string (`<<<`).
    const start = /(?<!<)<<(?!<)-?[ \t]*(['"]?)([A-Za-z_][A-Za-z0-9_]{0,31})\1/g;
    for (let m = start.exec(text); m !== null; m = start.exec(text)) {
      const word = m[2] ?? '';
      const bodyStart = text.indexOf('\n', m.index);
      if (bodyStart === -1) break;
      // The body ends at a line that holds the word alone (leading tabs allowed for `<<-`).
      const end = new RegExp(`^\\t*${word}[ \\t]*\\r?$`, 'gm');
      end.lastIndex = bodyStart + 1;
      const e = end.exec(text);
      const bodyEnd = e ? e.index : text.length;
      this.heredocs.push([bodyStart + 1, bodyEnd]);
      start.lastIndex = bodyEnd;
    }
  }

  /** Whether the line starting at `s` is inside a heredoc body (lines are asked in order). */
  inHeredoc(s: number): boolean {
    while (this.next < this.heredocs.length && (this.heredocs[this.next]?.[1] ?? 0) <= s) this.next++;
    const h = this.heredocs[this.next];
    return h !== undefined && h[0] <= s && s < h[1];
  }

  /** The command of the logical line that `line` continues, or undefined when the line before it does not end in `\`. */
  continuedCommand(line: number): string | undefined {
    if (line === 0 || !this.endsInBackslash(line - 1)) return undefined;
    if (this.memoLine === line - 1) {
      this.memoLine = line;
      return this.memoCommand;
    }
    let l = line - 1;
    while (l > 0 && line - l < MAX_CONTINUATION && this.endsInBackslash(l - 1)) l--;
    const { text, lines } = this.ctx;
    this.memoLine = line;
    this.memoCommand = shellCommandName(text, lines.start(l), lines.end(l)) ?? '';
    return this.memoCommand;
  }

  private endsInBackslash(l: number): boolean {
    const { text, lines } = this.ctx;
    const s = lines.start(l);
    let e = lines.end(l);
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    return e > s && text.charCodeAt(e - 1) === 92;
  }
}

/** A protocol column value that makes the next two columns port lists (`tcp`, `udp`, `tcp:syn`, `6`). */
const SHOREWALL_PROTO = /^(?:tcp|udp|sctp|dccp|udplite|tcp:syn|\d{1,3})(?:,(?:tcp|udp|sctp))*$/i;

/**
 * A line of a Shorewall table: ACTION SOURCE DEST PROTO DPORT SPORT ... The
 * destination and source port columns hold lists and `a:b` ranges
 * (`ACCEPT net fw tcp 10001:11001`); `-` leaves a column empty.
 */
function scanShorewallLine(ctx: ScanContext, s: number, e: number, comment: boolean): void {
  const { text, out } = ctx;
  const cols = blankFields(text, s, e, 6).map((f): [number, number] => [f.s, f.e]);
  const proto = cols[3];
  if (proto && SHOREWALL_PROTO.test(text.slice(proto[0], proto[1]))) {
    for (const [k, key] of [[4, 'DEST PORT(S)'], [5, 'SOURCE PORT(S)']] as const) {
      const c = cols[k];
      if (c && !(c[1] - c[0] === 1 && text.charCodeAt(c[0]) === 45)) {
        scanPortValue(text, c[0], c[1], out, { role: 'firewall', comment, key, colonIsRange: true });
      }
    }
  }
  // `DNAT net loc:192.168.1.10:8080 tcp 80`: the destination column's `zone:address:port`.
  const dest = cols[2];
  if (dest) {
    // Searches bounded to the column: an unbounded one would walk the rest of the file on every line.
    const last = lastIndexOfIn(text, ':', dest[0], dest[1]);
    const first = indexOfIn(text, ':', dest[0], dest[1]);
    if (first !== -1 && last - first > 1 && dest[1] - last - 1 <= 5 && allDigits(text, last + 1, dest[1])) {
      out.add(cand(last + 1, dest[1] - last - 1, 'firewall', comment, 'DEST'));
    }
  }
  scanEndpoints(text, s, e, out, { comment, role: 'firewall' });
}
