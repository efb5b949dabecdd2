import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseSettings, type ParsedSettings } from '../core/settings';
import { UsageError } from './io';

export const CONFIG_FILE = '.port-lens.json';

/**
 * Loads the settings file: the one named by --config, else the nearest
 * `.port-lens.json` from `cwd` up. Same keys as the extension's settings
 * without the `portLens.` prefix. A file that is not JSON is a usage error;
 * values that are wrong come back as `problems` and fall back to defaults.
 */
export function loadCliSettings(cwd: string, explicit: string | undefined): ParsedSettings & { path?: string } {
  let path: string | undefined;
  if (explicit !== undefined) {
    path = resolve(cwd, explicit);
    if (!existsSync(path)) throw new UsageError(`cannot read settings file "${explicit}": it does not exist`);
  } else {
    for (let dir = resolve(cwd); ; dir = dirname(dir)) {
      const candidate = join(dir, CONFIG_FILE);
      if (existsSync(candidate)) {
        path = candidate;
        break;
      }
      if (dirname(dir) === dir) break;
    }
  }
  if (path === undefined) return parseSettings(undefined, CONFIG_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read settings file "${path}": ${error instanceof Error ? error.message : String(error)} (expected a JSON object such as {"rules": {"privileged-port": "off"}})`);
  }
  return { ...parseSettings(raw, path), path };
}
