import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runInNewContext } from 'node:vm';

const root = join(__dirname, '..', '..', '..');

/**
 * A stand-in for the `vscode` module: every property is a callable stub
 * that returns another stub, and each registration is recorded.
 */
function fakeVscode(registered: string[]): unknown {
  const make = (path: string): unknown =>
    new Proxy(function stub() {}, {
      get(_target, prop) {
        if (prop === 'then') return undefined; // not a promise
        if (prop === Symbol.toPrimitive) return () => path;
        if (prop === 'dispose') return () => undefined;
        return make(`${path}.${String(prop)}`);
      },
      apply(_target, _this, args: unknown[]) {
        if (/register\w+$/.test(path)) registered.push(`${path.split('.').pop()}:${typeof args[0] === 'string' ? args[0] : ''}`);
        if (path.endsWith('getConfiguration')) return { get: () => undefined, inspect: () => undefined, update: async () => undefined };
        if (path.endsWith('textDocuments')) return [];
        return make(`${path}()`);
      },
      construct(_target, _args) {
        return make(`new ${path}`) as object;
      },
    });
  // esbuild's interop copies the module's own keys, so the top level lists the API's names.
  const api = ['window', 'workspace', 'languages', 'commands', 'env', 'extensions', 'Uri', 'Range', 'Position', 'Diagnostic',
    'DiagnosticSeverity', 'DiagnosticRelatedInformation', 'Location', 'CodeAction', 'CodeActionKind', 'WorkspaceEdit',
    'MarkdownString', 'Hover', 'ConfigurationTarget', 'CancellationTokenSource', 'EventEmitter', 'Disposable'];
  return Object.fromEntries(api.map((name) => [name, make(`vscode.${name}`)]));
}

test('the web bundle activates with no Node built-ins at all', () => {
  const code = readFileSync(join(root, 'dist', 'web', 'extension.js'), 'utf8');
  const registered: string[] = [];
  const denied: string[] = [];
  const module = { exports: {} as { activate?: (context: unknown) => unknown } };
  const sandbox = {
    module,
    exports: module.exports,
    require: (id: string) => {
      if (id === 'vscode') return fakeVscode(registered);
      denied.push(id);
      throw new Error(`the web bundle required "${id}"`);
    },
    performance: { now: () => 0 },
    setTimeout: () => 0,
    clearTimeout: () => undefined,
    navigator: { userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)' },
    console,
  };
  runInNewContext(code, sandbox, { filename: 'dist/web/extension.js' });
  assert.equal(typeof module.exports.activate, 'function');
  const subscriptions: unknown[] = [];
  module.exports.activate?.({ subscriptions });
  assert.deepEqual(denied, []);
  assert.ok(subscriptions.length > 5, `only ${subscriptions.length} disposables`);
  for (const id of ['portLens.lookup', 'portLens.showListening', 'portLens.ignorePort', 'portLens.showOutput']) {
    assert.ok(registered.includes(`registerCommand:${id}`), `${id} not registered: ${registered.join(', ')}`);
  }
  assert.ok(registered.some((r) => r.startsWith('registerHoverProvider')));
  assert.ok(registered.some((r) => r.startsWith('registerCodeActionsProvider')));
});
