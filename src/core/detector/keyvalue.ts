// Key/value and directive lines: `.env`, shell option files, `.properties`,
// INI, TOML, systemd units, ufw profiles, daemon configs (`Port 22`,
// `port = 5432`, `http_port 3128`, `remote vpn.example.com 1194`).
import type { ScanContext } from './context';
import type { FormatId, PortRole } from './types';
import { scanCommandLine, scanShellCommand } from './commands';
import { isIpv4, scanEndpoints } from './endpoints';
import { hasPortLetters, hasPortLettersAt, isCommandKey, isImageKey, portKeyInfo, splitWords } from './keys';
import { scanImageRegistry, scanPortValue } from './values';
import { isProseKey, physicalPortBefore, scanProsePorts } from './prose';
import { allDigits, hasDigit, indexOfIn, isAlpha, isDigit, isSpace, isWordChar, lastIndexOfIn, lowerAt, skipSpaces, trimEnd } from './text';
import { cand } from './collector';

export type Separator = 'equals' | 'equals-or-colon' | 'equals-or-space' | 'any';

export interface KeyValueOptions {
  readonly separator: Separator;
  /** Role for a port key whose words say nothing (`port = 5432` in a daemon config listens). */
  readonly defaultRole: PortRole;
  /** `a:b` in a port value is a range (ufw, fail2ban) rather than a mapping. */
  readonly colonIsRange?: boolean;
  /** Directive formats: `IP PORT` as separate words, `port N` inside arguments. */
  readonly addressPairs?: boolean;
  readonly scope?: string;
}

/** Directives whose arguments name a remote host and then its port as a separate word. */
const ENDPOINT_DIRECTIVES = new Set([
  'remote', 'management', 'http-proxy', 'socks-proxy', 'real_server', 'virtual_server', 'sorry_server', 'replicaof', 'slaveof',
  'sentinel', 'server', 'peer', 'upstream', 'forward', 'connect', 'master', 'masterhost', 'primary', 'relay', 'relayhost',
  'smarthost', 'proxy', 'parent', 'cache_peer', 'backend', 'target', 'host', 'address', 'listen', 'bind', 'tcp_check',
  'connect_ip', 'bindto', 'route-gateway', 'nameserver', 'dns', 'upstream_dns', 'forwarders', 'server_addr',
]);

/**
 * Directives whose first argument is a port or `[bind:]port` (ssh forwarding, systemd sockets, Apache
 * `Listen`, stunnel `accept`, and stunnel `connect`, whose port is a remote one).
 */
const FIRST_ARG_PORT =
  /^(listen|listener|listenstream|listendatagram|listensequentialpacket|listenaddress|localforward|remoteforward|dynamicforward|expose|accept|connect)$/i;

function firstArgPort(key: string): boolean {
  // Each of them starts with l, r, d, e, a or c (ASCII: the regex has no `u` flag, so nothing else folds to them).
  // And each is 6, 7, 8, 12, 13, 14 or 22 chars long (the regex is anchored at both ends).
  const n = key.length;
  if (n !== 6 && n !== 7 && n !== 8 && n !== 12 && n !== 13 && n !== 14 && n !== 22) return false;
  const c = key.charCodeAt(0) | 0x20;
  return (c === 108 || c === 114 || c === 100 || c === 101 || c === 97 || c === 99) && FIRST_ARG_PORT.test(key);
}

function isHostToken(text: string, s: number, e: number, key: string, first: boolean): boolean {
  const tok = text.slice(s, e);
  if (isIpv4(tok)) return true;
  const low = tok.toLowerCase();
  if (low === 'localhost') return true;
  if (tok.charCodeAt(0) === 91 && tok.endsWith(']') && tok.includes(':')) return true;
  // A bare name is a host only as the directive's first argument (`remote vpn.example.com 1194`),
  // not in the middle (`sentinel down-after-milliseconds mymaster 30000`).
  if (!first || !ENDPOINT_DIRECTIVES.has(key.toLowerCase())) return false;
  // A host name after a directive that takes one: letters, digits, dots, dashes.
  if (!/^[A-Za-z0-9][A-Za-z0-9.\-_]*$/.test(tok) || !/[A-Za-z]/.test(tok)) return false;
  return !/^(tcp|udp|tcp4|tcp6|udp4|udp6|yes|no|on|off|true|false|default|backup|check|weight|port|proto)$/i.test(tok);
}

