// Prints the registry's figures:
//   - fidelity: share of IANA's assigned (port, transport) pairs whose first
//     IANA name comes out first (needs ../shared/data, skipped without it);
//   - load time: decoding the bundled table in a fresh process (median of 9);
//   - size: what the table adds to the minified extension bundle.
// Usage: node scripts/measure-registry.mjs   (after npm run build)
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'out', 'measure');
mkdirSync(outDir, { recursive: true });

const probeEntry = join(outDir, 'probe.ts');
writeFileSync(probeEntry, `
import { getRegistry } from '../../src/core/registry/registry';
export function load() { return getRegistry(); }
`);
await build({ entryPoints: [probeEntry], bundle: true, platform: 'node', format: 'cjs', outfile: join(outDir, 'probe.js'), logLevel: 'error' });
const { load } = await import(join(outDir, 'probe.js'));
const registry = load();

// 1. Fidelity against IANA's XML.
const xmlPath = join(root, '..', 'shared', 'data', 'service-names-port-numbers.xml');
if (existsSync(xmlPath)) {
  const xml = readFileSync(xmlPath, 'utf8');
  const firstName = new Map();
  for (const m of xml.matchAll(/<record\b[^>]*>([\s\S]*?)<\/record>/g)) {
    const body = m[1];
    const name = /<name>([^<]*)<\/name>/.exec(body)?.[1]?.trim();
    const number = /<number>([^<]*)<\/number>/.exec(body)?.[1]?.trim();
    const protocol = /<protocol>([^<]*)<\/protocol>/.exec(body)?.[1]?.trim();
    if (!name || !number || !protocol) continue;
    const [from, to = from] = number.split('-').map(Number);
    for (let p = from; p <= to; p++) {
      const key = `${p}/${protocol}`;
      if (!firstName.has(key)) firstName.set(key, name);
    }
  }
  let good = 0;
  const bad = [];
  for (const [key, name] of firstName) {
    const [port, transport] = key.split('/');
    const a = registry.lookup(Number(port)).find((x) => x.transport === transport);
    const ours = a?.services[0]?.name;
    if (ours === name) good++;
    else bad.push(`${key}: IANA ${name}, ours ${ours ?? `(${a?.status ?? 'none'})`}`);
  }
  const pct = (100 * good) / firstName.size;
  console.log(`fidelity: ${good}/${firstName.size} assigned (port, transport) pairs with IANA's first name first = ${pct.toFixed(3)}% (target >= 99.9%)`);
  if (bad.length) console.log(`  first mismatches:\n    ${bad.slice(0, 10).join('\n    ')}`);
} else {
  console.log('fidelity: skipped (../shared/data/service-names-port-numbers.xml is not here)');
}

// 2. Load time in fresh processes: evaluating the module and decoding the
// table, up to the first answer. Wall time suffers when other processes load
// the machine, so CPU time (user + system of this process) is printed beside it.
const timer = join(outDir, 'time-load.cjs');
writeFileSync(timer, `
const c0 = process.cpuUsage();
const t0 = performance.now();
const { load } = require(${JSON.stringify(join(outDir, 'probe.js'))});
load().lookup(80);
const wall = performance.now() - t0;
const cpu = process.cpuUsage(c0);
process.stdout.write(JSON.stringify({ wall, cpu: (cpu.user + cpu.system) / 1000 }));
`);
const samples = [];
for (let i = 0; i < 15; i++) samples.push(JSON.parse(execFileSync(process.execPath, [timer], { encoding: 'utf8' })));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const wall = samples.map((s) => s.wall);
const cpu = samples.map((s) => s.cpu);
console.log(`load time: median ${median(wall).toFixed(2)} ms wall (best ${Math.min(...wall).toFixed(2)}), ${median(cpu).toFixed(2)} ms CPU, over 15 fresh processes (target < 10 ms)`);

// 3. Size added to the minified bundle: the web extension with and without the table.
const emptyTable = {
  name: 'empty-registry',
  setup(b) {
    b.onResolve({ filter: /generated\/registry-data$/ }, () => ({ path: 'empty-registry', namespace: 'empty' }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({
      contents: 'export const REGISTRY_SOURCES = {}; export const REGISTRY_TEXT = "\\n\\n";',
      loader: 'ts',
    }));
  },
};
async function size(plugins) {
  const r = await build({
    entryPoints: [join(root, 'src/extension/web/main.ts')], bundle: true, minify: true, platform: 'browser', format: 'cjs',
    external: ['vscode'], write: false, plugins, logLevel: 'error',
  });
  return r.outputFiles[0].contents.length;
}
const withTable = await size([]);
const without = await size([emptyTable]);
console.log(`bundle size: web extension ${(withTable / 1024).toFixed(1)} KiB minified, of which the registry adds ${((withTable - without) / 1024).toFixed(1)} KiB (${withTable - without} bytes; target < 300 KB)`);

// 4. The CLI: one call with thousands of port queries, end to end (process start included).
const cli = join(root, 'dist', 'cli.js');
if (existsSync(cli)) {
  const ports = Array.from({ length: 5000 }, (_, i) => String((i * 13) % 65536));
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, [cli, 'lookup', '--json', ...ports], { maxBuffer: 256 * 1024 * 1024 });
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  console.log(`lookup: 5000 port queries in one CLI call: median ${runs[2].toFixed(0)} ms over 5 runs, process start included (target well under 1 s)`);
} else {
  console.log('lookup: skipped (dist/cli.js is not built: run npm run build)');
}
