import { PLATFORM_NAMES } from './facts/platforms';
import type { PortDescription } from './describe';
import type { ServiceAssignment, Transport } from './registry/types';

/** Service names that share a description and transports, in IANA order. */
export interface ServiceGroup {
  /** Primary name first: 80 gives http, www, www-http. */
  readonly names: readonly string[];
  readonly description: string;
  readonly transports: readonly Transport[];
  /** IANA's notes worth reading (DNS-SD TXT keys and alias remarks left out). */
  readonly notes: readonly string[];
  readonly unauthorizedUse: readonly string[];
  readonly range?: { readonly from: number; readonly to: number };
}

/** Notes that say nothing to someone reading a config file. */
function isNoise(note: string): boolean {
  return /^Defined TXT keys/i.test(note) || /duplicate of the "[^"]+" service/i.test(note);
}

/**
 * Folds the per-transport lists into lines a person reads at a glance:
 * 80 gives `http, www, www-http (tcp, udp): World Wide Web HTTP` and
 * `http (sctp): HTTP`.
 */
export function groupServices(description: PortDescription): ServiceGroup[] {
  // First: each name with the transports it has, in order of appearance.
  const byName: { name: string; description: string; transports: Transport[]; services: ServiceAssignment[] }[] = [];
  for (const a of description.assignments) {
    for (const s of a.services) {
      const same = byName.find((g) => g.name === s.name && g.description === s.description);
      if (same) {
        same.transports.push(s.transport);
        same.services.push(s);
      } else byName.push({ name: s.name, description: s.description, transports: [s.transport], services: [s] });
    }
  }
  // Then: names sharing a description and transports on one line.
  const groups: { names: string[]; description: string; transports: Transport[]; services: ServiceAssignment[] }[] = [];
  for (const n of byName) {
    const same = groups.find((g) => g.description === n.description && g.transports.join() === n.transports.join());
    if (same) {
      same.names.push(n.name);
      same.services.push(...n.services);
    } else groups.push({ names: [n.name], description: n.description, transports: n.transports, services: [...n.services] });
  }
  return groups.map((g) => {
    const range = g.services.find((s) => s.range)?.range;
    return {
      names: g.names,
      description: g.description,
      transports: g.transports,
      notes: [...new Set(g.services.map((s) => s.note ?? '').filter((n) => n !== '' && !isNoise(n)))],
      unauthorizedUse: [...new Set(g.services.map((s) => s.unauthorizedUse ?? '').filter((n) => n !== ''))],
      ...(range ? { range } : {}),
    };
  });
}

const RANGE_LABEL = { 'well-known': 'well-known', registered: 'registered', dynamic: 'dynamic/private' } as const;

/** "well-known range (0-1023)" */
export function rangeLabel(d: PortDescription): string {
  return `${RANGE_LABEL[d.range]} range (${d.rangeInfo.from}-${d.rangeInfo.to})`;
}

/** A one-line summary for lists: "esro-emsdp: ESRO-EMSDP V1.3" or "unassigned". */
export function summaryLine(d: PortDescription): string {
  const groups = groupServices(d);
  const first = groups[0];
  if (first) return first.description ? `${first.names[0]}: ${first.description}` : `${first.names[0]}`;
  if (d.status === 'reserved') return 'reserved by IANA';
  return d.unofficialUses[0] ? `unassigned; commonly ${d.unofficialUses[0]}` : 'unassigned by IANA';
}

function statusSentence(d: PortDescription): string | undefined {
  if (d.status === 'assigned') return undefined;
  if (d.status === 'reserved') {
    const what = d.assignments.find((a) => a.reservedDescription && !/^reserved$/i.test(a.reservedDescription))?.reservedDescription;
    return what ? `IANA lists this port as **reserved**: ${escapeMarkdown(what)}.` : 'IANA lists this port as **reserved**: not for assignment.';
  }
  if (d.range === 'dynamic') return 'IANA never assigns ports in the dynamic range.';
  if (d.range === 'well-known') {
    return 'IANA has **not assigned** this well-known port. Nothing standard should listen here: an unexpected service on it deserves a look.';
  }
  return 'IANA has **not assigned** this port.';
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|]/g, (c) => `\\${c}`);
}

function transportsText(ts: readonly Transport[]): string {
  return ts.join(', ');
}

export interface MarkdownOptions {
  /** Replaces the default headline, e.g. with the port's role in the file. */
  readonly headline?: string;
  /** Markdown appended at the end (the extension's command links). */
  readonly footer?: string;
}

/**
 * The full description of a port as Markdown, for the hover and the lookup
 * command. Plain CommonMark: VS Code renders it, and so does any preview.
 */
