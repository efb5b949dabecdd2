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
    assert.equal(lastSegment(folders[0].uri), 'workspace');
  });
});

/** Last path segment of a URI (the fixture folder is test/fixtures/workspace). */
function lastSegment(uri: vscode.Uri): string {
  return uri.path.split('/').filter(Boolean).pop() ?? '';
}
