import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isBrowserBadPort } from '../../src/core/facts/browser';
import { ephemeralOverlap } from '../../src/core/facts/ephemeral';
import { listeningCommands } from '../../src/core/facts/listening';
import { bindPrivilege } from '../../src/core/facts/privilege';
import { parsePort, portRange } from '../../src/core/facts/ranges';
import { isInNodePortRange, isMacOsAirPlayPort } from '../../src/core/facts/special';

test('ranges split at 1023/1024 and 49151/49152', () => {
  assert.deepEqual([0, 1023, 1024, 49151, 49152, 65535].map(portRange), ['well-known', 'well-known', 'registered', 'registered', 'dynamic', 'dynamic']);
});

test('parsePort names the valid range and the bad input', () => {
  assert.deepEqual(parsePort(' 8080 '), { ok: true, port: 8080 });
  assert.deepEqual(parsePort('70000'), { ok: false, message: 'port must be an integer from 0 to 65535, got "70000"' });
  assert.equal(parsePort('-1').ok, false);
  assert.equal(parsePort('80.5').ok, false);
  assert.equal(parsePort('99999999999999999999').ok, false);
});

test('privilege: Linux and macOS below 1024, Windows never', () => {
  assert.equal(bindPrivilege(80, 'linux').privileged, true);
  assert.equal(bindPrivilege(1024, 'linux').privileged, false);
  assert.equal(bindPrivilege(80, 'macos').privileged, true);
  assert.match(bindPrivilege(80, 'macos').detail, /wildcard/);
  assert.equal(bindPrivilege(80, 'windows').privileged, false);
  assert.match(bindPrivilege(80, 'windows').detail, /excludedportrange/);
  assert.match(bindPrivilege(80, 'linux').detail, /ip_unprivileged_port_start/);
});

test('ephemeral ranges per platform', () => {
  assert.deepEqual(ephemeralOverlap(32768, ['linux', 'macos', 'windows']), ['linux']);
  assert.deepEqual(ephemeralOverlap(60999, ['linux', 'windows']), ['linux', 'windows']);
  assert.deepEqual(ephemeralOverlap(61000, ['linux', 'windows']), ['windows']);
  assert.deepEqual(ephemeralOverlap(49151, ['macos', 'windows']), []);
});

test('browser bad ports, AirPlay and NodePort range', () => {
  for (const p of [0, 6000, 6667, 10080, 22, 5060]) assert.equal(isBrowserBadPort(p), true, String(p));
  for (const p of [80, 443, 3000, 8080, 6001]) assert.equal(isBrowserBadPort(p), false, String(p));
  assert.equal(isMacOsAirPlayPort(5000) && isMacOsAirPlayPort(7000), true);
  assert.equal(isMacOsAirPlayPort(5001), false);
  assert.equal(isInNodePortRange(30000) && isInNodePortRange(32767), true);
  assert.equal(isInNodePortRange(29999) || isInNodePortRange(32768), false);
});

test('listening commands pass the port as its own argument', () => {
  const cmds = listeningCommands(642);
  assert.deepEqual(cmds.find((c) => c.platform === 'linux')?.display, ["ss -ltnup 'sport = :642'", 'sudo lsof -i :642']);
  assert.deepEqual(cmds.find((c) => c.platform === 'macos')?.argv, ['lsof', '-nP', '-i:642']);
  const windows = cmds.find((c) => c.platform === 'windows');
  assert.deepEqual(windows?.display, ['netstat -ano | findstr :642', 'Get-NetTCPConnection -LocalPort 642']);
  assert.equal(windows?.keepLine?.('  TCP    0.0.0.0:642     0.0.0.0:0   LISTENING   4'), true);
  assert.equal(windows?.keepLine?.('  TCP    0.0.0.0:6420    0.0.0.0:0   LISTENING   4'), false);
});
