import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getRegistry, PortRegistry } from '../../src/core/registry/registry';

function names(port: number, transport: string): string[] {
  const a = getRegistry().lookup(port).find((x) => x.transport === transport);
  return a ? a.services.map((s) => s.name) : [];
}

test('80/tcp lists every IANA name, primary first', () => {
  assert.deepEqual(names(80, 'tcp'), ['http', 'www', 'www-http']);
});

test('642 is assigned to esro-emsdp on tcp and udp', () => {
  const lookup = getRegistry().lookup(642);
  for (const transport of ['tcp', 'udp']) {
    const a = lookup.find((x) => x.transport === transport);
    assert.equal(a?.status, 'assigned');
    assert.equal(a?.services[0]?.name, 'esro-emsdp');
    assert.equal(a?.services[0]?.description, 'ESRO-EMSDP V1.3');
  }
});

test('6001/tcp falls in the assigned x11 range 6000-6063', () => {
  const a = getRegistry().lookup(6001).find((x) => x.transport === 'tcp');
  assert.equal(a?.status, 'assigned');
  assert.equal(a?.services[0]?.name, 'x11');
  assert.deepEqual(a?.services[0]?.range, { from: 6000, to: 6063 });
});

test('port 0 is reserved and 49200 is unassigned', () => {
  assert.equal(getRegistry().lookup(0).find((x) => x.transport === 'tcp')?.status, 'reserved');
  assert.equal(getRegistry().lookup(49200).find((x) => x.transport === 'tcp')?.status, 'unassigned');
});

test('sctp assignments are kept apart from tcp', () => {
  assert.deepEqual(names(80, 'sctp'), ['http']);
  assert.deepEqual(names(22, 'sctp'), ['ssh']);
});

test('notes on unauthorized use survive the import', () => {
  const finger = getRegistry().lookup(79).find((x) => x.transport === 'tcp')?.services[0];
  assert.match(finger?.unauthorizedUse ?? '', /unauthorized/i);
});

test('every transport is answered for every port, even at the edges', () => {
  for (const port of [0, 1, 1023, 1024, 49151, 49152, 65535]) {
    assert.deepEqual(getRegistry().lookup(port).map((a) => a.transport), ['tcp', 'udp', 'sctp', 'dccp']);
  }
});

test('a malformed table is rejected with a message naming the format', () => {
  assert.throws(() => new PortRegistry('no sections here'), /expected 3 sections/);
});

test('a small hand-made table decodes deltas, masks and ranges', () => {
  // strings: 1 "echo", 2 "Echo", 3 "x", 4 "X range"; records: 7 tcp+udp echo, 9 tcp echo; range 10-12 udp x
  const r = new PortRegistry('echo\nEcho\nx\nX range\n\n7,3,1,2\n2,1,1,2\n\na,2,3,4,,,c');
  assert.deepEqual(r.lookup(7).slice(0, 2).map((a) => a.services[0]?.name), ['echo', 'echo']);
  assert.equal(r.lookup(9).find((a) => a.transport === 'udp')?.status, 'unassigned');
  assert.equal(r.lookup(11).find((a) => a.transport === 'udp')?.services[0]?.description, 'X range');
  assert.equal(r.lookup(13).find((a) => a.transport === 'udp')?.status, 'unassigned');
  assert.equal(r.size, 3);
});
