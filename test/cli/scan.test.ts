// Runs the built CLI as a user would: `node dist/cli.js scan ...`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// out/test/cli/scan.test.js → repository root
const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');

function run(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonPort {
  file: string;
  line: number;
  column: number;
  port: number;
  role: string;
  format: string;
  comment: boolean;
}

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'port-lens-cli-'));
  writeFileSync(join(dir, 'docker-compose.yml'), 'services:\n  web:\n    ports:\n      - "8080:80"\n');
  mkdirSync(join(dir, 'nginx'));
  writeFileSync(join(dir, 'nginx', 'nginx.conf'), 'server {\n    # listen 8000;\n    listen 443 ssl;\n}\n');
  mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
  writeFileSync(join(dir, 'node_modules', 'pkg', 'docker-compose.yml'), 'services:\n  x:\n    ports: ["1111:1111"]\n');
  mkdirSync(join(dir, 'build'));
  writeFileSync(join(dir, 'build', '.env'), 'PORT=2222\n');
  writeFileSync(join(dir, 'ignored.env'), 'PORT=3333\n');
  writeFileSync(join(dir, '.gitignore'), 'build/\nignored.env\n');
  writeFileSync(join(dir, 'README.md'), 'localhost:4444\n');
  return dir;
}

test('prints ports as JSON with 1-based line and column and the path as given', () => {
  const dir = project();
  try {
    const r = run(['scan', '--format', 'json', 'docker-compose.yml'], dir);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { ports: JsonPort[]; findings: unknown[] };
    assert.deepEqual(out.findings, []);
    assert.deepEqual(out.ports, [
      { file: 'docker-compose.yml', line: 4, column: 10, port: 8080, role: 'published', format: 'compose', comment: false },
      { file: 'docker-compose.yml', line: 4, column: 15, port: 80, role: 'container', format: 'compose', comment: false },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('walks directories for config files, skipping node_modules and what .gitignore ignores', () => {
  const dir = project();
  try {
    const r = run(['scan', '--format=json', '.'], dir);
    assert.equal(r.status, 0, r.stderr);
    const { ports } = JSON.parse(r.stdout) as { ports: JsonPort[] };
    const seen = ports.map((p) => `${p.file.replace(/\\/g, '/')}:${p.line}:${p.column}:${p.port}:${p.comment}`);
    assert.deepEqual(seen, [
      'docker-compose.yml:4:10:8080:false',
      'docker-compose.yml:4:15:80:false',
      'nginx/nginx.conf:2:14:8000:true',
      'nginx/nginx.conf:3:12:443:false',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('walks into the config kinds that have no config extension, and past source files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'port-lens-cli-'));
  try {
    writeFileSync(join(dir, 'Makefile'), 'run:\n\tdocker run -p 8080:80 x\n');
    writeFileSync(join(dir, 'Corefile'), '.:53 {\n}\n');
    writeFileSync(join(dir, 'Tiltfile'), "k8s_resource('a', port_forwards='3000')\n");
    writeFileSync(join(dir, 'startup-config'), 'access-list in extended permit tcp any any eq 443\n');
    writeFileSync(join(dir, 'fw.ps1'), 'New-NetFirewallRule -LocalPort 3389\n');
    writeFileSync(join(dir, 'configuration.nix'), '{ ... }: { networking.firewall.allowedTCPPorts = [ 22 ]; }\n');
    writeFileSync(join(dir, 'app.py'), 'port = 8081\n');
    const r = run(['scan', '--format=json', '.'], dir);
    assert.equal(r.status, 0, r.stderr);
    const { ports } = JSON.parse(r.stdout) as { ports: JsonPort[] };
    assert.deepEqual(ports.map((p) => `${p.file}:${p.port}:${p.role}:${p.format}`), [
      'Corefile:53:listen:caddy',
      'Makefile:8080:published:shell',
      'Makefile:80:container:shell',
      'Tiltfile:3000:unknown:text',
      'configuration.nix:22:firewall:text',
      'fw.ps1:3389:firewall:shell',
      'startup-config:443:firewall:directive',
    ]);
    // A source file is read when named, not walked into.
    const py = run(['scan', '--format=json', 'app.py'], dir);
    assert.deepEqual((JSON.parse(py.stdout) as { ports: JsonPort[] }).ports.map((p) => p.port), [8081]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('joins the directory given on the command line with the walked path', () => {
  const dir = project();
  try {
    const r = run(['scan', '--format', 'json', join(dir, 'nginx')], tmpdir());
    assert.equal(r.status, 0, r.stderr);
    const { ports } = JSON.parse(r.stdout) as { ports: JsonPort[] };
    assert.deepEqual([...new Set(ports.map((p) => p.file))], [join(dir, 'nginx', 'nginx.conf')]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('prints file:line:col, port, role and meaning as text by default', () => {
  const dir = project();
  try {
    const r = run(['scan', 'nginx/nginx.conf'], dir);
    assert.equal(r.status, 0, r.stderr);
    const [ports = '', findings = ''] = r.stdout.trim().split('\n\n');
    const lines = ports.split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[1] ?? '', /^nginx\/nginx\.conf:3:12 {2}443 {2}listen {2}https: http protocol over TLS\/SSL; well-known range \(0-1023\)$/);
    // The findings follow the ports: nginx starts as root, so information only.
    assert.match(findings, /^1 finding\(s\):\nnginx\/nginx\.conf:\d+:\d+ {2}information {2}privileged-port {2}Port \d+ is privileged/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('exits 2 naming a path that cannot be read', () => {
  const dir = project();
  try {
    const r = run(['scan', 'docker-compose.yml', 'no/such/file.yml'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /port-lens: cannot read "no\/such\/file\.yml": no such file or directory/);
    assert.equal(r.stdout, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('exits 2 on a usage error', () => {
  const dir = project();
  try {
    const none = run(['scan'], dir);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /scan needs at least one file or directory/);
    const bad = run(['scan', '--format', 'yaml', '.'], dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--format must be "text", "json" or "sarif", not "yaml"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
