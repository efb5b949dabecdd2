import type { Platform } from '../core/facts/platforms';
import { RULES } from '../core/rules/catalog';

// Plain data with no `vscode` import, so that unit tests can compare it with
// package.json (test/unit/manifest.test.ts).

export const SECTION = 'portLens';

/** Every setting's default, in one place; package.json declares the same values. */
export const DEFAULTS = {
  'hover.enabled': true,
  'diagnostics.enabled': true,
  'diagnostics.debounceMs': 400,
  maxFileSizeKB: 2048,
  platforms: [] as Platform[],
  ignoredPorts: [] as (number | string)[],
  'files.include': [] as string[],
  'files.languages': [] as string[],
  rules: Object.fromEntries(RULES.map((r) => [r.id, r.defaultSeverity])),
} as const;

/**
 * Languages whose documents Port Lens reads without being asked; the same
 * list drives `activationEvents` in package.json.
 */
export const DEFAULT_LANGUAGES: readonly string[] = [
  'dockercompose', 'yaml', 'dockerfile', 'nginx', 'apacheconf', 'haproxy', 'caddyfile', 'properties', 'ini',
  'dotenv', 'env', 'json', 'jsonc', 'terraform', 'hcl', 'toml', 'xml', 'shellscript', 'systemd', 'ssh_config',
  'spring-boot-properties', 'spring-boot-properties-yaml', 'plaintext', 'ruby', 'procfile', 'makefile', 'nix', 'puppet',
  'bicep', 'sls',
];
