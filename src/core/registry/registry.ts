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
 * Decoding does as little as it can in script: native `split` cuts the
 * table, and one loop sums the port deltas into a typed array; a record's
 * other fields are read only when its port is looked up. That keeps the
 * first hover's cost to a couple of milliseconds. See
 * scripts/generate-registry.mjs for the format.
 *
 * @example
 * const http = getRegistry().lookup(80).find((a) => a.transport === 'tcp');
 * http?.services.map((s) => s.name); // ['http', 'www', 'www-http']
 */
export class PortRegistry {
  private readonly strings: readonly string[];
  private readonly lines: readonly string[];
  /** Port of each single-port record, ascending, for binary search. */
  private readonly ports: Int32Array;
  /** Records that cover a range of ports (x11 6000-6063); few. */
  private readonly ranges: readonly RawRecord[];

  constructor(text: string) {
    const sections = text.split('\n\n');
    if (sections.length !== 3) {
      throw new Error(`registry table is malformed: expected 3 sections separated by blank lines, got ${sections.length}`);
    }
    const [strings = '', singles = '', ranges = ''] = sections;
    // Index 0 means "no string": table entry i is strings[i - 1]. (Spreading
    // into a new array with a leading '' would cost more than all the rest.)
    this.strings = strings.split('\n');
    this.lines = singles === '' ? [] : singles.split('\n');
    this.ports = new Int32Array(this.lines.length);
    let port = 0;
    for (let i = 0; i < this.lines.length; i++) {
      // parseInt stops at the first comma: the delta is the first field.
      port += parseInt(this.lines[i] ?? '0', 36);
      this.ports[i] = port;
    }
    this.ranges = ranges === '' ? [] : ranges.split('\n').map((line) => {
      const f = line.split(',');
      const from = parseInt(f[0] ?? '0', 36);
      return this.decode(f, from, parseInt(f[6] ?? '0', 36));
    });
  }

  private decode(f: readonly string[], port: number, to: number): RawRecord {
    const str = (field: string | undefined): string => (field ? this.strings[parseInt(field, 36) - 1] ?? '' : '');
    return {
      port,
      to,
      mask: parseInt(f[1] ?? '0', 16),
      name: str(f[2]),
      description: str(f[3]),
      note: str(f[4]),
      unauthorizedUse: str(f[5]),
    };
  }

  private record(i: number): RawRecord {
    const port = this.ports[i] ?? 0;
    return this.decode((this.lines[i] ?? '').split(','), port, port);
  }

  /** Package versions the table was generated from. */
  get sources(): Readonly<Record<string, string>> {
    return REGISTRY_SOURCES;
  }

  /** The single-port records for `port` (records are sorted by port). */
  private singles(port: number): RawRecord[] {
    let lo = 0;
    let hi = this.ports.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.ports[mid] ?? 0) < port) lo = mid + 1;
      else hi = mid;
    }
    const out: RawRecord[] = [];
    for (let i = lo; i < this.ports.length && this.ports[i] === port; i++) out.push(this.record(i));
    return out;
  }

  /**
   * What IANA says of `port` on each transport, tcp first. A transport with
   * no record is reported as unassigned.
   */
  lookup(port: number): TransportAssignment[] {
    const single = this.singles(port);
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

  /** Every named assignment, singles in port order, then ranges: what a search goes through. */
  *services(): Generator<{ readonly port: number; readonly service: ServiceAssignment }> {
    const all = function* (this: PortRegistry) {
      for (let i = 0; i < this.ports.length; i++) yield this.record(i);
      yield* this.ranges;
    };
    for (const r of all.call(this)) {
      if (!r.name) continue;
      for (let bit = 0; bit < TRANSPORTS.length; bit++) {
        const transport = TRANSPORTS[bit];
        if (transport && (r.mask & (1 << bit)) !== 0) yield { port: r.port, service: toService(r, transport) };
      }
    }
  }

  /** Number of table records. */
  get size(): number {
    return this.ports.length + this.ranges.length;
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

// A cache of immutable data, filled on first use; nothing else is kept at
// module level.
let shared: PortRegistry | undefined;

/** The bundled registry, decoded on first use. */
export function getRegistry(): PortRegistry {
  shared ??= new PortRegistry(REGISTRY_TEXT);
  return shared;
}
