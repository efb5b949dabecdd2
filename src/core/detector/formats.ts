import type { FormatId } from './types';

/** Last path segment, with either slash. */
function baseName(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i === -1 ? p : p.slice(i + 1);
}

function normPath(p: string): string {
  return p.replace(/\\/g, '/').toLowerCase();
}

const LANGUAGE_FORMATS: Readonly<Record<string, FormatId>> = {
  dockercompose: 'compose',
  dockerfile: 'dockerfile',
  nginx: 'nginx',
  apacheconf: 'apache',
  apache: 'apache',
  haproxy: 'haproxy',
  caddyfile: 'caddy',
  caddy: 'caddy',
  dotenv: 'dotenv',
  env: 'dotenv',
  properties: 'properties',
  'java-properties': 'properties',
  'spring-boot-properties': 'properties',
  ini: 'ini',
  toml: 'toml',
  terraform: 'terraform',
  hcl: 'terraform',
  'terraform-vars': 'terraform',
  json: 'json',
  jsonc: 'json',
  'jsonc-json': 'json',
  xml: 'xml',
  shellscript: 'shell',
  'systemd-unit-file': 'systemd',
  systemd: 'systemd',
  nftables: 'nftables',
  iptables: 'iptables',
  procfile: 'procfile',
  ssh_config: 'directive',
  sshd_config: 'directive',
  'ssh-config': 'directive',
  helm: 'yaml',
  makefile: 'shell',
  bicep: 'json',
  powershell: 'shell',
  'spring-boot-properties-yaml': 'yaml',
};

/** Daemon configs whose names say which directive syntax they use. */
const DIRECTIVE_NAMES = new Set([
  'redis.conf', 'sentinel.conf', 'sshd_config', 'ssh_config', 'squid.conf', 'dovecot.conf', 'cupsd.conf', 'cups-files.conf',
  'torrc', 'vsftpd.conf', 'memcached.conf', 'keepalived.conf', 'postgresql.conf', 'postgresql.auto.conf', 'pg_hba.conf',
  'mosquitto.conf', 'ntp.conf', 'chrony.conf', 'rsyncd.conf', 'proftpd.conf', 'pure-ftpd.conf', 'openvpn.conf', 'server.conf',
  'client.conf', 'named.conf', 'unbound.conf', 'dnsmasq.conf', 'stunnel.conf', 'privoxy.conf', 'tinyproxy.conf', 'sockd.conf',
  'danted.conf', 'lighttpd.conf', 'exim.conf', 'main.cf', 'master.cf', 'slapd.conf', 'zebra.conf', 'bgpd.conf', 'ospfd.conf',
  'frr.conf', 'xinetd.conf', 'inetd.conf', 'smb.conf', 'rsyslog.conf', 'syslog-ng.conf', 'snmpd.conf', 'nut.conf', 'upsd.conf',
  'monitrc', 'clamd.conf', 'freshclam.conf', 'spamassassin.conf', 'opendkim.conf', 'sslh.conf', 'coturn.conf', 'turnserver.conf',
  'mongod.conf', 'etcd.conf', 'consul.hcl', 'zoo.cfg', 'krb5.conf', 'kdc.conf', 'nsd.conf', 'pdns.conf', 'icecast.xml', 'teamspeak.ini',
]);

/** Names that are configuration we scan, whatever their content. */
const CONFIG_NAMES = new Set([
  'dockerfile', 'containerfile', 'caddyfile', 'vagrantfile', 'procfile', 'nginx.conf', 'httpd.conf', 'apache2.conf', 'ports.conf',
  '.htaccess', 'haproxy.cfg', 'envoy.yaml', 'traefik.toml', 'traefik.yml', 'traefik.yaml', 'jail.conf', 'jail.local',
  'nftables.conf', 'rules.v4', 'rules.v6', 'iptables.rules', 'ip6tables.rules', 'devcontainer.json', '.devcontainer.json',
  'launch.json', 'package.json', 'my.cnf', '.env', 'tasks.json', 'settings.json', 'docker-compose.yml', 'docker-compose.yaml',
  'compose.yml', 'compose.yaml', 'values.yaml', 'values.yml', 'makefile', 'gnumakefile', 'tiltfile', 'corefile', 'startup-config', 'running-config', 'config.boot',
]);