interface Tok {
  readonly s: number;
  readonly e: number;
}

function words(text: string, s: number, e: number): Tok[] {
  const out: Tok[] = [];
  let i = s;
  while (i < e && out.length < 256) {
    while (i < e && (isSpace(text.charCodeAt(i)) || text.charCodeAt(i) === 44 || text.charCodeAt(i) === 123 || text.charCodeAt(i) === 125)) i++;
    if (i >= e) break;
    let j = i;
    while (j < e && !isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 123 && text.charCodeAt(j) !== 125) j++;
    let te = j;
    while (te > i && (text.charCodeAt(te - 1) === 59 || text.charCodeAt(te - 1) === 44)) te--;
    if (te > i) out.push({ s: i, e: te });
    i = j;
  }
  return out;
}

/** A port or range and its protocol: `22/tcp`, `60000-61000/udp`. */
const PORT_PROTOCOL = /^\d{1,5}(?:[-:]\d{1,5})?\/(?:tcp|udp|sctp)$/i;

/**
 * Directive arguments: `IP PORT` pairs (keepalived `real_server 10.0.0.2 1358`,
 * redis `replicaof 10.0.0.1 6379`, OpenVPN `remote host 1194`), `port N...`
 * keyword arguments (haproxy `check port 8081`, squid `acl x port 80 443`),
 * squid `cache_peer host type HTTP ICP`.
 */
export function scanDirectiveArgs(ctx: ScanContext, key: string, s: number, e: number, comment: boolean, scope?: string): void {
  const { text, out } = ctx;
  if (!directiveArgsMayHold(text, key, s, e)) return;
  const toks = words(text, s, e);
  const lowKey = key.toLowerCase();
  // A route's number after an address is a metric or distance: `route INSIDE 10.0.0.0 255.0.0.0 192.0.2.2 1`, `ip route ... 250`.
  const route = lowKey === 'route' || (lowKey === 'ip' && toks[0] !== undefined && text.startsWith('route', toks[0].s) && toks[0].e - toks[0].s === 5);
  if (lowKey === 'cache_peer') {
    for (const k of [2, 3]) {
      const t = toks[k];
      if (t && allDigits(text, t.s, t.e)) out.add(cand(t.s, t.e - t.s, 'connect', comment, key, scope));
    }
  }
  // Redis Sentinel: `sentinel monitor <master-name> <host> <port> <quorum>`.
  const monitor = lowKey === 'sentinel' && toks.length > 3 && toks[0] !== undefined && text.startsWith('monitor', toks[0].s) && toks[0].e - toks[0].s === 7;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    const nx = toks[k + 1];
    if (!t) break;
    if (!route && nx && allDigits(text, nx.s, nx.e) && nx.e - nx.s <= 5 && isHostToken(text, t.s, t.e, key, k === 0 || (monitor && k === 2))) {
      out.add(cand(nx.s, nx.e - nx.s, lowKey === 'listen' || lowKey === 'bind' ? 'listen' : 'connect', comment, key, scope));
      k++;
      continue;
    }
    // `22/tcp`, `6000-6007/tcp`: port/protocol notation names its port whatever the directive.
    if (PORT_PROTOCOL.test(text.slice(t.s, t.e))) {
      scanPortValue(text, t.s, t.e, out, { role: 'unknown', comment, key, scope, colonIsRange: true });
      continue;
    }
    // `port 80 443` (squid, haproxy), and libconfig's `port: "8443";` (sslh).
    let te = t.e;
    const sep = text.charCodeAt(te - 1);
    if (sep === 58 || sep === 61) te--;
    const tl = te - t.s;
    // Or a port-named word: sshd `Match LocalPort 2222`.
    const w = nx && tl >= 4 && tl <= 16 && hasPortLettersAt(text, t.s, te) ? text.slice(t.s, te).toLowerCase() : '';
    const named = w !== '' && w !== 'port' && w !== 'ports' && /^[a-z][a-z_-]*$/.test(w) ? portKeyInfo(text.slice(t.s, te)) : undefined;
    if ((w === 'port' || w === 'ports' || named) && nx && !physicalPortBefore(text, s, t.s)) {
      let j = k + 1;
      while (j < toks.length) {
        const v = toks[j];
        if (!v) break;
        const q = text.charCodeAt(v.s);
        const quoted = (q === 34 || q === 39) && v.e - v.s >= 3 && text.charCodeAt(v.e - 1) === q;
        const vs = quoted ? v.s + 1 : v.s;
        const ve = quoted ? v.e - 1 : v.e;
        if (!/^\d+([-:]\d+)?$/.test(text.slice(vs, ve))) break;
        const role: PortRole = lowKey === 'acl' ? 'firewall' : named?.role ?? 'connect';
        scanPortValue(text, vs, ve, out, { role, comment, key: `${key} ${named ? w : 'port'}`, scope, colonIsRange: true });
        j++;
      }
      k = j - 1;
    }
  }
}

