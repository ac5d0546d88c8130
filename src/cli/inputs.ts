/** Turning command-line operands into a list of inputs: files as given, directories walked. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export const INPUT_EXTENSIONS = ['.md', '.txt', '.html', '.htm', '.xml', '.rss', '.atom', '.rdf', '.json'];

export type InputRef = { kind: 'stdin'; name: '-' } | { kind: 'file'; name: string } | { kind: 'error'; name: string; message: string };

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
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
    else if (entry.isFile() && INPUT_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) out.push({ kind: 'file', name: path });
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
      if (info.isDirectory()) await walk(operand, out);
      else out.push({ kind: 'file', name: operand });
    } catch (error) {
      out.push({ kind: 'error', name: operand, message: `cannot read: ${describe(error)}` });
    }
  }
  return out;
}

export { describe as describeFsError };
