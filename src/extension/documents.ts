import * as vscode from 'vscode';
import { detectFormat, isConfigFileName, lineCommentPrefix, scanText } from '../core/detector';
import type { ScanResult } from '../core/detector/types';
import type { ExtensionConfig } from './config';
import { DEFAULT_LANGUAGES } from './defaults';

/** Only the last path segments matter to the detector, and they must not leak more. */
function fileNameOf(document: vscode.TextDocument): string {
  return document.uri.path;
}

export interface Analysis {
  readonly version: number;
  readonly result: ScanResult;
  readonly commentPrefix: string | undefined;
}

/**
 * Decides which documents are config files and keeps one scan per document
 * version, so hover, diagnostics and code actions never scan twice.
 */
export class DocumentAnalyzer implements vscode.Disposable {
  private readonly cache = new Map<string, Analysis>();

  constructor(private readonly config: () => ExtensionConfig) {}

  /** True when the document is one Port Lens should read. */
  handles(document: vscode.TextDocument): boolean {
    const config = this.config();
    if (document.uri.scheme === 'output' || document.uri.scheme === 'port-lens') return false;
    if (config.extraLanguages.includes(document.languageId)) return true;
    if (config.includePatterns.some((pattern) => vscode.languages.match({ pattern }, document) > 0)) return true;
    const name = fileNameOf(document);
    if (isConfigFileName(name)) return true;
    if (document.languageId === 'plaintext') {
      // Files whose names say nothing (sites-available/default): sniff.
      return detectFormat(name, document.languageId, document.getText(new vscode.Range(0, 0, 200, 0))) !== 'text';
    }
    return DEFAULT_LANGUAGES.includes(document.languageId);
  }

  /** True when the document is too large to analyse under the current settings. */
  tooLarge(document: vscode.TextDocument): boolean {
    // offsetAt of the end is the length in UTF-16 units without copying the text.
    return document.offsetAt(document.lineAt(document.lineCount - 1).range.end) > this.config().maxFileSize;
  }

  analyse(document: vscode.TextDocument): Analysis {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version) return cached;
    const result = scanText({ text: document.getText(), fileName: fileNameOf(document), languageId: document.languageId });
    const analysis: Analysis = { version: document.version, result, commentPrefix: lineCommentPrefix(result.format) };
    this.cache.set(key, analysis);
    return analysis;
  }

  forget(document: vscode.TextDocument): void {
    this.cache.delete(document.uri.toString());
  }

  dispose(): void {
    this.cache.clear();
  }
}
