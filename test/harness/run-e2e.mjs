#!/usr/bin/env node
// Level 2: Port Lens as a person sees it. Starts a normal code-server (no
// smoke-test driver, so notifications show) with the extension installed,
// opens the fixture workspace in headless Chromium and checks, through the
// real workbench UI:
//   1. hover   over the host port of "80:8080" in docker-compose.yml;
//   2. problems: the Problems panel lists a Port Lens diagnostic;
//   3. lookup  "Port Lens: Look Up Port or Service…" for 5432.
// Each check saves a screenshot (1280x800); see HARNESS_SCREENSHOT_DIR.
// Recipe and selectors: /work/shared/VSCODE-TESTING.md.
//
// Usage:  bash scripts/install-harness.sh && npm run build
//         node test/harness/run-e2e.mjs
//
// Output: a line per check, then exactly "N passed, N failed" (N of the 3
// checks). Exit code 0 only when all checks pass. A harness problem (server,
// browser or workbench did not come up) prints "harness error: ..." and
// "0 passed, 1 failed", exit 1.
//
// Environment knobs (all optional):
//   HARNESS_E2E_INSTALL=vsix|link  how to install the extension (default:
//                                  the .vsix if <repo>/port-lens.vsix exists,
//                                  else a symlink to the repo)
//   HARNESS_VSIX                   the .vsix to install (default <repo>/port-lens.vsix)
//   HARNESS_SCREENSHOT_DIR         where the screenshots go (default .harness-run/screenshots;
//                                  npm run screenshots sets media/screenshots)
//   HARNESS_TIMEOUT_S              overall limit in seconds (default 240)
//   HARNESS_EXTENSION_PATH         link this extension folder instead of the
//                                  repo (for debugging the harness itself)

/* global document, NodeFilter -- used only in functions that page.evaluate runs in the browser */
import fs from 'node:fs';
import path from 'node:path';
import { codeServerCli, launchBrowser, repoRoot, startCodeServer } from './code-server.mjs';

// ---- What the checks expect. The extension's wording is still being
// written: adjust these, not the code below. Matching is case-insensitive;
// every string in a list must appear.
/** The compose line to hover and which port in it (the host side). */
const HOVER_LINE_TEXT = '"80:8080"';
const HOVER_TARGET = '80'; // first occurrence inside HOVER_LINE_TEXT
const EXPECT_HOVER = [
  'Port 80',
  'host port, published to container port 8080',
  'well-known range (0-1023)',
  'http, www, www-http (tcp, udp): World Wide Web HTTP',
  'needs root or CAP_NET_BIND_SERVICE',
  "ss -ltnup 'sport = :80'",
];
/** At least one Problems row whose aria-label contains all of these. */
const EXPECT_PROBLEM = ['Host port 80 is privileged', 'Port Lens'];
const LOOKUP_COMMAND = 'Port Lens: Look Up Port or Service…';
const LOOKUP_QUERY = '5432';
const EXPECT_LOOKUP = ['5432', 'postgresql', 'PostgreSQL Database'];
// ----

