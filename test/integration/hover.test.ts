/// <reference types="node" />
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, hoverText, open, positionOf, setSetting } from './helpers';

suite('Hover', () => {
  suiteSetup(async () => {
    const api = await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    console.log(`Port Lens activation, as measured inside activate(): ${(api as { activationMs?: number } | undefined)?.activationMs?.toFixed(1)} ms`);
  });

  test('host port 80 in a compose mapping: role, range, IANA, privilege and listening commands', async () => {
    const doc = await open('docker-compose.yml');
    const text = await hoverText(doc, positionOf(doc, '"80:8080"', '80').translate(0, 1));
    assert.match(text, /\*\*Port 80\*\* · host port, published to container port 8080/);
    assert.match(text, /well-known range \(0-1023\)/);
    assert.match(text, /`http`, `www`, `www-http` \(tcp, udp\): World Wide Web HTTP/);
    assert.match(text, /`http` \(sctp\): HTTP/);
    assert.match(text, /Linux: needs root or CAP_NET_BIND_SERVICE/);
    assert.match(text, /Windows: no privileged ports/);
    assert.match(text, /ss -ltnup 'sport = :80'/);
    assert.match(text, /lsof -nP -i :80/);
    assert.match(text, /netstat -ano \| findstr :80/);
    assert.match(text, /command:portLens\.lookup/);
  });

  test('container port 8080 says which host port publishes it', async () => {
    const doc = await open('docker-compose.yml');
    const text = await hoverText(doc, positionOf(doc, '"80:8080"', '8080'));
    assert.match(text, /\*\*Port 8080\*\* · container port, published on host port 80/);
    assert.match(text, /http-alt/);
  });

  test('an image tag and a version show nothing of ours', async () => {
    const doc = await open('docker-compose.yml');
    const text = await hoverText(doc, positionOf(doc, 'image: nginx:1.27', '1.27').translate(0, 1));
    assert.doesNotMatch(text, /IANA|Port 1/);
  });

  test('a port in a comment still gets a hover', async () => {
    const doc = await open('docker-compose.yml');
    const text = await hoverText(doc, positionOf(doc, '# - "9999:9999"', '9999'));
    assert.match(text, /\*\*Port 9999\*\*.*in a comment/);
  });

  test('nginx listen, .env PORT and a Service nodePort', async () => {
    const nginx = await open('nginx.conf');
    assert.match(await hoverText(nginx, positionOf(nginx, 'listen 443 ssl', '443')), /\*\*Port 443\*\* · listening port/);
    const env = await open('.env');
    assert.match(await hoverText(env, positionOf(env, 'DB_PORT=5432', '5432')), /postgresql/);
    const k8s = await open('k8s-service.yaml');
    assert.match(await hoverText(k8s, positionOf(k8s, 'nodePort: 30080', '30080')), /Kubernetes/);
  });

  test('a Makefile recipe: the -p of the docker run its first line names', async () => {
    const make = await open('Makefile');
    assert.match(await hoverText(make, positionOf(make, '-p 8080:80', '8080')), /\*\*Port 8080\*\* · host port, published to container port 80/);
    assert.doesNotMatch(await hoverText(make, positionOf(make, 'nginx:1.27', '1.27').translate(0, 1)), /IANA|Port 1/);
  });

  test('hover.enabled = false turns hovers off', async () => {
    const doc = await open('docker-compose.yml');
    await setSetting('hover.enabled', false);
    try {
      assert.doesNotMatch(await hoverText(doc, positionOf(doc, '"80:8080"', '80')), /IANA/);
    } finally {
      await setSetting('hover.enabled', undefined);
    }
    assert.match(await hoverText(doc, positionOf(doc, '"80:8080"', '80')), /IANA/);
  });
});
