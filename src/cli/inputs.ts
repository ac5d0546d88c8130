/** Turning command-line operands into a list of inputs: files as given, directories walked. */
import { realpathSync } from 'node:fs';
import { readdir, stat } from './fs-async.js';
import { join, resolve } from 'node:path';
import { matchesAny, type Glob } from './glob.js';

export const INPUT_EXTENSIONS = ['.md', '.txt', '.html', '.htm', '.xml', '.rss', '.atom', '.rdf', '.json'];

export type InputRef =
  | { kind: 'stdin'; name: '-' }
  /**
   * relDir: the file's directory below the walked operand ('' for a file named as is), for
   * --keep-dirs. regular: a plain file (not a pipe, FIFO or device, which are read differently).
   */
  | { kind: 'file'; name: string; relDir: string; regular: boolean }
  | { kind: 'error'; name: string; message: string };

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'not a directory';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EEXIST') return 'a file of that name exists';
  if (code === 'ENAMETOOLONG') return 'name too long';
  if (code === 'ENOSPC') return 'no space left on device';
  if (code === 'EROFS') return 'read-only file system';
  return (error as Error).message;
}

/** A directory's real path (links resolved), so an -o reached through a link is still skipped. */
export function realDirOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

export interface WalkOptions {
  /** Globs a walked file must match (none: the default extensions). */
  include: readonly Glob[];
  /** Globs that drop a walked file or a whole directory. */
  exclude: readonly Glob[];
  /** Directories never walked (the output directory, so a run never reads its own output). */
  skipDirs: readonly string[];
}

const NO_FILTER: WalkOptions = { include: [], exclude: [], skipDirs: [] };

function taken(rel: string, options: WalkOptions): boolean {
  if (matchesAny(rel, options.exclude)) return false;
  if (options.include.length) return matchesAny(rel, options.include);
  const lower = rel.toLowerCase();
  return INPUT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Files of a directory, recursively, in name order; hidden entries and unwanted names skipped. */
async function walk(root: string, rel: string, options: WalkOptions, out: InputRef[]): Promise<void> {
  const dir = rel ? join(root, rel) : root;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    out.push({ kind: 'error', name: dir, message: `cannot read directory: ${describe(error)}` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const childRel = rel ? `${rel}/${entry.name}` : entry.name;
    const path = join(root, childRel);
    if (entry.isDirectory()) {
      if (!matchesAny(childRel, options.exclude, true) && !options.skipDirs.includes(realDirOf(path)))
        await walk(root, childRel, options, out);
    } else if (!taken(childRel, options)) continue;
    else if (entry.isFile()) out.push({ kind: 'file', name: path, relDir: rel, regular: true });
    // A symbolic link to a file is followed (links to directories are not, so no walk can loop).
    else if (
      entry.isSymbolicLink() &&
      (await stat(path).then(
        (s) => s.isFile(),
        () => false,
      ))
    )
      out.push({ kind: 'file', name: path, relDir: rel, regular: true });
  }
}

export async function expandInputs(operands: readonly string[], options: WalkOptions = NO_FILTER): Promise<InputRef[]> {
  if (operands.length === 0) return [{ kind: 'stdin', name: '-' }];
  const out: InputRef[] = [];
  for (const operand of operands) {
    if (operand === '-') {
      out.push({ kind: 'stdin', name: '-' });
      continue;
    }
    try {
      const info = await stat(operand);
      if (info.isDirectory()) {
        const before = out.length;
        await walk(operand, '', options, out);
        if (out.length === before)
          out.push({
            kind: 'error',
            name: operand,
            message: `no input files in this directory (looked for ${options.include.length ? 'the --include patterns' : INPUT_EXTENSIONS.join(' ')})`,
          });
      } else out.push({ kind: 'file', name: operand, relDir: '', regular: info.isFile() });
    } catch (error) {
      out.push({ kind: 'error', name: operand, message: `cannot read: ${describe(error)}` });
    }
  }
  return out;
}

/** Input names from a --files-from list: one per line, or NUL-separated (`-0`); empty names skipped. */
export function splitNameList(text: string, nul: boolean): string[] {
  const list = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a byte-order mark
  return list.split(nul ? '\0' : /\r?\n/).filter((name) => name !== '');
}

export { describe as describeFsError };
