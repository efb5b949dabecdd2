/// <reference types="node" />
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostic, EXTENSION_ID, open, positionOf, setSetting, waitForDiagnostics, workspaceUri } from './helpers';

suite('Diagnostics', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  test('compose file: each rule on exactly the digits, with source and a documented code', async () => {
    const doc = await open('docker-compose.yml');
    const all = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'duplicate-port'));
    const at = (rule: string, lineText: string, needle: string) => {
      const start = positionOf(doc, lineText, needle);
      const d = all.find((x) => codeOf(x) === rule && x.range.start.isEqual(start));
      assert.ok(d, `no ${rule} at ${lineText}; have ${JSON.stringify(all.map(describeDiagnostic))}`);
      return d;
    };
    const privileged = at('privileged-port', '"80:8080"', '80');
    assert.equal(doc.getText(privileged.range), '80');
    assert.equal(privileged.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(privileged.source, 'Port Lens');
    const code = privileged.code as { value: string; target: vscode.Uri };
    assert.match(code.target.toString(), /rules\.md#privileged-port$/);

    const sexagesimal = at('yaml-sexagesimal', '2222:22', '2222');
    assert.equal(doc.getText(sexagesimal.range), '2222:22');
    at('browser-unsafe-port', '"6000:6000"', '6000');
    at('macos-airplay-port', '"5000:5000"', '5000');
    const duplicate = at('duplicate-port', '"8080:3000"', '8080');
    assert.equal(duplicate.relatedInformation?.[0]?.location.range.start.line, positionOf(doc, '"8080:80"', '8080').line);
  });

  test('no diagnostics on the container side or in comments', async () => {
    const doc = await open('docker-compose.yml');
    const all = await waitForDiagnostics(doc.uri, (d) => d.length > 0);
    const containerSide = positionOf(doc, '"8080:80"', ':80').translate(0, 1);
    assert.ok(!all.some((d) => d.range.start.isEqual(containerSide)), 'container port 80 was flagged');
    const commentLine = positionOf(doc, '# - "9999:9999"', '9999').line;
    assert.ok(!all.some((d) => d.range.start.line === commentLine), 'a comment was flagged');
  });

  test('Kubernetes nodePort outside its range, but not the Service port', async () => {
    const doc = await open('k8s-service.yaml');
    const all = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'nodeport-range'));
    assert.deepEqual(all.filter((d) => codeOf(d) === 'nodeport-range').map((d) => d.range.start.line), [positionOf(doc, 'nodePort: 8080', '8080').line]);
    assert.ok(!all.some((d) => codeOf(d) === 'privileged-port'), 'Service port 80 was flagged as privileged');
  });

  test('typing updates diagnostics after the debounce, and closing clears them', async () => {
    const uri = workspaceUri('tmp-typing', 'docker-compose.yml');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('services:\n  web:\n    image: a\n    ports:\n      - "8080:80"\n'));
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(doc);
      await waitForDiagnostics(uri, (d) => d.length === 0);
      await editor.edit((e) => e.replace(new vscode.Range(4, 9, 4, 13), '81'));
      const after = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'privileged-port'));
      assert.equal(doc.getText(after[0]!.range), '81');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await waitForDiagnostics(uri, (d) => d.length === 0);
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(uri, '..'), { recursive: true });
    }
  });

  test('settings: a rule set to off disappears, diagnostics.enabled = false clears all', async () => {
    const doc = await open('docker-compose.yml');
    await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'privileged-port'));
    try {
      await setSetting('rules', { 'privileged-port': 'off' });
      await waitForDiagnostics(doc.uri, (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'privileged-port'));
      await setSetting('diagnostics.enabled', false);
      await waitForDiagnostics(doc.uri, (d) => d.length === 0);
    } finally {
      await setSetting('rules', undefined);
      await setSetting('diagnostics.enabled', undefined);
    }
    await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'privileged-port'));
  });

  test('a broken setting falls back to its default without breaking anything', async () => {
    const doc = await open('docker-compose.yml');
    try {
      await setSetting('platforms', ['beos']);
      await setSetting('ignoredPorts', ['not a port']);
      const all = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'privileged-port'));
      assert.ok(all.length > 0);
    } finally {
      await setSetting('platforms', undefined);
      await setSetting('ignoredPorts', undefined);
    }
  });

  test('a file over maxFileSizeKB is skipped, not crashed on', async () => {
    const uri = workspaceUri('tmp-large', 'docker-compose.yml');
    const body = `services:\n  web:\n    image: a\n    ports:\n      - "80:8080"\n${'# filler line to make the file large\n'.repeat(100)}`;
    await vscode.workspace.fs.writeFile(uri, Buffer.from(body));
    try {
      await setSetting('maxFileSizeKB', 1);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      await waitForDiagnostics(uri, (d) => d.length === 0);
      await setSetting('maxFileSizeKB', undefined);
      await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'privileged-port'));
    } finally {
      await setSetting('maxFileSizeKB', undefined);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(uri, '..'), { recursive: true });
    }
  });
});

suite('Diagnostics: the shared rules fixture', () => {
  test('VS Code shows exactly the findings the CLI gives for the same file', async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    const expected = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(workspaceUri('rules', 'expected.json'))).toString('utf8')) as {
      line: number;
      column: number;
      rule: string;
    }[];
    const doc = await vscode.workspace.openTextDocument(workspaceUri('rules', 'docker-compose.yml'));
    await vscode.window.showTextDocument(doc);
    const all = await waitForDiagnostics(doc.uri, (d) => d.length >= expected.length);
    const got = all
      .map((d) => ({ line: d.range.start.line + 1, column: d.range.start.character + 1, rule: codeOf(d) }))
      .sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
    const want = [...expected].sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
    assert.deepEqual(got, want);
  });
});
