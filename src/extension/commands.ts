import * as vscode from 'vscode';
import { describePort } from '../core/describe';
import { parsePort } from '../core/facts/ranges';
import { rangeLabel, renderMarkdown, summaryLine } from '../core/render';
import { getRegistry } from '../core/registry/registry';
import { lookupQuery } from '../core/search';
import { SECTION } from './config';
import type { Host } from './host';

export const DESCRIPTION_SCHEME = 'port-lens';

/** `port-lens:/port/642.md` holds the description of 642 as Markdown. */
export function descriptionUri(port: number): vscode.Uri {
  return vscode.Uri.from({ scheme: DESCRIPTION_SCHEME, path: `/port/${port}.md` });
}

/** Serves the read-only description documents that the lookup opens. */
export class DescriptionContentProvider implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): string {
    const m = /^\/port\/(\d+)\.md$/.exec(uri.path);
    const parsed = m?.[1] !== undefined ? parsePort(m[1]) : undefined;
    if (!parsed || !parsed.ok) return `# Port Lens\n\nNot a port description: ${uri.toString()}`;
    const d = describePort(parsed.port);
    return renderMarkdown(d, { headline: `# Port ${d.port}\n\n${summaryLine(d)} · ${rangeLabel(d)}` });
  }
}

interface PortPick extends vscode.QuickPickItem {
  readonly port: number;
}

/** One QuickPick item per port and name over the whole registry, built on first use. */
export class RegistryPicks {
  private items: PortPick[] | undefined;

  get(): PortPick[] {
    if (this.items) return this.items;
    const items: PortPick[] = [];
    const seen = new Set<string>();
    for (const { port, service } of getRegistry().services()) {
      const key = `${port}/${service.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      items.push({ label: String(port), description: service.name, detail: service.description, port });
    }
    this.items = items;
    return items;
  }
}

/** Opens the description of `port` as a Markdown preview (or the document where no preview exists). */
export async function showDescription(port: number): Promise<void> {
  const uri = descriptionUri(port);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: true });
  }
}

/**
 * "Look Up Port or Service…": a QuickPick over the whole registry. An
 * argument (a port or a query) skips the picker, for links and tests.
 */
export async function lookupCommand(picks: RegistryPicks, arg?: unknown): Promise<number | undefined> {
  if (typeof arg === 'number' || typeof arg === 'string') {
    const result = lookupQuery(String(arg));
    if (!result.ok) {
      void vscode.window.showWarningMessage(`Port Lens: ${result.message}`);
      return undefined;
    }
    const port = result.matches[0]!.port;
    await showDescription(port);
    return port;
  }
  const pick = vscode.window.createQuickPick<PortPick>();
  pick.title = 'Port Lens: Look Up Port or Service';
  pick.placeholder = 'A port number (0-65535), a service name or words, e.g. 5432, x11, secure shell';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  const all = picks.get();
  pick.items = all;
  pick.onDidChangeValue((value) => {
    // A number that IANA has nothing for (642 once, 49200) still gets a description.
    const parsed = /^\d+$/.test(value.trim()) ? parsePort(value) : undefined;
    if (parsed?.ok && !all.some((i) => i.port === parsed.port)) {
      const d = describePort(parsed.port);
      pick.items = [{ label: String(parsed.port), description: summaryLine(d), port: parsed.port, alwaysShow: true }, ...all];
    } else if (pick.items.length !== all.length) {
      pick.items = all;
    }
  });
  const chosen = await new Promise<PortPick | undefined>((resolve) => {
    pick.onDidAccept(() => resolve(pick.selectedItems[0]));
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  if (!chosen) return undefined;
  await showDescription(chosen.port);
  return chosen.port;
}

/**
 * The port a command works on: from its argument (a link or a test), else
 * asked for. A bad argument gets a warning naming the valid range; a
 * cancelled prompt gives undefined.
 */
async function portFromArgOrPrompt(arg: unknown, title: string, prompt: string): Promise<number | undefined> {
  if (typeof arg === 'number' || typeof arg === 'string') {
    const parsed = parsePort(String(arg));
    if (parsed.ok) return parsed.port;
    void vscode.window.showWarningMessage(`Port Lens: ${parsed.message}`);
    return undefined;
  }
  const input = await vscode.window.showInputBox({
    title,
    prompt,
    validateInput: (v) => {
      const parsed = parsePort(v);
      return parsed.ok ? undefined : parsed.message;
    },
  });
  const parsed = input === undefined ? undefined : parsePort(input);
  return parsed?.ok ? parsed.port : undefined;
}

/** Adds a port to `portLens.ignoredPorts` in the workspace (or user) settings. */
export async function ignorePortCommand(arg?: unknown): Promise<void> {
  const port = await portFromArgOrPrompt(arg, 'Port Lens: Ignore Port', 'Port to leave out of diagnostics (hovers stay)');
  if (port === undefined) return;
  const config = vscode.workspace.getConfiguration(SECTION);
  const current = config.get<unknown[]>('ignoredPorts') ?? [];
  if (current.includes(port)) return;
  const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update('ignoredPorts', [...current, port], target);
}

/** "Show What Is Listening on Port…": the OS's own tool, run without a shell. */
export async function showListeningCommand(host: Host, output: vscode.OutputChannel, arg?: unknown): Promise<void> {
  if (!host.showListening) {
    void vscode.window.showWarningMessage('Port Lens: showing what is listening needs VS Code desktop; it is not available in VS Code for the Web.');
    return;
  }
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Port Lens: showing what is listening runs a system tool, so it is available only in trusted workspaces.');
    return;
  }
  const port = await portFromArgOrPrompt(arg, 'Port Lens: Show What Is Listening on Port', 'Port number (0-65535)');
  if (port === undefined) return;
  const source = new vscode.CancellationTokenSource();
  try {
    await host.showListening(port, output, source.token);
  } finally {
    source.dispose();
  }
}
