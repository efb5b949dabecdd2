import type { Platform } from './platforms';

/**
 * Who may bind a port, per operating system.
 *
 * Sources:
 * - Linux: ip(7) and capabilities(7): binding below
 *   `net.ipv4.ip_unprivileged_port_start` (default 1024, sysctl added in
 *   Linux 4.11) needs CAP_NET_BIND_SERVICE.
 *   https://man7.org/linux/man-pages/man7/ip.7.html
 * - Docker: since Engine 20.10 rootful containers get
 *   `net.ipv4.ip_unprivileged_port_start=0` (moby/moby#41030). Rootless
 *   Docker and Podman publish through a user-namespace helper that cannot
 *   bind below the host's value.
 *   https://docs.docker.com/engine/security/rootless/#exposing-privileged-ports
 * - macOS: since 10.14 (Mojave) an unprivileged process may bind a port
 *   below 1024 on the wildcard address (0.0.0.0 or ::) but not on a specific
 *   address. Reported by Apple engineers on the Apple developer forums and
 *   reproduced widely.
 * - Windows: no privileged ports; Hyper-V, WSL and WinNAT reserve "excluded
 *   port ranges" that nobody may bind:
 *   `netsh interface ipv4 show excludedportrange protocol=tcp`.
 *   https://learn.microsoft.com/troubleshoot/windows-server/networking/default-dynamic-port-range-tcpip-chang
 */
export const LINUX_UNPRIVILEGED_PORT_START = 1024;

export interface PrivilegeFact {
  readonly platform: Platform;
  /** True when an ordinary user's process cannot bind the port by default. */
  readonly privileged: boolean;
  /** One line for the hover's summary. */
  readonly summary: string;
  /** Detail: exceptions and how to work around them. */
  readonly detail: string;
}

/**
 * Whether binding `port` needs privilege on `platform`, with the rules
 * spelled out.
 *
 * @example
 * bindPrivilege(80, 'linux').privileged; // true
 * bindPrivilege(80, 'windows').privileged; // false
 */
export function bindPrivilege(port: number, platform: Platform): PrivilegeFact {
  const low = port < LINUX_UNPRIVILEGED_PORT_START;
  switch (platform) {
    case 'linux':
      return {
        platform,
        privileged: low,
        summary: low ? 'needs root or CAP_NET_BIND_SERVICE' : 'any user may bind it',
        detail: low
          ? 'Ports below net.ipv4.ip_unprivileged_port_start (default 1024) need root or CAP_NET_BIND_SERVICE. Rootful Docker (20.10 and later) sets it to 0 inside containers, so a container may listen here; rootless Docker and Podman cannot publish it on the host unless the host lowers the sysctl.'
          : 'At or above net.ipv4.ip_unprivileged_port_start (default 1024): no privilege needed.',
      };
    case 'macos':
      return {
        platform,
        privileged: low,
        summary: low ? 'needs root, except on the wildcard address (macOS 10.14+)' : 'any user may bind it',
        detail: low
          ? 'Since macOS 10.14 an unprivileged process may bind ports below 1024 on the wildcard address (0.0.0.0 or ::), but binding them on a specific address such as 127.0.0.1 still needs root.'
          : 'Above 1023: no privilege needed.',
      };
    case 'windows':
      return {
        platform,
        privileged: false,
        summary: 'no privileged ports; check excluded port ranges',
        detail:
          'Windows has no privileged ports, but Hyper-V, WSL and WinNAT reserve excluded port ranges that cannot be bound: netsh interface ipv4 show excludedportrange protocol=tcp',
      };
  }
}
