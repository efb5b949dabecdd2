// Command lines inside config files: Compose `command:`, systemd `ExecStart=`,
// package.json scripts, Procfile, `/etc/default/*` option strings, iptables rules.
import type { Collector } from './collector';
import { cand } from './collector';
import type { PortRole } from './types';
import { IMAGE_NAMES, scanEndpoints } from './endpoints';
import { portKeyInfo, splitWords } from './keys';
import { scanMapping } from './mapping';
import { scanPortValue } from './values';
import { scanProsePorts } from './prose';
import { allDigits, indexOfIn, isDigit, isSpace, isWordChar, lowerAt } from './text';

export interface CommandOptions {
  readonly comment: boolean;
  readonly scope?: string;
  /** `-p 3000` / `-P 3306` name a port (not in iptables, where `-p` is the protocol). */
  readonly shortFlags?: boolean;
  /** `-U 0` is memcached's UDP port. */
  readonly memcached?: boolean;
  /** Role for plain port flags (`--port 8080`): listen unless the words say otherwise. */
  readonly role?: PortRole;
  /** Skip the host:port pass (the caller runs it over a wider span). */
  readonly noEndpoints?: boolean;
}

interface Tok {
  readonly s: number;
  readonly e: number;
}

function isTokSep(c: number): boolean {
  return isSpace(c) || c === 34 || c === 39 || c === 91 || c === 93 || c === 10 || c === 13 || c === 96 || c === 40 || c === 41;
}

export function tokenize(text: string, from: number, to: number, limit = 4096): Tok[] {
  const toks: Tok[] = [];
  let i = from;
  while (i < to && toks.length < limit) {
    const c = text.charCodeAt(i);
    if (isTokSep(c)) {
      i++;
      continue;
    }
    let e = i;
    while (e < to && !isTokSep(text.charCodeAt(e))) e++;
    let te = e;
    // `--port 3001\"` inside a JSON string or a double-quoted shell word: the escape is no part of the token.
    if (te > i && text.charCodeAt(te - 1) === 92 && (text.charCodeAt(e) === 34 || text.charCodeAt(e) === 39)) te--;
    while (te > i && (text.charCodeAt(te - 1) === 44 || text.charCodeAt(te - 1) === 59)) te--; // "a", or cmd;
    if (te > i) toks.push({ s: i, e: te });
    i = e;
  }
  return toks;
}

/**
 * Development servers whose port is a positional argument after the command:
 * Django `runserver [addr:]port`, Python `-m http.server port` (and Python 2's `SimpleHTTPServer`).
 */
const POSITIONAL_PORT_COMMANDS = new Set(['runserver', 'http.server', 'SimpleHTTPServer']);

function isPositionalPortCommand(text: string, t: Tok): boolean {
  const n = t.e - t.s;
  return (n === 9 || n === 11 || n === 16) && POSITIONAL_PORT_COMMANDS.has(text.slice(t.s, t.e));
}

/** State carried between separate list items: `- --port` then `- "8080"`. */
export interface PendingFlag {
  name: string;
  kind: 'port' | 'publish' | 'expose';
  role: PortRole;
}

/**
 * Handles one flag token; returns how many following tokens it consumed, or
 * a pending flag when the value is in the next list item.
 */
