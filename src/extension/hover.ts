import * as vscode from 'vscode';
import { describePort } from '../core/describe';
import { isValidPort, MAX_PORT } from '../core/facts/ranges';
import { rangeLabel, renderMarkdown } from '../core/render';
import type { PortOccurrence } from '../core/detector/types';
import type { DocumentAnalyzer } from './documents';
import type { ExtensionConfig } from './config';
import { describeRole } from './roles';
import { COMMANDS } from './commandIds';

/** The only commands a hover's links may run: ours, never `isTrusted: true`. */
export const HOVER_TRUSTED_COMMANDS: readonly string[] = [COMMANDS.lookup, COMMANDS.showListening, COMMANDS.ignorePort];

/** The occurrence whose digits contain `offset`, if any. */
export function occurrenceAt(occurrences: readonly PortOccurrence[], offset: number): PortOccurrence | undefined {
  // Occurrences are sorted by offset: binary search for the last one starting at or before offset.
  let lo = 0;
  let hi = occurrences.length - 1;
  let found: PortOccurrence | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const o = occurrences[mid]!;
    if (o.offset <= offset) {
      found = o;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found && offset < found.offset + found.length ? found : undefined;
}

/** The hover's Markdown for one occurrence; shared with tests. */
export function hoverMarkdown(o: PortOccurrence, options: { canShowListening: boolean }): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [...HOVER_TRUSTED_COMMANDS] };
  md.supportHtml = false;
  if (!isValidPort(o.port)) {
    md.appendMarkdown(`**Port ${o.port}** is not a valid port: ports are integers from 0 to ${MAX_PORT}.`);
    return md;
  }
  const d = describePort(o.port);
  const links = [`[Look up another port](command:${COMMANDS.lookup})`];
  if (options.canShowListening) {
    links.unshift(`[Show what is listening on ${o.port}](command:${COMMANDS.showListening}?${encodeURIComponent(JSON.stringify([o.port]))})`);
  }
  links.push(`[Ignore port ${o.port}](command:${COMMANDS.ignorePort}?${encodeURIComponent(JSON.stringify([o.port]))})`);
  md.appendMarkdown(
    renderMarkdown(d, {
      headline: `**Port ${o.port}** · ${describeRole(o)} · ${rangeLabel(d)}`,
      footer: links.join(' · '),
    }),
  );
  return md;
}

export class PortHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly analyzer: DocumentAnalyzer,
    private readonly config: () => ExtensionConfig,
    private readonly canShowListening: () => boolean,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.Hover | undefined {
    try {
      if (!this.config().hoverEnabled || !this.analyzer.handles(document) || this.analyzer.tooLarge(document)) return undefined;
      const analysis = this.analyzer.analyse(document);
      if (token.isCancellationRequested) return undefined;
      const o = occurrenceAt(analysis.result.occurrences, document.offsetAt(position));
      if (!o) return undefined;
      const range = new vscode.Range(document.positionAt(o.offset), document.positionAt(o.offset + o.length));
      return new vscode.Hover(hoverMarkdown(o, { canShowListening: this.canShowListening() }), range);
    } catch (error) {
      this.log.error(`hover failed in ${document.uri.toString(true)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return undefined;
    }
  }
}
