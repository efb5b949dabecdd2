import { EPHEMERAL_RANGES, FREEBSD_EPHEMERAL_RANGE, type EphemeralRange } from './facts/ephemeral';
import { isBrowserBadPort } from './facts/browser';
import { listeningCommands, type ListeningCommand } from './facts/listening';
import { PLATFORMS, type Platform } from './facts/platforms';
import { bindPrivilege, type PrivilegeFact } from './facts/privilege';
import { portRangeInfo, type PortRange, type PortRangeInfo } from './facts/ranges';
import { isInNodePortRange, isMacOsAirPlayPort } from './facts/special';
import { MALWARE_ASSOCIATIONS, UNOFFICIAL_USES } from './facts/unofficial';
import { getRegistry } from './registry/registry';
import type { AssignmentStatus, ServiceAssignment, TransportAssignment } from './registry/types';

/**
 * Everything Port Lens knows about one port. The hover, the lookup command
 * and the CLI all render from this, so they never disagree.
 */
export interface PortDescription {
  readonly port: number;
  readonly range: PortRange;
  readonly rangeInfo: PortRangeInfo;
  /** Binding needs privilege on Linux with default settings. */
  readonly privileged: boolean;
  readonly privilege: readonly PrivilegeFact[];
  /** IANA status over all transports: assigned if any transport is. */
  readonly status: AssignmentStatus;
  /** Per transport; tcp and udp always, sctp and dccp when IANA lists them. */
  readonly assignments: readonly TransportAssignment[];
  /** Default ephemeral ranges that hold this port. */
  readonly ephemeral: readonly EphemeralRange[];
  readonly browserUnsafe: boolean;
  readonly macosAirPlay: boolean;
  readonly kubernetesNodePort: boolean;
  readonly unofficialUses: readonly string[];
  readonly malware: readonly string[];
  readonly listening: readonly ListeningCommand[];
  /** IANA's registry page, searched for this port. */
  readonly ianaUrl: string;
}

/**
 * Describes a valid port (0-65535). Callers check validity first; see
 * `parsePort` and `isValidPort`.
 *
 * @example
 * const d = describePort(642);
 * d.range; // 'well-known'
 * d.assignments[0]?.services[0]?.name; // 'esro-emsdp'
 */
export function describePort(port: number): PortDescription {
  const assignments = getRegistry()
    .lookup(port)
    .filter((a) => a.transport === 'tcp' || a.transport === 'udp' || a.status !== 'unassigned');
  const status: AssignmentStatus = assignments.some((a) => a.status === 'assigned')
    ? 'assigned'
    : assignments.some((a) => a.status === 'reserved')
      ? 'reserved'
      : 'unassigned';
  const privilege = PLATFORMS.map((p) => bindPrivilege(port, p));
  const ephemeral = [...PLATFORMS.map((p) => EPHEMERAL_RANGES[p]), FREEBSD_EPHEMERAL_RANGE].filter(
    (r) => port >= r.from && port <= r.to,
  );
  return {
    port,
    range: portRangeInfo(port).id,
    rangeInfo: portRangeInfo(port),
    privileged: privilege.find((p) => p.platform === 'linux')?.privileged ?? false,
    privilege,
    status,
    assignments,
    ephemeral,
    browserUnsafe: isBrowserBadPort(port),
    macosAirPlay: isMacOsAirPlayPort(port),
    kubernetesNodePort: isInNodePortRange(port),
    unofficialUses: UNOFFICIAL_USES.get(port) ?? [],
    malware: MALWARE_ASSOCIATIONS.get(port) ?? [],
    listening: listeningCommands(port),
    ianaUrl: `https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xhtml?search=${port}`,
  };
}

/** Services of a description, flattened in IANA order (tcp first). */
export function allServices(description: PortDescription): ServiceAssignment[] {
  return description.assignments.flatMap((a) => a.services);
}

/** Which platforms need privilege, as used in one-line summaries. */
export function privilegedOn(description: PortDescription, platforms: readonly Platform[] = PLATFORMS): Platform[] {
  return description.privilege.filter((p) => p.privileged && platforms.includes(p.platform)).map((p) => p.platform);
}
