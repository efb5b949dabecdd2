import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isIgnoredPort, parseSettings } from '../../src/core/settings';

test('valid settings parse without problems', () => {
  const { settings, problems } = parseSettings(
    { rules: { 'privileged-port': 'off', 'ephemeral-port': 'error' }, platforms: ['macos'], ignoredPorts: [8080, '9000-9010'] },
    'test',
  );
  assert.deepEqual(problems, []);
  assert.equal(settings.rules['privileged-port'], 'off');
  assert.equal(settings.rules['ephemeral-port'], 'error');
  assert.equal(settings.rules['invalid-port'], 'error');
  assert.deepEqual(settings.platforms, ['macos']);
  assert.equal(isIgnoredPort(settings, 9005), true);
  assert.equal(isIgnoredPort(settings, 9011), false);
});

test('every broken value is named and replaced by its default', () => {
  const { settings, problems } = parseSettings(
    { rules: { 'privileged-port': 'loud', 'no-such-rule': 'off' }, platforms: ['beos'], ignoredPorts: [70000, 'a-b'], extra: 1 },
    '.port-lens.json',
    ['linux'],
  );
  assert.equal(settings.rules['privileged-port'], 'warning');
  assert.deepEqual(settings.platforms, ['linux']);
  assert.deepEqual(settings.ignoredPorts, []);
  assert.deepEqual(problems, [
    '.port-lens.json: unknown setting "extra" (expected rules, platforms or ignoredPorts)',
    '.port-lens.json: rules.privileged-port must be one of error, warning, information, hint, off, got "loud"',
    '.port-lens.json: rules has unknown rule "no-such-rule" (expected one of invalid-port, privileged-port, ephemeral-port, unassigned-well-known-port, browser-unsafe-port, macos-airplay-port, duplicate-port, nodeport-range, yaml-sexagesimal, malware-associated-port)',
    '.port-lens.json: platforms[0] must be one of linux, macos, windows, got "beos"',
    '.port-lens.json: ignoredPorts[0] must be a port from 0 to 65535 or a range "from-to", got 70000',
    '.port-lens.json: ignoredPorts[1] must be a port from 0 to 65535 or a range "from-to", got "a-b"',
  ]);
});

test('non-object settings are refused whole', () => {
  assert.match(parseSettings([1, 2], 'x').problems[0] ?? '', /settings must be an object, got \[1,2\]/);
  assert.deepEqual(parseSettings(null, 'x').problems, []);
});
