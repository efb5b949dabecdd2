// Port Lens detector: finds every port number in a configuration file's text
// and says what role it plays. Pure TypeScript: runs in Node, the browser and
// the web extension host alike.
import type { FormatId, PortOccurrence, ScanInput, ScanResult } from './types';
import type { ScanContext } from './context';
import { Collector, toOccurrence } from './collector';
import { IgnoreTracker } from './context';
import { scanDaemon } from './daemon';
import { scanDockerfile } from './dockerfile';
import { scanIptables, scanNftables } from './firewall';
import { detectFormat } from './formats';
import { scanJson } from './json';
import { scanApache, scanCaddy, scanHaproxy, scanNginx } from './servers';
import { scanTerraform } from './terraform';
import { scanCdkPorts, scanEnvFallbacks, scanListenCalls, scanPortAssignments, scanTextEndpoints } from './loose';
import { LineIndex, beginScan, flatText } from './text';
import { scanProcfile, scanVagrant } from './vagrant';
import { scanXml } from './xml';
import { scanYaml } from './yaml';

export type { FormatId, PortOccurrence, PortRole, RangeEnd, ScanInput, ScanResult } from './types';
export { detectFormat, isConfigFileName, lineCommentPrefix } from './formats';

/** Envoy and Traefik configs come as YAML, TOML or JSON; pick the reader by syntax. */
function syntaxOf(format: FormatId, fileName: string | undefined, text: string): FormatId {
  if (format !== 'envoy' && format !== 'traefik') return format;
  const low = (fileName ?? '').toLowerCase();
  if (low.endsWith('.toml')) return 'toml';
  if (low.endsWith('.json')) return 'json';
  if (low.endsWith('.yml') || low.endsWith('.yaml')) return 'yaml';
  const head = text.slice(0, 4096);
  if (/^[ \t]*[{[]/.test(head) && !/^[ \t]*\[[\w.]+\][ \t]*$/m.test(head)) return 'json';
  if (/^[ \t]*\[[\w."-]+\][ \t]*$/m.test(head) || /^[ \t]*[\w.-]+[ \t]*=/m.test(head)) return 'toml';
  return 'yaml';
}

function runFormat(ctx: ScanContext, syntax: FormatId): void {
  switch (syntax) {
    case 'compose':
    case 'kubernetes':
    case 'yaml':
    case 'envoy':
    case 'traefik':
      scanYaml(ctx);
      return;
    case 'json':
      scanJson(ctx);
      return;
    case 'dockerfile':
      scanDockerfile(ctx);
      return;
    case 'nginx':
      scanNginx(ctx);
      return;
    case 'apache':
      scanApache(ctx);
      return;
    case 'haproxy':
      scanHaproxy(ctx);
      return;
    case 'caddy':
      scanCaddy(ctx);
      return;
    case 'terraform':
      scanTerraform(ctx);
      return;
    case 'firewalld':
    case 'xml':
      scanXml(ctx);
      return;
    case 'nftables':
      scanNftables(ctx);
      return;
    case 'iptables':
      scanIptables(ctx);
      return;
    case 'vagrant':
      scanVagrant(ctx);
      return;
    case 'procfile':
      scanProcfile(ctx);
      return;
    case 'dotenv':
    case 'shell':
    case 'properties':
    case 'ini':
    case 'ufw':
    case 'toml':
    case 'systemd':
    case 'directive':
      scanDaemon(ctx, syntax);
      return;
    case 'text':
      // Configuration written as code (Chef, Puppet, Nix, Python, Ruby): port-named assignments and
      // environment fallbacks, then endpoints anywhere.
      scanPortAssignments(ctx.text, 0, ctx.text.length, ctx.out);
      scanEnvFallbacks(ctx.text, 0, ctx.text.length, ctx.out);
      scanListenCalls(ctx.text, 0, ctx.text.length, ctx.out, ctx.fileName);
      scanCdkPorts(ctx.text, 0, ctx.text.length, ctx.out);
      scanTextEndpoints(ctx.text, ctx.out);
      return;
  }
}

/**
 * Finds every port number in a configuration file's text: the format's own
 * keys and directives first, then URLs and host:port endpoints anywhere.
 * Never throws; offsets, lines and columns are 0-based UTF-16.
 *
 * @example
 * scanText({ text: 'services:\n  web:\n    ports:\n      - "8080:80"\n', fileName: 'compose.yaml' }).occurrences
 * // → [{ port: 8080, role: 'published', mappedTo: 80, scope: 'web', line: 3, column: 9, ... },
 * //    { port: 80, role: 'container', mappedTo: 8080, ... }]
 */
export function scanText(input: ScanInput): ScanResult {
  const text = typeof input.text === 'string' ? flatText(input.text) : '';
  let format: FormatId;
  try {
    format = detectFormat(input.fileName, input.languageId, text);
  } catch {
    format = 'text';
  }
  try {
    return { format, occurrences: scanAs(text, format, input.fileName) };
  } catch {
    // A scanner bug must not take the editor down: fall back to endpoints only.
    try {
      return { format, occurrences: scanAs(text, 'text', input.fileName, format) };
    } catch {
      return { format, occurrences: [] };
    }
  }
}

function scanAs(text: string, syntaxFormat: FormatId, fileName: string | undefined, reportAs: FormatId = syntaxFormat): PortOccurrence[] {
  beginScan(text);
  const lines = new LineIndex(text);
  const out = new Collector(text);
  const ignore = new IgnoreTracker(text, lines);
  const ctx: ScanContext = { text, lines, out, format: syntaxFormat, ignore, fileName };
  runFormat(ctx, syntaxOf(syntaxFormat, fileName, text));
  const result: PortOccurrence[] = [];
  let line = 0;
  const starts = lines.starts;
  for (const c of out.candidates()) {
    while (line + 1 < starts.length && (starts[line + 1] ?? Infinity) <= c.offset) line++;
    const column = c.offset - (starts[line] ?? 0);
    result.push(toOccurrence(c, text, line, column, reportAs, ignore.ignoredLines.has(line)));
  }
  return result;
}
