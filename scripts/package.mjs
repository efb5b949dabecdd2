// Builds the production bundles and packs port-lens.vsix with @vscode/vsce.
// Fails (non-zero) if packing fails or the .vsix is 1 MB or more.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'port-lens.vsix');
try {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--production'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--out', out], {
    cwd: root,
    stdio: 'inherit',
  });
} catch (error) {
  console.error(`packaging failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const size = statSync(out).size;
console.log(`port-lens.vsix: ${(size / 1024).toFixed(1)} KiB (limit 1024 KiB)`);
if (size >= 1024 * 1024) {
  console.error('port-lens.vsix is 1 MB or more: check .vscodeignore');
  process.exit(1);
}
