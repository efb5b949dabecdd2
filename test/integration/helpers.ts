/// <reference types="node" />
import * as vscode from 'vscode';

export const EXTENSION_ID = 'port-lens.port-lens';

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** The position of the `nth` occurrence of `needle` on the line containing `lineText`. */
export function positionOf(doc: vscode.TextDocument, lineText: string, needle: string): vscode.Position {
  for (let i = 0; i < doc.lineCount; i++) {
    const text = doc.lineAt(i).text;
    if (text.includes(lineText)) {
      const at = text.indexOf(needle, text.indexOf(lineText));
      if (at >= 0) return new vscode.Position(i, at);
    }
  }
  throw new Error(`no line with ${JSON.stringify(lineText)} and ${JSON.stringify(needle)} in ${doc.uri.path}`);
}

export async function hoverText(doc: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n---\n');
}

/**
 * Resolves with the document's Port Lens diagnostics once `ready` holds,
 * waiting on onDidChangeDiagnostics (never a fixed sleep); rejects after
 * `timeoutMs` with what was there.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  ready: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 10_000,
): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Port Lens');
  return new Promise((resolve, reject) => {
    if (ready(current())) return resolve(current());
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for diagnostics on ${uri.path}; have: ${JSON.stringify(current().map(describeDiagnostic))}`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      if (ready(current())) {
        clearTimeout(timer);
        sub.dispose();
        resolve(current());
      }
    });
  });
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}

export function describeDiagnostic(d: vscode.Diagnostic): string {
  return `${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1}`;
}

/** Settings that tests change, and the fixture's own values of them, read when the tests load. */
const TOUCHED = ['platforms', 'ignoredPorts', 'rules', 'diagnostics.enabled', 'hover.enabled', 'maxFileSizeKB'];
const originals = new Map<string, unknown>(
  TOUCHED.map((key) => [key, vscode.workspace.getConfiguration('portLens').inspect(key)?.workspaceValue]),
);

/**
 * Sets a workspace setting; `undefined` puts back the fixture's own value
 * (not "remove"), so a test never rewrites the fixture's settings file.
 */
export async function setSetting(key: string, value: unknown): Promise<void> {
  if (!originals.has(key)) throw new Error(`add ${key} to TOUCHED in helpers.ts so that it is restored`);
  const config = vscode.workspace.getConfiguration('portLens');
  await config.update(key, value === undefined ? originals.get(key) : value, vscode.ConfigurationTarget.Workspace);
}
