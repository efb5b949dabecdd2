import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { RULES, SEVERITY_SETTINGS } from '../../src/core/rules/catalog';
import { COMMANDS } from '../../src/extension/commandIds';
import { DEFAULT_LANGUAGES, DEFAULTS, SECTION } from '../../src/extension/defaults';

interface Manifest {
  main: string;
  browser: string;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: unknown }; virtualWorkspaces: unknown };
  contributes: {
    commands: { command: string; title: string; category: string }[];
    configuration: { properties: Record<string, { default: unknown; scope?: string; markdownDescription?: string; enum?: unknown[]; enumDescriptions?: unknown[]; properties?: Record<string, { default: unknown; enum: unknown[]; enumDescriptions: unknown[] }> }> };
  };
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as Manifest;

test('every command in the code is contributed, in the Port Lens category, and no other', () => {
  const contributed = manifest.contributes.commands.map((c) => c.command).sort();
  assert.deepEqual(contributed, Object.values(COMMANDS).sort());
  for (const c of manifest.contributes.commands) assert.equal(c.category, 'Port Lens');
  assert.ok(manifest.contributes.commands.some((c) => c.title === 'Look Up Port or Service…'));
  assert.ok(manifest.contributes.commands.some((c) => c.title === 'Show What Is Listening on Port…'));
});

test('every setting has a default equal to the code, a scope and a markdownDescription', () => {
  const props = manifest.contributes.configuration.properties;
  const keys = Object.keys(props).map((k) => k.slice(SECTION.length + 1)).sort();
  assert.deepEqual(keys, Object.keys(DEFAULTS).sort());
  for (const [key, value] of Object.entries(DEFAULTS)) {
    const p = props[`${SECTION}.${key}`];
    assert.ok(p, `missing ${key}`);
    assert.deepEqual(p.default, value, `default of ${key}`);
    assert.ok(p.scope, `scope of ${key}`);
    assert.ok(p.markdownDescription, `markdownDescription of ${key}`);
  }
});

test('each rule has a severity setting with the catalogue default and described choices', () => {
  const rules = manifest.contributes.configuration.properties[`${SECTION}.rules`]?.properties ?? {};
  assert.deepEqual(Object.keys(rules), RULES.map((r) => r.id));
  for (const r of RULES) {
    assert.equal(rules[r.id]?.default, r.defaultSeverity);
    assert.deepEqual(rules[r.id]?.enum, SEVERITY_SETTINGS);
    assert.equal(rules[r.id]?.enumDescriptions.length, SEVERITY_SETTINGS.length);
  }
});

test('activation is on the config languages, never on *', () => {
  assert.ok(!manifest.activationEvents.includes('*'));
  assert.deepEqual(manifest.activationEvents, DEFAULT_LANGUAGES.map((l) => `onLanguage:${l}`));
});

test('desktop and web entry points and workspace capabilities are declared', () => {
  assert.equal(manifest.main, './dist/extension.js');
  assert.equal(manifest.browser, './dist/web/extension.js');
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.equal(manifest.capabilities.virtualWorkspaces, true);
});
