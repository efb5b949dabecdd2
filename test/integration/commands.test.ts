/// <reference types="node" />
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codeOf, EXTENSION_ID, open, positionOf, setSetting, waitForDiagnostics } from './helpers';

interface ContributedCommand {
  command: string;
}

suite('Commands', () => {
  let extension: vscode.Extension<unknown>;
  suiteSetup(async () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found);
    extension = found;
    await extension.activate();
  });

  test('every contributed command is registered', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(extension.extensionPath, 'package.json'), 'utf8')) as {
      contributes: { commands: ContributedCommand[] };
    };
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const c of manifest.contributes.commands) assert.ok(registered.has(c.command), `${c.command} is not registered`);
  });

  test('Look Up Port or Service with an argument opens the same description as the hover', async () => {
    const port = await vscode.commands.executeCommand<number>('portLens.lookup', 'postgresql');
    assert.equal(port, 5432);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'port-lens', path: '/port/5432.md' }));
    const text = doc.getText();
    assert.match(text, /^# Port 5432/);
    assert.match(text, /`postgresql` \(tcp, udp\)/);
    assert.match(text, /ss -ltnup 'sport = :5432'/);
  });

  test('Look Up works with no editor open, for a port IANA has nothing for', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(await vscode.commands.executeCommand<number>('portLens.lookup', 49200), 49200);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'port-lens', path: '/port/49200.md' }));
    assert.match(doc.getText(), /dynamic\/private range/);
  });

  test('Look Up rejects a bad query without throwing', async () => {
    assert.equal(await vscode.commands.executeCommand('portLens.lookup', '70000'), undefined);
  });

  test('Show What Is Listening runs and writes to its output channel', async () => {
    // Port 1 is almost certainly free; the command must finish either way.
    await vscode.commands.executeCommand('portLens.showListening', 1);
    await vscode.commands.executeCommand('portLens.showListening', 'not a port');
  });

  test('Ignore Port adds to portLens.ignoredPorts and its diagnostics go', async () => {
    const doc = await open('docker-compose.yml');
    await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'browser-unsafe-port'));
    try {
      await vscode.commands.executeCommand('portLens.ignorePort', 6000);
      assert.deepEqual(vscode.workspace.getConfiguration('portLens').get('ignoredPorts'), [6000]);
      await waitForDiagnostics(doc.uri, (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'browser-unsafe-port'));
    } finally {
      await setSetting('ignoredPorts', undefined);
    }
    await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'browser-unsafe-port'));
  });

  test('Show Log runs', async () => {
    await vscode.commands.executeCommand('portLens.showOutput');
  });

  test('the position helper finds the digits it is given', async () => {
    const doc = await open('docker-compose.yml');
    assert.equal(doc.getText(new vscode.Range(positionOf(doc, '"80:8080"', '80'), positionOf(doc, '"80:8080"', '80').translate(0, 2))), '80');
  });
});
