import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { PortRegistry } from '../../src/core/registry/registry';

interface OlderRecord {
  ServiceName?: string;
  PortNumber?: string;
  TransportProtocol?: string;
  Description?: string;
  AssignmentNotes?: string;
  KnownUnauthorizedUses?: string;
}
interface Generator {
  buildRegistry(current: Record<string, [string, string]>, older: OlderRecord[]): unknown[];
  encodeRegistry(records: unknown[]): string;
}

const load = async (): Promise<Generator> =>
  (await import(pathToFileURL(join(__dirname, '..', '..', '..', 'scripts', 'generate-registry.mjs')).href)) as Generator;

async function registryFrom(current: Record<string, [string, string]>, older: OlderRecord[]): Promise<PortRegistry> {
  const g = await load();
  return new PortRegistry(g.encodeRegistry(g.buildRegistry(current, older)));
}

const names = (r: PortRegistry, port: number, transport = 'tcp') =>
  r.lookup(port).find((a) => a.transport === transport)?.services.map((s) => s.name) ?? [];

test('current data names the port; the older export orders the aliases when it agrees', async () => {
  const r = await registryFrom({ '80/tcp': ['www-http', 'World Wide Web HTTP'] }, [
    { ServiceName: 'http', PortNumber: '80', TransportProtocol: 'tcp', Description: 'World Wide Web HTTP' },
    { ServiceName: 'www', PortNumber: '80', TransportProtocol: 'tcp', Description: 'World Wide Web HTTP' },
    { ServiceName: 'www-http', PortNumber: '80', TransportProtocol: 'tcp', Description: 'World Wide Web HTTP' },
  ]);
  assert.deepEqual(names(r, 80), ['http', 'www', 'www-http']);
});

test('an older name that the current data contradicts is dropped', async () => {
  const r = await registryFrom({ '465/tcp': ['submissions', 'Message Submission over TLS'] }, [
    { ServiceName: 'urd', PortNumber: '465', TransportProtocol: 'tcp', Description: 'URL Rendezvous Directory for SSM' },
  ]);
  assert.deepEqual(names(r, 465), ['submissions']);
});

test('current "Unassigned" wins over an old assignment; reserved stays reserved', async () => {
  const r = await registryFrom({ '15/tcp': ['', 'Unassigned'], '0/tcp': ['', 'Reserved'] }, [
    { ServiceName: 'netstat', PortNumber: '15', TransportProtocol: 'tcp', Description: 'Unassigned [was netstat]' },
  ]);
  assert.equal(r.lookup(15)[0]?.status, 'unassigned');
  assert.equal(r.lookup(0)[0]?.status, 'reserved');
});

test('assigned ranges fill the ports the current data lists only by their first port', async () => {
  const r = await registryFrom({ '6000/tcp': ['x11', 'X Window System'] }, [
    { ServiceName: 'x11', PortNumber: '6000-6063', TransportProtocol: 'tcp', Description: 'X Window System', KnownUnauthorizedUses: 'Known Unauthorized Use on port 6003' },
  ]);
  assert.deepEqual(names(r, 6001), ['x11']);
  assert.deepEqual(names(r, 6063), ['x11']);
  assert.deepEqual(names(r, 6064), []);
  assert.equal(r.lookup(6003)[0]?.services[0]?.unauthorizedUse, 'Known Unauthorized Use on port 6003');
});

test('reserved blocks without a transport are reserved on tcp and udp', async () => {
  const r = await registryFrom({}, [{ PortNumber: '225-241', Description: 'Reserved' }]);
  assert.deepEqual(r.lookup(230).slice(0, 2).map((a) => a.status), ['reserved', 'reserved']);
  assert.equal(r.lookup(242)[0]?.status, 'unassigned');
});

test('long notes are cut to a sentence and kept on one line', async () => {
  const note = `First sentence that is long enough to matter here. ${'More words follow. '.repeat(20)}`;
  const r = await registryFrom({ '7/tcp': ['echo', 'Echo'] }, [
    { ServiceName: 'echo', PortNumber: '7', TransportProtocol: 'tcp', Description: 'Echo', AssignmentNotes: `line one\n${note}` },
  ]);
  const kept = r.lookup(7)[0]?.services[0]?.note ?? '';
  assert.ok(kept.length <= 160, `${kept.length} characters`);
  assert.doesNotMatch(kept, /\n/);
});
