// Scores the built CLI against the labelled corpus in ../shared/corpus:
//   node scripts/score-corpus.mjs [--fail-below 0.97] [--max-list N]
// Runs `node dist/cli.js scan --format json <files.txt entries>` from the corpus
// folder, converts the ports to score.py's JSONL, and prints score.py's report.
// Skips (exit 0) when the corpus is absent. With --fail-below, exits 1 when
// overall or macro-average precision or recall is below the threshold.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, '..', 'shared', 'corpus');
const args = process.argv.slice(2);

function option(name) {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const v = args[i + 1];
  if (v === undefined) {
    console.error(`score-corpus: ${name} needs a value`);
    process.exit(2);
  }
  return v;
}

const failBelowRaw = option('--fail-below');
const failBelow = failBelowRaw === undefined ? undefined : Number(failBelowRaw);
if (failBelow !== undefined && !(failBelow >= 0 && failBelow <= 1)) {
  console.error(`score-corpus: --fail-below wants a number between 0 and 1, got "${failBelowRaw}"`);
  process.exit(2);
}
const maxList = option('--max-list');

if (!existsSync(join(corpus, 'files.txt')) || !existsSync(join(corpus, 'score.py'))) {
  console.log(`score-corpus: no corpus at ${corpus}; skipped`);
  process.exit(0);
}
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('score-corpus: dist/cli.js is missing; run `node scripts/build.mjs` first');
  process.exit(2);
}

const files = readFileSync(join(corpus, 'files.txt'), 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
const scan = spawnSync(process.execPath, [cli, 'scan', '--format', 'json', ...files], {
  cwd: corpus,
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
});
if (scan.status !== 0) {
  console.error(`score-corpus: the scan failed with status ${scan.status}\n${scan.stderr}`);
  process.exit(2);
}
const { ports } = JSON.parse(scan.stdout);
const jsonl = ports.map((p) => JSON.stringify({ file: p.file, line: p.line, column: p.column, port: p.port, comment: p.comment })).join('\n');

const dir = mkdtempSync(join(tmpdir(), 'port-lens-score-'));
const detections = join(dir, 'detections.jsonl');
writeFileSync(detections, `${jsonl}\n`);
const py = spawnSync('python3', ['score.py', detections, ...(maxList ? ['--max-list', maxList] : [])], { cwd: corpus, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
rmSync(dir, { recursive: true, force: true });
if (py.error || py.status !== 0) {
  console.error(`score-corpus: score.py failed: ${py.error?.message ?? py.stderr}`);
  process.exit(2);
}
process.stdout.write(py.stdout);

if (failBelow !== undefined) {
  const overall = /^overall\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+\s+([\d.]+)\s+([\d.]+)/m.exec(py.stdout);
  const macro = /^macro-avg\s+([\d.]+)\s+([\d.]+)/m.exec(py.stdout);
  if (!overall || !macro) {
    console.error('score-corpus: could not read the overall and macro lines from score.py');
    process.exit(1);
  }
  const figures = { 'overall precision': overall[1], 'overall recall': overall[2], 'macro precision': macro[1], 'macro recall': macro[2] };
  const low = Object.entries(figures).filter(([, v]) => Number(v) < failBelow);
  if (low.length) {
    console.error(`score-corpus: below ${failBelow}: ${low.map(([k, v]) => `${k} ${v}`).join(', ')}`);
    process.exit(1);
  }
  console.log(`score-corpus: all of overall/macro precision/recall ≥ ${failBelow}`);
}
