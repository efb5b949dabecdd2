// Configuration for `vscode-test` (@vscode/test-cli), the usual way to run
// the integration tests in a downloaded desktop VS Code. That download does
// not work on this project's machines; there, use the code-server harness:
// `node test/harness/run-integration.mjs` (see test/harness/).
//
// Both paths run the same compiled tests: out/test/integration/*.test.js,
// built by `npm run build` from test/integration/*.test.ts, with mocha's tdd
// interface and the timeout used by test/integration/index.ts.
//
// A plain object rather than `defineConfig(...)` from '@vscode/test-cli':
// that helper only adds typing, and this way the file loads even where the
// CLI is not installed.

/** @type {import('@vscode/test-cli').TestConfiguration} */
export default {
  label: 'integration',
  files: 'out/test/integration/**/*.test.js',
  extensionDevelopmentPath: '.',
  workspaceFolder: 'test/fixtures/workspace',
  // Only Port Lens (and VS Code's built-ins) in the test instance.
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  mocha: {
    ui: 'tdd',
    timeout: 20_000, // TEST_TIMEOUT_MS in test/integration/index.ts
  },
};