const memcachedCache = new WeakMap<ScanContext, boolean>();

/** memcached's `-U` is its UDP port: only in its own config and option files. */
function isMemcached(ctx: ScanContext): boolean {
  let v = memcachedCache.get(ctx);
  if (v === undefined) {
    v = /memcache/i.test(ctx.fileName ?? '') || /memcached/.test(ctx.text.slice(0, 4000));
    memcachedCache.set(ctx, v);
  }
  return v;
}

/** Docker label key characters: letters, digits, `_`, `.`, `/`, `-`. */
function isLabelKeyChar(c: number): boolean {
  return isAlpha(c) || isDigit(c) || c === 95 || c === 46 || c === 47 || c === 45;
}

/**
 * A dotted `KEY=value` key names a port when its last dotted part does
 * (`...loadbalancer.server.port`): a hyphenated segment in the middle
 * (`services.echat-web`, `routers.port-80`) never makes it one. The role
 * comes from the whole key's words, as before.
 */
function labelKeyInfo(key: string): ReturnType<typeof portKeyInfo> {
  const dot = key.lastIndexOf('.');
  if (dot === -1) return portKeyInfo(key);
  const last = portKeyInfo(key.slice(dot + 1));
  return last ? portKeyInfo(key) ?? last : undefined;
}

/**
 * Whether [s, e) may hold a `key=value` word whose key names a port (`port=5003`,
 * `ansible_ssh_port=22`): an `=` and the letters `port`, for `scanAssignments` to judge.
 */
export function mayAssignPort(text: string, s: number, e: number): boolean {
  return indexOfIn(text, '=', s, e) !== -1 && hasPortLettersAt(text, s, e);
}

/** Splits `KEY=value` words (systemd `Environment=`, shell `VAR=1 OTHER=2`) and checks each key. */
export function scanAssignments(ctx: ScanContext, s: number, e: number, comment: boolean, defaultRole: PortRole, scope?: string): void {
  const { text, out } = ctx;
  let i = s;
  while (i < e) {
    // Assignments are apart by blanks, or by `,` and `[` in fail2ban's `iptables[name=x, port="80"]`.
    while (i < e && (isSpace(text.charCodeAt(i)) || text.charCodeAt(i) === 34 || text.charCodeAt(i) === 39 || text.charCodeAt(i) === 44 ||
      text.charCodeAt(i) === 91)) i++;
    const ks = i;
    // Docker label keys also hold `-` and `/` (`traefik.http.services.echat-web.loadbalancer.server.port`,
    // `prometheus.io/port`); the key must start with a letter, digit or `_`, so `--port=80` stays a flag.
    const c0 = text.charCodeAt(i);
    if (isAlpha(c0) || isDigit(c0) || c0 === 95) {
      while (i < e && isLabelKeyChar(text.charCodeAt(i))) i++;
    }
    if (i < e && text.charCodeAt(i) === 61 && i > ks) {
      const info = labelKeyInfo(text.slice(ks, i));
      let vs = i + 1;
      // `port="80"`: a quoted value runs to its closing quote.
      const q = text.charCodeAt(vs);
      const quoted = q === 34 || q === 39;
      if (quoted) vs++;
      let ve = vs;
      if (quoted) while (ve < e && text.charCodeAt(ve) !== q) ve++;
      else while (ve < e && !isSpace(text.charCodeAt(ve)) && text.charCodeAt(ve) !== 34 && text.charCodeAt(ve) !== 39) ve++;
      if (info) {
        const role = info.role ?? defaultRole;
        scanPortValue(text, vs, ve, out, { role, comment, key: text.slice(ks, i), scope, colonIsRange: role === 'firewall' });
      }
      i = quoted && ve < e ? ve + 1 : ve;
    } else {
      while (i < e && !isSpace(text.charCodeAt(i))) i++;
    }
  }
}

