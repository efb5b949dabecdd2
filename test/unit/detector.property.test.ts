// Properties over random and mutated config text: the detector never throws,
// every occurrence points at exactly the digits of its port, line and column
// agree with the offset, and the same text always gives the same result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { scanText } from '../../src/core/detector/index';
import type { ScanResult } from '../../src/core/detector/index';

const SNIPPETS: ReadonlyArray<readonly [string, string]> = [
  ['docker-compose.yml', 'services:\n  web:\n    image: nginx:1.25\n    ports:\n      - "8080:80"\n      - 2222:22\n      - "${P:-3000}:3000/udp"\n    expose: ["9229"]\n    command: node app --port 3000\n'],
  ['svc.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n      targetPort: 8080\n      nodePort: 30080\n---\nkind: Pod\n'],
  ['values.yaml', 'service:\n  port: 80\nconfig: |\n  # listen 8080\n  url: http://db:5432\nitems: [1, 2, {port: 9090}]\n'],
  ['nginx.conf', 'server {\n    listen 80;\n    listen [::]:443 ssl;\n    location / { proxy_pass http://127.0.0.1:3000; }\n    # listen 8000;\n}\n'],
  ['haproxy.cfg', 'frontend f\n    bind *:80\n    server s1 10.0.0.1:8080 check port 8081 weight 80\n'],
  ['Dockerfile', 'FROM node:20\nARG PORT=3000\nEXPOSE 3000 8080/tcp\nCMD ["node", "--port", "3000"]\n'],
  ['.env', 'PORT=3000\nDB_URL=postgres://u:p@db:5432/app # db\n'],
  ['main.tf', 'resource "x" "y" {\n  from_port = 22\n  to_port = 22\n}\nrules = { a = [80, 80, "tcp", "web"] }\n/* from_port = 1 */\n'],
  ['devcontainer.json', '{\n  // c\n  "forwardPorts": [3000, "db:5432"],\n  "portsAttributes": { "3000": {} },\n  "runArgs": ["-p", "8080:80"]\n}\n'],
  ['rules.v4', '*filter\n:INPUT DROP [0:0]\n-A INPUT -p tcp --dport 22 -j ACCEPT\n'],
  ['x.xml', '<service>\n  <port protocol="tcp" port="8080"/>\n  <!-- <port port="1"/> -->\n</service>\n'],
  ['redis.conf', 'port 6379\nreplicaof 10.0.0.1 6380\nsave 900 1\n'],
  ['notes.txt', 'see http://localhost:8080/x and [::1]:443, 10.0.0.1#53, localhost,1433\n'],
];

const NOISE = [':', '-', '"', "'", '#', '{', '}', '[', ']', '$', '/', '\n', '\r\n', '\r', ' ', '  ', '\t', '0', '65535', '99999', '8080', '${', ':-', '//', '/*', '*/', '<!--', '-->', '|', '- ', '=', ',', '😀', '\uD800', 'é'];

/** Mutations of a real-looking snippet: insert, delete and duplicate pieces. */
const mutated = fc
  .tuple(
    fc.constantFrom(...SNIPPETS),
    fc.array(
      fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...NOISE), fc.string({ maxLength: 6 })), fc.constantFrom('insert', 'delete', 'dup')),
      { maxLength: 12 },
    ),
  )
  .map(([[name, text], edits]) => {
    let t = text;
    for (const [pos, piece, op] of edits) {
      const i = t.length ? pos % (t.length + 1) : 0;
      if (op === 'insert') t = t.slice(0, i) + piece + t.slice(i);
      else if (op === 'delete') t = t.slice(0, i) + t.slice(i + piece.length + 1);
      else t = t.slice(0, i) + t.slice(i, i + 20) + t.slice(i);
    }
    return { name, text: t };
  });

const randomText = fc.record({
  name: fc.constantFrom(...SNIPPETS.map(([n]) => n), 'x.unknown', 'Caddyfile', 'Vagrantfile', 'Procfile', 'app.service', 'x.nft'),
  text: fc.array(fc.oneof(fc.constantFrom(...NOISE), fc.string({ maxLength: 8 }), fc.integer({ min: 0, max: 70000 }).map(String)), { maxLength: 60 }).map((a) => a.join('')),
});

function lineStarts(text: string): number[] {
  const starts = [0];
  const re = /\r\n|\n|\r/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) starts.push(m.index + m[0].length);
  return starts;
}

function checkInvariants(text: string, result: ScanResult): void {
  const starts = lineStarts(text);
  let last = -1;
  for (const o of result.occurrences) {
    assert.ok(o.offset >= 0 && o.offset + o.length <= text.length, 'offset inside the text');
    const digits = text.slice(o.offset, o.offset + o.length);
    assert.match(digits, /^\d+$/, 'slice is digits');
    assert.equal(Number(digits), o.port, 'slice is the port');
    assert.ok(o.offset > last, 'sorted, one occurrence per offset');
    last = o.offset;
    assert.equal(starts[o.line] !== undefined && o.offset >= (starts[o.line] ?? 0), true, 'line exists');
    assert.ok(o.line + 1 >= starts.length || o.offset < (starts[o.line + 1] ?? Infinity), 'offset on its line');
    assert.equal((starts[o.line] ?? 0) + o.column, o.offset, 'column agrees with offset');
    if (o.unquotedMapping) {
      const u = o.unquotedMapping;
      assert.ok(u.offset <= o.offset && o.offset + o.length <= u.offset + u.length, 'mapping span holds the port');
    }
  }
}

test('never throws on mutated config text and every occurrence points at its digits', () => {
  fc.assert(
    fc.property(mutated, ({ name, text }) => {
      const result = scanText({ text, fileName: name });
      checkInvariants(text, result);
    }),
    { numRuns: 1500, seed: 1 },
  );
});

test('never throws on random text in any format and line/column agree with the offset', () => {
  fc.assert(
    fc.property(randomText, ({ name, text }) => {
      checkInvariants(text, scanText({ text, fileName: name }));
    }),
    { numRuns: 1500, seed: 2 },
  );
});

test('gives the same result for the same text, every time', () => {
  fc.assert(
    fc.property(mutated, ({ name, text }) => {
      const a = scanText({ text, fileName: name });
      const b = scanText({ text, fileName: name });
      // Scanning other text in between must not leak state into the next scan.
      scanText({ text: 'port: 1\n' + text, fileName: 'other.yaml' });
      const c = scanText({ text, fileName: name });
      assert.deepEqual(b, a);
      assert.deepEqual(c, a);
    }),
    { numRuns: 300, seed: 3 },
  );
});

test('finds the same ports whatever the line endings', () => {
  fc.assert(
    fc.property(fc.constantFrom(...SNIPPETS), fc.constantFrom('\r\n', '\r'), ([name, text], eol) => {
      const lf = scanText({ text, fileName: name }).occurrences.map((o) => [o.line, o.column, o.port, o.role]);
      const other = scanText({ text: text.replace(/\n/g, eol), fileName: name }).occurrences.map((o) => [o.line, o.column, o.port, o.role]);
      assert.deepEqual(other, lf);
    }),
    { numRuns: 40, seed: 4 },
  );
});
