import { readFileSync } from 'node:fs';
import { scanText } from '../core/detector/index';
import type { FormatId, PortOccurrence } from '../core/detector/index';
import { UsageError, type CliIo } from './io';
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

export type OutputFormat = 'text' | 'json';

export interface ScanOptions {
  readonly format: OutputFormat;
  readonly paths: readonly string[];
}

/** Options that take a value, and how to store it; extend this table for new options. */
const VALUE_OPTIONS: Readonly<Record<string, (opts: { format: OutputFormat }, value: string) => void>> = {
  '--format': (opts, value) => {
    if (value !== 'text' && value !== 'json') throw new UsageError(`--format must be "text" or "json", not "${value}"`);
    opts.format = value;
  },
};

export function parseScanArgs(args: readonly string[]): ScanOptions {
  const opts: { format: OutputFormat } = { format: 'text' };
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
      if (!set) throw new UsageError(`unknown option "${arg}" for scan`);
      const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      set(opts, value);
      continue;
    }
    paths.push(arg);
  }
  if (paths.length === 0) throw new UsageError('scan needs at least one file or directory');
  return { format: opts.format, paths };
}

/** A short meaning for a port; the registry description can be plugged in here. */
export type DescribePort = (occurrence: PortOccurrence) => string;

export const describeRange: DescribePort = ({ port }) => {
  if (port > 65535) return 'out of range (> 65535)';
  if (port === 0) return 'port 0 (any free port / disabled)';
  if (port < 1024) return 'well-known (system) port';
  if (port < 49152) return 'registered port';
  return 'dynamic/private (ephemeral) port';
};

export function formatText(files: readonly ScannedFile[], describe: DescribePort = describeRange): string {
  let out = '';
  for (const f of files) {
    for (const o of f.occurrences) {
      const where = `${f.file}:${o.line + 1}:${o.column + 1}`;
      const note = o.comment ? ' (in a comment)' : '';
      out += `${where}  ${o.port}  ${o.role}  ${describe(o)}${note}\n`;
    }
  }
  return out;
}

export function formatJson(files: readonly ScannedFile[]): string {
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
  return `${JSON.stringify({ ports, findings: [] }, null, 2)}\n`;
}

/**
 * `port-lens scan [--format text|json] PATH...`: exit 0 when the scan ran,
 * 2 on a usage error or an unreadable path.
 */
export async function runScan(args: readonly string[], io: CliIo): Promise<number> {
  const opts = parseScanArgs(args);
  let files: ScannedFile[];
  try {
    files = scanPaths(opts.paths, io.cwd);
  } catch (error) {
    if (error instanceof UnreadablePathError) {
      io.err(`port-lens: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  io.out(opts.format === 'json' ? formatJson(files) : formatText(files));
  return 0;
}
