import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectFormat, isConfigFileName, lineCommentPrefix, scanText } from '../../src/core/detector/index';
import type { PortOccurrence } from '../../src/core/detector/index';

function scan(text: string, fileName: string): PortOccurrence[] {
  return [...scanText({ text, fileName }).occurrences];
}

function ports(text: string, fileName: string): number[] {
  return scan(text, fileName).filter((o) => !o.comment).map((o) => o.port);
}

function at(occs: readonly PortOccurrence[], port: number, nth = 0): PortOccurrence {
  const o = occs.filter((x) => x.port === port)[nth];
  assert.ok(o, `port ${port} found`);
  return o;
}

test('detects formats from file names', () => {
  assert.equal(detectFormat('docker-compose.yml', undefined, ''), 'compose');
  assert.equal(detectFormat('/x/compose.override.yaml', undefined, ''), 'compose');
  assert.equal(detectFormat('Dockerfile', undefined, ''), 'dockerfile');
  assert.equal(detectFormat('api.dockerfile', undefined, ''), 'dockerfile');
  assert.equal(detectFormat('/etc/nginx/nginx.conf', undefined, ''), 'nginx');
  assert.equal(detectFormat('haproxy.cfg', undefined, ''), 'haproxy');
  assert.equal(detectFormat('Caddyfile', undefined, ''), 'caddy');
  assert.equal(detectFormat('.env.local', undefined, ''), 'dotenv');
  assert.equal(detectFormat('application.properties', undefined, ''), 'properties');
  assert.equal(detectFormat('main.tf', undefined, ''), 'terraform');
  assert.equal(detectFormat('app.socket', undefined, ''), 'systemd');
  assert.equal(detectFormat('sshd_config', undefined, ''), 'directive');
  assert.equal(detectFormat('my.cnf', undefined, ''), 'ini');
  assert.equal(detectFormat('.devcontainer/devcontainer.json', undefined, ''), 'json');
  assert.equal(detectFormat('Vagrantfile', undefined, ''), 'vagrant');
  assert.equal(detectFormat('Procfile', undefined, ''), 'procfile');
  assert.equal(detectFormat('ruleset.nft', undefined, ''), 'nftables');
  assert.equal(detectFormat('/etc/firewalld/zones/public.xml', undefined, '<zone/>'), 'firewalld');
  assert.equal(detectFormat('/etc/ufw/applications.d/openssh-server', undefined, '[OpenSSH]\ntitle=x\nports=22/tcp\n'), 'ufw');
});

test('detects YAML flavours from content', () => {
  assert.equal(detectFormat('svc.yaml', undefined, 'apiVersion: v1\nkind: Service\n'), 'kubernetes');
  assert.equal(detectFormat('stack.yml', undefined, 'services:\n  web:\n    image: x\n'), 'compose');
  assert.equal(detectFormat('values.yaml', undefined, 'service:\n  port: 80\n'), 'yaml');
});

test('detects formats from VS Code language ids when the name says nothing', () => {
  assert.equal(detectFormat('untitled-1', 'dockercompose', ''), 'compose');
  assert.equal(detectFormat(undefined, 'nginx', ''), 'nginx');
  assert.equal(detectFormat(undefined, 'jsonc', ''), 'json');
  assert.equal(detectFormat(undefined, 'yaml', 'apiVersion: v1\nkind: Pod\n'), 'kubernetes');
});

test('sniffs the content of files whose names say nothing', () => {
  assert.equal(detectFormat('/etc/nginx/sites-available/default', undefined, 'server {\n    listen 80;\n}\n'), 'nginx');
  assert.equal(detectFormat('/etc/apache2/sites-available/site', undefined, '<VirtualHost *:80>\n</VirtualHost>\n'), 'apache');
  assert.equal(detectFormat('/etc/default/memcached', undefined, 'ENABLE=yes\nPORT=11211\n'), 'shell');
  assert.equal(detectFormat('proxy/conf', undefined, 'server {\n  listen 80;\n}\n'), 'nginx');
  assert.equal(detectFormat('README', undefined, 'just words'), 'text');
  assert.equal(detectFormat(undefined, undefined, ''), 'text');
});

