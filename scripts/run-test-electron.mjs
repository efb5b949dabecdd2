#!/usr/bin/env node
// Runs the integration tests in a desktop VS Code downloaded by
// @vscode/test-electron: the standard path for machines that can reach
// VS Code's update server. This project's own machines cannot (the download
// fails with ENOTFOUND); there, run the same tests in code-server with
// `node test/harness/run-integration.mjs`.
//
// Same inputs as the harness: the extension at the repo root, the mocha
// index out/test/integration/index.js (built by `npm run build`) and the
// fixture workspace test/fixtures/workspace.
//
// Usage: node scripts/run-test-electron.mjs   (VSCODE_TEST_VERSION=1.90.0 to pin)
// Exit: the tests' exit code; 2 when VS Code could not be downloaded.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, runTests, TestRunFailedError } from '@vscode/test-electron';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const extensionDevelopmentPath = repoRoot;
// Without ".js": VS Code requires the test index like a module id.
const extensionTestsPath = path.join(repoRoot, 'out', 'test', 'integration', 'index');
const workspace = path.join(repoRoot, 'test', 'fixtures', 'workspace');
const version = process.env.VSCODE_TEST_VERSION ?? 'stable';

if (!existsSync(`${extensionTestsPath}.js`)) {
  console.error(`${path.relative(repoRoot, extensionTestsPath)}.js is missing: run "npm run build" first.`);
  process.exit(1);
}

// Download first, on its own, so that "no network" reads as such and not as
// a test failure.
let vscodeExecutablePath;
try {
  vscodeExecutablePath = await downloadAndUnzipVSCode({ version, timeout: 30_000 });
} catch (err) {
  console.error(
    `Could not download VS Code ${version} for @vscode/test-electron: ${err?.message ?? err}\n` +
      'This machine cannot reach VS Code\'s update server. Run the integration tests in ' +
      'code-server instead: bash scripts/install-harness.sh && node test/harness/run-integration.mjs',
  );
  process.exit(2);
}

try {
  const code = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath,
    extensionTestsPath,
    // The workspace first (it is opened), then: only Port Lens and the
    // built-ins, and no trust prompt.
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
  process.exitCode = code;
} catch (err) {
  // runTests rejects with TestRunFailedError when VS Code exits non-zero,
  // which is what a failing test does (run() rejects).
  if (err instanceof TestRunFailedError) {
    console.error(err.message);
    process.exitCode = typeof err.code === 'number' && err.code !== 0 ? err.code : 1;
  } else {
    console.error(`Failed to run the integration tests: ${err?.stack ?? err}`);
    process.exitCode = 1;
  }
}
