/**
 * Writing item files into an output directory: atomically (a hidden temporary file, then rename),
 * never over an input, and never over an existing file unless forced: an existing one is skipped,
 * which is what makes re-running an interrupted batch finish the rest. Synchronous on purpose: a
 * signal is handled between two writes, never in the middle of one.
 */
import { existsSync, mkdirSync, readdirSync, realpathSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
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

export class OutputDir {
  private readonly claimed = new Set<string>();
  private readonly readyDirs = new Set<string>();
  private inFlight: string | null = null;
  private readonly inputs: Set<string>;

  constructor(
    readonly dir: string,
    private readonly force: boolean,
    inputPaths: readonly string[] = [],
  ) {
    this.inputs = new Set(inputPaths.map((p) => resolve(p)));
  }

  /** Writes `content` as `name` under `subdir` (made unique within this run). */
  write(subdir: string, name: string, content: string): WriteOutcome {
    const target = this.claim(join(this.dir, subdir), name);
    this.prepare(dirname(target));
    if (this.isInput(target)) throw new FeedcleanError('OUTPUT_ERROR', `${target} is an input; not overwriting it`);
    if (!this.force && existsSync(target)) return { skipped: target };
    const temp = join(dirname(target), `.${basename(target)}.${process.pid}.feedclean-tmp`);
    this.inFlight = temp;
    try {
      writeFileSync(temp, content);
      renameSync(temp, target);
    } catch (error) {
      this.removeTemp();
      throw new FeedcleanError('OUTPUT_ERROR', `cannot write ${target}: ${describeFsError(error)}`);
    }
    this.inFlight = null;
    return { written: target };
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

  private isInput(target: string): boolean {
    if (!this.inputs.size) return false;
    if (this.inputs.has(resolve(target))) return true;
    try {
      return this.inputs.has(realpathSync(target));
    } catch {
      return false;
    }
  }

  /** Creates the directory once, and clears temporary files that killed runs left in it. */
  private prepare(dir: string): void {
    if (this.readyDirs.has(dir)) return;
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new FeedcleanError('OUTPUT_DIR_ERROR', `cannot create output directory ${dir}: ${describeFsError(error)}`);
    }
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
    this.readyDirs.add(dir);
  }

  /** Two items of one run with the same date and title get -2, -3 … rather than one overwriting the other. */
  private claim(dir: string, name: string): string {
    const dot = name.lastIndexOf('.');
    const stem = name.slice(0, dot);
    const ext = name.slice(dot);
    let candidate = join(dir, name);
    for (let n = 2; this.claimed.has(candidate); n++) candidate = join(dir, `${stem}-${n}${ext}`);
    this.claimed.add(candidate);
    return candidate;
  }
}