function flagAt(text: string, toks: readonly Tok[], k: number, out: Collector, o: CommandOptions): { used: number; pending?: PendingFlag } {
  const t = toks[k];
  if (!t) return { used: 0 };
  let ns = t.s;
  while (ns < t.e && text.charCodeAt(ns) === 45) ns++;
  const dashes = ns - t.s;
  if (dashes === 0 || dashes > 2 || ns >= t.e) return { used: 0 };
  const eq = indexOfIn(text, '=', ns, t.e);
  const hasEq = eq !== -1 && eq < t.e;
  const nameEnd = hasEq ? eq : t.e;
  const name = text.slice(ns, nameEnd);
  let kind: PendingFlag['kind'] | undefined;
  let role: PortRole = o.role ?? 'listen';
  let colonIsRange = false;
  if (dashes === 1 && o.shortFlags && !hasEq && name.length >= 2 && name.length <= 6 && (name.charCodeAt(0) | 0x20) === 112 && allDigits(text, ns + 1, t.e)) {
    // The value glued to the flag: Nagios `check_tcp -H host -p11211`.
    applyFlagValue(text, ns + 1, t.e, out, o, { name: name.charAt(0), kind: 'port', role: o.role ?? 'listen' });
    return { used: 0 };
  }
  if (dashes === 1 && name.length === 1) {
    if ((name === 'p' || name === 'P') && o.shortFlags) kind = name === 'p' ? 'publish' : 'port';
    else if (name === 'U' && o.memcached) kind = 'port';
  } else if (name === 'publish' || name === 'publish-all') {
    kind = 'publish';
  } else if (name === 'expose') {
    kind = 'expose';
    role = 'exposed';
  } else {
    const info = portKeyInfo(name);
    if (info) {
      kind = 'port';
      // A firewall command lets every port it names through, whatever the flag says (`-LocalPort 80`).
      role = o.role === 'firewall' ? o.role : info.role ?? role;
      colonIsRange = role === 'firewall';
    } else if (/^(listen|bind|http|https|web)$/i.test(name) || /(^|[-_.])(listen|bind)([-_.]?addr(ess)?)?$/i.test(name)) {
      kind = 'port'; // `--listen 8080`, `--web.listen-address=:9100`: see applyFlagValue.
    }
  }
  if (!kind) return { used: 0 };
  let vs: number;
  let ve: number;
  let used = 0;
  if (hasEq) {
    vs = eq + 1;
    ve = t.e;
  } else {
    const nx = toks[k + 1];
    if (!nx) return { used: 0, pending: { name, kind, role } };
    if (text.charCodeAt(nx.s) === 45 && !isDigit(text.charCodeAt(nx.s + 1))) return { used: 0 };
    vs = nx.s;
    ve = nx.e;
    used = 1;
  }
  applyFlagValue(text, vs, ve, out, o, { name, kind, role }, colonIsRange);
  return { used };
}

function applyFlagValue(text: string, vs: number, ve: number, out: Collector, o: CommandOptions, f: PendingFlag, colonIsRange = false): void {
  const key = POSITIONAL_PORT_COMMANDS.has(f.name) ? f.name : (f.name.length === 1 ? '-' : '--') + f.name;
  if (f.kind === 'publish') {
    if (allDigits(text, vs, ve)) out.add(cand(vs, ve - vs, f.name === 'p' ? o.role ?? 'listen' : 'published', o.comment, key, o.scope));
    else scanMapping(text, vs, ve, out, { comment: o.comment, key, scope: o.scope, loneRole: 'container' });
    return;
  }
  if (/^(listen|bind|http|https|web)$/i.test(f.name) || /(^|[-_.])(listen|bind)([-_.]?addr(ess)?)?$/i.test(f.name) || POSITIONAL_PORT_COMMANDS.has(f.name)) {
    if (allDigits(text, vs, ve)) out.add(cand(vs, ve - vs, 'listen', o.comment, key, o.scope));
    else scanEndpoints(text, vs, ve, out, { comment: o.comment, role: 'listen', key, scope: o.scope });
    return;
  }
  scanPortValue(text, vs, ve, out, { role: f.role, comment: o.comment, key, scope: o.scope, colonIsRange });
}

/** Consumes a value for a flag left pending by the previous list item. */
export function resolvePending(text: string, s: number, e: number, out: Collector, o: CommandOptions, f: PendingFlag): void {
  applyFlagValue(text, s, e, out, o, f, f.role === 'firewall');
}

/** A token that is only `:` and digits, maybe `.screen` (`:0`, `:99`, `:0.0`): a bare port or an X display. */
function isBareColonNumber(text: string, t: Tok): boolean {
  if (text.charCodeAt(t.s) !== 58 || t.e - t.s < 2) return false;
  // Glued to a closing bracket (`$(hostname):7080`, `[::1]:80`): a host's port, not a display.
  const b = t.s > 0 ? text.charCodeAt(t.s - 1) : 32;
  if (b === 41 || b === 93) return false;
  let i = t.s + 1;
  while (i < t.e && isDigit(text.charCodeAt(i))) i++;
  if (i === t.s + 1) return false;
  if (i < t.e && text.charCodeAt(i) === 46) {
    const b = ++i;
    while (i < t.e && isDigit(text.charCodeAt(i))) i++;
    if (i === b) return false;
  }
  return i === t.e;
}

/** Words of a long flag that say its value is an address, so a bare `:8080` after it is a port. */
const ADDRESS_FLAG_WORDS = new Set([
  'listen', 'bind', 'addr', 'address', 'host', 'server', 'port', 'http', 'https', 'web', 'proxy', 'upstream', 'endpoint', 'url',
  'connect', 'target', 'backend', 'vnc', 'rfb', 'socket', 'dest', 'destination', 'from', 'to', 'remote', 'local', 'forward',
  'api', 'metrics', 'admin', 'grpc', 'source', 'src', 'tcp', 'udp',
]);