test('tells config file names from other files for the directory walk', () => {
  for (const name of ['docker-compose.yml', 'Dockerfile', 'nginx.conf', '.env', 'main.tf', 'sshd_config', 'Caddyfile', 'app.service', 'x/values.yaml', '/etc/default/ssh']) {
    assert.equal(isConfigFileName(name), true, name);
  }
  for (const name of ['index.ts', 'README.md', 'logo.png', 'package-lock.json', 'main.go']) {
    assert.equal(isConfigFileName(name), false, name);
  }
});

test('gives each format its line comment prefix', () => {
  assert.equal(lineCommentPrefix('compose'), '#');
  assert.equal(lineCommentPrefix('json'), '//');
  assert.equal(lineCommentPrefix('ini'), ';');
  assert.equal(lineCommentPrefix('xml'), undefined);
  assert.equal(lineCommentPrefix('text'), undefined);
});

test('pairs the two sides of a compose mapping and names the service', () => {
  const occs = scan('services:\n  web:\n    ports:\n      - "127.0.0.1:8080:80/udp"\n', 'compose.yaml');
  const host = at(occs, 8080);
  const container = at(occs, 80);
  assert.equal(host.role, 'published');
  assert.equal(host.mappedTo, 80);
  assert.equal(host.protocol, 'udp');
  assert.equal(host.scope, 'web');
  assert.equal(container.role, 'container');
  assert.equal(container.mappedTo, 8080);
  assert.equal(container.unquotedMapping, undefined);
});

test('marks an unquoted YAML port mapping with the span of the whole mapping', () => {
  const text = 'services:\n  ssh:\n    ports:\n      - 2222:22\n';
  const occs = scan(text, 'docker-compose.yml');
  const o = at(occs, 22);
  assert.deepEqual(o.unquotedMapping, { offset: text.indexOf('2222:22'), length: 7 });
  assert.deepEqual(at(occs, 2222).unquotedMapping, o.unquotedMapping);
});

test('pairs target and published in compose long syntax', () => {
  const occs = scan('services:\n  web:\n    ports:\n      - target: 80\n        published: 8080\n        protocol: udp\n', 'compose.yaml');
  assert.equal(at(occs, 80).mappedTo, 8080);
  assert.equal(at(occs, 8080).mappedTo, 80);
  assert.equal(at(occs, 8080).protocol, 'udp');
  assert.equal(at(occs, 8080).role, 'published');
});

test('reports both ends of a range with the other end', () => {
  const occs = scan('services:\n  web:\n    ports:\n      - "8000-8010:8000-8010"\n', 'compose.yaml');
  const start = at(occs, 8000);
  const end = at(occs, 8010);
  assert.equal(start.rangeEnd, 'start');
  assert.equal(start.rangeOther, 8010);
  assert.equal(end.rangeEnd, 'end');
  assert.equal(end.rangeOther, 8000);
});

test('scopes Kubernetes ports by Kind/name and keeps the key', () => {
  const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 30080\n';
  const occs = scan(text, 'svc.yaml');
  assert.equal(at(occs, 30080).scope, 'Service/web');
  assert.equal(at(occs, 30080).key, 'nodePort');
  assert.equal(at(occs, 30080).role, 'published');
  assert.equal(at(occs, 80).scope, 'Service/web');
});

test('gives the key that made a value a port', () => {
  assert.equal(at(scan('EXPOSE 8080\n', 'Dockerfile'), 8080).key, 'EXPOSE');
  assert.equal(at(scan('server {\n listen 443 ssl;\n}\n', 'nginx.conf'), 443).key, 'listen');
  assert.equal(at(scan('from_port = 22\n', 'main.tf'), 22).key, 'from_port');
  assert.equal(at(scan('services:\n  a:\n    command: node app --port 3000\n', 'compose.yaml'), 3000).key, '--port');
});

