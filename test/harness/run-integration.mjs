#!/usr/bin/env node
// Level 1: runs Port Lens's integration tests (mocha, in the real extension
// host) inside a real VS Code: code-server started with the smoke-test
// driver, opened by headless Chromium with a `payload` that sets
// extensionDevelopmentPath and extensionTestsPath, exactly as
// @vscode/test-electron does for desktop VS Code. Recipe:
// /work/shared/VSCODE-TESTING.md.
//
// Usage:  bash scripts/install-harness.sh   (once; idempotent)
//         npm run build                     (produces dist/ and out/test/integration/)
//         node test/harness/run-integration.mjs
//
// Contract with the test index (test/integration/index.ts):
//   - The build puts the compiled index at out/test/integration/index.js
//     (CommonJS, exporting `run(): Promise<void>`) and the compiled tests
//     next to it as out/test/integration/*.test.js.
//   - run() logs one line  PORT_LENS_RESULT {"passed":N,"failed":N}
//     and rejects when a test failed (VS Code then exits with code 1).
//
// What this script prints and returns:
//   - every line the extension host and tests log, as it arrives;
//   - last line exactly "N passed, N failed" (from PORT_LENS_RESULT);
//   - exit code: VS Code's test exit code, or non-zero when the counts show
//     failures. A harness problem (no build, server or browser crash, no
//     result line, timeout) prints "harness error: ...", counts as one
//     failure ("0 passed, 1 failed" unless a result arrived) and exits 1,
//     so a CI that sums the levels never reads it as green.
//
// Environment knobs (all optional):
//   HARNESS_TIMEOUT_S        overall limit in seconds (default 240)
//   HARNESS_EXTENSION_PATH   extension folder to load (default: the repo root)
//   HARNESS_VERBOSE=1        also print the workbench's own log lines

import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { fixtureWorkspace, launchBrowser, repoRoot, startCodeServer, tail } from './code-server.mjs';

const TIMEOUT_S = Number(process.env.HARNESS_TIMEOUT_S ?? 240);
const extensionPath = path.resolve(process.env.HARNESS_EXTENSION_PATH ?? repoRoot);
/** Without ".js": VS Code requires it like a module id. */
const testsPath = path.join(repoRoot, 'out', 'test', 'integration', 'index');
const RESULT_RE = /PORT_LENS_RESULT (\{.*\})/;
/**
 * The smoke-test driver forwards the workbench's own log lines through
 * codeAutomationLog too, all as "info" like the tests' output, so they can
 * only be told apart by text. These known, harmless ones stay out of stdout
 * (they are still in .harness-run/integration/automation.log, and
 * HARNESS_VERBOSE=1 prints them); anything else is printed.
 */
const WORKBENCH_NOISE =
  /^(?:Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin extensions|\[(?:reconnection-grace-time|Service Worker|AgentHost:remote|AccountPolicyGate)\])/;

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
const say = (msg) => console.log(`[integration ${seconds()}s] ${msg}`);