const EXTENSION_ID = 'port-lens.port-lens';
const TIMEOUT_S = Number(process.env.HARNESS_TIMEOUT_S ?? 240);
// Test runs keep their screenshots out of the tree; `npm run screenshots`
// writes the README's copies in media/screenshots.
const screenshotDir = path.resolve(repoRoot, process.env.HARNESS_SCREENSHOT_DIR ?? '.harness-run/screenshots');
const VIEWPORT = { width: 1280, height: 800 };

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
const say = (msg) => console.log(`[e2e ${seconds()}s] ${msg}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const oneLine = (text, max = 300) => {
  // eslint-disable-next-line no-control-regex -- strip ANSI colours from playwright's errors
  const flat = String(text ?? '').replace(/\u001b\[[0-9;]*m/g, '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
};
const missing = (text, expected) => expected.filter((s) => !String(text).toLowerCase().includes(s.toLowerCase()));

// ---- Installing the extension ------------------------------------------------

/** Installs the extension into the server's --extensions-dir before it starts. */
async function installExtension(dirs) {
  const extensionPath = path.resolve(process.env.HARNESS_EXTENSION_PATH ?? repoRoot);
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8'));
  const vsix = path.resolve(process.env.HARNESS_VSIX ?? path.join(repoRoot, `${manifest.name}.vsix`));
  const mode =
    process.env.HARNESS_E2E_INSTALL ?? (!process.env.HARNESS_EXTENSION_PATH && fs.existsSync(vsix) ? 'vsix' : 'link');
  if (mode === 'vsix') {
    const main = path.join(repoRoot, manifest.main ?? 'dist/extension.js');
    if (fs.existsSync(main) && fs.statSync(main).mtimeMs > fs.statSync(vsix).mtimeMs) {
      say(`warning: ${path.basename(vsix)} is older than ${manifest.main}; run "npm run package" or HARNESS_E2E_INSTALL=link`);
    }
    const out = await codeServerCli(dirs, ['--install-extension', vsix, '--force']);
    say(`installed ${path.relative(repoRoot, vsix)}: ${oneLine(out, 200)}`);
  } else if (mode === 'link') {
    if (manifest.main && !fs.existsSync(path.join(extensionPath, manifest.main))) {
      throw new Error(`${manifest.main} is missing: build first (npm run build).`);
    }
    // VS Code picks up <publisher>.<name>-<version> folders in the
    // extensions dir; a symlink means the run uses the current build.
    const link = path.join(dirs.extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
    fs.symlinkSync(extensionPath, link, 'dir');
    say(`linked ${path.relative(repoRoot, link)} -> ${extensionPath}`);
  } else {
    throw new Error(`HARNESS_E2E_INSTALL must be "vsix" or "link", got "${mode}"`);
  }
}

// ---- Workbench helpers ---------------------------------------------------------

const QUICK_INPUT = '.quick-input-widget .quick-input-box input';
const QUICK_ROW = '.quick-input-widget .monaco-list-row';

async function waitForWorkbench(page) {
  // .monaco-workbench appears long before the workbench can be used; an
  // explorer row with a known file means the folder is open and rendered.
  await page.waitForSelector('.explorer-folders-view .monaco-list-row[aria-label*="docker-compose.yml"]', { timeout: 90_000 });
}

async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  await page.fill(QUICK_INPUT, name);
  await page.waitForSelector(`${QUICK_ROW}[aria-label*="${name}"]`, { timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tabs-container .tab.active[aria-label*="${name}"]`, { timeout: 15_000 });
  await page.waitForSelector('.editor-group-container.active .monaco-editor .view-line', { timeout: 15_000 });
}

/** Runs a command from the palette by its title. Returns false when it is not listed. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  // Without a trailing ellipsis: the palette's fuzzy match does not need it.
  const query = title.replace(/…$/, '');
  await page.fill(QUICK_INPUT, `>${query}`);
  const row = page.locator(QUICK_ROW).filter({ hasText: query }).first();
  try {
    await row.waitFor({ timeout: 10_000 });
  } catch {
    await page.keyboard.press('Escape');
    return false;
  }
  await page.keyboard.press('Enter');
  return true;
}

/** Screen position of the middle of `target` (first occurrence after `lineText`'s start) in the active editor. */
async function locateInEditor(page, lineText, target) {
  return page.evaluate(
    ({ lineText, target }) => {
      const editor = document.querySelector('.editor-group-container.active .monaco-editor');
      for (const line of editor?.querySelectorAll('.view-line') ?? []) {
        const text = line.textContent.replace(/\u00a0/g, ' ');
        const at = text.indexOf(lineText);
        if (at < 0) continue;
        const offset = text.indexOf(target, at) + Math.floor(target.length / 2);
        // Walk the text nodes: Monaco may render the line as one span or
        // many, so measure the exact character with a DOM Range.
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        let seen = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (offset < seen + node.length) {
            const range = document.createRange();
            range.setStart(node, offset - seen);
            range.setEnd(node, offset - seen + 1);
            const box = range.getBoundingClientRect();
            return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
          }
          seen += node.length;
        }
      }
      return null;
    },
    { lineText, target },
  );
}

const HOVER = '.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content';

/** Hovers a spot and returns the hover's text, or null when no hover showed. */
async function hoverAt(page, spot, attempts = 5) {
  for (let i = 0; i < attempts; i++) {
    // Leave and come back: Monaco only reacts to a mouse *move* onto the word.
    await page.mouse.move(0, 0);
    await sleep(150);
    await page.mouse.move(spot.x - 2, spot.y);
    await page.mouse.move(spot.x, spot.y, { steps: 3 });
    try {
      const hover = page.locator(HOVER).first();
      await hover.waitFor({ state: 'visible', timeout: 3_000 });
      await sleep(400); // fade-in, and let every provider's part render
      return await hover.innerText();
    } catch {
      // The extension may still be activating: try again.
    }
  }
  return null;
}

async function readProblems(page) {
  return page.$$eval('.markers-panel .monaco-list-row', (rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent ?? ''));
}

