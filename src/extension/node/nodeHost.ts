import { execFile } from 'node:child_process';
import type * as vscode from 'vscode';
import { listeningCommands } from '../../core/facts/listening';
import type { Platform } from '../../core/facts/platforms';
import type { Host } from '../host';

function currentPlatform(): Platform {
  if (process.platform === 'darwin') return 'macos';
  if (process.platform === 'win32') return 'windows';
  return 'linux';
}

function run(argv: readonly string[], token: vscode.CancellationToken): Promise<{ stdout: string; stderr: string; error?: Error }> {
  return new Promise((resolve) => {
    const [file, ...args] = argv;
    if (!file) return resolve({ stdout: '', stderr: '', error: new Error('empty command') });
    // execFile: no shell, so the port can only ever be an argument.
    const child = execFile(file, args, { timeout: 15000, maxBuffer: 4 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) =>
      resolve({ stdout, stderr, ...(error ? { error } : {}) }),
    );
    token.onCancellationRequested(() => child.kill());
  });
}

export const nodeHost: Host = {
  kind: 'node',
  currentPlatform,
  async showListening(port, output, token) {
    const platform = currentPlatform();
    const command = listeningCommands(port).find((c) => c.platform === platform);
    if (!command) return;
    output.show(true);
    output.appendLine(`$ ${command.argv.map((a) => (/\s/.test(a) ? `'${a}'` : a)).join(' ')}`);
    let result = await run(command.argv, token);
    // Linux without ss (minimal containers): fall back to lsof.
    if (result.error && platform === 'linux' && /ENOENT/.test(String(result.error))) {
      output.appendLine('ss was not found; trying lsof');
      result = await run(['lsof', '-nP', `-i:${port}`], token);
    }
    const lines = result.stdout.split(/\r?\n/).filter((l) => l.trim() !== '' && (command.keepLine ? command.keepLine(l) : true));
    if (lines.length > 0) output.appendLine(lines.join('\n'));
    if (result.stderr.trim()) output.appendLine(result.stderr.trim());
    // lsof exits 1 when nothing matches: that is an answer, not a failure.
    const nothing = lines.length <= 1;
    if (result.error && !nothing) output.appendLine(`(${result.error.message})`);
    if (nothing) output.appendLine(`Nothing is listening on port ${port}${result.error && /ENOENT/.test(String(result.error)) ? ` (or ${command.argv[0]} is not installed)` : ''}.`);
    output.appendLine('');
  },
};
