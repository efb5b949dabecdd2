// Builds everything the extension, the CLI and the tests need:
//   1. the registry table from the npm packages (generated/registry-data.ts)
//   2. esbuild bundles: the extension for Node and for the browser, and the CLI
//   3. the test files, one bundle each, under out/
// Usage: node scripts/build.mjs [--production] [--watch]
// Any failure exits non-zero: a broken build must never look green.
import { build, context } from 'esbuild';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

function run(script) {
  const r = spawnSync(process.execPath, [join(root, 'scripts', script)], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${script} failed with status ${r.status}`);
}

/** Every *.ts file below `dir`, relative to the root. */
function tsFiles(dir) {
  const out = [];
  const walk = (d) => {
    let names;
    try { names = readdirSync(d); } catch { return; }
    for (const name of names) {
      const p = join(d, name);
      if (name === 'node_modules' || name === 'fixtures') continue;
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(relative(root, p));
    }
  };
  walk(join(root, dir));
  return out;
}

const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

const common = {
  absWorkingDir: root,
  define: { PORT_LENS_VERSION: JSON.stringify(version) },
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  target: 'es2022',
  logLevel: 'warning',
  legalComments: 'none',
};

const configs = [
  {
    ...common,
    entryPoints: ['src/extension/node/main.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
  },
  {
    // VS Code for the Web: no Node built-ins may be reached from here.
    ...common,
    entryPoints: ['src/extension/web/main.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
  },
];

if (!production) {
  const tests = [...tsFiles('test/unit'), ...tsFiles('test/cli'), ...tsFiles('test/integration')];
  if (tests.length > 0) {
    configs.push({
      ...common,
      entryPoints: tests,
      outdir: 'out/test',
      outbase: 'test',
      platform: 'node',
      format: 'cjs',
      external: ['vscode', 'fast-check', 'ajv', 'ajv-draft-04', 'typescript'],
      // mocha's parallel-mode worker pool is never used by our test index.
      logOverride: { 'require-resolve-not-external': 'silent' },
    });
  }
}

try {
  run('generate-registry.mjs');
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  // A production build (for the .vsix) leaves the compiled tests alone.
  if (!production) rmSync(join(root, 'out'), { recursive: true, force: true });
  if (watch) {
    for (const c of configs) await (await context(c)).watch();
    console.log('watching for changes…');
  } else {
    await Promise.all(configs.map((c) => build(c)));
    console.log(`built ${configs.length} bundles${production ? ' (production)' : ''}`);
  }
} catch (error) {
  console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