/** Everything a command could have shown: toasts, the active editor or webview, an open quick input. */
async function readShown(page) {
  const shown = {};
  const toasts = await page.$$eval('.notifications-toasts .notification-toast .notification-list-item-message', (els) =>
    els.map((e) => e.textContent ?? ''),
  );
  if (toasts.length) shown.notifications = toasts.join('\n');
  // Errors from a command (e.g. "command ... not found") come as a modal dialog.
  const dialog = await page.$eval('.monaco-dialog-box', (e) => e.innerText).catch(() => '');
  if (dialog.trim()) shown.dialog = dialog;
  const tab = await page.$eval('.tabs-container .tab.active', (e) => e.getAttribute('aria-label')).catch(() => null);
  if (tab) shown.activeTab = tab;
  const editorText = await page
    .$eval('.editor-group-container.active .monaco-editor .view-lines', (e) => e.innerText)
    .catch(() => '');
  if (editorText.trim()) shown.editor = editorText;
  // Webviews (e.g. a Markdown preview) are nested iframes under .../webview/...;
  // other iframes (the web worker extension host) hold no visible text.
  const frameTexts = [];
  for (const frame of page.frames()) {
    if (frame === page.mainFrame() || !frame.url().includes('/webview/')) continue;
    const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
    if (text.trim()) frameTexts.push(text);
  }
  if (frameTexts.length) shown.webview = frameTexts.join('\n');
  const quickInput = await page
    .$eval('.quick-input-widget:not([style*="display: none"])', (e) => e.innerText)
    .catch(() => '');
  if (quickInput.trim()) shown.quickInput = quickInput;
  return shown;
}

async function screenshot(page, name) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, name);
  await page.screenshot({ path: file });
  return path.relative(repoRoot, file);
}

// ---- The checks -------------------------------------------------------------------
// Each returns { ok, detail }; a thrown error is a failed check, not a harness crash.

async function checkHover(page) {
  await openFile(page, 'docker-compose.yml');
  const spot = await locateInEditor(page, HOVER_LINE_TEXT, HOVER_TARGET);
  if (!spot) return { ok: false, detail: `line with ${HOVER_LINE_TEXT} not found in the editor` };
  const text = await hoverAt(page, spot);
  const shot = await screenshot(page, 'hover.png');
  if (text === null) return { ok: false, detail: `no hover widget appeared over ${HOVER_TARGET} in ${HOVER_LINE_TEXT} (${shot})` };
  const absent = missing(text, EXPECT_HOVER);
  return {
    ok: absent.length === 0,
    detail: `${absent.length ? `missing ${JSON.stringify(absent)} in ` : ''}hover "${oneLine(text)}" (${shot})`,
  };
}

async function checkProblems(page) {
  await page.mouse.move(0, 0);
  await page.keyboard.press('Escape');
  if (!(await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)'))) {
    return { ok: false, detail: 'command "View: Focus Problems" not found' };
  }
  await page.waitForSelector('.markers-panel', { timeout: 10_000 });
  // Diagnostics can arrive a little after the panel opens.
  let rows = [];
  let match;
  for (let i = 0; i < 20 && !match; i++) {
    rows = await readProblems(page);
    match = rows.find((label) => missing(label, EXPECT_PROBLEM).length === 0);
    if (!match) await sleep(250);
  }
  await sleep(300);
  const shot = await screenshot(page, 'problems.png');
  const listing = rows.length ? rows.map((r) => `\n      - ${oneLine(r, 200)}`).join('') : ' (none)';
  return {
    ok: Boolean(match),
    detail: `${rows.length} row(s)${match ? '' : `, none mentions ${JSON.stringify(EXPECT_PROBLEM)}`} (${shot}):${listing}`,
  };
}

async function checkLookup(page) {
  await page.keyboard.press('Escape');
  if (!(await runCommand(page, LOOKUP_COMMAND))) {
    const shot = await screenshot(page, 'lookup.png');
    return { ok: false, detail: `command "${LOOKUP_COMMAND}" not found in the palette (${shot})` };
  }
  // The command asks for a port or service: type it into whatever quick
  // input it opens (a quick pick or an input box). Wait for that one, not
  // the palette that is still closing (its value starts with ">").
  const asked = await page
    .waitForFunction(
      (selector) => {
        const input = document.querySelector(selector);
        return Boolean(input && input.offsetParent !== null && !input.value.startsWith('>'));
      },
      QUICK_INPUT,
      { timeout: 10_000 },
    )
    .then(() => true, () => false);
  if (!asked) {
    const shown = await readShown(page);
    const shot = await screenshot(page, 'lookup.png');
    return {
      ok: false,
      detail: `"${LOOKUP_COMMAND}" opened no input within 10 s (${shot}); notifications/dialogs: ${oneLine([shown.notifications, shown.dialog].filter(Boolean).join(' | ') || 'none', 300)}`,
    };
  }
  await page.fill(QUICK_INPUT, LOOKUP_QUERY);
  const row = page.locator(QUICK_ROW).filter({ hasText: LOOKUP_QUERY }).first();
  let picked = '';
  try {
    await row.waitFor({ timeout: 5_000 });
    picked = await row.innerText();
    await row.click();
  } catch {
    await page.keyboard.press('Enter'); // an input box has no rows
  }
  // The result may take a while to render (a Markdown preview webview took
  // about 4 s here): poll until it shows what we expect, up to 12 s.
  let shown = {};
  let text = '';
  let absent = EXPECT_LOOKUP;
  for (const deadline = Date.now() + 12_000; Date.now() < deadline; await sleep(500)) {
    shown = await readShown(page);
    text = Object.values(shown).join('\n');
    absent = missing(text, EXPECT_LOOKUP);
    if (absent.length === 0) break;
  }
  await sleep(400); // let the last paint land before the screenshot
  const shot = await screenshot(page, 'lookup.png');
  const sources = Object.entries(shown)
    .map(([where, what]) => `\n      ${where}: ${oneLine(what, 200)}`)
    .join('');
  return {
    ok: absent.length === 0 && text.length > 0,
    detail:
      `${absent.length ? `missing ${JSON.stringify(absent)}; ` : ''}picked "${oneLine(picked, 120)}" (${shot}); shown:` +
      (sources || ' nothing'),
  };
}