/**
 * Whether a bare `:N` token (k > 0) is not a port: an X display number given
 * as a free positional argument (`Xvfb :0 -screen 0`) or as the value of
 * `-display` / `--display`, or after a flag that takes no address (`Xvfb -ac :99`).
 * After a short flag or one whose words name an address (`--listen :8080`,
 * `-l :80`, `--vnc :5900`) it stays a port.
 */
function isDisplayArgument(text: string, prev: Tok): boolean {
  if (text.charCodeAt(prev.s) !== 45) return true; // a positional argument
  let ns = prev.s;
  while (ns < prev.e && text.charCodeAt(ns) === 45) ns++;
  if (ns >= prev.e || indexOfIn(text, '=', ns, prev.e) !== -1) return true; // `--opt=value :0`: positional again
  const name = text.slice(ns, prev.e);
  if (name.toLowerCase() === 'display') return true;
  if (ns - prev.s === 1 && name.length === 1) return false; // `-l :8080`: a short flag may take the address
  return !splitWords(name).some((w) => ADDRESS_FLAG_WORDS.has(w) || portKeyInfo(w) !== undefined);
}

/** `docker run` / `podman create`: the command names an image, so `php:8080` there is an image tag. */
function isContainerRun(text: string, toks: readonly Tok[]): boolean {
  for (let k = 0; k + 1 < toks.length; k++) {
    const t = toks[k];
    const nx = toks[k + 1];
    if (!t || !nx) break;
    // `docker`, `podman`, `nerdctl`, or a path ending in one: decided on the token's last letters.
    if (!(endsWithWord(text, t, 'docker') || endsWithWord(text, t, 'podman') || endsWithWord(text, t, 'nerdctl'))) continue;
    const sub = text.slice(nx.s, nx.e).toLowerCase();
    if (sub === 'run' || sub === 'create') return true;
  }
  return false;
}

/** Whether the token is `word` (lower-case ASCII) or a path ending in `/word`, in any case. */
function endsWithWord(text: string, t: Tok, word: string): boolean {
  const n = word.length;
  if (t.e - t.s < n || (t.e - t.s > n && text.charCodeAt(t.e - n - 1) !== 47)) return false;
  return lowerAt(text, t.e - n, word);
}

/** Vetoes `node:100`-style image arguments (an image or language name, a colon, digits) of a container run. */
function vetoImageTags(text: string, toks: readonly Tok[], out: Collector): void {
  for (const t of toks) {
    const colon = indexOfIn(text, ':', t.s, t.e);
    if (colon <= t.s || colon >= t.e - 1 || !allDigits(text, colon + 1, t.e)) continue;
    let ns = colon;
    while (ns > t.s && text.charCodeAt(ns - 1) !== 47) ns--; // `library/node:100`: the last path segment
    if (IMAGE_NAMES.has(text.slice(ns, colon).toLowerCase())) out.veto(colon + 1);
  }
}

/**
 * Finds ports in a command line: port flags (`--port=8080`, `--dport 22`,
 * `-p 3000` where short flags are on, `-p 8080:80`), `PORT=8081 cmd`
 * assignments, and endpoints. Returns a flag whose value is still to come.
 *
 * @example scanCommandLine(text, s, e, out, { comment: false, shortFlags: true }) // `busybox httpd -f -p 8000` → 8000
 */
