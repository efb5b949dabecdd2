import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineCommentPrefix, scanText } from '../../src/core/detector';
import type { Platform } from '../../src/core/facts/platforms';
import type { RuleId } from '../../src/core/rules/catalog';
import { checkPorts, type Finding } from '../../src/core/rules/check';
import { defaultSettings, parseSettings } from '../../src/core/settings';

/** Findings for a file, as `rule@line:port` strings (1-based lines) for compact assertions. */
function check(fileName: string, text: string, platforms: Platform[] = ['linux'], extra: object = {}): Finding[] {
  const result = scanText({ text, fileName });
  const { settings } = parseSettings({ platforms, ...extra }, 'test');
  const prefix = lineCommentPrefix(result.format);
  return checkPorts({ text, occurrences: result.occurrences, settings, ...(prefix ? { lineCommentPrefix: prefix } : {}) });
}

function ids(findings: readonly Finding[], rule?: RuleId): string[] {
  return findings.filter((f) => !rule || f.rule === rule).map((f) => `${f.rule}@${f.line + 1}:${f.port}`);
}

const compose = (ports: string, more = '') => `services:\n  web:\n    image: nginx:1.27\n    ports:\n${ports}${more}`;

// invalid-port
test('flags a port above 65535 in a compose mapping and in .env', () => {
  assert.deepEqual(ids(check('docker-compose.yml', compose('      - "70000:80"\n')), 'invalid-port'), ['invalid-port@5:70000']);
  assert.deepEqual(ids(check('.env', 'PORT=99999\n'), 'invalid-port'), ['invalid-port@1:99999']);
});

test('port 0 is invalid for a container port but fine for a listener meaning "disabled"', () => {
  const k8s = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: x\n      ports:\n        - containerPort: 0\n';
  assert.deepEqual(ids(check('pod.yaml', k8s), 'invalid-port'), ['invalid-port@10:0']);
  assert.deepEqual(ids(check('redis.conf', 'port 0\n'), 'invalid-port'), []);
  assert.deepEqual(ids(check('application.properties', 'server.port=0\n'), 'invalid-port'), []);
});

// privileged-port
test('flags host port 80 in a compose mapping, not the container side', () => {
  const f = check('docker-compose.yml', compose('      - "80:8080"\n      - "8080:80"\n'));
  assert.deepEqual(ids(f, 'privileged-port'), ['privileged-port@5:80']);
  const first = f.find((x) => x.rule === 'privileged-port');
  assert.equal(first?.severity, 'warning');
  assert.match(first?.message ?? '', /CAP_NET_BIND_SERVICE/);
  assert.match(first?.message ?? '', /rootless Docker and Podman/);
});

test('privileged-port: hostPort yes; containerPort and Service port no', () => {
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: x\n      ports:\n        - containerPort: 80\n          hostPort: 443\n';
  assert.deepEqual(ids(check('pod.yaml', pod), 'privileged-port'), ['privileged-port@11:443']);
  const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n      targetPort: 8080\n';
  assert.deepEqual(ids(check('service.yaml', svc), 'privileged-port'), []);
});

test('privileged-port: app settings warn, system daemons are information', () => {
  assert.deepEqual(check('.env', 'PORT=80\n').filter((f) => f.rule === 'privileged-port').map((f) => f.severity), ['warning']);
  assert.deepEqual(check('application.properties', 'server.port=443\n').filter((f) => f.rule === 'privileged-port').map((f) => f.severity), ['warning']);
  assert.deepEqual(check('sshd_config', 'Port 22\n').filter((f) => f.rule === 'privileged-port').map((f) => f.severity), ['information']);
  assert.deepEqual(check('nginx.conf', 'server {\n  listen 80;\n}\n').filter((f) => f.rule === 'privileged-port').map((f) => f.severity), ['information']);
});

test('privileged-port: a listener inside a container is information, its published host port a warning', () => {
  const text = compose('      - "80:8080"\n') + '    command: ["serve", "--port", "81"]\n    environment:\n      - PORT=82\n';
  const found = check('docker-compose.yml', text).filter((f) => f.rule === 'privileged-port');
  assert.deepEqual(found.map((f) => [f.port, f.severity]), [[80, 'warning'], [81, 'information'], [82, 'information']]);
  assert.match(found[1]?.message ?? '', /Docker 20\.10/);
  assert.deepEqual(check('Dockerfile', 'FROM node:20\nENV PORT=80\n').filter((f) => f.rule === 'privileged-port').map((f) => f.severity), ['information']);
});

test('privileged-port never fires on a URL the file connects to', () => {
  assert.deepEqual(ids(check('.env', 'LDAP_URL=ldap://ldap.example.com:389\n'), 'privileged-port'), []);
});

