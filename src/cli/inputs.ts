/** Turning command-line operands into a list of inputs: files as given, directories walked. */
import { realpathSync } from 'node:fs';
import { readdir, stat } from './fs-async.js';
import { join, resolve } from 'node:path';
import { matchesAny, type Glob } from './glob.js';

export const INPUT_EXTENSIONS = ['.md', '.txt', '.html', '.htm', '.xml', '.rss', '.atom', '.rdf', '.json'];

/**
 * A path as the file system has it: a string, or the bytes themselves when the name is not valid
 * UTF-8 (a name in Latin-1 or Shift_JIS from an old archive), which a string cannot carry.
 */
export type FsPath = string | Buffer;

export type InputRef =
  | { kind: 'stdin'; name: '-' }
  /**
   * name: as diagnostics and source.input say it (bytes that are not UTF-8 written \xNN); path:
   * what to open. relDir: the file's directory below the walked operand ('' for a file named as
   * is), for --keep-dirs. regular: a plain file (not a pipe, FIFO or device, read differently).
   */
  | { kind: 'file'; name: string; path: FsPath; relDir: string; regular: boolean }
  | { kind: 'error'; name: string; message: string };

/** Is this name valid UTF-8 (so a string carries it unchanged)? */
function isUtf8(bytes: Buffer): boolean {
  return Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);
}

/** A name in bytes as people can read it: UTF-8 as is, every other byte as \xNN. */
export function readableName(bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    const piece = length ? bytes.subarray(i, i + length) : null;
    if (piece && piece.length === length && isUtf8(piece)) {
      out += piece.toString('utf8');
      i += length;
    } else {
      out += `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
      i++;
    }
  }
  return out;
}

/** A name from bytes: a string where it is UTF-8, the bytes themselves where not. */
export function fsPathOf(bytes: Buffer): FsPath {
  return isUtf8(bytes) ? bytes.toString('utf8') : bytes;
}

function displayPath(path: FsPath): string {
  return typeof path === 'string' ? path : readableName(path);
}

function joinPath(dir: FsPath, name: Buffer): FsPath {
  if (typeof dir === 'string' && isUtf8(name)) return join(dir, name.toString('utf8'));
  const base = typeof dir === 'string' ? Buffer.from(dir) : dir;
  return Buffer.concat([base, base[base.length - 1] === 0x2f ? Buffer.alloc(0) : Buffer.from('/'), name]);
}

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
export function realDirOf(path: FsPath): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(displayPath(path));
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
async function walk(dir: FsPath, rel: string, options: WalkOptions, out: InputRef[]): Promise<void> {
  let entries;
  try {
    // As bytes: a name that is not UTF-8 would not survive being a string (it could not be opened).
    entries = (await readdir(dir, { withFileTypes: true, encoding: 'buffer' })).map((entry) => ({
      entry,
      name: readableName(entry.name as unknown as Buffer),
    }));
  } catch (error) {
    out.push({ kind: 'error', name: displayPath(dir), message: `cannot read directory: ${describe(error)}` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { entry, name } of entries) {
    if (name.startsWith('.')) continue;
    const childRel = rel ? `${rel}/${name}` : name;
    const path = joinPath(dir, entry.name as unknown as Buffer);
    const file = { kind: 'file', name: displayPath(path), path, relDir: rel, regular: true } as const;
    if (entry.isDirectory()) {
      if (!matchesAny(childRel, options.exclude, true) && !options.skipDirs.includes(realDirOf(path)))
        await walk(path, childRel, options, out);
    } else if (!taken(childRel, options)) continue;
    else if (entry.isFile()) out.push(file);
    // A symbolic link to a file is followed (links to directories are not, so no walk can loop).
    else if (
      entry.isSymbolicLink() &&
      (await stat(path).then(
        (s) => s.isFile(),
        () => false,
      ))
    )
      out.push(file);
  }
}

export async function expandInputs(operands: readonly FsPath[], options: WalkOptions = NO_FILTER): Promise<InputRef[]> {
  if (operands.length === 0) return [{ kind: 'stdin', name: '-' }];
  const out: InputRef[] = [];
  for (const operand of operands) {
    if (operand === '-') {
      out.push({ kind: 'stdin', name: '-' });
      continue;
    }
    const name = displayPath(operand);
    try {
      const info = await stat(operand);
      if (info.isDirectory()) {
        const before = out.length;
        await walk(operand, '', options, out);
        if (out.length === before)
          out.push({
            kind: 'error',
            name,
            message: `no input files in this directory (looked for ${options.include.length ? 'the --include patterns' : INPUT_EXTENSIONS.join(' ')})`,
          });
      } else out.push({ kind: 'file', name, path: operand, relDir: '', regular: info.isFile() });
    } catch (error) {
      out.push({ kind: 'error', name, message: `cannot read: ${describe(error)}` });
    }
  }
  return out;
}

/**
 * Input names from a --files-from list: one per line, or NUL-separated (`-0`); empty names skipped.
 * Split as bytes, so a name that is not UTF-8 stays the name of its file.
 */
export function splitNameList(list: Buffer, nul: boolean): FsPath[] {
  const text = list[0] === 0xef && list[1] === 0xbb && list[2] === 0xbf ? list.subarray(3) : list; // a byte-order mark
  const names: FsPath[] = [];
  const separator = nul ? 0 : 0x0a;
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf(separator, start);
    if (end < 0) end = text.length;
    let name = text.subarray(start, end);
    if (!nul && name[name.length - 1] === 0x0d) name = name.subarray(0, -1);
    if (name.length) names.push(fsPathOf(name));
    start = end + 1;
  }
  return names;
}

export { describe as describeFsError };
