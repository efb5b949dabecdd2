import type { PortRole, RangeEnd } from './types';
import { isAlpha, isDigit } from './text';

/**
 * Words that end in "port" but are not about ports. The key test below works
 * on words, so `support_email` or `export` never look like port keys.
 */
const NOT_PORT_WORDS = new Set([
  'report', 'support', 'transport', 'import', 'export', 'passport', 'airport', 'viewport', 'deport',
  'rapport', 'purport', 'comport', 'teleport', 'seaport', 'carport', 'davenport', 'newport', 'spaceport',
  'heliport', 'reexport', 'autoimport', 'sysreport',
  // A switch's physical port (Cisco `switchport access vlan 100`), not a TCP or UDP one.
  'switchport',
]);

/**
 * Words allowed after the port word: `port_value` (Envoy), `port.number`,
 * `pasv_max_port`'s mirror `port_max`, `native_transport_port_ssl`. Anything
 * else (`port_forwarding_enabled`, `port_offset`, `ports_count`) is not a port.
 */
const AFTER_PORT_WORDS = new Set([
  'value', 'number', 'num', 'no', 'nr', 'min', 'max', 'start', 'end', 'begin', 'first', 'last', 'from', 'to',
  'low', 'high', 'lo', 'hi', 'range', 'http', 'https', 'ssl', 'tls', 'tcp', 'udp', 'sctp', 'grpc', 'internal',
  'external', 'public', 'private', 'secure', 'insecure', 'plain', 'plaintext', 'admin', 'default', 'override',
  'local', 'remote', 'list', 'spec', 'v4', 'v6', 'ipv4', 'ipv6', 'dns', 'web', 'api', 'ui', 'rpc', 'metrics',
  // FTP and cluster protocols name their ports after the port word: `nodePortPassiveMin`, `port_data`, `port_peer`.
  'data', 'control', 'command', 'passive', 'active', 'peer', 'client', 'server', 'cluster', 'gossip', 'raft',
  // Directions and plural ranges: `ufw_allow_ports_in`, `destination_port_ranges`.
  'ranges', 'in', 'out', 'inbound', 'outbound', 'incoming', 'outgoing', 'ingress', 'egress',
  // Plural lists of ports: Tilt `port_forwards="3000"`, `portMappings`, `port_bindings`
  // (not `port_forwarding`, a switch).
  'forwards', 'mappings', 'bindings',
]);

/** Words before a plural `ports` that make it a count (`num_ports`, `max_ports`). */
const COUNT_WORDS = new Set(['num', 'number', 'count', 'max', 'min', 'total', 'n', 'nr', 'no']);

/**
 * Splits a key into lower-case words at separators, camelCase humps and
 * letter/digit boundaries: `containerPort` → container, port;
 * `SOCKSPort` → socks, port; `PORT1` → port, 1; `prometheus.io/port` → prometheus, io, port.
 *
 * @example splitWords('metricsProvider.httpPort') // ['metrics', 'provider', 'http', 'port']
 */
export function splitWords(key: string): string[] {
  const words: string[] = [];
  let cur = '';
  const n = key.length;
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i);
    if (!isAlpha(c) && !isDigit(c)) {
      if (cur) words.push(cur.toLowerCase());
      cur = '';
      continue;
    }
    if (cur.length > 0) {
      const p = cur.charCodeAt(cur.length - 1);
      const upper = c >= 65 && c <= 90;
      const pUpper = p >= 65 && p <= 90;
      const pLower = p >= 97 && p <= 122;
      const next = i + 1 < n ? key.charCodeAt(i + 1) : 0;
      const nextLower = next >= 97 && next <= 122;
      const boundary =
        (upper && pLower) || // camelCase
        (upper && pUpper && nextLower && cur.length > 1) || // SOCKSPort → SOCKS|Port
        (isDigit(c) !== isDigit(p)); // port1, v4
      if (boundary) {
        words.push(cur.toLowerCase());
        cur = '';
      }
    }
    cur += key[i];
  }
  if (cur) words.push(cur.toLowerCase());
  return words;
}

export function isPortWord(w: string): boolean {
  if (w === 'port' || w === 'ports') return true;
  if (w.endsWith('ports')) return w.length > 5 && !NOT_PORT_WORDS.has(w.slice(0, -1));
  if (w.endsWith('port')) return w.length > 4 && !NOT_PORT_WORDS.has(w);
  return false;
}

export interface PortKeyInfo {
  /** The role the key's words imply, or undefined when they say nothing. */
  readonly role: PortRole | undefined;
  readonly rangeEnd?: RangeEnd;
  readonly words: readonly string[];
}