test('flags ports inside comments and re-reads commented-out settings', () => {
  const occs = scan('#Port 22\nPort 2222\n', 'sshd_config');
  assert.equal(at(occs, 22).comment, true);
  assert.equal(at(occs, 2222).comment, false);
  const yaml = scan('# port: 3307\nport: 3306 # was localhost:3308\n', 'values.yaml');
  assert.equal(at(yaml, 3307).comment, true);
  assert.equal(at(yaml, 3306).comment, false);
  assert.equal(at(yaml, 3308).comment, true);
  const json = scan('{\n  // "forwardPorts": [5000],\n  "forwardPorts": [3000]\n}\n', 'devcontainer.json');
  assert.equal(at(json, 5000).comment, true);
  assert.equal(at(json, 3000).comment, false);
  const xml = scan('<service>\n<!--\n<port protocol="tcp" port="9090"/>\n-->\n</service>\n', 'svc.xml');
  assert.equal(at(xml, 9090).comment, true);
});

test('does not treat # inside a YAML block scalar as a comment', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  nginx.conf: |\n    # upstream on localhost:8080\n    listen 80;\n';
  const occs = scan(text, 'cm.yaml');
  assert.equal(at(occs, 8080).comment, false);
  assert.equal(at(occs, 80).role, 'listen');
});

test('marks ports on a line with a port-lens-ignore comment, or after a comment line that is only the marker', () => {
  const text = 'PORT=3000 # port-lens-ignore\n# port-lens-ignore\nDB_PORT=5432\nREDIS_PORT=6379\n# not port-lens-ignore here\nX_PORT=1234\n';
  const occs = scan(text, '.env');
  assert.equal(at(occs, 3000).ignored, true);
  assert.equal(at(occs, 5432).ignored, true);
  assert.equal(at(occs, 6379).ignored, undefined);
  assert.equal(at(occs, 1234).ignored, undefined);
  const yaml = scan('ports:\n  # port-lens-ignore\n  - 80\n  - 81\n', 'values.yaml');
  assert.equal(at(yaml, 80).ignored, true);
  assert.equal(at(yaml, 81).ignored, undefined);
  const json = scan('{\n  // port-lens-ignore\n  "port": 9229\n}\n', 'launch.json');
  assert.equal(at(json, 9229).ignored, true);
});

test('skips numbers that are not ports: tags, octets, sizes, names with digits, sentinels, counters', () => {
  assert.deepEqual(ports('services:\n  db:\n    image: postgres:15\n    user: "1000:1000"\n', 'compose.yaml'), []);
  assert.deepEqual(ports('ports:\n  - name: web-8080\n    targetPort: web8080\n', 'svc.yaml'), []);
  assert.deepEqual(ports('proxy_cache_path /c levels=1:2 keys_zone=c:10m;\nerror_page 500 502 /50x.html;\n', 'nginx.conf'), []);
  assert.deepEqual(ports('backend b\n    http-check expect status 200-399\n    server s 10.0.0.1 check weight 80\n', 'haproxy.cfg'), []);
  assert.deepEqual(ports(':INPUT ACCEPT [0:0]\n-A INPUT -p 6 -j ACCEPT\n', 'rules.v4'), []);
  assert.deepEqual(ports('from_port = -1\nto_port = -1\n', 'main.tf'), []);
  assert.deepEqual(ports('connect_from_port_20=YES\nmax_clients=200\n', 'vsftpd.conf'), []);
  assert.deepEqual(ports('MaxStartups 10:30:100\n', 'sshd_config'), []);
  assert.deepEqual(ports('server [fd00:6:48:c85:deb:f:62:4]:80\n', 'x.txt'), [80]);
  assert.deepEqual(ports('port-forwarding-enabled: 0\nburst-size: 65535\nMessageSizeMax: 65536\n', 'x.yaml'), []);
});