export function scanCommandLine(
  text: string, from: number, to: number, out: Collector, o: CommandOptions, toks: readonly Tok[] = tokenize(text, from, to),
): PendingFlag | undefined {
  let pending: PendingFlag | undefined;
  // autossh's `-M port` is its monitoring port (0 turns monitoring off).
  let autossh = false;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (!t) break;
    pending = undefined;
    const c = text.charCodeAt(t.s);
    if (t.e - t.s >= 7 && text.startsWith('autossh', t.e - 7) && (t.e - t.s === 7 || text.charCodeAt(t.e - 8) === 47)) autossh = true;
    if (autossh && c === 45 && t.e - t.s === 2 && text.charCodeAt(t.s + 1) === 77) {
      const nx = toks[k + 1];
      if (nx && nx.e - nx.s <= 5 && allDigits(text, nx.s, nx.e)) {
        out.add(cand(nx.s, nx.e - nx.s, 'listen', o.comment, '-M', o.scope));
        k++;
        continue;
      }
    }
    if (c === 58) {
      // `Xvfb :0`, `-display :1`: an X display, not a port; the endpoint passes skip vetoed digits.
      const prev = k > 0 ? toks[k - 1] : undefined;
      if (prev && isBareColonNumber(text, t) && isDisplayArgument(text, prev)) out.veto(t.s + 1);
      continue;
    }
    if (c === 45) {
      const r = flagAt(text, toks, k, out, o);
      k += r.used;
      pending = r.pending;
      continue;
    }
    if (isWordChar(c) && !isDigit(c)) {
      // PORT=8081 node app.js
      let i = t.s;
      while (i < t.e && (isWordChar(text.charCodeAt(i)) || text.charCodeAt(i) === 46 || text.charCodeAt(i) === 45)) i++;
      if (i < t.e && text.charCodeAt(i) === 61) {
        const info = portKeyInfo(text.slice(t.s, i));
        if (info) {
          scanPortValue(text, i + 1, t.e, out, { role: info.role ?? o.role ?? 'listen', comment: o.comment, key: text.slice(t.s, i), scope: o.scope });
        }
      } else if (isPositionalPortCommand(text, t)) {
        // `manage.py runserver 8000`, `python -m http.server 8080`: the port is the next argument.
        const name = text.slice(t.s, t.e);
        const nx = toks[k + 1];
        if (!nx) pending = { name, kind: 'port', role: 'listen' };
        else if (nx.e - nx.s <= 5 && allDigits(text, nx.s, nx.e)) {
          out.add(cand(nx.s, nx.e - nx.s, 'listen', o.comment, name, o.scope));
          k++;
        }
      }
    }
  }
  if (toks.length > 2 && isContainerRun(text, toks)) vetoImageTags(text, toks, out);
  if (!o.noEndpoints) scanEndpoints(text, from, to, out, { comment: o.comment, scope: o.scope });
  return pending;
}

/** iptables and its variants: `-p` is the protocol there, and every port flag lets traffic through. */
const IPTABLES_COMMANDS = new Set(['iptables', 'ip6tables', 'iptables-legacy', 'ip6tables-legacy', 'iptables-nft', 'ip6tables-nft']);

/**
 * Commands whose `-p` / `-P` short flag takes a port (`docker run -p 8080:80`,
 * `ssh -p 2222`, `mysql -P 3306`), and the role of that port: clients connect
 * to a server's port, servers listen on theirs.
 */
const PORT_FLAG_COMMANDS: ReadonlyMap<string, PortRole> = new Map([
  ...['docker', 'podman', 'nerdctl', 'nc', 'ncat', 'netcat', 'redis-server', 'memcached', 'iperf', 'iperf3', 'http-server',
    'live-server', 'rails', 'flask', 'hugo', 'jekyll', 'mongod'].map((c) => [c, 'listen'] as const),
  ...['ssh', 'scp', 'sftp', 'autossh', 'redis-cli', 'psql', 'pg_dump', 'pg_dumpall', 'pg_restore', 'pg_isready', 'mysql',
    'mysqldump', 'mysqladmin', 'mariadb', 'mongo', 'mongosh'].map((c) => [c, 'connect'] as const),
]);

/** Words that only run the command after them. */
const PREFIX_COMMANDS = new Set(['sudo', 'exec', 'nohup', 'time', 'env', 'command', 'doas']);

/**
 * The command a shell line runs, lower-cased and without its directory
 * (`/sbin/iptables` → `iptables`), past `sudo`-like prefixes and `VAR=value`
 * assignments; a variable such as `$IPT` gives its name (`ipt`).
 */
function commandOf(text: string, toks: readonly Tok[]): { name: string; index: number } | undefined {
  for (let k = 0; k < toks.length && k < 8; k++) {
    const t = toks[k];
    if (!t) return undefined;
    if (indexOfIn(text, '=', t.s, t.e) !== -1 && text.charCodeAt(t.s) !== 45) continue;
    let word = text.slice(t.s, t.e);
    word = word.slice(word.lastIndexOf('/') + 1).toLowerCase();
    if (word.startsWith('$')) word = word.replace(/[${}]/g, '');
    if (PREFIX_COMMANDS.has(word)) continue;
    return { name: word, index: k };
  }
  return undefined;
}

/**
 * The command a shell line at [from, to) runs, or undefined.
 *
 * @example shellCommandName('sudo /usr/bin/docker run', 0, 24) // 'docker'
 */
export function shellCommandName(text: string, from: number, to: number): string | undefined {
  return commandOf(text, tokenize(text, from, to, 8))?.name;
}

/**
 * Whether the command line at [from, to) runs a firewall tool.
 *
 * @example isFirewallCommand('sudo ufw allow 22/tcp', 0, 21) // true
 */
