import { EPHEMERAL_RANGES } from '../facts/ephemeral';
import { isBrowserBadPort } from '../facts/browser';
import { PLATFORMS } from '../facts/platforms';
import { isMacOsAirPlayPort } from '../facts/special';
import { UNOFFICIAL_USES } from '../facts/unofficial';
import { getRegistry } from '../registry/registry';

const LOWEST = 1024;
/** Below every platform's default ephemeral range (Linux starts at 32768). */
const HIGHEST = Math.min(...PLATFORMS.map((p) => EPHEMERAL_RANGES[p].from)) - 1;

/** True when IANA has no assignment or reservation for `port` on tcp or udp. */
function isUnassigned(port: number): boolean {
  return getRegistry()
    .lookup(port)
    .filter((a) => a.transport === 'tcp' || a.transport === 'udp')
    .every((a) => a.status === 'unassigned');
}

/**
 * A replacement port that needs no privilege, sits outside every default
 * ephemeral range, is unassigned by IANA, is not a popular tool's default,
 * is not blocked by browsers or taken by AirPlay, and is not in `used`.
 * Starts near `near` (80 -> 8080 and up) so the suggestion still reads
 * like the original.
 *
 * @example
 * suggestPort(80, new Set([8080])); // the first free port from 8080 up, e.g. 8083
 */
export function suggestPort(near: number, used: ReadonlySet<number>): number | undefined {
  let start = near < LOWEST ? near + 8000 : near + 1;
  if (start < LOWEST || start > HIGHEST) start = 8000 + (near % 1000);
  const span = HIGHEST - LOWEST + 1;
  for (let i = 0; i < span; i++) {
    const candidate = LOWEST + ((start - LOWEST + i) % span);
    if (used.has(candidate) || isBrowserBadPort(candidate) || isMacOsAirPlayPort(candidate)) continue;
    if (UNOFFICIAL_USES.has(candidate)) continue;
    if (isUnassigned(candidate)) return candidate;
  }
  return undefined;
}
