import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describePort } from '../../src/core/describe';
import { renderMarkdown, renderText, toJson } from '../../src/core/render';
import { lookupQuery } from '../../src/core/search';

test('642: well-known, privileged on Linux, esro-emsdp', () => {
  const json = toJson(describePort(642));
  assert.equal(json.port, 642);
  assert.equal(json.range, 'well-known');
  assert.equal(json.privileged, true);
  assert.deepEqual((json.services as { name: string; transport: string; description: string }[]).slice(0, 2), [
    { name: 'esro-emsdp', transport: 'tcp', description: 'ESRO-EMSDP V1.3' },
    { name: 'esro-emsdp', transport: 'udp', description: 'ESRO-EMSDP V1.3' },
  ]);
});

test('the hover markdown of an unassigned well-known port says it deserves a look', () => {
  const md = renderMarkdown(describePort(4));
  assert.match(md, /not assigned/);
  assert.match(md, /deserves a look/);
  assert.match(md, /ss -ltnup 'sport = :4'/);
  assert.match(md, /Get-NetTCPConnection -LocalPort 4/);
});

test('a dynamic port mentions the ephemeral ranges it overlaps', () => {
  const md = renderMarkdown(describePort(50000));
  assert.match(md, /Linux \(32768-60999\)/);
  assert.match(md, /Windows \(49152-65535\)/);
});

test('markdown and text agree on names and notes', () => {
  const d = describePort(6667);
  const md = renderMarkdown(d);
  const text = renderText(d);
  for (const needle of ['ircu', 'bad port', 'IRC']) {
    assert.ok(md.includes(needle), `markdown lacks ${needle}`);
  }
  assert.match(text, /ircu/);
  assert.match(text, /Browsers refuse/);
  assert.match(md, /Malware history/);
  assert.match(md, /also used legitimately/);
});

test('lookup by number, name and words', () => {
  const first = (q: string) => {
    const r = lookupQuery(q);
    assert.ok(r.ok, `no match for ${q}`);
    return r.ok ? r.matches[0]?.port : undefined;
  };
  assert.equal(first('642'), 642);
  assert.equal(first('postgresql'), 5432);
  assert.equal(first('postgres'), 5432);
  assert.equal(first('x11'), 6000);
  assert.equal(first('secure shell'), 22);
  assert.equal(first('HTTP'), 80);
});

test('bad lookups name what was wrong', () => {
  const bad = (q: string) => {
    const r = lookupQuery(q);
    assert.equal(r.ok, false);
    return r.ok ? '' : r.message;
  };
  assert.equal(bad('70000'), 'port must be an integer from 0 to 65535, got "70000"');
  assert.equal(bad('-1'), 'port must be an integer from 0 to 65535, got "-1"');
  assert.match(bad('zzqqxxnothing'), /no port, service name or description .* matches "zzqqxxnothing"/);
  assert.match(bad('  '), /empty query/);
});
