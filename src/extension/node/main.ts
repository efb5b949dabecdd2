import type * as vscode from 'vscode';
import { activatePortLens, type PortLensApi } from '../activate';
import { nodeHost } from './nodeHost';

export function activate(context: vscode.ExtensionContext): PortLensApi {
  return activatePortLens(context, nodeHost);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
