/// <reference types="node" />
/// <reference types="mocha" />
// Minimal check that the harness loads the real extension into the
// extension host with the fixture workspace open. Feature tests go in their
// own *.test.ts files next to this one.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'port-lens.port-lens';

suite('Port Lens smoke', () => {
  test('the extension is installed and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded in this VS Code`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  test('the fixture workspace is open', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'expected exactly one workspace folder');
    assert.equal(folders[0]?.uri.path.split('/').pop(), 'workspace');
  });
});
