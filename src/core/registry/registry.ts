import { REGISTRY_SOURCES, REGISTRY_TEXT } from '../../../generated/registry-data';
import { TRANSPORTS, type ServiceAssignment, type Transport, type TransportAssignment } from './types';

interface RawRecord {
  readonly port: number;
  readonly to: number;
  readonly mask: number;
  readonly name: string;
  readonly description: string;
  readonly note: string;
  readonly unauthorizedUse: string;
}

/**
 * The bundled IANA Service Name and Transport Protocol Port Number Registry.
 *
 * Built once per process from a compact table (see
 * scripts/generate-registry.mjs for the format), so that the extension pays
 * for it only when a port is first described.
 *
 * @example
 * const http = getRegistry().lookup(80).find((a) => a.transport === 'tcp');
 * http?.services.map((s) => s.name); // ['http', 'www', 'www-http']
 */
export class PortRegistry {
  private readonly byPort = new Map<number, RawRecord[]>();
  private readonly ranges: RawRecord[] = [];
  private readonly all: RawRecord[] = [];

  constructor(text: string) {
    const split = text.indexOf('\n\n');
    if (split < 0) throw new Error('registry table is malformed: expected a string table, a blank line, then records');
    const strings = ['', ...text.slice(0, split).split('\n')];
    const str = (field: string | undefined): string => (field ? strings[parseInt(field, 36)] ?? '' : '');
    let port = 0;
    for (const line of text.slice(split + 2).split('\n')) {
      const f = line.split(',');
      port += parseInt(f[0] ?? '0', 36);
      const length = f[6] ? parseInt(f[6], 36) : 0;
      const record: RawRecord = {
        port,
        to: port + length,
        mask: parseInt(f[1] ?? '0', 16),
        name: str(f[2]),
        description: str(f[3]),
        note: str(f[4]),
        unauthorizedUse: str(f[5]),
      };
      this.all.push(record);
      if (length > 0) {
        this.ranges.push(record);
      } else {
        let list = this.byPort.get(port);
        if (!list) this.byPort.set(port, (list = []));
        list.push(record);
      }
    }
  }

  /** Package versions the table was generated from. */
  get sources(): Readonly<Record<string, string>> {
    return REGISTRY_SOURCES;
  }

  /**
   * What IANA says of `port` on each transport, tcp first. A transport with
   * no record is reported as unassigned.
   */
  lookup(port: number): TransportAssignment[] {
    const single = this.byPort.get(port) ?? [];
    const covering = this.ranges.filter((r) => r.port <= port && port <= r.to);
    return TRANSPORTS.map((transport, bit) => {
      const mask = 1 << bit;
      const own = single.filter((r) => (r.mask & mask) !== 0);
      // A single-port record is more specific than a range that covers it.
      const records = own.length > 0 ? own : covering.filter((r) => (r.mask & mask) !== 0);
      const named = records.filter((r) => r.name !== '');
      if (named.length > 0) {
        return { transport, status: 'assigned', services: named.map((r) => toService(r, transport)) };
      }
      const reserved = records.find((r) => r.name === '');
      if (reserved) {
        return { transport, status: 'reserved', services: [], reservedDescription: reserved.description || 'Reserved' };
      }
      return { transport, status: 'unassigned', services: [] };
    });
  }

  /** Every named assignment, in port order: what a search goes through. */
  *services(): Generator<{ readonly port: number; readonly service: ServiceAssignment }> {
    for (const r of this.all) {
      if (!r.name) continue;
      for (let bit = 0; bit < TRANSPORTS.length; bit++) {
        const transport = TRANSPORTS[bit];
        if (transport && (r.mask & (1 << bit)) !== 0) yield { port: r.port, service: toService(r, transport) };
      }
    }
  }

  /** Number of table records, for diagnostics and the measuring script. */
  get size(): number {
    return this.all.length;
  }
}

function toService(r: RawRecord, transport: Transport): ServiceAssignment {
  return {
    name: r.name,
    transport,
    description: r.description,
    ...(r.note ? { note: r.note } : {}),
    ...(r.unauthorizedUse ? { unauthorizedUse: r.unauthorizedUse } : {}),
    ...(r.to > r.port ? { range: { from: r.port, to: r.to } } : {}),
  };
}

let shared: PortRegistry | undefined;

/** The bundled registry, decoded on first use. */
export function getRegistry(): PortRegistry {
  shared ??= new PortRegistry(REGISTRY_TEXT);
  return shared;
}