export function isFirewallCommand(text: string, from: number, to: number): boolean {
  // Every firewall tool's name (or `$IPT`) holds `ufw`, `ipt` or `firewall`: most command lines are
  // ruled out by that before any tokens are built. The name is among the first few words.
  const lim = Math.min(to, from + 256) - 2;
  let named = false;
  for (let i = from; i < lim && !named; i++) {
    const c = text.charCodeAt(i) | 0x20;
    named = (c === 117 && lowerAt(text, i, 'ufw')) || (c === 105 && lowerAt(text, i, 'ipt')) || (c === 102 && lowerAt(text, i, 'firewall'));
  }
  if (!named) return false;
  const name = shellCommandName(text, from, to);
  return name !== undefined && (name === 'ufw' || isRuleCommand(name));
}

/**
 * Commands whose every port flag lets traffic through: iptables and its variants
 * (and `$IPT`), firewall-cmd, PowerShell's `New-NetFirewallRule`/`Set-NetFirewallRule`.
 */
function isRuleCommand(name: string): boolean {
  return IPTABLES_COMMANDS.has(name) || /^ip6?t6?$/.test(name) || name === 'firewall-cmd' || name.endsWith('-netfirewallrule');
}

/** `ufw allow 22/tcp`, `ufw allow 6000:6007/tcp`, `ufw allow from 10.0.0.0/8 to any port 5432`. */
function scanUfwCommand(text: string, toks: readonly Tok[], start: number, out: Collector, o: CommandOptions): void {
  let verb = false;
  for (let k = start + 1; k < toks.length; k++) {
    const t = toks[k];
    if (!t) break;
    const w = text.slice(t.s, t.e).toLowerCase();
    if (w === 'allow' || w === 'deny' || w === 'reject' || w === 'limit') {
      verb = true;
      continue;
    }
    if (!verb) continue;
    const prev = toks[k - 1];
    const afterPort = prev !== undefined && text.slice(prev.s, prev.e).toLowerCase() === 'port';
    if (afterPort || /^\d{1,5}(?:[:,]\d{1,5})*(?:\/(?:tcp|udp))?$/i.test(w)) {
      scanPortValue(text, t.s, t.e, out, { role: 'firewall', comment: o.comment, key: 'ufw', scope: o.scope, colonIsRange: true });
    }
  }
}

/**
 * A command line in a shell script: iptables rules (`--dport 22`, `--sports
 * 1024:65535`) and `firewall-cmd --add-port=8080/tcp` as firewall ports,
 * `ufw allow 80/tcp`, the `-p` of commands known to take a port with it, long
 * port flags of any command, and host:port endpoints.
 */
export function scanShellCommand(text: string, from: number, to: number, out: Collector, o: CommandOptions, command?: string): void {
  const toks = tokenize(text, from, to);
  // A continuation line (after a `\`) runs the command its first line named.
  const cmd = command !== undefined ? { name: command, index: -1 } : commandOf(text, toks);
  const name = cmd?.name ?? '';
  if (isRuleCommand(name)) {
    scanCommandLine(text, from, to, out, { comment: o.comment, scope: o.scope, shortFlags: false, role: 'firewall' }, toks);
    // firewall-cmd `--add-forward-port=port=80:proto=tcp:toport=8080`: `port=` and `toport=` inside the value.
    if (name === 'firewall-cmd') {
      for (const m of text.slice(from, to).matchAll(/[=:](?:to)?port=(\d{1,5}(?:-\d{1,5})?)(?=[:\s"']|$)/g)) {
        const vs = from + (m.index ?? 0) + m[0].length - (m[1] ?? '').length;
        scanPortValue(text, vs, vs + (m[1] ?? '').length, out, { role: 'firewall', comment: o.comment, key: 'firewall-cmd', scope: o.scope });
      }
    }
    return;
  }
  if (name === 'ufw' && cmd) {
    scanUfwCommand(text, toks, cmd.index, out, o);
    return;
  }
  if (name === 'echo' || name === 'printf' || name === 'logger') {
    // A message is free text: `echo "Allow SSH port 3333"`.
    scanProsePorts(text, from, to, out, { comment: o.comment, role: 'unknown', scope: o.scope });
  }
  const flagRole = PORT_FLAG_COMMANDS.get(name);
  scanCommandLine(text, from, to, out, { comment: o.comment, scope: o.scope, shortFlags: flagRole !== undefined, role: flagRole === 'connect' ? 'connect' : o.role }, toks);
}
