import { describePort } from '../describe';
import { isBrowserBadPort } from '../facts/browser';
import { ephemeralOverlap, EPHEMERAL_RANGES } from '../facts/ephemeral';
import { PLATFORM_NAMES } from '../facts/platforms';
import { bindPrivilege } from '../facts/privilege';
import { isValidPort, MAX_PORT } from '../facts/ranges';
import { isInNodePortRange, isMacOsAirPlayPort, KUBERNETES_NODE_PORT_RANGE } from '../facts/special';
import { MALWARE_ASSOCIATIONS } from '../facts/unofficial';
import { groupServices } from '../render';
import { isIgnoredPort, type PortLensSettings } from '../settings';
import type { FormatId, PortOccurrence } from '../detector/types';
import { RULES, type RuleId, type Severity } from './catalog';
import { suggestPort } from './suggest';

/** A text replacement, in offsets of the checked text. */
export interface TextEdit {
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix an editor may apply on "auto fix". */
  readonly preferred?: boolean;
}

export interface RelatedLocation {
  readonly offset: number;
  readonly length: number;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** A problem found in a file: what the Problems panel and the CLI show. */
export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly message: string;
  readonly offset: number;
  readonly length: number;
  /** 0-based, UTF-16 columns. */
  readonly line: number;
  readonly column: number;
  readonly port: number;
  readonly related?: readonly RelatedLocation[];
  readonly fixes?: readonly Fix[];
}

/** Daemons that start as root and drop privileges after binding. */
const DAEMON_FORMATS: ReadonlySet<FormatId> = new Set<FormatId>([
  'nginx', 'apache', 'haproxy', 'caddy', 'envoy', 'traefik', 'directive', 'ini', 'systemd', 'xml',
]);

/** Formats that describe what a browser may open: apps, dev servers, proxies. */
const BROWSER_FORMATS: ReadonlySet<FormatId> = new Set<FormatId>([
  'compose', 'dotenv', 'json', 'properties', 'yaml', 'procfile', 'nginx', 'apache', 'caddy', 'haproxy', 'traefik',
  'envoy', 'shell', 'vagrant', 'toml', 'text',
]);

/** Container ports that say "a web server is behind this mapping". */
const WEB_PORTS: ReadonlySet<number> = new Set([80, 443, 3000, 4200, 5000, 5173, 8000, 8080, 8443, 8888]);

const SEVERITY_ORDER: readonly Severity[] = ['hint', 'information', 'warning', 'error'];

function lower(a: Severity, b: Severity): Severity {
  return SEVERITY_ORDER.indexOf(a) <= SEVERITY_ORDER.indexOf(b) ? a : b;
}

function isKey(o: PortOccurrence, ...keys: string[]): boolean {
  const k = o.key?.toLowerCase();
  return k !== undefined && keys.some((x) => x.toLowerCase() === k);
}

/** The address written just before the port, as in `127.0.0.1:80` or `[::1]:80`. */
export function hostBefore(text: string, o: PortOccurrence): string | undefined {
  if (text[o.offset - 1] !== ':') return undefined;
  const lineStart = text.lastIndexOf('\n', o.offset - 1) + 1;
  const before = text.slice(Math.max(lineStart, o.offset - 80), o.offset - 1);
  const m = /(\[[0-9a-fA-F:.]*\]|\d{1,3}(?:\.\d{1,3}){3}|\*|[A-Za-z0-9_.-]+)$/.exec(before);
  return m?.[1];
}

function isWildcard(host: string | undefined): boolean {
  return host === undefined || host === '' || host === '*' || host === '0.0.0.0' || host === '[::]' || host === '::';
}

