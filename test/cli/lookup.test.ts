import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');

function portLens(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root, maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Match {
  port: number;
  range: string;
  privileged: boolean;
  services: { name: string; transport: string; description: string }[];
}

test('lookup --json gives the facts for 642, 80, 6001, 49200 and postgresql', () => {
  const r = portLens('lookup', '642', '80', '6001', '49200', 'postgresql', '--json');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { query: string; matches: Match[] }[];
  assert.deepEqual(out.map((q) => q.query), ['642', '80', '6001', '49200', 'postgresql']);
  const [p642, p80, p6001, p49200, pg] = out.map((q) => q.matches);
  assert.deepEqual(
    { port: p642?.[0]?.port, range: p642?.[0]?.range, privileged: p642?.[0]?.privileged, first: p642?.[0]?.services[0] },
    { port: 642, range: 'well-known', privileged: true, first: { name: 'esro-emsdp', transport: 'tcp', description: 'ESRO-EMSDP V1.3' } },
  );
  assert.deepEqual(p80?.[0]?.services.filter((s) => s.transport === 'tcp').map((s) => s.name), ['http', 'www', 'www-http']);
  assert.equal(p6001?.[0]?.services[0]?.name, 'x11');
  assert.equal(p6001?.[0]?.range, 'registered');
  assert.deepEqual({ range: p49200?.[0]?.range, privileged: p49200?.[0]?.privileged, services: p49200?.[0]?.services }, { range: 'dynamic', privileged: false, services: [] });
  assert.equal(pg?.[0]?.port, 5432);
});

test('lookup prints readable text for people', () => {
  const r = portLens('lookup', '642');
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^Port 642: well-known range \(0-1023\)/);
  assert.match(r.stdout, /esro-emsdp \(tcp, udp\): ESRO-EMSDP V1\.3/);
  assert.match(r.stdout, /Linux: ss -ltnup 'sport = :642'/);
});

test('bad queries get one line each naming the valid range or what was searched, and exit 1', () => {
  for (const [query, pattern] of [
    ['70000', /^port-lens: port must be an integer from 0 to 65535, got "70000"\n$/],
    ['-1', /^port-lens: port must be an integer from 0 to 65535, got "-1"\n$/],
    ['qqzzxxnothing', /^port-lens: no port, service name or description in the IANA registry matches "qqzzxxnothing".*\n$/],
  ] as const) {
    const r = portLens('lookup', query);
    assert.equal(r.status, 1, query);
    assert.match(r.stderr, pattern);
  }
});

test('usage errors exit 2 with a message', () => {
  const none = portLens('lookup');
  assert.equal(none.status, 2);
  assert.match(none.stderr, /lookup needs at least one query/);
  const unknown = portLens('frobnicate');
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown command "frobnicate"/);
  assert.match(portLens('lookup', '--yaml', '80').stderr, /unknown option "--yaml"/);
});

test('thousands of port queries in one call', () => {
  const ports = Array.from({ length: 5000 }, (_, i) => String((i * 13) % 65536));
  const r = portLens('lookup', '--json', ...ports);
  assert.equal(r.status, 0, r.stderr.slice(0, 200));
  assert.equal((JSON.parse(r.stdout) as unknown[]).length, 5000);
});

test('the web bundle reaches no Node built-in', async () => {
  const { readFileSync } = await import('node:fs');
  const web = readFileSync(join(root, 'dist', 'web', 'extension.js'), 'utf8');
  assert.doesNotMatch(web, /require\(["'](node:)?(fs|path|os|child_process|net|util|crypto)["']\)/);
  assert.match(web, /require\(["']vscode["']\)/);
});
