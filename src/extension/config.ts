import * as vscode from 'vscode';
import type { Platform } from '../core/facts/platforms';
import { parseSettings, type PortLensSettings } from '../core/settings';
import { DEFAULTS, SECTION } from './defaults';

export { SECTION };

export interface ExtensionConfig {
  readonly hoverEnabled: boolean;
  readonly diagnosticsEnabled: boolean;
  readonly debounceMs: number;
  readonly maxFileSize: number;
  readonly rules: PortLensSettings;
  readonly includePatterns: readonly string[];
  readonly extraLanguages: readonly string[];
  /** Messages for values that were wrong and replaced by defaults. */
  readonly problems: readonly string[];
}

function bool(value: unknown, fallback: boolean, name: string, problems: string[]): boolean {
  if (typeof value === 'boolean') return value;
  if (value !== undefined) problems.push(`${SECTION}.${name} must be true or false, got ${JSON.stringify(value)}; using ${fallback}`);
  return fallback;
}

function int(value: unknown, fallback: number, min: number, max: number, name: string, problems: string[]): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  if (value !== undefined) problems.push(`${SECTION}.${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}; using ${fallback}`);
  return fallback;
}

function strings(value: unknown, name: string, problems: string[]): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.filter((v) => v.trim() !== '');
  problems.push(`${SECTION}.${name} must be an array of strings, got ${JSON.stringify(value)}; ignoring it`);
  return [];
}

/**
 * Reads and validates the settings. Bad values fall back to defaults and
 * are named in `problems`, never thrown.
 */
export function readConfig(scope: vscode.ConfigurationScope | undefined, currentPlatform: Platform): ExtensionConfig {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const problems: string[] = [];
  const platforms = c.get<unknown>('platforms');
  const parsed = parseSettings(
    { rules: c.get<unknown>('rules'), platforms: Array.isArray(platforms) && platforms.length > 0 ? platforms : undefined, ignoredPorts: c.get<unknown>('ignoredPorts') },
    `settings (${SECTION})`,
    [currentPlatform],
  );
  problems.push(...parsed.problems);
  return {
    hoverEnabled: bool(c.get('hover.enabled'), DEFAULTS['hover.enabled'], 'hover.enabled', problems),
    diagnosticsEnabled: bool(c.get('diagnostics.enabled'), DEFAULTS['diagnostics.enabled'], 'diagnostics.enabled', problems),
    debounceMs: int(c.get('diagnostics.debounceMs'), DEFAULTS['diagnostics.debounceMs'], 0, 10000, 'diagnostics.debounceMs', problems),
    maxFileSize: 1024 * int(c.get('maxFileSizeKB'), DEFAULTS.maxFileSizeKB, 1, 1024 * 1024, 'maxFileSizeKB', problems),
    rules: parsed.settings,
    includePatterns: strings(c.get('files.include'), 'files.include', problems),
    extraLanguages: strings(c.get('files.languages'), 'files.languages', problems),
    problems,
  };
}