test('privileged-port follows the platforms: none on Windows, wildcard exempt on macOS', () => {
  assert.deepEqual(ids(check('docker-compose.yml', compose('      - "80:8080"\n'), ['windows']), 'privileged-port'), []);
  assert.deepEqual(ids(check('docker-compose.yml', compose('      - "80:8080"\n'), ['macos']), 'privileged-port'), []);
  assert.deepEqual(ids(check('docker-compose.yml', compose('      - "127.0.0.1:80:8080"\n'), ['macos']), 'privileged-port'), ['privileged-port@5:80']);
});

test('privileged-port offers an unprivileged replacement and the ignore fixes', () => {
  const f = check('docker-compose.yml', compose('      - "80:8080"\n')).find((x) => x.rule === 'privileged-port');
  const titles = (f?.fixes ?? []).map((x) => x.title);
  assert.match(titles[0] ?? '', /^Use port (\d+) instead/);
  const replacement = Number(/Use port (\d+)/.exec(titles[0] ?? '')?.[1]);
  assert.ok(replacement >= 1024 && replacement < 32768, `replacement ${replacement}`);
  assert.ok(titles.some((t) => /port-lens-ignore/.test(t)));
});

// ephemeral-port
test('ephemeral-port follows each platform range', () => {
  assert.deepEqual(ids(check('docker-compose.yml', compose('      - "50000:80"\n')), 'ephemeral-port'), ['ephemeral-port@5:50000']);
  assert.deepEqual(ids(check('docker-compose.yml', compose('      - "61000:80"\n'), ['linux']), 'ephemeral-port'), []);
  assert.deepEqual(ids(check('docker-compose.yml', compose('      - "61000:80"\n'), ['windows']), 'ephemeral-port'), ['ephemeral-port@5:61000']);
  assert.deepEqual(ids(check('.env', 'API_URL=http://api.internal:50000/v1\n'), 'ephemeral-port'), []);
});

// unassigned-well-known-port
test('unassigned-well-known-port fires on an unassigned well-known port only', () => {
  assert.deepEqual(ids(check('nginx.conf', 'server {\n  listen 4;\n}\n'), 'unassigned-well-known-port'), ['unassigned-well-known-port@2:4']);
  assert.deepEqual(ids(check('nginx.conf', 'server {\n  listen 642;\n}\n'), 'unassigned-well-known-port'), []);
});

// browser-unsafe-port
test('browser-unsafe-port on a dev server at 6000 and a URL at 10080, not on ssh 22', () => {
  assert.deepEqual(ids(check('docker-compose.yml', compose('      - "6000:3000"\n')), 'browser-unsafe-port'), ['browser-unsafe-port@5:6000']);
  assert.deepEqual(ids(check('.env', 'PORT=6667\n'), 'browser-unsafe-port'), ['browser-unsafe-port@1:6667']);
  assert.deepEqual(ids(check('.env', 'APP_URL=http://localhost:10080/\n'), 'browser-unsafe-port'), ['browser-unsafe-port@1:10080']);
  assert.deepEqual(ids(check('sshd_config', 'Port 22\n'), 'browser-unsafe-port'), []);
  assert.deepEqual(ids(check('docker-compose.yml', compose('      - "22:22"\n')), 'browser-unsafe-port'), []);
});

// macos-airplay-port
test('macos-airplay-port on host port 5000 only when macOS is in effect', () => {
  assert.deepEqual(ids(check('docker-compose.yml', compose('      - "5000:5000"\n'), ['macos']), 'macos-airplay-port'), ['macos-airplay-port@5:5000']);
  assert.deepEqual(ids(check('docker-compose.yml', compose('      - "5000:5000"\n'), ['linux']), 'macos-airplay-port'), []);
  assert.deepEqual(ids(check('.env', 'PORT=7000\n'), 'macos-airplay-port'), []);
  assert.deepEqual(ids(check('.env', 'PORT=7000\n', ['macos']), 'macos-airplay-port'), ['macos-airplay-port@1:7000']);
});

// duplicate-port
test('duplicate-port across compose services, with the other place as related information', () => {
  const text = 'services:\n  web:\n    image: a\n    ports:\n      - "8080:80"\n  api:\n    image: b\n    ports:\n      - "8080:3000"\n';
  const f = check('docker-compose.yml', text).filter((x) => x.rule === 'duplicate-port');
  assert.deepEqual(ids(f), ['duplicate-port@9:8080']);
  assert.equal(f[0]?.related?.[0]?.line, 4);
});