/** A URL scheme right before the host, for "a browser connects here". */
function urlScheme(text: string, o: PortOccurrence): string | undefined {
  const lineStart = text.lastIndexOf('\n', o.offset - 1) + 1;
  const before = text.slice(Math.max(lineStart, o.offset - 300), o.offset);
  return /([a-zA-Z][a-zA-Z0-9+.-]*):\/\/[^\s/'"]*:$/.exec(before)?.[1]?.toLowerCase();
}


export interface CheckInput {
  readonly text: string;
  readonly occurrences: readonly PortOccurrence[];
  readonly settings: PortLensSettings;
  /** The comment prefix of the file's format, for the "ignore this line" fix. */
  readonly lineCommentPrefix?: string;
}

/**
 * Runs every enabled rule over a file's port occurrences. Comments, lines
 * marked `port-lens-ignore` and ignored ports never produce findings.
 *
 * @example
 * const { occurrences } = scanText({ text, fileName: 'compose.yaml' });
 * checkPorts({ text, occurrences, settings: defaultSettings(['linux']) });
 */
export function checkPorts(input: CheckInput): Finding[] {
  const { text, settings } = input;
  const live = input.occurrences.filter((o) => !o.comment && !o.ignored && !isIgnoredPort(settings, o.port));
  const usedPorts = new Set(input.occurrences.map((o) => o.port));
  const findings: Finding[] = [];

  const add = (
    rule: RuleId,
    o: PortOccurrence,
    message: string,
    extra: { severity?: Severity; fixes?: Fix[]; related?: RelatedLocation[]; span?: { offset: number; length: number } } = {},
  ) => {
    const configured = settings.rules[rule];
    if (configured === 'off') return;
    const severity = extra.severity ? lower(extra.severity, configured) : configured;
    const span = extra.span ?? { offset: o.offset, length: o.length };
    const fixes = [...(extra.fixes ?? []), ...ignoreFixes(input, o)];
    findings.push({
      rule,
      severity,
      message,
      offset: span.offset,
      length: span.length,
      line: o.line,
      column: o.column + (span.offset - o.offset),
      port: o.port,
      ...(extra.related && extra.related.length > 0 ? { related: extra.related } : {}),
      ...(fixes.length > 0 ? { fixes } : {}),
    });
  };

  const replaceFix = (o: PortOccurrence, why: string): Fix[] => {
    const suggestion = suggestPort(o.port, usedPorts);
    if (suggestion === undefined) return [];
    return [{ title: `Use port ${suggestion} instead (${why})`, edits: [{ offset: o.offset, length: o.length, newText: String(suggestion) }], preferred: true }];
  };

  for (const o of live) {
    // invalid-port
    if (!isValidPort(o.port)) {
      add('invalid-port', o, `Port ${o.port} is out of range: a port must be an integer from 0 to ${MAX_PORT}.`);
      continue;
    }
    if (o.port === 0 && (o.role === 'published' || o.role === 'container' || o.role === 'exposed' || o.role === 'connect')) {
      add('invalid-port', o, `Port 0 is not a fixed port: it means "any free port" to a listener and cannot be ${o.role === 'connect' ? 'connected to' : 'published or exposed'}. Use a port from 1 to ${MAX_PORT}.`);
      continue;
    }

    const host = hostBefore(text, o);
    const isK8s = o.format === 'kubernetes';
    const listens = o.role === 'listen' || o.role === 'published';

    // privileged-port
    if (o.port > 0 && o.port < 1024 && listens && !(isK8s && !isKey(o, 'hostPort'))) {
      const privilegedOn = settings.platforms.filter((p) => bindPrivilege(o.port, p).privileged && (p !== 'macos' || !isWildcard(host)));
      if (privilegedOn.length > 0) {
        const daemon = o.role === 'listen' && DAEMON_FORMATS.has(o.format);
        // A Compose service's or an image's own listener binds inside the container, where
        // rootful Docker 20.10+ sets ip_unprivileged_port_start=0: only worth a note.
        const inContainer = o.role === 'listen' && (o.format === 'compose' || o.format === 'dockerfile');
        const what = o.role === 'published' ? `Host port ${o.port}` : `Port ${o.port}`;
        const rules: string[] = [];
        if (privilegedOn.includes('linux')) {
          rules.push('Linux needs root or CAP_NET_BIND_SERVICE below net.ipv4.ip_unprivileged_port_start (default 1024)');
          if (o.role === 'published') rules.push('rootless Docker and Podman cannot publish it');
        }
        if (privilegedOn.includes('macos')) rules.push('macOS needs root for a specific address (only the wildcard address is exempt)');
        else if (settings.platforms.includes('macos')) rules.push('macOS allows it on the wildcard address');
        if (settings.platforms.includes('windows')) rules.push('Windows has no privileged ports');
        const tail = daemon
          ? 'Fine for a daemon that starts as root and drops privileges; otherwise use a port from 1024 up.'
          : inContainer
            ? 'Inside a container this works on Docker 20.10 and later, which set that limit to 0 there; not with network_mode: host, nor on runtimes that keep 1024 (some Kubernetes nodes). Use a port from 1024 up to run anywhere.'
            : 'Run as root, grant the capability, or use a port from 1024 up.';
        add('privileged-port', o, `${what} is privileged: ${rules.join('; ')}. ${tail}`, {
          ...(daemon || inContainer ? { severity: 'information' as const } : {}),
          fixes: replaceFix(o, 'unprivileged, unassigned, outside ephemeral ranges'),
        });
      }
    }

    // ephemeral-port
    // In Kubernetes only a hostPort binds on a machine; Service ports are virtual.
    if (listens && o.port > 0 && !(isK8s && !isKey(o, 'hostPort'))) {
      const overlap = ephemeralOverlap(o.port, settings.platforms);
      if (overlap.length > 0) {
        add('ephemeral-port', o, `Port ${o.port} is inside the default ephemeral range of ${overlap
          .map((p) => `${PLATFORM_NAMES[p]} (${EPHEMERAL_RANGES[p].from}-${EPHEMERAL_RANGES[p].to})`)
          .join(', ')}: the OS may give it to an outgoing connection, and then this listener cannot bind. Use a port below ${Math.min(...overlap.map((p) => EPHEMERAL_RANGES[p].from))} or reserve it.`,
        { fixes: replaceFix(o, 'outside ephemeral ranges') });
      }
    }

    // unassigned-well-known-port
    if (o.port > 0 && o.port < 1024) {
      const d = describePort(o.port);
      if (d.status === 'unassigned') {
        add('unassigned-well-known-port', o, `Port ${o.port} is a well-known port that IANA has not assigned: nothing standard listens here, so check what this service is and whether it belongs on a well-known port.`);
      }
    }

    // browser-unsafe-port
    if (isBrowserBadPort(o.port) && o.port > 0) {
      const scheme = urlScheme(text, o);
      const web = scheme !== undefined ? /^(https?|wss?)$/.test(scheme) : listens && BROWSER_FORMATS.has(o.format) && !isK8s &&
        (o.port >= 1024 || (o.mappedTo !== undefined && WEB_PORTS.has(o.mappedTo)));
      if (web) {
        add('browser-unsafe-port', o, `Browsers refuse to open port ${o.port} (a WHATWG Fetch "bad port"), so a web page served or linked here will not load (ERR_UNSAFE_PORT). Use another port for anything a browser opens.`, {
          fixes: scheme === undefined ? replaceFix(o, 'browsers allow it') : [],
        });
      }
    }

    // macos-airplay-port
    if (isMacOsAirPlayPort(o.port) && listens && !isK8s && settings.platforms.includes('macos')) {
      add('macos-airplay-port', o, `On macOS 12 and later AirPlay Receiver listens on port ${o.port}, so this listener fails with "address already in use" or requests reach AirPlay (HTTP 403). Turn off AirPlay Receiver in System Settings > General > AirDrop & Handoff, or use another port.`, {
        fixes: replaceFix(o, 'free on macOS'),
      });
    }

    // nodeport-range
    if (isK8s && isKey(o, 'nodePort') && o.port !== 0 && !isInNodePortRange(o.port)) {
      add('nodeport-range', o, `nodePort ${o.port} is outside the Kubernetes default NodePort range ${KUBERNETES_NODE_PORT_RANGE.from}-${KUBERNETES_NODE_PORT_RANGE.to}: the API server rejects it unless --service-node-port-range was changed. Use a port in that range, or leave nodePort out to get one assigned.`);
    }

    // malware-associated-port
    const malware = MALWARE_ASSOCIATIONS.get(o.port);
    if (malware) {
      const d = describePort(o.port);
      const legit = groupServices(d)[0];
      add('malware-associated-port', o, `Port ${o.port} was used by ${malware.join('; ')}. Information only: ${legit ? `IANA assigns it to ${legit.names[0]} (${legit.description}), and legitimate use is common` : 'make sure the service here is the one you expect'}.`);
    }
  }

  // yaml-sexagesimal: once per unquoted mapping.
  const seenMappings = new Set<number>();
  for (const o of live) {
    const m = o.unquotedMapping;
    if (!m || seenMappings.has(m.offset)) continue;
    seenMappings.add(m.offset);
    const mapping = text.slice(m.offset, m.offset + m.length);
    if (/^[1-9][0-9_]*(?::[0-5]?[0-9])+$/.test(mapping)) {
      const value = mapping.split(':').reduce((acc, part) => acc * 60 + Number(part.replace(/_/g, '')), 0);
      add('yaml-sexagesimal', o, `Unquoted ${mapping} is a base-60 number (${value}) to YAML 1.1 parsers, not a port mapping. Quote it: "${mapping}".`, {
        span: m,
        fixes: [{ title: `Quote the mapping: "${mapping}"`, edits: [{ offset: m.offset, length: m.length, newText: `"${mapping}"` }], preferred: true }],
      });
    }
  }

  // duplicate-port: the same host port published twice in one file.
  const byKey = new Map<string, PortOccurrence[]>();
  for (const o of live) {
    if (!isValidPort(o.port) || o.port === 0 || o.rangeEnd !== undefined) continue;
    const hostSide = o.role === 'published' && (o.format !== 'kubernetes' || isKey(o, 'hostPort', 'nodePort'));
    const envListener = o.format === 'dotenv' && o.role === 'listen';
    if (!hostSide && !envListener) continue;
    const host = hostBefore(text, o);
    const key = `${o.protocol ?? 'tcp'}/${o.port}/${isWildcard(host) ? '*' : host}`;
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(o);
  }
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    const first = list[0]!;
    for (const o of list.slice(1)) {
      const where = first.scope ? ` by ${first.scope}` : '';
      add('duplicate-port', o, `Host port ${o.port}${o.protocol ? `/${o.protocol}` : ''} is already ${first.role === 'published' ? 'published' : 'used'}${where} at line ${first.line + 1}: only one of them can bind it.`, {
        related: list.filter((x) => x !== o).map((x) => ({
          offset: x.offset, length: x.length, line: x.line, column: x.column,
          message: `port ${x.port} also ${x.role === 'published' ? 'published' : 'used'} here${x.scope ? ` (${x.scope})` : ''}`,
        })),
        fixes: replaceFix(o, 'not used elsewhere in this file'),
      });
    }
  }

  return findings.sort((a, b) => a.offset - b.offset || RULES.findIndex((r) => r.id === a.rule) - RULES.findIndex((r) => r.id === b.rule));
}

/** The "ignore this line" fix: a `port-lens-ignore` comment on the line above. */
function ignoreFixes(input: CheckInput, o: PortOccurrence): Fix[] {
  const prefix = input.lineCommentPrefix;
  if (!prefix) return [];
  const { text } = input;
  const lineStart = text.lastIndexOf('\n', o.offset - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))?.[0] ?? '';
  return [{
    title: 'Ignore ports on this line (port-lens-ignore)',
    edits: [{ offset: lineStart, length: 0, newText: `${indent}${prefix} port-lens-ignore\n` }],
  }];
}
