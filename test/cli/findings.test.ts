import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv-draft-04';

const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');

function portLens(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'port-lens-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const COMPOSE = 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "80:8080"\n      - 2222:22\n';

interface Json {
  ports: unknown[];
  findings: { file: string; line: number; column: number; rule: string; severity: string; message: string }[];
}

test('scan --format json fills findings with 1-based line and column', () => {
  const dir = project({ 'docker-compose.yml': COMPOSE });
  const r = portLens(dir, 'scan', '--format', 'json', 'docker-compose.yml');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as Json;
  const privileged = out.findings.find((f) => f.rule === 'privileged-port');
  assert.deepEqual(
    { file: privileged?.file, line: privileged?.line, column: privileged?.column, severity: privileged?.severity },
    { file: 'docker-compose.yml', line: 5, column: 10, severity: 'warning' },
  );
  assert.match(privileged?.message ?? '', /Host port 80 is privileged/);
  const sexagesimal = out.findings.find((f) => f.rule === 'yaml-sexagesimal');
  assert.deepEqual([sexagesimal?.line, sexagesimal?.column], [6, 9]);
});

test('scan --format sarif validates against the SARIF 2.1.0 schema', () => {
  const dir = project({ 'docker-compose.yml': COMPOSE, '.env': 'PORT=80\nADMIN_PORT=80\n' });
  const r = portLens(dir, 'scan', '--format', 'sarif', '.');
  assert.equal(r.status, 0, r.stderr);
  const sarif = JSON.parse(r.stdout) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
  const schema = JSON.parse(readFileSync(join(root, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  const validate = ajv.compile(schema);
  assert.equal(validate(sarif), true, JSON.stringify(validate.errors?.slice(0, 5)));
  assert.equal(sarif.version, '2.1.0');
  const results = sarif.runs[0]?.results ?? [];
  assert.ok(results.some((x) => x.ruleId === 'duplicate-port'));
  assert.ok(results.some((x) => x.ruleId === 'privileged-port' && x.locations[0]?.physicalLocation.region.startLine === 5));
});

test('the schema check can fail: a result without a message is rejected', () => {
  const schema = JSON.parse(readFileSync(join(root, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
  const validate = new Ajv({ strict: false, unicodeRegExp: false }).compile(schema);
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'a' }] }] }), false);
});

test('--fail-on exits 1 when a finding at or above the level exists', () => {
  const dir = project({ 'sshd_config': 'Port 22\n', 'docker-compose.yml': COMPOSE });
  // sshd Port 22 is information; the compose file has warnings.
  assert.equal(portLens(dir, 'scan', '--fail-on', 'information', 'sshd_config').status, 1);
  assert.equal(portLens(dir, 'scan', '--fail-on', 'warning', 'sshd_config').status, 0);
  const failing = portLens(dir, 'scan', '--fail-on', 'warning', 'docker-compose.yml');
  assert.equal(failing.status, 1);
  assert.match(failing.stderr, /finding\(s\) at or above warning/);
  assert.equal(portLens(dir, 'scan', '--fail-on', 'error', 'docker-compose.yml').status, 0);
  assert.match(portLens(dir, 'scan', '--fail-on', 'loud', '.').stderr, /--fail-on must be "error", "warning" or "information", not "loud"/);
});

test('.port-lens.json sets severities, platforms and ignored ports, as the extension settings do', () => {
  const dir = project({
    'docker-compose.yml': COMPOSE,
    '.port-lens.json': JSON.stringify({ rules: { 'yaml-sexagesimal': 'error' }, platforms: ['windows'], ignoredPorts: [] }),
  });
  const out = JSON.parse(portLens(dir, 'scan', '--format', 'json', 'docker-compose.yml').stdout) as Json;
  assert.deepEqual(out.findings.map((f) => `${f.rule}:${f.severity}`), ['yaml-sexagesimal:error']);
  const ignoring = project({ 'docker-compose.yml': COMPOSE, 'cfg.json': JSON.stringify({ ignoredPorts: ['80-80', 2222, 22] }) });
  const out2 = JSON.parse(portLens(ignoring, 'scan', '--config', 'cfg.json', '--format', 'json', 'docker-compose.yml').stdout) as Json;
  assert.deepEqual(out2.findings.map((f) => f.rule), []);
});

test('a broken settings file is named, with what was expected', () => {
  const bad = project({ 'docker-compose.yml': COMPOSE, '.port-lens.json': '{ "rules": ' });
  const r = portLens(bad, 'scan', 'docker-compose.yml');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /cannot read settings file ".*\.port-lens\.json": .*expected a JSON object/);
  const wrong = project({ 'docker-compose.yml': COMPOSE, '.port-lens.json': '{ "platforms": ["beos"] }' });
  const w = portLens(wrong, 'scan', 'docker-compose.yml');
  assert.equal(w.status, 0);
  assert.match(w.stderr, /warning: .*platforms\[0\] must be one of linux, macos, windows, got "beos"; using the default/);
  assert.match(portLens(bad, 'scan', '--config', 'nope.json', '.').stderr, /cannot read settings file "nope.json": it does not exist/);
});

test('the shared rules fixture gives exactly the expected findings (the VS Code tests check the same list)', () => {
  const dir = join(root, 'test', 'fixtures', 'workspace', 'rules');
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { line: number; column: number; rule: string }[];
  const out = JSON.parse(portLens(dir, 'scan', '--format', 'json', 'docker-compose.yml').stdout) as Json;
  assert.deepEqual(out.findings.map((f) => ({ line: f.line, column: f.column, rule: f.rule })), expected);
  assert.deepEqual([...new Set(expected.map((e) => e.rule))].sort(), [
    'browser-unsafe-port', 'duplicate-port', 'ephemeral-port', 'invalid-port', 'malware-associated-port',
    'privileged-port', 'unassigned-well-known-port', 'yaml-sexagesimal',
  ]);
});