/**
 * Reads one `key <sep> value` line in [s, e) and adds the ports it names.
 * Returns the key it found (for section tracking), or undefined.
 */
export function scanKeyValue(ctx: ScanContext, s: number, e: number, comment: boolean, o: KeyValueOptions): string | undefined {
  const { text, out } = ctx;
  let i = skipSpaces(text, s, e);
  e = trimEnd(text, i, e);
  if (i >= e) return undefined;
  if (text.startsWith('export ', i)) i = skipSpaces(text, i + 7, e);
  if (text.charCodeAt(i) === 45 && o.addressPairs) {
    // `-p 11211` lines: memcached.conf and other option-per-line files.
    scanCommandLine(text, i, e, out, { comment, scope: o.scope, shortFlags: true, memcached: isMemcached(ctx) });
    return undefined;
  }
  // Key: quoted, or a run up to the separator.
  let ks = i;
  let ke: number;
  const q = text.charCodeAt(i);
  if (q === 34 || q === 39) {
    const close = indexOfIn(text, String.fromCharCode(q), i + 1, e);
    if (close === -1 || close >= e) return undefined;
    ks = i + 1;
    ke = close;
    i = close + 1;
  } else {
    while (i < e) {
      const c = text.charCodeAt(i);
      if (isSpace(c) || c === 61) break;
      if (c === 58 && (o.separator === 'equals-or-colon' || o.separator === 'any')) break;
      i++;
    }
    ke = i;
    // INI keys may be several words (smb.conf `smb ports = 445 139`): words and blanks up to the `=`.
    // Only when a word follows the blanks (`key = value`, the common line, is left as it is) and
    // the first word is a name (`host.example.com ansible_port=22` is no key of several words).
    const j0 = o.separator === 'equals-or-colon' && i < e && isSpace(text.charCodeAt(i)) ? skipSpaces(text, i, e) : e;
    if (j0 < e && isAlpha(text.charCodeAt(j0)) && isAlpha(text.charCodeAt(ks))) {
      let j = j0;
      while (j < e && (isSpace(text.charCodeAt(j)) || isAlpha(text.charCodeAt(j)) || text.charCodeAt(j) === 95 || text.charCodeAt(j) === 45)) j++;
      let name = true;
      for (let k = ks; k < i && name; k++) {
        const c = text.charCodeAt(k);
        name = isWordChar(c) || c === 45;
      }
      if (name && j < e && text.charCodeAt(j) === 61 && j - ks <= 64) {
        ke = trimEnd(text, ks, j);
        i = j;
      }
    }
  }
  if (ke <= ks) return undefined;
  // OpenWrt UCI: `option dest_port '22'`, `list dest_port '80'`: the name after the word is the key.
  if (o.addressPairs && ((ke - ks === 6 && text.startsWith('option', ks)) || (ke - ks === 4 && text.startsWith('list', ks)))) {
    const ns = skipSpaces(text, ke, e);
    let ne = ns;
    while (ne < e && !isSpace(text.charCodeAt(ne))) ne++;
    if (ne > ns && ne < e) {
      let vs = skipSpaces(text, ne, e);
      let ve = e;
      const q = text.charCodeAt(vs);
      if ((q === 34 || q === 39) && ve - vs >= 2 && text.charCodeAt(ve - 1) === q) {
        vs++;
        ve--;
      }
      const name = text.slice(ns, ne);
      handleValue(ctx, name, vs, ve, comment, o);
      return name;
    }
  }
  const key = text.slice(ks, ke);
  const paren = indexOfIn(text, '(', ks, ke);
  if (paren > ks && isAlpha(text.charCodeAt(ks)) && isWordChar(text.charCodeAt(paren - 1))) {
    // A call, not a key (dnsdist's Lua `addDOHLocal('0.0.0.0:80', ...)`): endpoints anywhere on the line too.
    scanEndpoints(text, s, e, out, { comment, scope: o.scope });
  }
  i = skipSpaces(text, i, e);
  let hadSep = false;
  if (i < e) {
    const c = text.charCodeAt(i);
    if (c === 61 || (c === 58 && (o.separator === 'equals-or-colon' || o.separator === 'any'))) {
      hadSep = true;
      i++;
      if (c === 61 && i < e && text.charCodeAt(i) === 62) i++; // `=>` (Logstash, Ruby)
      i = skipSpaces(text, i, e);
    }
  }
  if (!hadSep && o.separator === 'equals') {
    if (!hasDigit(text, s, e)) return undefined;
    // A shell script's lines are commands (`iptables -A INPUT -p tcp --dport 22`, `ufw allow 80/tcp`).
    if (ctx.format === 'shell') scanShellCommand(text, s, e, out, { comment, scope: o.scope });
    else scanEndpoints(text, s, e, out, { comment, scope: o.scope });
    return undefined;
  }
  let vs = i;
  let ve = e;
  if (ve > vs && text.charCodeAt(ve - 1) === 59 && o.addressPairs) ve--;
  const qv = text.charCodeAt(vs);
  if ((qv === 34 || qv === 39) && ve - vs >= 2 && text.charCodeAt(ve - 1) === qv) {
    vs++;
    ve--;
  }
  // postfix master.cf: an `inet` service's name is `[host:]port` (`2525 inet n - n - - smtpd`, `127.0.0.1:10025 inet ...`).
  if (o.addressPairs && text.startsWith('inet', vs) && isSpace(text.charCodeAt(vs + 4))) {
    const colon = lastIndexOfIn(text, ':', ks, ke);
    const ps = colon === -1 ? ks : colon + 1;
    if (ke - ps <= 5 && allDigits(text, ps, ke)) out.add(cand(ps, ke - ps, 'listen', comment, 'inet', o.scope));
  }
  handleValue(ctx, key, vs, ve, comment, o);
  return key;
}

