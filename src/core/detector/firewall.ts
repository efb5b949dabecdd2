// Packet filters: nftables rulesets and iptables rules (iptables-save files
// and scripts). Everything they name is a firewall port.
import type { ScanContext } from './context';
import { scanCommandLine } from './commands';
import { scanEndpoints } from './endpoints';
import { forEachLine, hashComments } from './lines';
import { scanPortValue } from './values';
import { indexOfIn, isSpace, skipSpaces } from './text';

const NFT_OPERATORS = new Set(['!=', '==', 'eq', 'ne', '<', '>', '<=', '>=', 'lt', 'gt', 'le', 'ge']);

/**
 * nftables: `tcp dport 22`, `th dport { 22, 80-90 }`, `udp sport != 53`,
 * sets of `type inet_service` (their elements are ports), `dnat to 10.0.0.1:8080`,
 * `redirect to :8080`.
 */
export function scanNftables(ctx: ScanContext): void {
  const { text, out, lines } = ctx;
  /** Whether a line sits inside a `{` set opened on an earlier line after `dport`/`sport`, or in an inet_service set's elements. */
  const inPortSet = (line: number): boolean => {
    for (let l = line - 1; l >= 0 && line - l < 50; l--) {
      const t = text.slice(lines.start(l), lines.end(l));
      if (t.includes('}')) return false;
      if (/\b[ds]port\s+(?:!=\s*)?\{/.test(t)) return true;
      if (/\belements\s*=\s*\{/.test(t)) return serviceSetAbove(l + 1);
    }
    return false;
  };
  /** Whether the set block around a line declares `type inet_service`. */
  const serviceSetAbove = (line: number): boolean => {
    for (let l = line - 1; l >= 0 && line - l < 20; l--) {
      const t = text.slice(lines.start(l), lines.end(l));
      if (/\btype\s+inet_service\b|\btypeof\s+\w+\s+[ds]port\b/.test(t)) return true;
      if (/\bset\s+\S+\s*\{|\bmap\s+\S+\s*\{/.test(t)) return false;
    }
    return false;
  };
  forEachLine(ctx, { findComment: hashComments, markerChars: '#' }, (s, e, comment, line) => {
    if (comment) {
      scanEndpoints(text, s, e, out, { comment, role: 'firewall' });
      return;
    }
    const lineText = text.slice(s, e);
    const elements = /\belements\s*=\s*\{/.exec(lineText);
    if (elements && (/\btype\s+inet_service\b/.test(lineText) || serviceSetAbove(line))) {
      const from = s + elements.index + elements[0].length;
      const close = indexOfIn(text, '}', from, e);
      scanPortValue(text, from, close === -1 ? e : close, out, { role: 'firewall', comment, key: 'elements', colonIsRange: true });
    } else if (!/\b[ds]port\b/.test(lineText) && inPortSet(line)) {
      const close = indexOfIn(text, '}', s, e);
      scanPortValue(text, s, close === -1 ? e : close, out, { role: 'firewall', comment, key: 'dport', colonIsRange: true });
    }
    let i = s;
    while (i < e) {
      const idx = indexOfIn(text, 'port', i, e);
      if (idx === -1) break;
      i = idx + 4;
      const b = idx - 1;
      const kw = b >= s && (text[b] === 'd' || text[b] === 's') ? text[b] + 'port' : '';
      if (!kw || (b - 1 >= s && !isSpace(text.charCodeAt(b - 1)))) continue;
      if (i < e && !isSpace(text.charCodeAt(i))) continue;
      let v = skipSpaces(text, i, e);
      let ve = v;
      while (ve < e && !isSpace(text.charCodeAt(ve))) ve++;
      if (NFT_OPERATORS.has(text.slice(v, ve))) v = skipSpaces(text, ve, e);
      if (text.charCodeAt(v) === 123) {
        const close = indexOfIn(text, '}', v, e);
        const end = close === -1 ? e : close;
        scanPortValue(text, v + 1, end, out, { role: 'firewall', comment, key: kw, colonIsRange: true });
        i = end;
      } else {
        ve = v;
        while (ve < e && !isSpace(text.charCodeAt(ve)) && text.charCodeAt(ve) !== 59) ve++;
        scanPortValue(text, v, ve, out, { role: 'firewall', comment, key: kw, colonIsRange: true });
        i = ve;
      }
    }
    scanEndpoints(text, s, e, out, { comment, role: 'firewall' });
  });
}

/** iptables: `--dport 22`, `--sport 1024:65535`, `--dports 80,443`, `--to-destination 10.0.0.1:8080`. */
export function scanIptables(ctx: ScanContext): void {
  const { text, out } = ctx;
  forEachLine(ctx, { findComment: hashComments, markerChars: '#' }, (s, e, comment) => {
    scanCommandLine(text, s, e, out, { comment, shortFlags: false, role: 'firewall' });
  });
}
