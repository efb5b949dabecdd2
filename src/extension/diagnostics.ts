import * as vscode from 'vscode';
import type { Severity } from '../core/rules/catalog';
import { checkPorts, type Finding } from '../core/rules/check';
import type { ExtensionConfig } from './config';
import type { DocumentAnalyzer } from './documents';

export const DIAGNOSTIC_SOURCE = 'Port Lens';

const SEVERITY: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};


/**
 * Keeps the Problems panel in step with the documents: at once on open and
 * save, debounced per document while typing, results for stale versions
 * dropped, cleared on close, every timer cleared on dispose.
 */
export class DiagnosticsController implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly skippedLarge = new Set<string>();
  /** The findings behind each document's diagnostics, for code actions. */
  private readonly published = new Map<string, { version: number; findings: readonly Finding[] }>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly collection: vscode.DiagnosticCollection,
    private readonly analyzer: DocumentAnalyzer,
    private readonly config: () => ExtensionConfig,
    private readonly log: vscode.LogOutputChannel,
    /** docs/rules.md inside the installed extension: works offline and on the web. */
    private readonly rulesDoc: vscode.Uri,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.update(d)),
      vscode.workspace.onDidSaveTextDocument((d) => this.update(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.clear(d)),
    );
  }

  /** Re-checks every open document, e.g. after a settings change. */
  refreshAll(): void {
    for (const d of vscode.workspace.textDocuments) this.update(d);
  }

  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending !== undefined) clearTimeout(pending);
    const version = document.version;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        // A newer edit has its own timer; this one is stale.
        if (document.isClosed || document.version !== version) return;
        this.update(document);
      }, this.config().debounceMs),
    );
  }

  /** Checks one document now and publishes its diagnostics. */
  update(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    try {
      const config = this.config();
      if (!config.diagnosticsEnabled || document.isClosed || !this.analyzer.handles(document)) {
        this.collection.delete(document.uri);
        this.published.delete(key);
        return;
      }
      if (this.analyzer.tooLarge(document)) {
        this.collection.delete(document.uri);
        this.published.delete(key);
        if (!this.skippedLarge.has(key)) {
          this.skippedLarge.add(key);
          this.log.warn(`Skipped ${document.uri.toString(true)}: it is larger than portLens.maxFileSizeKB (${config.maxFileSize / 1024} KB). Raise the setting to check it.`);
        }
        return;
      }
      this.skippedLarge.delete(key);
      const version = document.version;
      const analysis = this.analyzer.analyse(document);
      const findings = checkPorts({
        text: document.getText(),
        occurrences: analysis.result.occurrences,
        settings: config.rules,
        ...(analysis.commentPrefix ? { lineCommentPrefix: analysis.commentPrefix } : {}),
      });
      if (document.version !== version) return; // changed while we worked: a newer run follows
      this.published.set(key, { version, findings });
      this.collection.set(document.uri, findings.map((f) => toDiagnostic(document, f, this.rulesDoc)));
    } catch (error) {
      this.log.error(`checking ${document.uri.toString(true)} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  /**
   * The finding behind a diagnostic VS Code hands back (code actions get
   * copies, not our objects): matched by rule and range, for the current
   * version only.
   */
  findingFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Finding | undefined {
    const entry = this.published.get(document.uri.toString());
    if (!entry || entry.version !== document.version) return undefined;
    const code = typeof diagnostic.code === 'object' && diagnostic.code !== null ? String(diagnostic.code.value) : String(diagnostic.code);
    const start = document.offsetAt(diagnostic.range.start);
    const end = document.offsetAt(diagnostic.range.end);
    return entry.findings.find((f) => f.rule === code && f.offset === start && f.offset + f.length === end);
  }

  private clear(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.published.delete(key);
    const pending = this.timers.get(key);
    if (pending !== undefined) clearTimeout(pending);
    this.timers.delete(key);
    this.skippedLarge.delete(key);
    this.analyzer.forget(document);
    this.collection.delete(document.uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.published.clear();
    for (const s of this.subscriptions) s.dispose();
    this.collection.clear();
  }
}

function toDiagnostic(document: vscode.TextDocument, f: Finding, rulesDoc: vscode.Uri): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(f.offset), document.positionAt(f.offset + f.length));
  const d = new vscode.Diagnostic(range, f.message, SEVERITY[f.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: f.rule, target: rulesDoc.with({ fragment: f.rule }) };
  if (f.related) {
    d.relatedInformation = f.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(
        new vscode.Location(document.uri, new vscode.Range(document.positionAt(r.offset), document.positionAt(r.offset + r.length))),
        r.message,
      ),
    );
  }
  return d;
}
