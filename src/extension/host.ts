import type * as vscode from 'vscode';
import type { Platform } from '../core/facts/platforms';

/**
 * What differs between VS Code desktop (Node) and VS Code for the Web.
 * The node and web entry points each pass their own; everything else is
 * shared and never touches a Node API.
 */
export interface Host {
  readonly kind: 'node' | 'web';
  /** The OS VS Code's extension host runs on, for the default platforms. */
  currentPlatform(): Platform;
  /**
   * Runs the OS's own tool to show what listens on `port`, writing into
   * `output`. Absent on the web.
   */
  readonly showListening?: (port: number, output: vscode.OutputChannel, token: vscode.CancellationToken) => Promise<void>;
}