/** Checks the inputs a run needs, so a missing build reads as such and not as a VS Code failure. */
function checkInputs() {
  if (!fs.existsSync(`${testsPath}.js`)) {
    throw new Error(`${path.relative(repoRoot, testsPath)}.js is missing: build first (npm run build).`);
  }
  if (!fs.existsSync(fixtureWorkspace)) {
    throw new Error(`fixture workspace ${path.relative(repoRoot, fixtureWorkspace)} is missing.`);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8'));
  if (manifest.main && !fs.existsSync(path.join(extensionPath, manifest.main))) {
    throw new Error(`the extension's main ${manifest.main} is missing in ${extensionPath}: build first (npm run build).`);
  }
}

async function main() {
  checkInputs();

  const server = await startCodeServer({
    name: 'integration',
    // Only with this does the built workbench honour the `payload` URL
    // parameter (and call codeAutomationLog / codeAutomationExit).
    vscodeOptions: ['enable-smoke-test-driver'],
  });
  say(`code-server up at ${server.url} (pid ${server.pid}, log ${path.relative(repoRoot, server.logFile)})`);

  let browser;
  const consoleLog = path.join(server.dirs.runDir, 'browser-console.log');
  const automationLog = path.join(server.dirs.runDir, 'automation.log');
  let result = null;
  try {
    browser = await launchBrowser(server.dirs);
    const { page } = browser;

    // The browser's own console (workbench errors, failed requests) goes to a
    // file only: it is noisy, and useful only when something went wrong.
    page.on('console', (msg) => fs.appendFileSync(consoleLog, `[${msg.type()}] ${msg.text()}\n`));
    page.on('pageerror', (err) => fs.appendFileSync(consoleLog, `[pageerror] ${err.stack ?? err}\n`));

    let onExit;
    const exited = new Promise((resolve) => (onExit = resolve));

    // Receives the extension host's output, including mocha's reporter.
    // `args` is the console call's argument list: a format string + values.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = Array.isArray(args) ? util.format(...args) : util.format(args);
      fs.appendFileSync(automationLog, `[${type}] ${text}\n`);
      const match = RESULT_RE.exec(text);
      if (match) result = JSON.parse(match[1]);
      if (process.env.HARNESS_VERBOSE || !WORKBENCH_NOISE.test(text)) console.log(text);
    });
    // Called once the extension host is done: 0, or 1 when run() rejected.
    // The second argument is the workbench's log files, kept for post-mortems.
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      saveLogs(server.dirs.runDir, logs);
      onExit(code);
    });

    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extensionPath)],
      ['extensionTestsPath', remote(testsPath)],
      ['skipWelcome', 'true'],
    ];
    const url = `${server.url}/?folder=${encodeURIComponent(fixtureWorkspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    say(`opening the workbench (extension ${extensionPath})`);
    await page.goto(url);

    let timer;
    const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), TIMEOUT_S * 1000)));
    const code = await Promise.race([exited, timedOut]);
    clearTimeout(timer);

    if (code === 'timeout') {
      throw new Error(
        `timed out after ${TIMEOUT_S} s waiting for the tests to finish (no codeAutomationExit). ` +
          `See ${path.relative(repoRoot, consoleLog)} and ${path.relative(repoRoot, server.logFile)}; ` +
          'raise HARNESS_TIMEOUT_S if the suite is just slow.',
      );
    }
    say(`VS Code reported exit code ${code}`);
    if (!result) {
      throw new Error(
        `the test index logged no PORT_LENS_RESULT line (exit code ${code}): did ${path.relative(repoRoot, testsPath)}.js load? ` +
          `See ${path.relative(repoRoot, server.dirs.runDir)}/logs and ${path.relative(repoRoot, consoleLog)}.`,
      );
    }
    return { passed: result.passed, failed: result.failed, exitCode: code !== 0 ? code : result.failed > 0 ? 1 : 0 };
  } catch (err) {
    err.partialResult = result;
    err.serverLog = server.logFile;
    throw err;
  } finally {
    await browser?.close();
    await server.stop();
    say('code-server and browser stopped');
  }
}

function saveLogs(runDir, logs) {
  if (!Array.isArray(logs)) return;
  for (const { relativePath, contents } of logs) {
    const file = path.join(runDir, 'logs', relativePath);
    if (!file.startsWith(path.join(runDir, 'logs'))) continue; // stay inside the run dir
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, contents);
  }
}

try {
  const { passed, failed, exitCode } = await main();
  say(`done`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = exitCode;
} catch (err) {
  console.error(`harness error: ${err?.message ?? err}`);
  if (err?.serverLog) console.error(`--- code-server log (last lines) ---\n${tail(err.serverLog, 20)}`);
  const partial = err?.partialResult;
  console.log(partial ? `${partial.passed} passed, ${partial.failed + 1} failed` : '0 passed, 1 failed');
  process.exitCode = 1;
}
