import * as vscode from 'vscode';
import { PortCodeActionProvider } from './codeActions';
import { COMMANDS } from './commandIds';
import { DescriptionContentProvider, DESCRIPTION_SCHEME, ignorePortCommand, lookupCommand, RegistryPicks, showListeningCommand } from './commands';
import { readConfig, SECTION, type ExtensionConfig } from './config';
import { DiagnosticsController } from './diagnostics';
import { DocumentAnalyzer } from './documents';
import { PortHoverProvider } from './hover';
import type { Host } from './host';

/** What tests and other extensions may use from `activate`'s return value. */
export interface PortLensApi {
  /** Milliseconds `activate` took, as measured inside it. */
  readonly activationMs: number;
  /** Current validated settings. */
  config(): ExtensionConfig;
}

/**
 * Documents on disk, unsaved, remote and virtual (VS Code for the Web:
 * vscode-vfs, vscode-test-web). Whether Port Lens handles one is decided per
 * document by DocumentAnalyzer.handles.
 */
const ALL_DOCUMENTS: vscode.DocumentSelector = ['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-test-web', 'vscode-userdata'].map(
  (scheme) => ({ scheme }),
);

/**
 * The composition root: builds every object and hands every disposable to
 * `context.subscriptions`. Nothing here touches a Node API; `host` carries
 * what differs between desktop and the web.
 */
export function activatePortLens(context: vscode.ExtensionContext, host: Host): PortLensApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Port Lens', { log: true });
  const listeningOutput = vscode.window.createOutputChannel('Port Lens: Listening');
  context.subscriptions.push(log, listeningOutput);

  let config = loadConfig(host, log);
  const currentConfig = () => config;
  const analyzer = new DocumentAnalyzer(currentConfig);
  const collection = vscode.languages.createDiagnosticCollection('port-lens');
  const diagnostics = new DiagnosticsController(collection, analyzer, currentConfig, log, vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md'));
  const picks = new RegistryPicks();
  const canShowListening = () => host.showListening !== undefined && vscode.workspace.isTrusted;

  context.subscriptions.push(
    analyzer,
    collection,
    diagnostics,
    vscode.languages.registerHoverProvider(ALL_DOCUMENTS, new PortHoverProvider(analyzer, currentConfig, canShowListening, log)),
    vscode.languages.registerCodeActionsProvider(ALL_DOCUMENTS, new PortCodeActionProvider(diagnostics, log), PortCodeActionProvider.metadata),
    vscode.workspace.registerTextDocumentContentProvider(DESCRIPTION_SCHEME, new DescriptionContentProvider()),
    vscode.commands.registerCommand(COMMANDS.lookup, (arg?: unknown) => lookupCommand(picks, arg)),
    vscode.commands.registerCommand(COMMANDS.showListening, (arg?: unknown) => showListeningCommand(host, listeningOutput, arg)),
    vscode.commands.registerCommand(COMMANDS.ignorePort, (arg?: unknown) => ignorePortCommand(arg)),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => log.show(true)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      config = loadConfig(host, log);
      diagnostics.refreshAll();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => diagnostics.refreshAll()),
  );

  // Documents that were open before activation get checked right after it,
  // so that activation itself stays light (the registry decodes on first use).
  const initial = setTimeout(() => diagnostics.refreshAll(), 0);
  context.subscriptions.push({ dispose: () => clearTimeout(initial) });
  const activationMs = performance.now() - started;
  log.info(`Port Lens activated in ${activationMs.toFixed(1)} ms (${host.kind} host, platforms: ${config.rules.platforms.join(', ')})`);
  return { activationMs, config: currentConfig };
}

function loadConfig(host: Host, log: vscode.LogOutputChannel): ExtensionConfig {
  const config = readConfig(undefined, host.currentPlatform());
  for (const problem of config.problems) log.warn(problem);
  return config;
}
