/// <reference types="node" />
/**
 * Mocha entry point for the integration tests that run inside a real VS Code
 * extension host (code-server via test/harness/run-integration.mjs here, or
 * @vscode/test-electron via scripts/run-test-electron.mjs elsewhere).
 *
 * Contract with the harness (keep in sync with test/harness/run-integration.mjs):
 * - The build compiles this file to out/test/integration/index.js (CommonJS)
 *   and every test/integration/*.test.ts to out/test/integration/*.test.js.
 *   VS Code loads this module by path ("extensionTestsPath", without .js)
 *   and calls run().
 * - Tests use mocha's "tdd" interface (suite/test/setup/teardown), as in
 *   .vscode-test.mjs.
 * - run() logs exactly one machine-readable line
 *     PORT_LENS_RESULT {"passed":N,"failed":N}
 *   (the harness parses it for its "N passed, N failed" line) and rejects
 *   when a test failed, which VS Code turns into a non-zero exit code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Per-test timeout; the extension host is slower than plain Node. Keep in sync with .vscode-test.mjs. */
export const TEST_TIMEOUT_MS = 20_000;

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    timeout: TEST_TIMEOUT_MS,
    // Output goes through the extension host's console to the harness log,
    // where ANSI colour codes are only noise.
    color: false,
  });

  // Files sit next to this module after the build (out/test/integration/).
  // Sorted so the order is the same on every machine.
  const testFiles = fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  for (const name of testFiles) {
    mocha.addFile(path.join(__dirname, name));
  }

  let passed = 0;
  let failed = 0;
  try {
    // loadFilesAsync copes with both CommonJS and ES module test files.
    await mocha.loadFilesAsync();
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', () => passed++);
      // 'fail' also fires for failing hooks, which is what we want to count.
      runner.on('fail', () => failed++);
    });
  } catch (err) {
    // A test file that throws while loading must not look like a green run.
    console.error('Integration test run crashed:', err);
    failed++;
  }
  if (testFiles.length === 0) {
    console.error(`No *.test.js files found in ${__dirname}`);
    failed++;
  }

  console.log(`PORT_LENS_RESULT ${JSON.stringify({ passed, failed })}`);
  if (failed > 0) {
    throw new Error(`${failed} integration test(s) failed.`);
  }
}
