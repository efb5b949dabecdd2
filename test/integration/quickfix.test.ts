/// <reference types="node" />
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, EXTENSION_ID, setSetting, waitForDiagnostics, workspaceUri } from './helpers';

const COMPOSE = 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "80:8080"\n      - 2222:22\n';

/** A scratch compose file per test, deleted afterwards, so fixtures stay untouched. */
async function scratch(name: string): Promise<{ doc: vscode.TextDocument; dispose: () => Promise<void> }> {
  const uri = workspaceUri(`tmp-${name}`, 'docker-compose.yml');
  await vscode.workspace.fs.writeFile(uri, Buffer.from(COMPOSE));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return {
    doc,
    dispose: async () => {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(uri, '..'), { recursive: true });
    },
  };
}

/** The quick fixes offered on the first diagnostic of `rule` (the API returns actions without their diagnostics). */
async function fixesFor(doc: vscode.TextDocument, rule: string): Promise<{ diagnostic: vscode.Diagnostic; actions: vscode.CodeAction[] }> {
  const all = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === rule));
  const diagnostic = all.find((x) => codeOf(x) === rule)!;
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
  return { diagnostic, actions };
}

async function apply(action: vscode.CodeAction | undefined): Promise<void> {
  assert.ok(action, 'quick fix not offered');
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit));
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

suite('Quick fixes', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  test('quotes a base-60 mapping', async () => {
    const s = await scratch('quote');
    try {
      const { actions } = await fixesFor(s.doc, 'yaml-sexagesimal');
      await apply(actions.find((a) => a.title.startsWith('Quote the mapping')));
      assert.equal(s.doc.lineAt(5).text, '      - "2222:22"');
      await waitForDiagnostics(s.doc.uri, (d) => !d.some((x) => codeOf(x) === 'yaml-sexagesimal'));
    } finally {
      await s.dispose();
    }
  });

  test('replaces a privileged host port with a suggested unprivileged one', async () => {
    const s = await scratch('replace');
    try {
      const { actions } = await fixesFor(s.doc, 'privileged-port');
      const action = actions.find((a) => /^Use port \d+ instead/.test(a.title));
      const suggested = /Use port (\d+)/.exec(action?.title ?? '')?.[1];
      await apply(action);
      assert.equal(s.doc.lineAt(4).text, `      - "${suggested}:8080"`);
      const port = Number(suggested);
      assert.ok(port >= 1024 && port < 32768, `suggested ${port}`);
    } finally {
      await s.dispose();
    }
  });

  test('ignores the line with a port-lens-ignore comment', async () => {
    const s = await scratch('ignore-line');
    try {
      const { actions } = await fixesFor(s.doc, 'privileged-port');
      await apply(actions.find((a) => a.title.includes('port-lens-ignore')));
      assert.equal(s.doc.lineAt(4).text, '      # port-lens-ignore');
      assert.equal(s.doc.lineAt(5).text, '      - "80:8080"');
      await waitForDiagnostics(s.doc.uri, (d) => !d.some((x) => codeOf(x) === 'privileged-port'));
    } finally {
      await s.dispose();
    }
  });

  test('ignores the port through the setting', async () => {
    const s = await scratch('ignore-port');
    try {
      const { actions } = await fixesFor(s.doc, 'privileged-port');
      await apply(actions.find((a) => a.title.startsWith('Ignore port 80')));
      assert.deepEqual(vscode.workspace.getConfiguration('portLens').get('ignoredPorts'), [80]);
      await waitForDiagnostics(s.doc.uri, (d) => !d.some((x) => codeOf(x) === 'privileged-port'));
    } finally {
      await setSetting('ignoredPorts', undefined);
      await s.dispose();
    }
  });
});
