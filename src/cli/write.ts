/**
 * Writing item files into an output directory: atomically (a hidden temporary file, then rename),
 * never over an input, and never over an existing file unless forced (see write()), which is what
 * makes re-running an interrupted or grown batch finish the rest. Synchronous on purpose: a signal
 * is handled between two writes, never in the middle of one.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FeedcleanError } from '../errors.js';
import { describeFsError } from './inputs.js';

const TEMP = /^\..+\.(\d+)\.feedclean-tmp$/;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export type WriteOutcome = { written: string } | { skipped: string };

// Errors after which nothing more can be written anywhere in the directory: say so once and stop.
const FATAL = new Set(['ENOSPC', 'EROFS', 'EDQUOT']);

export class OutputDir {
  /** Paths written or found identical in this run: a later item with the same name takes the next. */
  private readonly taken = new Set<string>();
  private readonly readyDirs = new Set<string>();
  private inFlight: string | null = null;
  /** The inputs' identities (device and inode), read when an existing file is first met. */
  private inputIds: Set<string> | null = null;

  constructor(
    readonly dir: string,
    private readonly force: boolean,
    private readonly inputPaths: readonly string[] = [],
  ) {}

  /**
   * Writes `content` as `name` under `subdir`. Same-named items of a run get -2, -3 …; an existing
   * file with the same content is this item written by an earlier run (skipped, unless --force);
   * one with other content belongs to another item and is left alone, the item taking the next
   * name — so re-running a grown archive loses nothing and duplicates nothing.
   */
  write(subdir: string, name: string, content: string): WriteOutcome {
    const dir = join(this.dir, subdir);
    this.prepare(dir, subdir !== '');
    const dot = name.lastIndexOf('.');
    for (let n = 1; ; n++) {
      const target = join(dir, n === 1 ? name : `${name.slice(0, dot)}-${n}${name.slice(dot)}`);
      if (this.taken.has(target)) continue;
      const existing = this.existing(target);
      if (existing === 'input') throw new FeedcleanError('OUTPUT_ERROR', `${target} is an input; not overwriting it`);
      if (existing === 'file' && !this.force) {
        if (!sameContent(target, content)) continue;
        this.taken.add(target);
        return { skipped: target };
      }
      if (existing === 'other') continue; // a directory or the like in the way
      this.taken.add(target);
      this.writeAtomically(target, content);
      return { written: target };
    }
  }

  private existing(target: string): 'none' | 'file' | 'input' | 'other' {
    let info;
    try {
      info = statSync(target);
    } catch {
      return 'none';
    }
    if (this.isInput(info)) return 'input';
    return info.isFile() ? 'file' : 'other';
  }

  private isInput(info: { dev: number; ino: number }): boolean {
    if (!this.inputIds) {
      this.inputIds = new Set();
      for (const path of this.inputPaths) {
        try {
          const s = statSync(path);
          this.inputIds.add(`${s.dev}:${s.ino}`);
        } catch {
          // an input that is gone cannot be overwritten
        }
      }
    }
    return this.inputIds.has(`${info.dev}:${info.ino}`);
  }

  private writeAtomically(target: string, content: string): void {
    const temp = join(dirname(target), `.${basename(target)}.${process.pid}.feedclean-tmp`);
    this.inFlight = temp;
    try {
      // 'wx': never through a file (or planted link) already there.
      writeFileSync(temp, content, { flag: 'wx' });
      renameSync(temp, target);
    } catch (error) {
      this.removeTemp();
      const code = (error as NodeJS.ErrnoException).code ?? '';
      throw new FeedcleanError(FATAL.has(code) ? 'OUTPUT_DIR_ERROR' : 'OUTPUT_ERROR', `cannot write ${target}: ${describeFsError(error)}`);
    }
    this.inFlight = null;
  }

  /** Removes a temporary file left by an interrupted write (called from signal handlers). */
  removeTemp(): void {
    if (this.inFlight) {
      try {
        unlinkSync(this.inFlight);
      } catch {
        // already renamed or never created
      }
      this.inFlight = null;
    }
  }

  /**
   * Creates the directory once, and clears temporary files that killed runs left in it. Failing to
   * make the output directory itself ends the run; a subdirectory (--keep-dirs) fails its item only.
   */
  private prepare(dir: string, isSubdir: boolean): void {
    if (this.readyDirs.has(dir)) return;
    try {
      mkdirSync(dir, { recursive: true });
      for (const entry of readdirSync(dir)) {
        const pid = TEMP.exec(entry)?.[1];
        if (pid && !alive(Number(pid))) {
          try {
            unlinkSync(join(dir, entry));
          } catch {
            // another run cleaned it first
          }
        }
      }
    } catch (error) {
      throw new FeedcleanError(
        isSubdir ? 'OUTPUT_ERROR' : 'OUTPUT_DIR_ERROR',
        `cannot create output directory ${dir}: ${describeFsError(error)}`,
      );
    }
    this.readyDirs.add(dir);
  }
}

function sameContent(path: string, content: string): boolean {
  try {
    return readFileSync(path, 'utf8') === content;
  } catch {
    return false;
  }
}
