import { describePort } from '../core/describe';
import { renderText, summaryLine, toJson } from '../core/render';
import { lookupQuery } from '../core/search';
import { UsageError, type CliIo } from './io';

/** Word queries list at most this many ports; numbers list exactly one. */
const MAX_WORD_MATCHES = 20;

/**
 * `port-lens lookup [--json] QUERY...`: exit 0 when every query matched,
 * 1 when any did not (each failure gets one line on stderr).
 */
export async function runLookup(args: readonly string[], io: CliIo): Promise<number> {
  let json = false;
  const queries: string[] = [];
  for (const arg of args) {
    if (arg === '--json') json = true;
    // "-1" is a (bad) port, not an option.
    else if (arg.startsWith('-') && !/^-\d+$/.test(arg)) throw new UsageError(`unknown option "${arg}" for lookup: expected --json`);
    else queries.push(arg);
  }
  if (queries.length === 0) throw new UsageError('lookup needs at least one query: a port number (0-65535), a service name or words');

  let failed = 0;
  const jsonOut: unknown[] = [];
  const textOut: string[] = [];
  for (const query of queries) {
    const result = lookupQuery(query);
    if (!result.ok) {
      failed++;
      io.err(`port-lens: ${result.message}\n`);
      if (json) jsonOut.push({ query, error: result.message, matches: [] });
      continue;
    }
    const matches = result.matches.slice(0, MAX_WORD_MATCHES);
    if (json) {
      jsonOut.push({ query, matches: matches.map((m) => toJson(describePort(m.port))) });
    } else if (matches.length === 1 && matches[0]) {
      textOut.push(renderText(describePort(matches[0].port)));
    } else {
      const lines = matches.map((m) => `  ${String(m.port).padStart(5)}  ${summaryLine(describePort(m.port))}`);
      const more = result.matches.length > matches.length ? `\n  … ${result.matches.length - matches.length} more` : '';
      textOut.push(`"${query}": ${result.matches.length} port(s)\n${lines.join('\n')}${more}`);
    }
  }
  io.out(json ? `${JSON.stringify(jsonOut, null, 2)}\n` : textOut.length > 0 ? `${textOut.join('\n\n')}\n` : '');
  return failed > 0 ? 1 : 0;
}
