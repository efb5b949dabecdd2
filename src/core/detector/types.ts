/**
 * The configuration formats the detector knows. A file's format decides its
 * comment syntax and which keys and directives name ports.
 */
export type FormatId =
  | 'compose'
  | 'kubernetes'
  | 'yaml'
  | 'dockerfile'
  | 'nginx'
  | 'apache'
  | 'haproxy'
  | 'caddy'
  | 'envoy'
  | 'traefik'
  | 'dotenv'
  | 'properties'
  | 'ini'
  | 'directive'
  | 'systemd'
  | 'terraform'
  | 'toml'
  | 'firewalld'
  | 'xml'
  | 'ufw'
  | 'nftables'
  | 'iptables'
  | 'json'
  | 'vagrant'
  | 'procfile'
  | 'shell'
  | 'text';

/**
 * What a port does where it is written. Roles make warnings right: a
 * container's port 80 needs no privilege; the host side of "80:8080" does.
 */
export type PortRole =
  /** Something on this machine listens or binds here (nginx `listen`, `server.port`). */
  | 'listen'
  /** The host side of a published mapping (Compose `"8080:80"`, `hostPort`, `nodePort`). */
  | 'published'
  /** The container or target side of a mapping (`containerPort`, `targetPort`, `"8080:80"`'s 80). */
  | 'container'
  /** Declared as exposed, not published (Dockerfile `EXPOSE`, Compose `expose`). */
  | 'exposed'
  /** A remote endpoint this configuration connects to (`db:5432`, a URL). */
  | 'connect'
  /** Let through or matched by a firewall or security rule. */
  | 'firewall'
  | 'unknown';

/** The end of a port range an occurrence is, when it is one. */
export type RangeEnd = 'start' | 'end';

/** One port number found in a file's text. */
export interface PortOccurrence {
  /** Offset of the first digit in the text, in UTF-16 code units. */
  readonly offset: number;
  /** Number of digits. */
  readonly length: number;
  /** 0-based line. */
  readonly line: number;
  /** 0-based column of the first digit, in UTF-16 code units (as VS Code counts). */
  readonly column: number;
  /** The value of the digits; may be out of range (70000), which is for the rules to say. */
  readonly port: number;
  /** True when the digits sit inside a comment of the file's format. */
  readonly comment: boolean;
  readonly format: FormatId;
  readonly role: PortRole;
  /** For ranges such as `8000-8010`: which end this is. */
  readonly rangeEnd?: RangeEnd;
  /** The other end of the range, when this is one end of it. */
  readonly rangeOther?: number;
  /** The key or directive that made this a port (`nodePort`, `listen`, `EXPOSE`, `--port`). */
  readonly key?: string;
  /**
   * The other side of a mapping: for a published port, the container port it
   * forwards to; for a container port, the host port published to it.
   */
  readonly mappedTo?: number;
  /** `tcp`, `udp` or `sctp` when the text says so (`53/udp`, `protocol: UDP`). */
  readonly protocol?: 'tcp' | 'udp' | 'sctp';
  /**
   * A name for the unit this port belongs to, for duplicate checks: a Compose
   * service, a Kubernetes object (`Service/web`), an nginx `server` block.
   */
  readonly scope?: string;
  /**
   * For a YAML port mapping written without quotes, such as `- 2222:22`:
   * the offset and length of the whole mapping, so it can be quoted.
   */
  readonly unquotedMapping?: { readonly offset: number; readonly length: number };
  /**
   * True when a `port-lens-ignore` comment covers this line (on the line
   * itself, or alone on the line before): diagnostics skip it.
   */
  readonly ignored?: boolean;
}

/** How to read a file: its name tells the format, or the content sniff does. */
export interface ScanInput {
  readonly text: string;
  /** The file's path or name; only its last segments are looked at. */
  readonly fileName?: string;
  /** The VS Code language id, when known (`dockercompose`, `yaml`, `nginx`, ...). */
  readonly languageId?: string;
}

export interface ScanResult {
  readonly format: FormatId;
  readonly occurrences: readonly PortOccurrence[];
}