const CONTAINER_WORDS = new Set(['container', 'target', 'guest', 'internal', 'inner', 'containerport', 'targetport']);
const PUBLISHED_WORDS = new Set(['forward', 'forwarded', 'host', 'node', 'published', 'publish', 'external', 'public', 'hostport', 'nodeport', 'exposed', 'externalport']);
const FIREWALL_WORDS = new Set([
  'from', 'to', 'dport', 'sport', 'dports', 'sports', 'destination', 'source', 'allowed', 'allow', 'firewall', 'ingress', 'egress', 'dst', 'src',
  'dest',
]);
const LISTEN_WORDS = new Set([
  'listen', 'bind', 'server', 'serverport', 'http', 'https', 'admin', 'metrics', 'local', 'lport', 'socks', 'socksport',
  'or', 'orport', 'dir', 'dirport', 'control', 'controlport', 'client', 'clientport', 'service', 'app', 'web', 'api', 'grpc',
  'storage', 'rpc', 'native', 'ssl', 'tls', 'debug', 'inspect', 'health', 'status', 'stats', 'dashboard', 'ui', 'proxy',
]);
const CONNECT_WORDS = new Set([
  'db', 'database', 'remote', 'rport', 'upstream', 'smtp', 'mail', 'redis', 'postgres', 'postgresql', 'pg', 'mysql', 'mariadb',
  'mongo', 'mongodb', 'ldap', 'kafka', 'broker', 'elastic', 'elasticsearch', 'es', 'master', 'primary', 'replica', 'sentinel',
  'peer', 'backend', 'endpoint', 'zookeeper', 'zk', 'rabbitmq', 'amqp', 'memcached', 'cassandra', 'etcd', 'consul', 'vault',
  'sql', 'mssql', 'oracle', 'couchdb', 'nats', 'mqtt', 'connect',
]);

/**
 * Whether a key or directive names a port, and what its words say about the
 * role. Only the last segment that holds a port word counts, and only if the
 * words after it qualify the port rather than change the subject.
 *
 * @example portKeyInfo('targetPort')?.role // 'container'
 * @example portKeyInfo('port-forwarding-enabled') // undefined
 */
export function portKeyInfo(key: string): PortKeyInfo | undefined {
  if (key.length === 0 || key.length > 200) return undefined;
  // A port word is a run of the key's ASCII letters, so the key must hold
  // `port` (any case); most keys don't, and need no cache lookup.
  if (!hasPortLetters(key)) return undefined;
  const cached = CACHE.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const info = computePortKeyInfo(key);
  if (CACHE.size > 20000) CACHE.clear();
  CACHE.set(key, info ?? null);
  return info;
}

/** Whether the key holds `port` in any case: every port word needs it. */
export function hasPortLetters(key: string): boolean {
  const last = key.length - 4;
  for (let i = 0; i <= last; i++) {
    if ((key.charCodeAt(i) | 0x20) === 112 && (key.charCodeAt(i + 1) | 0x20) === 111 && (key.charCodeAt(i + 2) | 0x20) === 114 &&
      (key.charCodeAt(i + 3) | 0x20) === 116) return true;
  }
  return false;
}

/** `hasPortLetters` for the key at [s, e) of a text, before it is sliced. */
export function hasPortLettersAt(text: string, s: number, e: number): boolean {
  const last = e - 4;
  for (let i = s; i <= last; i++) {
    if ((text.charCodeAt(i) | 0x20) === 112 && (text.charCodeAt(i + 1) | 0x20) === 111 && (text.charCodeAt(i + 2) | 0x20) === 114 &&
      (text.charCodeAt(i + 3) | 0x20) === 116) return true;
  }
  return false;
}

/** Keys repeat endlessly across files; their verdicts are pure, so keep them. */
const CACHE = new Map<string, PortKeyInfo | null>();

function computePortKeyInfo(key: string): PortKeyInfo | undefined {
  const words = splitWords(key);
  let idx = -1;
  for (let i = words.length - 1; i >= 0; i--) {
    if (isPortWord(words[i] ?? '')) {
      idx = i;
      break;
    }
  }
  if (idx < 0) return undefined;
  for (let i = idx + 1; i < words.length; i++) {
    const w = words[i] ?? '';
    if (!AFTER_PORT_WORDS.has(w) && !/^\d+$/.test(w)) return undefined;
  }
  const pw = words[idx] ?? '';
  if (pw.endsWith('ports') && idx > 0 && COUNT_WORDS.has(words[idx - 1] ?? '')) return undefined;
  if (pw.endsWith('ports') && idx + 1 < words.length && words[idx + 1] === 'num') return undefined;
  return { role: roleFromWords(words), rangeEnd: rangeEndFromWords(words), words };
}

