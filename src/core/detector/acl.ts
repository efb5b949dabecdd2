// Rule languages of network devices and intrusion detection, whose ports are
// operands rather than values of a key: Cisco-style ACLs (`permit tcp any
// host 10.0.0.5 eq 443`, `range 8000 8010`), ipfw (`allow tcp from any to me
// 22`), and Snort/Suricata rule headers (`alert tcp any any -> $HOME_NET 22`).
import type { Collector } from './collector';
import { scanProsePorts } from './prose';
import { scanPortValue } from './values';
import { blankFields } from './text';

interface Word {
  readonly s: number;
  readonly e: number;
  readonly w: string;
}

/** The line's blank-separated words, lower-cased (at most 64). */
function wordsOf(text: string, s: number, e: number): Word[] {
  return blankFields(text, s, e, 64).map((f) => ({ s: f.s, e: f.e, w: text.slice(f.s, f.e).toLowerCase() }));
}

const TRANSPORTS = new Set(['tcp', 'udp', 'tcp-udp', 'sctp']);
const OPERATORS = new Set(['eq', 'neq', 'lt', 'gt']);
const NUMBER = /^\d{1,5}$/;
const PORT_SPEC = /^!?(?:\d{1,5}(?:[:-]\d{0,5})?|:\d{1,5}|\[[\d,:!\s]+\])$/;

/**
 * Ports that a rule line names as operands, when it names a transport:
 * `eq 443`, `neq 80`, `lt 1024`, `gt 1023`, `range 8000 8010` (Cisco IOS/ASA,
 * NX-OS, Arista), and ipfw's port after an address (`from any to me 22`,
 * `to any 8000-8010`). Lines without `tcp`/`udp` are left alone: `range`
 * in a DHCP pool or a word after `to` in prose are no ports.
 *
 * @example scanAclPorts(' service-object udp destination range 19302 19309', 0, 49, out, false) // 19302, 19309
 */
export function scanAclPorts(text: string, s: number, e: number, out: Collector, comment: boolean): void {
  const ws = wordsOf(text, s, e);
  if (!ws.some((x) => TRANSPORTS.has(x.w))) return;
  const port = (x: Word | undefined): void => {
    if (x) scanPortValue(text, x.s, x.e, out, { role: 'firewall', comment, key: 'acl', colonIsRange: true });
  };
  for (let k = 0; k < ws.length; k++) {
    const x = ws[k];
    const nx = ws[k + 1];
    if (!x || !nx) break;
    if (OPERATORS.has(x.w) && NUMBER.test(nx.w)) {
      port(nx);
      k++;
    } else if (x.w === 'range' && NUMBER.test(nx.w) && NUMBER.test(ws[k + 2]?.w ?? '')) {
      port(nx);
      port(ws[k + 2]);
      k += 2;
    } else if ((x.w === 'from' || x.w === 'to') && k + 2 < ws.length) {
      // ipfw: `from ADDR [PORTS] to ADDR [PORTS]`, ports as numbers, ranges and lists (`22,80,8000-8010`).
      const after = ws[k + 2];
      if (after && /^\d{1,5}(?:-\d{1,5})?(?:,\d{1,5}(?:-\d{1,5})?)*$/.test(after.w)) {
        port(after);
        k += 2;
      }
    }
  }
}

/** Snort/Suricata actions that open a rule header. */
const RULE_ACTIONS = new Set(['alert', 'log', 'pass', 'activate', 'dynamic', 'drop', 'reject', 'sdrop', 'rejectsrc', 'rejectdst', 'rejectboth']);

/**
 * A Snort/Suricata rule: `action proto src sport -> dst dport (options)`. Both
 * port fields count (numbers, `a:b` ranges, `[80,443]` lists, `!22`; `any` and
 * `$HTTP_PORTS` name none), and ports a `msg` names in its text.
 * Returns false when the line is no rule header.
 *
 * @example scanIdsRule('alert tcp any any -> $HOME_NET 22 (msg:"SSH";)', 0, 46, out, false) // true; 22: firewall
 */
export function scanIdsRule(text: string, s: number, e: number, out: Collector, comment: boolean): boolean {
  const ws = wordsOf(text, s, e);
  const arrow = ws[4];
  if (ws.length < 7 || !RULE_ACTIONS.has(ws[0]?.w ?? '') || !arrow || (arrow.w !== '->' && arrow.w !== '<>')) return false;
  for (const x of [ws[3], ws[6]]) {
    if (!x || !PORT_SPEC.test(x.w)) continue;
    scanPortValue(text, x.s, x.e, out, { role: 'firewall', comment, key: 'rule port', colonIsRange: true });
  }
  const options = ws[7];
  if (options && text.charCodeAt(options.s) === 40) scanProsePorts(text, options.s, e, out, { comment, role: 'firewall', key: 'msg' });
  return true;
}
