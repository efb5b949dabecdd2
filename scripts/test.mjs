// `npm test`: every check, in order, stopping at nothing so that one run
// reports everything; exits non-zero if any step failed.
//   typecheck (whole project, and the core alone without Node or DOM types)
//   lint, build, unit tests, CLI tests, the .vsix package,
//   integration tests inside a real VS Code, the end-to-end UI run.
// Ends with one line "N passed, N failed" summing every test.
// PORT_LENS_SKIP_VSCODE=1 skips the two real-VS-Code steps (for a quick
// local loop); CI never sets it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npx = (bin, ...args) => [join(root, 'node_modules', '.bin', bin), ...args];
const node = (...args) => [process.execPath, ...args];

/** Runs a command, echoing its output, and returns its exit code and output. */
function run(argv, env = {}) {
  return new Promise((resolve) => {
    const [file, ...args] = argv;
    const child = spawn(file, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { output += d; process.stderr.write(d); });
    child.on('error', (e) => { output += String(e); resolve({ code: 127, output }); });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Counts from node's test runner (`# pass N`) or our harness (`N passed, N failed`). */
function counts(output) {
  const pass = [...output.matchAll(/^# pass (\d+)$/gm)].at(-1);
  const fail = [...output.matchAll(/^# fail (\d+)$/gm)].at(-1);
  if (pass && fail) return { passed: Number(pass[1]), failed: Number(fail[1]) };
  const plain = [...output.matchAll(/^(\d+) passed, (\d+) failed$/gm)].at(-1);
  if (plain) return { passed: Number(plain[1]), failed: Number(plain[2]) };
  return undefined;
}

const skipVsCode = process.env.PORT_LENS_SKIP_VSCODE === '1';
const steps = [
  { name: 'typecheck', argv: npx('tsc', '--noEmit', '-p', '.') },
  { name: 'typecheck core (no Node, no DOM)', argv: npx('tsc', '--noEmit', '-p', 'src/core') },
  { name: 'lint', argv: npx('eslint', '.', '--max-warnings', '0') },
  { name: 'build', argv: node('scripts/build.mjs') },
  { name: 'unit tests', argv: node('--test', '--test-reporter=tap', 'out/test/unit/'), tests: true },
  { name: 'CLI tests', argv: node('--test', '--test-reporter=tap', 'out/test/cli/'), tests: true },
  { name: 'package .vsix', argv: node('scripts/package.mjs'), vscode: true },
  { name: 'install the real-VS-Code harness', argv: ['bash', 'scripts/install-harness.sh'], vscode: true },
  { name: 'integration tests in VS Code', argv: node('test/harness/run-integration.mjs'), tests: true, vscode: true },
  { name: 'end-to-end UI run in VS Code', argv: node('test/harness/run-e2e.mjs'), tests: true, vscode: true },
];

let passed = 0;
let failed = 0;
const failedSteps = [];
for (const step of steps) {
  if (step.vscode && skipVsCode) {
    console.log(`\n=== ${step.name}: skipped (PORT_LENS_SKIP_VSCODE=1)`);
    continue;
  }
  console.log(`\n=== ${step.name}`);
  const started = Date.now();
  const { code, output } = await run(step.argv);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (step.tests) {
    const c = counts(output);
    if (c) {
      passed += c.passed;
      failed += c.failed;
    } else {
      // A runner that printed no counts crashed: count it as one failure.
      failed += 1;
    }
  }
  if (code !== 0) {
    failedSteps.push(step.name);
    if (!step.tests) failed += 1;
  }
  console.log(`=== ${step.name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${seconds} s`);
}

if (!existsSync(join(root, '..', 'shared', 'corpus'))) console.log('\n(corpus score skipped: ../shared/corpus is not here)');
console.log(failedSteps.length ? `\nFailed steps: ${failedSteps.join(', ')}` : '\nAll steps passed.');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedSteps.length > 0 || failed > 0 ? 1 : 0);