/**
 * True when `handleValue` provably adds nothing for this key and value (which
 * holds digits): the key names no port, takes no port argument and no command
 * line; the value has no endpoint punctuation before a digit; and in directive
 * files, no host word or `port` keyword that a port could follow.
 */
/** Keys that name where a server listens: `interface`, `listen-address`, `bind_addr`, `ListenAddress`. */
function isListenAddressKey(key: string): boolean {
  if (key.length < 4 || key.length > 40) return false;
  let named = false;
  for (let i = 0; i + 4 <= key.length && !named; i++) {
    const c = key.charCodeAt(i) | 0x20;
    named = (c === 108 && lowerAt(key, i, 'listen')) || (c === 98 && lowerAt(key, i, 'bind')) || (c === 105 && lowerAt(key, i, 'interface'));
  }
  if (!named) return false;
  for (const w of splitWords(key)) if (w === 'listen' || w === 'bind' || w === 'interface') return true;
  return false;
}

/**
 * Whether the key names a command line, itself or by its name before a subscript
 * (Nagios `command[check_tcp]=/usr/lib/nagios/plugins/check_tcp -H db -p 5432`).
 */
function isCommandKeyOrSubscript(key: string): boolean {
  if (isCommandKey(key)) return true;
  if (key.charCodeAt(key.length - 1) !== 93) return false;
  const b = key.indexOf('[');
  return b > 0 && isCommandKey(key.slice(0, b));
}

function plainSetting(ctx: ScanContext, key: string, vs: number, ve: number, o: KeyValueOptions, format: FormatId): boolean {
  if (format === 'shell' || key === 'Environment' || hasPortLetters(key) || firstArgPort(key) || isCommandKeyOrSubscript(key)) return false;
  const { text } = ctx;
  const last = ve - 1;
  for (let i = vs; i < last; i++) {
    const c = text.charCodeAt(i);
    if ((c === 58 || c === 35 || c === 44 || c === 64) && isDigit(text.charCodeAt(i + 1))) return false;
    if (c === 58 && text.charCodeAt(i + 1) === 36) return false; // `host:${PORT:-5000}` (endpoints.ts)
    if (c === 45 && text.charCodeAt(i + 1) === 104 && text.charCodeAt(i + 2) === 32) return false; // `-h host -p port`
  }
  return !o.addressPairs || !directiveArgsMayHold(text, key, vs, ve);
}

