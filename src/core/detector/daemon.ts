// Line formats built from keys and values: `.env`, shell option files,
// `.properties`, INI (my.cnf, fail2ban, ufw profiles), TOML, systemd units
// and directive-style daemon configs (sshd_config, redis.conf, squid.conf ...).
import type { ScanContext } from './context';
import type { FormatId, PortRole } from './types';
import type { KeyValueOptions, Separator } from './keyvalue';
import { scanKeyValue } from './keyvalue';
import { forEachLine, hashComments, iniComments, leadingChars } from './lines';
import type { CommentFinder } from './lines';
import { indexOfIn, isSpace, skipSpaces } from './text';

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
  directive: { findComment: hashComments, markerChars: '#;!', separator: 'equals-or-space', defaultRole: 'listen', addressPairs: true },
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
        return i < e && (t.charCodeAt(i) === 59 || t.charCodeAt(i) === 33) ? i : -1;
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
  forEachLine(ctx, { findComment, markerChars: d.markerChars }, (s, e, comment, line) => {
    let i = s;
    while (i < e && isSpace(text.charCodeAt(i))) i++;
    if (d.sections && text.charCodeAt(i) === 91) {
      const close = indexOfIn(text, ']', i, e);
      if (close !== -1 && close < e) return;
    }
    scanKeyValue(ctx, i, e, comment, o(line));
  });
}