test('counts columns in UTF-16 code units and handles CRLF and CR line ends', () => {
  const text = '# 😀 émoji\r\nPORT=3000\r\nNAME="😀" # localhost:8080\rAPI_PORT=81\n';
  const occs = scan(text, '.env');
  const a = at(occs, 3000);
  assert.deepEqual([a.line, a.column], [1, 5]);
  const b = at(occs, 8080);
  assert.deepEqual([b.line, b.column], [2, 22]); // the emoji is two code units
  assert.equal(b.comment, true);
  const c = at(occs, 81);
  assert.deepEqual([c.line, c.column], [3, 9]);
});

test('reports out-of-range values and port 0 where a port belongs', () => {
  assert.deepEqual(ports('port: 70000\n', 'values.yaml'), [70000]);
  assert.deepEqual(ports('port = 0\n', 'postgresql.conf'), [0]);
});

test('never throws, whatever the input', () => {
  const inputs = ['', '\0\0', '"'.repeat(1000), '${'.repeat(500), '- - - -', '{[{[', '<!--', '/*', ':::1:2:3', '\uD800', 'a:\n  - |\n    x\n'];
  const names = ['x.yaml', 'docker-compose.yml', 'x.json', 'Dockerfile', 'nginx.conf', 'main.tf', 'x.xml', 'rules.v4', 'x.nft', 'Vagrantfile', undefined];
  for (const text of inputs) {
    for (const fileName of names) assert.doesNotThrow(() => scanText({ text, fileName }));
  }
  assert.doesNotThrow(() => scanText({ text: undefined as unknown as string }));
});

test('keeps the protocol, range ends and key of YAML port/proto scalars and nftables map values', () => {
  const occs = scan('- firewalld:\n    port: "{{ item }}"\n  with_items:\n    - 2379-2380/udp\n', 'tasks/main.yml');
  assert.equal(at(occs, 2379).protocol, 'udp');
  assert.equal(at(occs, 2379).rangeEnd, 'start');
  assert.equal(at(occs, 2379).rangeOther, 2380);
  assert.equal(at(occs, 2380).rangeEnd, 'end');
  assert.equal(at(occs, 2379).key, 'with_items');
  const nft = scan('table ip nat {\n chain p {\n  dnat ip addr . port to tcp dport map { 80 : 10.0.0.2 . 8080 }\n }\n}\n', 'nftables.conf');
  assert.equal(at(nft, 80).key, 'dport');
  assert.equal(at(nft, 8080).key, 'dnat');
});

test('stays fast on nftables selectors whose sets never close and on deep YAML firewall nesting', () => {
  const nft = 'ip protocol . th dport vmap { udp . 67 : accept\n'.repeat(20000);
  const yaml = Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i % 200)}firewalld:\n${' '.repeat(i % 200)}  - 80/tcp\n`).join('');
  const t0 = Date.now();
  assert.equal(ports(nft, 'nftables.conf').length, 20000);
  assert.ok(ports(yaml, 'tasks.yml').length > 0);
  assert.ok(Date.now() - t0 < 2000, `took ${Date.now() - t0} ms`);
});

test('reads split and sample copies of known daemon configs as the base config', () => {
  // Debian's BIND split, nginx's and squid's shipped samples.
  assert.equal(detectFormat('/etc/bind/named.conf.options', undefined, ''), 'directive');
  assert.equal(detectFormat('/etc/bind/named.conf.default-zones', undefined, ''), 'directive');
  assert.equal(detectFormat('nginx.conf.default', undefined, ''), 'nginx');
  assert.equal(detectFormat('squid.conf.default', undefined, ''), 'directive');
  for (const name of ['named.conf.options', 'named.conf.local', 'sshd_config.orig']) assert.equal(isConfigFileName(name), true, name);
  assert.equal(isConfigFileName('unknown.conf.txt~'), false);
});