/** Where `words` starts a token: after a blank, `,`, `{` or `}`. */
function isWordGap(c: number): boolean {
  return isSpace(c) || c === 44 || c === 123 || c === 125;
}

/**
 * False when `scanDirectiveArgs` provably adds nothing: no `port` word in the
 * arguments for a port to follow; and no whole-token number (a host's port,
 * a `cache_peer` port), or else no `cache_peer` or endpoint directive and no
 * IPv4 (`.`), `[v6]` or `localhost` host for it to follow. Prose in comments
 * (`see section 4.2.`) has dots but no whole-token numbers.
 */
function directiveArgsMayHold(text: string, key: string, s: number, e: number): boolean {
  let number = false;
  let host = false;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      if (!number && (i === s || isWordGap(text.charCodeAt(i - 1)))) {
        let j = i + 1;
        while (j < e && isDigit(text.charCodeAt(j))) j++;
        // A token of digits ends the run, or its trailing `;` and `,` do.
        const n = j < e ? text.charCodeAt(j) : 32;
        if (isWordGap(n) || n === 59) number = true;
        // `22/tcp`: a port in port/protocol notation (`/etc/services`, `allow 53/udp`).
        if (n === 47 && (lowerAt(text, j + 1, 'tcp') || lowerAt(text, j + 1, 'udp') || lowerAt(text, j + 1, 'sctp'))) return true;
        i = j - 1;
      }
      continue;
    }
    if (c === 46 || c === 91) host = true;
    const l = c | 0x20;
    if (l === 112 && i + 4 <= e && lowerAt(text, i, 'port')) return true;
    if (l === 108 && i + 9 <= e && lowerAt(text, i, 'localhost')) host = true;
  }
  if (!number) return false;
  if (host) return true;
  // Directive names are mostly lower-case already: look the key up as it is before lower-casing it.
  if (key === 'cache_peer' || ENDPOINT_DIRECTIVES.has(key)) return true;
  const lowKey = key.toLowerCase();
  return lowKey !== key && (lowKey === 'cache_peer' || ENDPOINT_DIRECTIVES.has(lowKey));
}

