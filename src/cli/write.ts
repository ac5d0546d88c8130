/** Writing item files into an output directory: atomically, and never over an existing file unless forced. */
import { mkdir, rename, writeFile, access, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { FeedcleanError } from '../errors.js';
import { describeFsError } from './inputs.js';

export class OutputDir {
  private readonly written = new Set<string>();
  private ready: Promise<void> | null = null;

  constructor(
    readonly dir: string,
    private readonly force: boolean,
  ) {}

  /** Writes `content` as `name` (made unique within this run); returns the path written. */
  async write(name: string, content: string): Promise<string> {
    this.ready ??= mkdir(this.dir, { recursive: true }).then(() => undefined);
    try {
      await this.ready;
    } catch (error) {
      throw new FeedcleanError('OUTPUT_DIR_ERROR', `cannot create output directory ${this.dir}: ${describeFsError(error)}`);
    }
    const path = this.uniquePath(name);
    if (!this.force && (await exists(path))) {
      throw new FeedcleanError('OUTPUT_ERROR', `${path} already exists (use --force to overwrite)`);
    }
    const temp = `${path}.${process.pid}.tmp`;
    try {
      await writeFile(temp, content);
      await rename(temp, path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw new FeedcleanError('OUTPUT_ERROR', `cannot write ${path}: ${describeFsError(error)}`);
    }
    return path;
  }

  /** Two items of one run with the same date and title get -2, -3 … rather than one overwriting the other. */
  private uniquePath(name: string): string {
    const dot = name.lastIndexOf('.');
    const stem = name.slice(0, dot);
    const ext = name.slice(dot);
    let candidate = join(this.dir, name);
    for (let n = 2; this.written.has(candidate); n++) candidate = join(this.dir, `${stem}-${n}${ext}`);
    this.written.add(candidate);
    return candidate;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
