import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { isConfigFileName } from '../core/detector/index';

/** A file the walk found: `display` is the path as given joined with the walked relative path. */
export interface WalkedFile {
  readonly display: string;
  readonly absolute: string;
}

/** Thrown when a path on the command line cannot be read. */
export class UnreadablePathError extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(`cannot read "${path}": ${reason}`);
  }
}

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

interface IgnoreLayer {
  /** Directory the .gitignore sits in. */
  readonly base: string;
  readonly rules: Ignore;
}

function reasonOf(error: unknown): string {
  const e = error as { code?: string; message?: string };
  if (e.code === 'ENOENT') return 'no such file or directory';
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  return e.code ?? e.message ?? String(error);
}

function loadGitignore(dir: string): IgnoreLayer | undefined {
  try {
    const text = readFileSync(join(dir, '.gitignore'), 'utf8');
    return { base: dir, rules: ignore().add(text) };
  } catch {
    return undefined;
  }
}

function ignored(layers: readonly IgnoreLayer[], absolute: string, isDir: boolean): boolean {
  for (const layer of layers) {
    const rel = relative(layer.base, absolute).split(sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    if (layer.rules.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

/**
 * Expands the command line's paths: files are taken as they are (whatever
 * their name), directories are walked for config files (by name), skipping
 * node_modules, VCS folders and whatever .gitignore files along the way ignore.
 * Throws UnreadablePathError for a path that does not exist or cannot be read.
 */
export function walkPaths(paths: readonly string[], cwd: string): WalkedFile[] {
  const files: WalkedFile[] = [];
  for (const given of paths) {
    const absolute = resolve(cwd, given);
    let isDir: boolean;
    try {
      isDir = statSync(absolute).isDirectory();
    } catch (error) {
      throw new UnreadablePathError(given, reasonOf(error));
    }
    if (!isDir) {
      files.push({ display: given, absolute });
      continue;
    }
    const walk = (dir: string, layers: readonly IgnoreLayer[]): void => {
      const own = loadGitignore(dir);
      const active = own ? [...layers, own] : layers;
      let names: string[];
      try {
        names = readdirSync(dir).sort();
      } catch (error) {
        if (dir === absolute) throw new UnreadablePathError(given, reasonOf(error));
        return;
      }
      for (const name of names) {
        if (SKIPPED_DIRS.has(name)) continue;
        const p = join(dir, name);
        let st;
        try {
          st = statSync(p);
        } catch {
          continue;
        }
        if (st.isDirectory()) {
          if (!ignored(active, p, true)) walk(p, active);
        } else if (st.isFile() && isConfigFileName(p) && !ignored(active, p, false)) {
          files.push({ display: join(given, relative(absolute, p)), absolute: p });
        }
      }
    };
    walk(absolute, []);
  }
  return files;
}