test('duplicate-port stays quiet for tcp and udp on one number, nginx virtual hosts and port = targetPort', () => {
  assert.deepEqual(ids(check('docker-compose.yml', compose('      - "53:53/tcp"\n      - "53:53/udp"\n')), 'duplicate-port'), []);
  const nginx = 'server {\n  listen 80;\n  server_name a.example;\n}\nserver {\n  listen 80;\n  server_name b.example;\n}\n';
  assert.deepEqual(ids(check('nginx.conf', nginx), 'duplicate-port'), []);
  const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 8080\n      targetPort: 8080\n';
  assert.deepEqual(ids(check('service.yaml', svc), 'duplicate-port'), []);
});

test('duplicate-port for two nodePorts in one manifest and two listeners in one .env', () => {
  const two = (name: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 30080\n`;
  assert.deepEqual(ids(check('services.yaml', `${two('a')}---\n${two('b')}`), 'duplicate-port'), ['duplicate-port@19:30080']);
  assert.deepEqual(ids(check('.env', 'PORT=3000\nADMIN_PORT=3000\n'), 'duplicate-port'), ['duplicate-port@2:3000']);
});

// nodeport-range
test('nodeport-range outside 30000-32767', () => {
  const svc = (n: number) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  ports:\n    - port: 80\n      nodePort: ${n}\n`;
  assert.deepEqual(ids(check('svc.yaml', svc(8080)), 'nodeport-range'), ['nodeport-range@9:8080']);
  assert.deepEqual(ids(check('svc.yaml', svc(30080)), 'nodeport-range'), []);
});

// yaml-sexagesimal
test('yaml-sexagesimal on an unquoted 2222:22, with a quoting fix', () => {
  const text = compose('      - 2222:22\n');
  const f = check('docker-compose.yml', text).filter((x) => x.rule === 'yaml-sexagesimal');
  assert.equal(f.length, 1);
  assert.equal(text.slice(f[0]!.offset, f[0]!.offset + f[0]!.length), '2222:22');
  assert.match(f[0]!.message, /133342/);
  const edit = f[0]!.fixes?.[0]?.edits[0];
  assert.equal(edit?.newText, '"2222:22"');
});

test('yaml-sexagesimal stays quiet on quoted mappings and on 8080:80', () => {
  assert.deepEqual(ids(check('docker-compose.yml', compose('      - "2222:22"\n')), 'yaml-sexagesimal'), []);
  assert.deepEqual(ids(check('docker-compose.yml', compose('      - 8080:80\n')), 'yaml-sexagesimal'), []);
});

// malware-associated-port
test('malware-associated-port is information and says when the port is also legitimate', () => {
  const f = check('docker-compose.yml', compose('      - "31337:31337"\n')).filter((x) => x.rule === 'malware-associated-port');
  assert.ok(f.length >= 1);
  assert.equal(f[0]?.severity, 'information');
  assert.match(f[0]?.message ?? '', /Back Orifice/);
  const irc = check('.env', 'IRC_PORT=6667\n').find((x) => x.rule === 'malware-associated-port');
  assert.match(irc?.message ?? '', /IANA assigns it to ircu/);
});

// comments, ignores and settings
test('ports in comments and on port-lens-ignore lines get no findings', () => {
  assert.deepEqual(check('docker-compose.yml', compose('      # - "80:80"\n      - "8080:8080"\n')), []);
  assert.deepEqual(check('docker-compose.yml', compose('      - "80:8080" # port-lens-ignore\n')), []);
  assert.deepEqual(check('docker-compose.yml', compose('      # port-lens-ignore\n      - "80:8080"\n')), []);
});

test('ignored ports and rules set to off produce nothing; severities follow settings', () => {
  assert.deepEqual(check('.env', 'PORT=80\n', ['linux'], { ignoredPorts: [80] }), []);
  assert.deepEqual(ids(check('.env', 'PORT=80\n', ['linux'], { rules: { 'privileged-port': 'off' } })), []);
  assert.deepEqual(check('.env', 'PORT=80\n', ['linux'], { rules: { 'privileged-port': 'error' } }).map((f) => f.severity), ['error']);
});

test('the default settings check every platform', () => {
  assert.deepEqual(defaultSettings().platforms, ['linux', 'macos', 'windows']);
});

test('ephemeral-port: a Kubernetes Service port is virtual, a hostPort binds', () => {
  const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 50000\n      targetPort: 8080\n';
  assert.deepEqual(ids(check('service.yaml', svc), 'ephemeral-port'), []);
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: x\n      ports:\n        - containerPort: 8080\n          hostPort: 50000\n';
  assert.deepEqual(ids(check('pod.yaml', pod), 'ephemeral-port'), ['ephemeral-port@11:50000']);
});
