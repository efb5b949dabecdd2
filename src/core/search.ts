import { MAX_PORT, MIN_PORT, parsePort } from './facts/ranges';
import { getRegistry } from './registry/registry';

export interface QueryMatch {
  readonly port: number;
  /** Why it matched, best reason first ("name postgresql"). */
  readonly reason: string;
  readonly score: number;
}

export type QueryResult =
  | { readonly ok: true; readonly query: string; readonly matches: readonly QueryMatch[] }
  | { readonly ok: false; readonly query: string; readonly message: string };

/**
 * Resolves a lookup query: a port number, a service name or words from a
 * description ("postgres", "x11", "secure shell"). Ports come best match
 * first; a bad number or a word that matches nothing gets a message.
 *
 * @example
 * lookupQuery('642'); // { ok: true, matches: [{ port: 642, ... }] }
 * lookupQuery('secure shell').matches[0].port; // 22
 * lookupQuery('70000').message; // 'port must be an integer from 0 to 65535, got "70000"'
 */
export function lookupQuery(query: string): QueryResult {
  const trimmed = query.trim();
  if (trimmed === '') return { ok: false, query, message: 'empty query: give a port number, a service name or words' };
  if (/^[-+]?\d+$/.test(trimmed)) {
    const parsed = parsePort(trimmed);
    if (!parsed.ok) return { ok: false, query, message: parsed.message };
    return { ok: true, query, matches: [{ port: parsed.port, reason: 'port number', score: 1000 }] };
  }
  const words = trimmed.toLowerCase().split(/\s+/);
  const dashed = words.join('-');
  const best = new Map<number, QueryMatch>();
  const offer = (port: number, score: number, reason: string) => {
    const seen = best.get(port);
    if (!seen || seen.score < score) best.set(port, { port, score, reason });
  };
  for (const { port, service } of getRegistry().services()) {
    const name = service.name.toLowerCase();
    const description = service.description.toLowerCase();
    if (name === dashed || name === trimmed.toLowerCase()) offer(port, 100, `name ${service.name}`);
    else if (name.startsWith(dashed)) offer(port, 80 - Math.min(20, name.length - dashed.length), `name ${service.name}`);
    else if (name.includes(dashed)) offer(port, 55, `name ${service.name}`);
    else if (words.every((w) => containsWord(description, w))) offer(port, 40, `description "${service.description}"`);
    else if (words.every((w) => description.includes(w) || name.includes(w))) offer(port, 20, `description "${service.description}"`);
  }
  if (best.size === 0) {
    return {
      ok: false,
      query,
      message: `no port, service name or description in the IANA registry matches "${trimmed}" (searched names and descriptions of ports ${MIN_PORT}-${MAX_PORT})`,
    };
  }
  const matches = [...best.values()].sort((a, b) => b.score - a.score || a.port - b.port);
  return { ok: true, query, matches };
}

function containsWord(haystack: string, word: string): boolean {
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(word, from);
    if (at < 0) return false;
    const before = at === 0 ? '' : haystack[at - 1] ?? '';
    const after = haystack[at + word.length] ?? '';
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return true;
    from = at + 1;
  }
}