export function handleValue(ctx: ScanContext, key: string, vs: number, ve: number, comment: boolean, o: KeyValueOptions, format: FormatId = ctx.format): void {
  const { text, out } = ctx;
  if (vs >= ve) return;
  // The commonest setting: a plain number under a key that names no port (`databases 16`, `timeout 300`).
  // Only a port key, a directive whose first argument is a port (`Listen 80`) or a RabbitMQ
  // `listeners.*` key makes such a value a port; every other pass below needs more than digits.
  if (isDigit(text.charCodeAt(vs)) && ve - vs <= 12 && allDigits(text, vs, ve) && !hasPortLetters(key) && !firstArgPort(key) &&
    (key.charCodeAt(0) | 0x20) !== 108) return;
  // dnsmasq `srv-host=<service>,<target>,<port>[,<priority>,<weight>]`.
  if (key === 'srv-host') {
    const f = text.slice(vs, ve).split(',');
    const p = f[2]?.trim();
    if (p !== undefined && /^\d{1,5}$/.test(p)) {
      const at = vs + (f[0]?.length ?? 0) + (f[1]?.length ?? 0) + 2 + (f[2]?.indexOf(p) ?? 0);
      out.add(cand(at, p.length, 'connect', comment, key, o.scope));
    }
  }
  if (isImageKey(key)) {
    scanImageRegistry(text, vs, ve, out, { comment, key, scope: o.scope });
    return;
  }
  const digits = hasDigit(text, vs, ve);
  // IPsec `leftprotoport=17/1701`: a protocol, then the port.
  if (digits && key.length > 9 && /protoport$/i.test(key)) {
    const slash = indexOfIn(text, '/', vs, ve);
    if (slash !== -1 && ve - slash - 1 <= 5 && allDigits(text, slash + 1, ve)) out.add(cand(slash + 1, ve - slash - 1, 'firewall', comment, key, o.scope));
    return;
  }
  // Free text (`Description=Web Server (8080)`, `title=Opens port 8443`): ports named in it (prose.ts).
  if (digits && isProseKey(key)) {
    scanProsePorts(text, vs, ve, out, { comment, role: o.defaultRole === 'firewall' ? 'firewall' : 'unknown', key, scope: o.scope });
  }
  // `host=127.0.0.1 port=5003 dbname=app` (libpq connection strings in pgbouncer.ini and the like).
  if (digits && key !== 'Environment' && key !== 'EnvironmentFile' && mayAssignPort(text, vs, ve)) {
    const host = indexOfIn(text, 'host=', vs, ve) !== -1;
    scanAssignments(ctx, vs, ve, comment, host ? 'connect' : o.defaultRole, o.scope);
  }
  // RabbitMQ: `listeners.tcp.default = 5672`, `listeners.ssl.default = 5671`.
  if (digits && (key.charCodeAt(0) | 0x20) === 108 && /^listeners?\./i.test(key)) {
    scanPortValue(text, vs, ve, out, { role: 'listen', comment, key, scope: o.scope });
  }
  // Most values with digits are plain settings (`maxclients 10000`, `save 900 1`):
  // rule them out before building tokens and options for the passes below.
  if (digits && plainSetting(ctx, key, vs, ve, o, format)) return;
  const info = portKeyInfo(key);
  let endpointRole: PortRole | undefined;
  if (info && digits) {
    // Varnish VCL `.port = "8080";` sits in a backend definition: a port to connect to.
    const role = info.role ?? (key.charCodeAt(0) === 46 && o.addressPairs ? 'connect' : o.defaultRole);
    scanPortValue(text, vs, ve, out, {
      role, comment, key, scope: o.scope, rangeEnd: info.rangeEnd, colonIsRange: o.colonIsRange || role === 'firewall',
    });
    if (role === 'listen') endpointRole = 'listen';
  } else if (firstArgPort(key)) {
    const low = key.toLowerCase();
    if (low === 'expose') scanPortValue(text, vs, ve, out, { role: 'exposed', comment, key, scope: o.scope });
    else if (low.endsWith('forward')) {
      // LocalForward [bind:]port host:hostport
      let a = vs;
      while (a < ve && !isSpace(text.charCodeAt(a))) a++;
      if (allDigits(text, vs, a)) out.add(cand(vs, a - vs, 'listen', comment, key, o.scope));
    } else {
      // Listen 80 / Listen 0.0.0.0:8080 https / ListenStream=[::]:443 / (nginx) listen 80; / connect = 80
      const role: PortRole = low === 'connect' ? 'connect' : 'listen';
      let a = vs;
      while (a < ve && !isSpace(text.charCodeAt(a)) && text.charCodeAt(a) !== 59) a++;
      // The port is after the address's last colon, as Apache reads it (`Listen ::1:82` too).
      const colon = lastIndexOfIn(text, ':', vs, a);
      const ps = colon === -1 ? vs : colon + 1;
      if (a - ps <= 5 && allDigits(text, ps, a)) out.add(cand(ps, a - ps, role, comment, key, o.scope));
      if (role === 'listen') endpointRole = 'listen';
    }
  } else if (digits && (isCommandKeyOrSubscript(key) || key === 'Environment' || format === 'shell')) {
    if (key === 'Environment' || key === 'EnvironmentFile') scanAssignments(ctx, vs, ve, comment, o.defaultRole);
    else scanCommandLine(text, vs, ve, out, { comment, scope: o.scope, shortFlags: true, memcached: isMemcached(ctx), noEndpoints: true });
  }
  if (!digits) return;
  // `-h <host> -p <port>` inside a value: client options (ZeroC Ice `ice="tcp -h 127.0.0.1 -p 6502"`),
  // read as the command line they are, with `-p` the port of the host they name.
  if (indexOfIn(text, '-h ', vs, ve) !== -1) scanCommandLine(text, vs, ve, out, { comment, scope: o.scope, shortFlags: true, role: 'connect', noEndpoints: true });
  if (o.addressPairs) scanDirectiveArgs(ctx, key, vs, ve, comment, o.scope);
  // The address a server listens on (`interface: 127.0.0.1@5353`, `listen-address=127.0.0.1:8118`).
  const role = endpointRole ?? (isListenAddressKey(key) ? 'listen' : undefined);
  scanEndpoints(text, vs, ve, out, { comment, role, key: endpointRole ? key : undefined, scope: o.scope });
}