const CONFIG_EXTENSIONS = [
  '.yml', '.yaml', '.json', '.jsonc', '.conf', '.cfg', '.cnf', '.ini', '.properties', '.toml', '.env', '.tf', '.tfvars', '.hcl', '.nomad',
  '.service', '.socket', '.xml', '.nft', '.rules', '.dockerfile', '.caddyfile', '.ovpn', '.local', '.sysconfig', '.vhost',
  '.nginx', '.network', '.container', '.pod', '.kube', '.rsc', '.vcl', '.sls', '.bicep', '.nix', '.pp', '.mk', '.ps1', '.asa',
];

/** Directories whose files are directive-style configs whatever their names: xinetd services, Shorewall tables, OpenWrt UCI. */
const DIRECTIVE_DIRS = ['/xinetd.d/', '/shorewall/', '/etc/config/'];

/**
 * Whether a directive file may hold network-device or IDS rules (acl.ts): not
 * one of the daemon configs known by name (`redis.conf`, `sshd_config`), whose
 * scans need not look for them.
 *
 * @example mayHoldDeviceRules('/etc/redis/redis.conf') // false
 * @example mayHoldDeviceRules('startup-config') // true
 */
export function mayHoldDeviceRules(fileName: string | undefined): boolean {
  if (fileName === undefined) return true;
  const low = baseName(fileName).toLowerCase();
  return !DIRECTIVE_NAMES.has(knownBaseOf(low) ?? low);
}

/** Whether a file is one of Shorewall's tables (`/etc/shorewall/rules`): columns, not directives. */
export function isShorewallPath(fileName: string | undefined): boolean {
  return fileName !== undefined && normPath(fileName).includes('/shorewall/');
}

/**
 * Split, sample and backup copies of a known daemon config keep its format:
 * Debian's BIND split (`named.conf.options`, `named.conf.local`,
 * `named.conf.default-zones`), `nginx.conf.default`, `squid.conf.default`,
 * `smb.conf.master`. Returns the known base name, or undefined.
 *
 * @example knownBaseOf('named.conf.options') // 'named.conf'
 */
function knownBaseOf(low: string): string | undefined {
  for (const sep of ['.conf.', '.cfg.', '.cnf.', '_config.']) {
    const at = low.indexOf(sep);
    if (at <= 0) continue;
    const base = low.slice(0, at + sep.length - 1);
    const part = low.slice(at + sep.length);
    if (!/^[a-z0-9][a-z0-9_.-]*$/.test(part)) return undefined;
    return DIRECTIVE_NAMES.has(base) || CONFIG_NAMES.has(base) ? base : undefined;
  }
  return undefined;
}

/**
 * Whether the CLI's directory walk should scan a file of this name.
 *
 * @example isConfigFileName('docker-compose.override.yml') // true
 * @example isConfigFileName('index.ts') // false
 */
export function isConfigFileName(fileName: string): boolean {
  const name = baseName(fileName);
  const low = name.toLowerCase();
  if (CONFIG_NAMES.has(low) || DIRECTIVE_NAMES.has(low) || knownBaseOf(low) !== undefined) return true;
  if (low.startsWith('.env.') || low.startsWith('dockerfile.') || low.endsWith('.dockerfile')) return true;
  if (low === 'package-lock.json' || low === 'tsconfig.json' || low.endsWith('.lock')) return false;
  if (CONFIG_EXTENSIONS.some((ext) => low.endsWith(ext))) return true;
  const path = normPath(fileName);
  return (
    path.includes('/etc/default/') || path.includes('/sites-available/') || path.includes('/sites-enabled/') ||
    path.includes('/etc/sysconfig/') || path.includes('/ufw/applications.d/') || DIRECTIVE_DIRS.some((d) => path.includes(d)) ||
    path.endsWith('/etc/services')
  );
}