export function roleFromWords(words: readonly string[]): PortRole | undefined {
  // Firewall words first: `from_port` in a security group is neither listen nor connect.
  for (const w of words) if (FIREWALL_WORDS.has(w)) return 'firewall';
  for (const w of words) if (CONTAINER_WORDS.has(w)) return 'container';
  for (const w of words) if (PUBLISHED_WORDS.has(w)) return 'published';
  for (const w of words) if (CONNECT_WORDS.has(w)) return 'connect';
  for (const w of words) if (LISTEN_WORDS.has(w)) return 'listen';
  // Words run together: netsh `listenport=` and `connectport=`, `remoteport`, `hostport`.
  const stems = words.map((w) => (w.endsWith('ports') ? w.slice(0, -5) : w.endsWith('port') ? w.slice(0, -4) : '')).filter((w) => w !== '');
  return stems.length === 0 ? undefined : roleFromWords(stems);
}

function rangeEndFromWords(words: readonly string[]): RangeEnd | undefined {
  for (const w of words) {
    if (w === 'from' || w === 'min' || w === 'start' || w === 'begin' || w === 'first' || w === 'low' || w === 'lo') return 'start';
    if (w === 'to' || w === 'max' || w === 'end' || w === 'last' || w === 'high' || w === 'hi') return 'end';
  }
  return undefined;
}

/** Keys whose value is an image reference: `name:15` there is a tag, never host:port. */
export function isImageKey(key: string): boolean {
  // Every image key ends in e, m, r, y or g: most keys are ruled out without lower-casing.
  const last = key.charCodeAt(key.length - 1) | 0x20;
  if (last !== 101 && last !== 109 && last !== 114 && last !== 121 && last !== 103) return false;
  const k = key.toLowerCase();
  return k === 'image' || k === 'from' || k.endsWith('image') || k === 'container' || k === 'repository' || k === 'tag';
}

/** Keys whose value is a command line: flags such as `-p 3000` count there. */
export function isCommandKey(key: string): boolean {
  if (!commandEnding(key)) return false;
  const cached = COMMAND_CACHE.get(key);
  if (cached !== undefined) return cached;
  const v = computeIsCommandKey(key);
  if (COMMAND_CACHE.size > 20000) COMMAND_CACHE.clear();
  COMMAND_CACHE.set(key, v);
  return v;
}

const COMMAND_CACHE = new Map<string, boolean>();

/**
 * Whether the key's last two letters are how some command key ends (`…nd`
 * command, `…gs` args, `…ts` opts/scripts, `…rt` start, …): rules out most
 * keys before the cache has to hash a fresh string.
 */
function commandEnding(key: string): boolean {
  return commandEndingAt(key, 0, key.length);
}

/** `commandEnding` for the key at [s, e) of a text, before it is sliced. */
export function commandEndingAt(text: string, s: number, e: number): boolean {
  if (e - s < 3) return false;
  const b = text.charCodeAt(e - 1) | 0x20;
  const a = text.charCodeAt(e - 2) | 0x20;
  switch (b) {
    case 100: // d: command, cmd, execreload
      return a === 110 || a === 109 || a === 97;
    case 116: // t: entrypoint, test, script, start, execstartpost
      return a === 110 || a === 115 || a === 112 || a === 114;
    case 115: // s: args, flags, scripts, opts, options
      return a === 103 || a === 116 || a === 110;
    case 99: // c: exec
      return a === 101;
    case 110: // n: run
      return a === 117;
    case 101: // e: execstartpre
      return a === 114;
    default:
      return false;
  }
}

function computeIsCommandKey(key: string): boolean {
  const k = key.toLowerCase();
  return (
    k === 'command' || k === 'entrypoint' || k === 'args' || k === 'cmd' || k === 'test' || k === 'exec' || k === 'run' ||
    k === 'script' || k === 'scripts' || k === 'start' || k === 'options' || k === 'opts' || k === 'flags' ||
    k.endsWith('command') || k.endsWith('_opts') || k.endsWith('_options') || k.endsWith('_args') || k.endsWith('args') ||
    k.endsWith('cmd') || k === 'execstart' || k === 'execstartpre' || k === 'execstartpost' || k === 'execreload' ||
    k === 'runargs' || k === 'extra_args' || k === 'daemon_opts' || k === 'daemon_args'
  );
}
