import * as vscode from 'vscode';
import { COMMANDS } from './commandIds';
import { DIAGNOSTIC_SOURCE, type DiagnosticsController } from './diagnostics';

/** Quick fixes for Port Lens diagnostics; the edits come from the core's findings. */
export class PortCodeActionProvider implements vscode.CodeActionProvider {
  constructor(
    private readonly diagnostics: DiagnosticsController,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    try {
      return this.actionsFor(document, context);
    } catch (error) {
      this.log.error(`code actions failed in ${document.uri.toString(true)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return [];
    }
  }

  private actionsFor(document: vscode.TextDocument, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const ignoredPorts = new Set<number>();
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const finding = this.diagnostics.findingFor(document, diagnostic);
      if (!finding) continue;
      for (const fix of finding.fixes ?? []) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        const edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits) {
          edit.replace(document.uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.newText);
        }
        action.edit = edit;
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.preferred ?? false;
        actions.push(action);
      }
      if (!ignoredPorts.has(finding.port)) {
        ignoredPorts.add(finding.port);
        const ignore = new vscode.CodeAction(`Ignore port ${finding.port} (portLens.ignoredPorts)`, vscode.CodeActionKind.QuickFix);
        ignore.command = { command: COMMANDS.ignorePort, title: ignore.title, arguments: [finding.port] };
        ignore.diagnostics = [diagnostic];
        actions.push(ignore);
      }
    }
    return actions;
  }
}
