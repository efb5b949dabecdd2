/**
 * The three IANA port ranges.
 * Source: RFC 6335 section 6, "Port Number Ranges"
 * (https://www.rfc-editor.org/rfc/rfc6335#section-6).
 */
export type PortRange = 'well-known' | 'registered' | 'dynamic';

export const MIN_PORT = 0;
export const MAX_PORT = 65535;

export interface PortRangeInfo {
  readonly id: PortRange;
  /** The name people use ("Well-known (system) ports"). */
  readonly title: string;
  readonly from: number;
  readonly to: number;
  /** What the range means for someone choosing or reading a port. */
  readonly meaning: string;
}

export const PORT_RANGES: readonly PortRangeInfo[] = [
  {
    id: 'well-known',
    title: 'Well-known (system) ports',
    from: 0,
    to: 1023,
    meaning:
      'Assigned by IANA through IETF Review or IESG Approval for standard services. Unix-like systems traditionally require privilege to bind them.',
  },
  {
    id: 'registered',
    title: 'Registered (user) ports',
    from: 1024,
    to: 49151,
    meaning:
      'Registered with IANA by vendors and projects on request. Any process may bind them; a registration says who asked, not who is listening.',
  },
  {
    id: 'dynamic',
    title: 'Dynamic/private (ephemeral) ports',
    from: 49152,
    to: 65535,
    meaning:
      'Never assigned by IANA. Operating systems hand them out as source ports of outgoing connections, so a fixed listener here can collide with them.',
  },
];

/** True when `port` is an integer from 0 to 65535. */
export function isValidPort(port: number): boolean {
  return Number.isInteger(port) && port >= MIN_PORT && port <= MAX_PORT;
}

/**
 * The IANA range a valid port falls in.
 *
 * @example
 * portRange(642); // 'well-known'
 * portRange(49200); // 'dynamic'
 */
export function portRange(port: number): PortRange {
  if (port <= 1023) return 'well-known';
  if (port <= 49151) return 'registered';
  return 'dynamic';
}

export function portRangeInfo(port: number): PortRangeInfo {
  const id = portRange(port);
  // The table covers every id, so the fallback is never taken.
  return PORT_RANGES.find((r) => r.id === id) ?? PORT_RANGES[0]!;
}

/**
 * Parses a port given as text, with a message that names what was wrong.
 *
 * @example
 * parsePort('8080'); // { ok: true, port: 8080 }
 * parsePort('70000'); // { ok: false, message: 'port must be an integer from 0 to 65535, got "70000"' }
 */
export function parsePort(text: string): { ok: true; port: number } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (/^\d{1,10}$/.test(trimmed)) {
    const port = Number(trimmed);
    if (isValidPort(port)) return { ok: true, port };
  }
  return { ok: false, message: `port must be an integer from ${MIN_PORT} to ${MAX_PORT}, got "${text}"` };
}