/**
 * Content sniffing for files whose names say nothing; looks at the first 64 KB only.
 * Each multi-line regex below tries every offset of the text, so each is asked only
 * when the text holds a literal its match needs (a native substring search): an
 * unknown `.conf` full of comments is ruled out in a few scans instead of twenty.
 */
function sniff(text: string): FormatId | undefined {
  const head = text.length > 65536 ? text.slice(0, 65536) : text;
  const t = head.replace(/^\uFEFF/, '');
  const has = (literal: string): boolean => t.includes(literal);
  const firstNonBlank = /^[ \t\r\n]*(\S)/.exec(t)?.[1];
  const brace = has('{');
  if ((brace && /^[ \t]*(?:server|http|upstream|events|stream)[ \t]*\{/m.test(t)) || (has('listen') && /^[ \t]*listen[ \t][^\r\n;]+;/m.test(t))) return 'nginx';
  if ((has('<') && /<VirtualHost[ \t]/i.test(t)) ||
    (has('Listen') && /^[ \t]*Listen[ \t]+\S+[ \t]*$/m.test(t) && /^[ \t]*(?:ServerName|DocumentRoot|LoadModule)\b/m.test(t))) return 'apache';
  if ((has('frontend') || has('backend') || has('defaults') || has('listen')) &&
    /^(?:frontend|backend|defaults|listen)\b/m.test(t) && /^[ \t]+(?:bind|server|mode|balance)\b/m.test(t)) return 'haproxy';
  const bracket = has('[');
  if (bracket && /^\[(?:Unit|Service|Socket|Install|Timer|Mount)\][ \t]*$/m.test(t)) return 'systemd';
  // BIND (named.conf and its split parts): `options {`, `zone "example.com" {`, `forwarders {`.
  if (brace && /^[ \t]*(?:options|forwarders|zone[ \t]+"[^"\r\n]*"(?:[ \t]+[A-Za-z]+)?)[ \t]*\{/m.test(t)) return 'directive';
  if ((has('*') && /^\*(?:filter|nat|mangle|raw)[ \t]*$/m.test(t)) || ((has('-A') || has('-I')) && /^[ \t]*(?:-A|-I)[ \t]+[A-Z]/m.test(t)) ||
    (has('tables') && /(?:^|[ \t])ip6?tables[ \t]+-[AIN]/m.test(t))) return 'iptables';
  if (has('table') && /^[ \t]*table[ \t]+(?:inet|ip|ip6|arp|bridge|netdev)[ \t]/m.test(t)) return 'nftables';
  if (/^[ \t]*<\?xml\b/.test(t) || (firstNonBlank === '<' && /<\/?[A-Za-z]/.test(t))) {
    return /<(?:service|zone|policy)\b[^>]*>/.test(t) && /<port\b/.test(t) ? 'firewalld' : 'xml';
  }
  const equals = has('=');
  // OpenWrt UCI (`config rule` / `option dest_port '22'`), and Ansible INI inventories (`web1 ansible_port=2222`).
  if (has('option') && /^config[ \t]+\w+/m.test(t) && /^[ \t]+(?:option|list)[ \t]+\w+[ \t]/m.test(t)) return 'directive';
  if (equals && has('ansible_') && /^[^\s#;=[]+[ \t][^\r\n]*?\bansible_(?:ssh_)?(?:host|port|user)=/m.test(t)) return 'ini';
  if (bracket && equals && has('title') && /^\[[^\]\r\n]+\][ \t]*\r?\n(?:[ \t]*[#;][^\r\n]*\r?\n)*[ \t]*title[ \t]*=/m.test(t)) return 'ufw';
  const colon = has(':');
  if (colon && has('kind:') && /^(?:apiVersion|kind):[ \t]/m.test(t) && /^kind:[ \t]/m.test(t)) return 'kubernetes';
  if (colon && has('services:') && /^services:[ \t]*$/m.test(t) && /^[ \t]+(?:image|build|ports):/m.test(t)) return 'compose';
  if (has('FROM') && /^FROM[ \t]+\S/m.test(t) && /^(?:RUN|CMD|EXPOSE|COPY|ENTRYPOINT|ENV)[ \t]/m.test(t)) return 'dockerfile';
  if (firstNonBlank === '{' || firstNonBlank === '[') {
    if (firstNonBlank === '{' || /^\s*\[\s*[{"\d]/.test(t)) return 'json';
  }
  if (equals && /^[ \t]*(?:export[ \t]+)?[A-Za-z_][A-Za-z0-9_]*=/m.test(t) && !(bracket && /^[ \t]*\[[^\]\r\n]+\][ \t]*$/m.test(t))) return 'shell';
  if (bracket && equals && /^\[[^\]\r\n]+\][ \t]*$/m.test(t) && /^[ \t]*[\w.-]+[ \t]*=/m.test(t)) return 'ini';
  if (colon && /^[\w.-]+:[ \t]/m.test(t) && /^[ \t]+[\w.-]+:/m.test(t)) return 'yaml';
  return undefined;
}

/** Whether the first 64 KB hold a line starting with `[` (what an INI verdict needs). */
function mayHaveSection(text: string): boolean {
  const head = text.length > 65536 ? text.slice(0, 65536) : text;
  return head.indexOf('[') !== -1 && /^\[[^\]\r\n]+\][ \t]*$/m.test(head);
}

/** `services:` alone on a line at the start of a line, in the first 64 KB (Compose). */
export function hasServicesLine(text: string): boolean {
  // Format detection and the YAML scanner both ask about the same text.
  if (text === servicesText) return servicesAnswer;
  const head = text.length > 65536 ? text.slice(0, 65536) : text;
  // The regex alone: its own search for the literal beats `indexOf('services:')` (common first letter).
  servicesAnswer = /^services:[ \t]*(?:#.*)?$/m.test(head);
  servicesText = text;
  return servicesAnswer;
}

let servicesText: string | undefined;
let servicesAnswer = false;

function yamlKind(text: string): FormatId {
  const head = text.length > 65536 ? text.slice(0, 65536) : text;
  if (hasServicesLine(head) && /^[ \t]+(?:image|build|ports|expose|command):/m.test(head)) return 'compose';
  if (/^apiVersion:[ \t]/m.test(head) && /^kind:[ \t]/m.test(head)) return 'kubernetes';
  if (/^static_resources:/m.test(head) || /envoy\.filters\./.test(head)) return 'envoy';
  if (/^entryPoints:/m.test(head)) return 'traefik';
  return 'yaml';
}

/**
 * Picks the format from the VS Code language id, then the file name, then
 * the content; `text` when nothing fits (URLs and host:port are still found).
 *
 * @example detectFormat('docker-compose.yml', undefined, '') // 'compose'
 * @example detectFormat('/etc/nginx/sites-available/default', undefined, 'server {\n listen 80;\n}') // 'nginx'
 */
export function detectFormat(fileName: string | undefined, languageId: string | undefined, text: string): FormatId {
  const name = fileName ? baseName(fileName) : '';
  const low = name.toLowerCase();
  const path = fileName ? normPath(fileName) : '';
  const byName = fileName ? formatFromName(name, low, path, text) : undefined;
  if (byName) return byName;
  if (languageId) {
    const lang = languageId.toLowerCase();
    if (lang === 'yaml' || lang === 'yml' || lang === 'sls') return yamlKind(text);
    const f = LANGUAGE_FORMATS[lang];
    if (f) return f;
    if (lang === 'ruby' && low === 'vagrantfile') return 'vagrant';
  }
  return sniff(text) ?? 'text';
}

function formatFromName(name: string, low: string, path: string, text: string): FormatId | undefined {
  // `named.conf.options` reads as `named.conf` (see knownBaseOf).
  low = knownBaseOf(low) ?? low;
  if (/^(docker-)?compose([.-][\w.-]*)?\.ya?ml$/.test(low) || /^docker-compose[\w.-]*\.ya?ml$/.test(low)) return 'compose';
  if (low === 'dockerfile' || low === 'containerfile' || low.endsWith('.dockerfile') || low.startsWith('dockerfile.') || low.startsWith('containerfile.')) {
    // Every Dockerfile has a FROM; a file so named without one is read by its content (compose YAML kept as `Dockerfile`).
    if (/^[ \t]*FROM[ \t]/im.test(text.slice(0, 65536))) return 'dockerfile';
    const s = sniff(text);
    return s === 'compose' || s === 'kubernetes' || s === 'yaml' ? yamlKind(text) : 'dockerfile';
  }
  // CoreDNS's Corefile is a Caddyfile (`.:53 {`).
  if (low === 'caddyfile' || low.endsWith('.caddyfile') || low.startsWith('caddyfile.') || low === 'corefile') return 'caddy';
  if (name === 'Vagrantfile' || low === 'vagrantfile') return 'vagrant';
  if (low === 'procfile' || low.startsWith('procfile.')) return 'procfile';
  if (low === '.env' || low.endsWith('.env') || low.startsWith('.env.')) return 'dotenv';
  // Salt states and pillars are YAML (with Jinja).
  if (low.endsWith('.yml') || low.endsWith('.yaml') || low.endsWith('.sls')) {
    if (low.startsWith('envoy')) return 'envoy';
    if (low.startsWith('traefik')) return 'traefik';
    return yamlKind(text);
  }
  // Bicep (Azure) is JSON's shape with bare keys and no commas: the JSON reader takes both.
  if (low.endsWith('.json') || low.endsWith('.jsonc') || low === '.devcontainer.json' || low.endsWith('.bicep')) return 'json';
  if (low.endsWith('.tf') || low.endsWith('.tfvars') || low.endsWith('.hcl') || low.endsWith('.nomad')) return 'terraform';
  if (low.endsWith('.toml')) return low.startsWith('traefik') ? 'traefik' : 'toml';
  if (low.endsWith('.properties')) return 'properties';
  if (/\.(service|socket|timer|mount|target|path|network|netdev|container|pod|kube)$/.test(low)) return 'systemd';
  if (low.endsWith('.nft') || low === 'nftables.conf') return 'nftables';
  if (low === 'rules.v4' || low === 'rules.v6' || low.endsWith('.rules') && /iptables|^rules/.test(low)) return 'iptables';
  if (path.includes('/ufw/applications.d/')) return 'ufw';
  if (DIRECTIVE_DIRS.some((d) => path.includes(d))) return 'directive';
  if (low.endsWith('.rsc')) return 'shell'; // RouterOS scripts and exports: `add chain=input dst-port=22 ...`
  // The services database: `ssh  22/tcp  # SSH Remote Login Protocol`.
  if (path.endsWith('/etc/services')) return 'directive';
  // Network devices: Cisco IOS/ASA configs (`startup-config`, `*.asa`) and VyOS/EdgeOS `config.boot`; Snort/Suricata rules.
  if (low.includes('running-config') || low.includes('startup-config') || low.endsWith('.asa') || low.endsWith('.ios') || low === 'config.boot') return 'directive';
  if (low.endsWith('.rules') && /^[ \t]*(?:alert|drop|pass|reject|log|sdrop)[ \t]+\w+[ \t]/m.test(text.slice(0, 65536))) return 'directive';
  if (low === 'makefile' || low === 'gnumakefile' || low.endsWith('.mk')) return 'shell'; // recipes are shell commands
  if (low.endsWith('.ps1') || low.endsWith('.psm1')) return 'shell'; // PowerShell: commands with `-LocalPort 80` parameters
  // Source code (gunicorn.conf.py, puma.rb, vite.config.ts, wp-config.php): read for assignments, fallbacks and
  // endpoints as text, never sniffed into a line format its `key = value` lines only resemble.
  if (/\.(?:py|pyw|rb|js|mjs|cjs|ts|mts|cts|jsx|tsx|go|java|kt|kts|groovy|gradle|php|pl|lua|cs|rs|swift|scala)$/.test(low)) return 'text';
  // Nix, Puppet and Starlark (Tiltfile): configuration languages of their own, read for port-named
  // assignments and calls (loose.ts).
  if (low.endsWith('.nix') || low.endsWith('.pp') || low === 'tiltfile' || low.endsWith('.tiltfile') || low.endsWith('.star')) return 'text';
  if (low.endsWith('.vcl')) return 'directive'; // Varnish: `backend default { .host = "127.0.0.1"; .port = "8080"; }`
  if (low.endsWith('.xml')) {
    if (path.includes('firewalld')) return 'firewalld';
    return sniff(text) === 'firewalld' ? 'firewalld' : 'xml';
  }
  if (low === 'nginx.conf' || low.endsWith('.nginx') || path.includes('/nginx/')) return sniff(text) === 'apache' ? 'apache' : 'nginx';
  if (low === 'httpd.conf' || low === 'apache2.conf' || low === 'ports.conf' || low === '.htaccess' || path.includes('/apache2/') || path.includes('/httpd/')) return 'apache';
  if (low.includes('haproxy') && (low.endsWith('.cfg') || low.endsWith('.conf'))) return 'haproxy';
  if (low === 'jail.conf' || low === 'jail.local' || path.includes('/fail2ban/')) return 'ini';
  if (low === 'my.cnf' || low.endsWith('.cnf') || low.endsWith('.ini')) return 'ini';
  if (low.endsWith('.sysconfig') || path.includes('/etc/default/') || path.includes('/etc/sysconfig/') || low.endsWith('.sh') || low.endsWith('.bash')) {
    const s = sniff(text);
    return s === 'systemd' ? 'systemd' : 'shell';
  }
  if (DIRECTIVE_NAMES.has(low) || low.endsWith('.ovpn')) {
    if (low === 'zoo.cfg') return 'properties';
    if (low === 'smb.conf') return 'ini'; // Samba: INI whose keys are words (`smb ports = 445 139`)
    // Only an INI verdict changes the answer, and it needs a `[section]` line:
    // skip the whole sniff (twenty regexes over 64 KB) when there is none.
    if (!mayHaveSection(text)) return 'directive';
    const s = sniff(text);
    return s === 'ini' ? 'ini' : 'directive';
  }
  if (low.endsWith('.cfg') || low.endsWith('.conf') || low.endsWith('.config') || low.endsWith('.local') || low.endsWith('.vhost') || path.includes('/sites-')) {
    const s = sniff(text);
    if (s === 'shell') return low.endsWith('.cfg') ? 'properties' : 'directive';
    if (s && s !== 'yaml' && s !== 'json' && s !== 'kubernetes' && s !== 'compose' && s !== 'dockerfile') return s;
    if (low.endsWith('.cfg') && /^[ \t]*[\w.-]+[ \t]*=/m.test(text.slice(0, 65536))) return 'properties';
    return 'directive';
  }
  return undefined;
}

const COMMENT_PREFIX: Readonly<Record<FormatId, string | undefined>> = {
  compose: '#',
  kubernetes: '#',
  yaml: '#',
  dockerfile: '#',
  nginx: '#',
  apache: '#',
  haproxy: '#',
  caddy: '#',
  envoy: '#',
  traefik: '#',
  dotenv: '#',
  properties: '#',
  ini: ';',
  directive: '#',
  systemd: '#',
  terraform: '#',
  toml: '#',
  firewalld: undefined,
  xml: undefined,
  ufw: '#',
  nftables: '#',
  iptables: '#',
  json: '//',
  vagrant: '#',
  procfile: '#',
  shell: '#',
  text: undefined,
};

/**
 * The line comment prefix of a format, for "comment out" and ignore-marker
 * quick fixes; undefined where the format has none (XML, plain text).
 *
 * @example lineCommentPrefix('json') // '//' (JSONC: devcontainer.json, launch.json)
 */
export function lineCommentPrefix(format: FormatId): string | undefined {
  return COMMENT_PREFIX[format];
}