// ---- Activation time, as VS Code itself reports it ---------------------------------

/**
 * Opens "Developer: Show Running Extensions" and reads Port Lens's row: VS
 * Code measures each extension's activation and shows it there. This is a
 * measurement, printed, not a pass/fail check: the view is VS Code's own.
 */
async function readActivationTime(page) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    // The lookup leaves focus inside the Markdown preview's iframe, where F1
    // does not reach the workbench: close it and focus the side bar's title.
    await page.keyboard.press('Escape').catch(() => {});
    await page.locator('.part.sidebar .title-label').first().click().catch(() => {});
    if (!(await runCommand(page, 'Developer: Show Running Extensions'))) continue;
    const row = page.locator('.runtime-extensions-editor .monaco-list-row').filter({ hasText: 'Port Lens' }).first();
    try {
      await row.waitFor({ timeout: 15_000 });
    } catch {
      continue;
    }
    for (let i = 0; i < 20; i++) {
      const text = oneLine(await row.innerText(), 400);
      const ms = /(\d+)\s*ms/.exec(text)?.[1];
      if (ms !== undefined) {
        await page.keyboard.press('Control+W').catch(() => {});
        return `${ms} ms (${text})`;
      }
      await sleep(250);
    }
  }
  return undefined;
}

// ---- Main ---------------------------------------------------------------------------

async function main() {
  const server = await startCodeServer({
    name: 'e2e',
    beforeStart: installExtension,
    settings: { 'workbench.tips.enabled': false },
  });
  say(`code-server up at ${server.url} (pid ${server.pid})`);
  let browser;
  try {
    browser = await launchBrowser(server.dirs, { viewport: VIEWPORT });
    const { page } = browser;
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(path.join(repoRoot, 'test', 'fixtures', 'workspace'))}`);
    await waitForWorkbench(page);
    say('workbench ready');

    const listed = await codeServerCli(server.dirs, ['--list-extensions', '--show-versions']).catch((e) => String(e));
    if (!listed.includes(EXTENSION_ID)) say(`warning: code-server does not list ${EXTENSION_ID}: ${oneLine(listed, 200)}`);

    const results = [];
    for (const [name, check] of [
      ['hover', checkHover],
      ['problems', checkProblems],
      ['lookup', checkLookup],
    ]) {
      let outcome;
      try {
        outcome = await check(page);
      } catch (err) {
        outcome = { ok: false, detail: `error: ${oneLine(err?.message ?? err, 400)}` };
        await page.keyboard.press('Escape').catch(() => {});
      }
      say(`${outcome.ok ? 'PASS' : 'FAIL'} ${name}: ${outcome.detail}`);
      results.push(outcome.ok);
    }
    const activation = await readActivationTime(page).catch((err) => `not read: ${oneLine(err?.message ?? err, 200)}`);
    console.log(`VS Code reports Port Lens activation time: ${activation ?? 'not read (the Running Extensions view did not show it)'}`);
    return results;
  } finally {
    await browser?.close();
    await server.stop();
    say('code-server and browser stopped');
  }
}

let timer;
try {
  const timedOut = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${TIMEOUT_S} s`)), TIMEOUT_S * 1000);
  });
  const results = await Promise.race([main(), timedOut]);
  const passed = results.filter(Boolean).length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
} catch (err) {
  console.error(`harness error: ${err?.message ?? err}`);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
  // A timeout leaves main() running: exit now, the exit hook in
  // code-server.mjs kills the server's process group.
  process.exit(1);
} finally {
  clearTimeout(timer);
}