export function renderMarkdown(d: PortDescription, options: MarkdownOptions = {}): string {
  const out: string[] = [];
  out.push(options.headline ?? `**Port ${d.port}** · ${rangeLabel(d)}`);
  out.push('');
  out.push(`*${d.rangeInfo.title}:* ${d.rangeInfo.meaning}`);
  out.push('');

  const groups = groupServices(d);
  if (groups.length > 0) {
    out.push('**IANA assignment**');
    out.push('');
    for (const g of groups) {
      const range = g.range ? ` (range ${g.range.from}-${g.range.to})` : '';
      const text = g.description ? `: ${escapeMarkdown(g.description)}` : '';
      out.push(`- ${g.names.map((n) => `\`${n}\``).join(', ')} (${transportsText(g.transports)})${range}${text}`);
      for (const note of g.notes) out.push(`  - note: ${escapeMarkdown(note)}`);
      for (const use of g.unauthorizedUse) out.push(`  - unauthorized use reported: ${escapeMarkdown(use)}`);
    }
  }
  const status = statusSentence(d);
  if (status) out.push(status);
  const reserved = d.assignments.filter((a) => a.status === 'reserved').map((a) => a.transport);
  if (groups.length > 0 && reserved.length > 0) out.push(`- reserved on ${reserved.join(', ')}`);
  out.push('');
  out.push(`[IANA registry entry for ${d.port}](${d.ianaUrl})`);
  out.push('');

  out.push('**Privilege to bind**');
  out.push('');
  for (const p of d.privilege) out.push(`- ${PLATFORM_NAMES[p.platform]}: ${p.summary}`);
  const detail = d.privilege.find((p) => p.privileged)?.detail;
  if (detail) out.push(`\n${detail}`);
  out.push('');

  const notes: string[] = [];
  if (d.ephemeral.length > 0) {
    notes.push(
      `**Ephemeral range**: inside the default source-port range of ${d.ephemeral
        .map((r) => `${r.system} (${r.from}-${r.to})`)
        .join(', ')}. A fixed listener here can collide with outgoing connections.`,
    );
  }
  if (d.browserUnsafe) {
    notes.push('**Browsers**: refuse to open this port (a WHATWG Fetch "bad port"): a web app served here will not load.');
  }
  if (d.macosAirPlay) {
    notes.push('**macOS**: AirPlay Receiver listens on this port on macOS 12 and later; turn it off or pick another port.');
  }
  if (d.kubernetesNodePort) notes.push('**Kubernetes**: inside the default NodePort range (30000-32767).');
  if (d.unofficialUses.length > 0) notes.push(`**Common unofficial uses**: ${d.unofficialUses.map(escapeMarkdown).join('; ')}.`);
  if (d.malware.length > 0) {
    notes.push(
      `**Malware history** (information only): ${d.malware.map(escapeMarkdown).join('; ')}. ${
        d.status === 'assigned' || d.unofficialUses.length > 0
          ? 'The port is also used legitimately, as above.'
          : 'Nothing legitimate is registered here, so a listener deserves a look.'
      }`,
    );
  }
  for (const n of notes) {
    out.push(n);
    out.push('');
  }

  out.push('**What is listening on it**');
  out.push('');
  for (const c of d.listening) out.push(`- ${c.label}: ${c.display.map((x) => `\`${x}\``).join(' or ')}`);
  if (options.footer) {
    out.push('');
    out.push(options.footer);
  }
  return out.join('\n');
}

/** The same description as plain text, for the CLI. */
export function renderText(d: PortDescription): string {
  const out: string[] = [];
  out.push(`Port ${d.port}: ${rangeLabel(d)}`);
  out.push(`  ${d.rangeInfo.meaning}`);
  const groups = groupServices(d);
  if (groups.length > 0) {
    out.push('  IANA:');
    for (const g of groups) {
      const range = g.range ? ` [range ${g.range.from}-${g.range.to}]` : '';
      out.push(`    ${g.names.join(', ')} (${transportsText(g.transports)})${range}${g.description ? `: ${g.description}` : ''}`);
      for (const note of g.notes) out.push(`      note: ${note}`);
      for (const use of g.unauthorizedUse) out.push(`      unauthorized use reported: ${use}`);
    }
  }
  const status = statusSentence(d);
  if (status) out.push(`  ${status.replace(/\*\*/g, '')}`);
  out.push('  Privilege to bind:');
  for (const p of d.privilege) out.push(`    ${PLATFORM_NAMES[p.platform]}: ${p.summary}`);
  if (d.ephemeral.length > 0) {
    out.push(`  Ephemeral: inside the default range of ${d.ephemeral.map((r) => `${r.system} ${r.from}-${r.to}`).join(', ')}`);
  }
  if (d.browserUnsafe) out.push('  Browsers refuse to open this port (Fetch "bad port").');
  if (d.macosAirPlay) out.push('  macOS 12+: AirPlay Receiver listens here.');
  if (d.kubernetesNodePort) out.push('  Inside the Kubernetes NodePort range 30000-32767.');
  if (d.unofficialUses.length > 0) out.push(`  Common unofficial uses: ${d.unofficialUses.join('; ')}`);
  if (d.malware.length > 0) out.push(`  Malware history (information only): ${d.malware.join('; ')}`);
  out.push('  What is listening:');
  for (const c of d.listening) out.push(`    ${c.label}: ${c.display.join('  or  ')}`);
  out.push(`  IANA: ${d.ianaUrl}`);
  return out.join('\n');
}

/** The JSON shape the CLI prints for one port. */
export function toJson(d: PortDescription): Record<string, unknown> {
  return {
    port: d.port,
    range: d.range,
    privileged: d.privileged,
    status: d.status,
    services: d.assignments.flatMap((a) =>
      a.services.map((s) => ({
        name: s.name,
        transport: s.transport,
        description: s.description,
        ...(s.note ? { note: s.note } : {}),
        ...(s.unauthorizedUse ? { unauthorizedUse: s.unauthorizedUse } : {}),
        ...(s.range ? { range: s.range } : {}),
      })),
    ),
    reserved: d.assignments.filter((a) => a.status === 'reserved').map((a) => a.transport),
    privilege: Object.fromEntries(d.privilege.map((p) => [p.platform, { privileged: p.privileged, summary: p.summary }])),
    ephemeral: d.ephemeral.map((r) => ({ system: r.system, from: r.from, to: r.to })),
    browserUnsafe: d.browserUnsafe,
    macosAirPlay: d.macosAirPlay,
    unofficialUses: d.unofficialUses,
    malware: d.malware,
    listening: Object.fromEntries(d.listening.map((c) => [c.platform, c.display])),
    iana: d.ianaUrl,
  };
}
