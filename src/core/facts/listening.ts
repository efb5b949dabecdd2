import type { Platform } from './platforms';

/**
 * How to see what is listening on a port, per OS. Commands take the port
 * as a separate integer argument so the extension can run them without a
 * shell. Sources: ss(8), lsof(8), netstat (Windows), and the
 * Get-NetTCPConnection cmdlet reference.
 */
export interface ListeningCommand {
  readonly platform: Platform;
  /** Human label ("Linux"). */
  readonly label: string;
  /** Shown to people, ready to paste. */
  readonly display: readonly string[];
  /** The preferred command as an argument vector, run without a shell. */
  readonly argv: readonly string[];
  /**
   * Lines of the command's output to keep, for tools that cannot filter by
   * port themselves (netstat); undefined keeps every line.
   */
  readonly keepLine?: (line: string) => boolean;
}

/**
 * @example
 * listeningCommands(642).find((c) => c.platform === 'linux')?.display[0];
 * // "ss -ltnup 'sport = :642'"
 */
export function listeningCommands(port: number): ListeningCommand[] {
  const p = String(Math.trunc(port));
  return [
    {
      platform: 'linux',
      label: 'Linux',
      display: [`ss -ltnup 'sport = :${p}'`, `sudo lsof -i :${p}`],
      argv: ['ss', '-ltnup', `sport = :${p}`],
    },
    {
      platform: 'macos',
      label: 'macOS',
      display: [`lsof -nP -i :${p}`],
      argv: ['lsof', '-nP', `-i:${p}`],
    },
    {
      platform: 'windows',
      label: 'Windows',
      display: [`netstat -ano | findstr :${p}`, `Get-NetTCPConnection -LocalPort ${p}`],
      // netstat prints every socket; the filter stands in for findstr so
      // that no shell is involved.
      argv: ['netstat', '-ano'],
      keepLine: (line) => new RegExp(`[:.]${p}\\s`).test(line) || /Proto|Local Address/.test(line),
    },
  ];
}
