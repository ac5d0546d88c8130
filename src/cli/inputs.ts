/** Turning command-line operands into a list of inputs: files as given, directories walked. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export const INPUT_EXTENSIONS = ['.md', '.txt', '.html', '.htm', '.xml', '.rss', '.atom', '.rdf', '.json'];

export type InputRef = { kind: 'stdin'; name: '-' } | { kind: 'file'; name: string } | { kind: 'error'; name: string; message: string };

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

/** Files of a directory, recursively, in name order; hidden entries and other extensions skipped. */
async function walk(dir: string, out: InputRef[]): Promise<void> {
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
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, out);
    else if (!INPUT_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) continue;
    else if (entry.isFile()) out.push({ kind: 'file', name: path });
    // A symbolic link to a file is followed (links to directories are not, so no walk can loop).
    else if (entry.isSymbolicLink() && (await stat(path).then((s) => s.isFile(), () => false))) out.push({ kind: 'file', name: path });
  }
}

export async function expandInputs(operands: readonly string[]): Promise<InputRef[]> {
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
        await walk(operand, out);
        if (out.length === before) out.push({ kind: 'error', name: operand, message: `no input files in this directory (looked for ${INPUT_EXTENSIONS.join(' ')})` });
      } else out.push({ kind: 'file', name: operand });
    } catch (error) {
      out.push({ kind: 'error', name: operand, message: `cannot read: ${describe(error)}` });
    }
  }
  return out;
}

export { describe as describeFsError };
