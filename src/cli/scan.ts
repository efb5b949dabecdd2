import { readFileSync } from 'node:fs';
import { describePort } from '../core/describe';
import { lineCommentPrefix, scanText } from '../core/detector/index';
import type { FormatId, PortOccurrence } from '../core/detector/index';
import { isValidPort } from '../core/facts/ranges';
import { rangeLabel, summaryLine } from '../core/render';
import type { Severity } from '../core/rules/catalog';
import { checkPorts, type Finding } from '../core/rules/check';
import type { PortLensSettings } from '../core/settings';
import { loadCliSettings } from './config';
import { UsageError, type CliIo } from './io';
import { toSarif } from './sarif';
import { UnreadablePathError, walkPaths } from './walk';

/** One scanned file: what the rules engine needs to check it. */
export interface ScannedFile {
  /** The path as given on the command line, joined with the walked relative path. */
  readonly file: string;
  readonly absolute: string;
  readonly text: string;
  readonly format: FormatId;
  readonly occurrences: readonly PortOccurrence[];
}

/**
 * Walks the paths and scans every config file found. Throws
 * UnreadablePathError for a path that cannot be read.
 */
export function scanPaths(paths: readonly string[], cwd: string): ScannedFile[] {
  const files = walkPaths(paths, cwd);
  const scanned: ScannedFile[] = [];
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(f.absolute, 'utf8');
    } catch (error) {
      const e = error as { code?: string; message?: string };
      throw new UnreadablePathError(f.display, e.code === 'EISDIR' ? 'is a directory' : (e.code ?? e.message ?? String(error)));
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const { format, occurrences } = scanText({ text, fileName: f.absolute });
    scanned.push({ file: f.display, absolute: f.absolute, text, format, occurrences });
  }
  return scanned;
}

export type OutputFormat = 'text' | 'json' | 'sarif';
export type FailOn = 'error' | 'warning' | 'information';

export interface ScanOptions {
  readonly format: OutputFormat;
  readonly failOn?: FailOn;
  readonly config?: string;
  readonly paths: readonly string[];
}

type MutableOptions = { format: OutputFormat; failOn?: FailOn; config?: string };

/** Options that take a value, and how to store it. */
const VALUE_OPTIONS: Readonly<Record<string, (opts: MutableOptions, value: string) => void>> = {
  '--format': (opts, value) => {
    if (value !== 'text' && value !== 'json' && value !== 'sarif') throw new UsageError(`--format must be "text", "json" or "sarif", not "${value}"`);
    opts.format = value;
  },
  '--fail-on': (opts, value) => {
    if (value !== 'error' && value !== 'warning' && value !== 'information') {
      throw new UsageError(`--fail-on must be "error", "warning" or "information", not "${value}"`);
    }
    opts.failOn = value;
  },
  '--config': (opts, value) => {
    opts.config = value;
  },
};

export function parseScanArgs(args: readonly string[]): ScanOptions {
  const opts: MutableOptions = { format: 'text' };
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      paths.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg : arg.slice(0, eq);
      const set = VALUE_OPTIONS[name];
      if (!set) throw new UsageError(`unknown option "${arg}" for scan (expected --format, --fail-on or --config)`);
      const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      set(opts, value);
      continue;
    }
    paths.push(arg);
  }
  if (paths.length === 0) throw new UsageError('scan needs at least one file or directory');
  return { ...opts, paths };
}

/** A scanned file with the rules' findings. */
export interface CheckedFile extends ScannedFile {
  readonly findings: readonly Finding[];
}

export function checkFiles(files: readonly ScannedFile[], settings: PortLensSettings): CheckedFile[] {
  return files.map((f) => {
    const prefix = lineCommentPrefix(f.format);
    const findings = checkPorts({ text: f.text, occurrences: f.occurrences, settings, ...(prefix ? { lineCommentPrefix: prefix } : {}) });
    return { ...f, findings };
  });
}

/** A short meaning for a port; the registry description can be plugged in here. */
export type DescribePort = (occurrence: PortOccurrence) => string;

/** The registry's one-line meaning and the range: what `scan` prints beside each port. */
export const describeFromRegistry: DescribePort = ({ port }) => {
  if (!isValidPort(port)) return 'out of range (ports are 0-65535)';
  const d = describePort(port);
  return `${summaryLine(d)}; ${rangeLabel(d)}`;
};

export const describeRange: DescribePort = ({ port }) => {
  if (port > 65535) return 'out of range (> 65535)';
  if (port === 0) return 'port 0 (any free port / disabled)';
  if (port < 1024) return 'well-known (system) port';
  if (port < 49152) return 'registered port';
  return 'dynamic/private (ephemeral) port';
};

export function formatText(files: readonly CheckedFile[], describe: DescribePort = describeFromRegistry): string {
  let out = '';
  for (const f of files) {
    for (const o of f.occurrences) {
      const where = `${f.file}:${o.line + 1}:${o.column + 1}`;
      const note = o.comment ? ' (in a comment)' : '';
      out += `${where}  ${o.port}  ${o.role}  ${describe(o)}${note}\n`;
    }
  }
  const findings = files.flatMap((f) => f.findings.map((x) => ({ file: f.file, finding: x })));
  if (findings.length > 0) {
    out += `\n${findings.length} finding(s):\n`;
    for (const { file, finding } of findings) {
      out += `${file}:${finding.line + 1}:${finding.column + 1}  ${finding.severity}  ${finding.rule}  ${finding.message}\n`;
    }
  }
  return out;
}

export function formatJson(files: readonly CheckedFile[]): string {
  const ports = files.flatMap((f) =>
    f.occurrences.map((o) => ({
      file: f.file,
      line: o.line + 1,
      column: o.column + 1,
      port: o.port,
      role: o.role,
      format: o.format,
      comment: o.comment,
    })),
  );
  const findings = files.flatMap((f) =>
    f.findings.map((x) => ({ file: f.file, line: x.line + 1, column: x.column + 1, rule: x.rule, severity: x.severity, message: x.message })),
  );
  return `${JSON.stringify({ ports, findings }, null, 2)}\n`;
}

declare const PORT_LENS_VERSION: string | undefined;

const RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, information: 1, hint: 0 };

/**
 * `port-lens scan [--format text|json|sarif] [--fail-on LEVEL] [--config FILE] PATH...`:
 * exit 0 when the scan ran, 1 when --fail-on matched a finding, 2 on a usage
 * error or an unreadable path.
 */
export async function runScan(args: readonly string[], io: CliIo): Promise<number> {
  const opts = parseScanArgs(args);
  const { settings, problems } = loadCliSettings(io.cwd, opts.config);
  for (const problem of problems) io.err(`port-lens: warning: ${problem}; using the default\n`);
  let scanned: ScannedFile[];
  try {
    scanned = scanPaths(opts.paths, io.cwd);
  } catch (error) {
    if (error instanceof UnreadablePathError) {
      io.err(`port-lens: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const files = checkFiles(scanned, settings);
  if (opts.format === 'json') io.out(formatJson(files));
  else if (opts.format === 'sarif') io.out(`${JSON.stringify(toSarif(files, typeof PORT_LENS_VERSION === 'string' ? PORT_LENS_VERSION : '0.0.0'), null, 2)}\n`);
  else io.out(formatText(files));
  if (opts.failOn) {
    const threshold = RANK[opts.failOn];
    const failing = files.reduce((n, f) => n + f.findings.filter((x) => RANK[x.severity] >= threshold).length, 0);
    if (failing > 0) {
      io.err(`port-lens: ${failing} finding(s) at or above ${opts.failOn}\n`);
      return 1;
    }
  }
  return 0;
}
