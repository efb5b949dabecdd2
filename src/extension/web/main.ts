import type * as vscode from 'vscode';
import type { Platform } from '../../core/facts/platforms';
import { activatePortLens, type PortLensApi } from '../activate';
import type { Host } from '../host';

/** The browser knows its OS only from the user agent; good enough for defaults. */
function currentPlatform(): Platform {
  const agent = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent ?? '';
  if (/Mac OS X|Macintosh/i.test(agent)) return 'macos';
  if (/Windows/i.test(agent)) return 'windows';
  return 'linux';
}

const webHost: Host = { kind: 'web', currentPlatform };

export function activate(context: vscode.ExtensionContext): PortLensApi {
  return activatePortLens(context, webHost);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
