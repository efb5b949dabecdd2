import type { Platform } from './platforms';

/**
 * Default ephemeral (source) port ranges.
 *
 * Sources:
 * - Linux: `net.ipv4.ip_local_port_range` defaults to 32768 60999
 *   (Documentation/networking/ip-sysctl.rst).
 * - Windows Vista / Server 2008 and later: 49152-65535
 *   (Microsoft KB 929851, "The default dynamic port range for TCP/IP has changed").
 * - macOS: `net.inet.ip.portrange.first`/`last` default to 49152-65535.
 * - FreeBSD: `net.inet.ip.portrange.first`/`last` default to 10000-65535
 *   (FreeBSD ip(4)); shown for information, not a platform setting.
 */
export interface EphemeralRange {
  readonly system: string;
  readonly from: number;
  readonly to: number;
  /** How to read the range on that system. */
  readonly check: string;
}

export const EPHEMERAL_RANGES: Readonly<Record<Platform, EphemeralRange>> = {
  linux: { system: 'Linux', from: 32768, to: 60999, check: 'sysctl net.ipv4.ip_local_port_range' },
  macos: { system: 'macOS', from: 49152, to: 65535, check: 'sysctl net.inet.ip.portrange.first net.inet.ip.portrange.last' },
  windows: { system: 'Windows', from: 49152, to: 65535, check: 'netsh interface ipv4 show dynamicport tcp' },
};

export const FREEBSD_EPHEMERAL_RANGE: EphemeralRange = {
  system: 'FreeBSD',
  from: 10000,
  to: 65535,
  check: 'sysctl net.inet.ip.portrange.first net.inet.ip.portrange.last',
};

/**
 * The platforms among `platforms` whose default ephemeral range holds `port`.
 *
 * @example
 * ephemeralOverlap(50000, ['linux', 'windows']); // ['linux', 'windows']
 * ephemeralOverlap(61000, ['linux']); // []
 */
export function ephemeralOverlap(port: number, platforms: readonly Platform[]): Platform[] {
  return platforms.filter((p) => port >= EPHEMERAL_RANGES[p].from && port <= EPHEMERAL_RANGES[p].to);
}
