/**
 * Writing item files into an output directory: atomically and exclusively (the whole file written
 * under a hidden temporary name, then hard-linked to its name, which fails if the name exists), never
 * over an input, never over an existing file unless forced, and never through a symbolic link below
 * the output directory (see write()). That is what lets two runs share one directory and lets
 * re-running an interrupted or grown batch finish the rest. Synchronous on purpose: a signal is
 * handled between two writes, never in the middle of one.
 */
import {
  accessSync,
  constants as fsConstants,
  linkSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  type PathLike,
} from 'node:fs';
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
// …and these too when they concern the output directory itself (a --keep-dirs subdirectory that
// cannot be written fails its own items only).
const FATAL_AT_TOP = new Set(['EACCES', 'EPERM']);
// link() refused by the file system itself (FAT, some FUSE and network mounts): exclusive create instead.
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV']);

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? '';
}

export class OutputDir {
  /** Paths written or found identical in this run: a later item with the same name takes the next. */
  private readonly taken = new Set<string>();
  private readonly readyDirs = new Set<string>();
  private inFlight: string | null = null;
  /** The inputs' identities (device and inode), read when an existing file is first met. */
  private inputIds: Set<string> | null = null;
  /** The output directory's real path, once made: every --keep-dirs subdirectory must really be below it. */
  private realRoot: string | null = null;
  private linksWork = true;

  constructor(
    readonly dir: string,
    private readonly force: boolean,
    private readonly inputPaths: readonly PathLike[] = [],
  ) {}

  /**
   * Writes `content` as `name` under `subdir`. Same-named items of a run get -2, -3 …; an existing
   * file with the same content is this item written by an earlier (or a concurrent) run: skipped,
   * unless --force; one with other content belongs to another item and is left alone, the item
   * taking the next name — so re-running a grown archive, or two runs at once, lose nothing and
   * duplicate nothing. Choosing the name and creating the file are one step (link() fails on a name
   * that exists), so a name another process takes meanwhile is seen as taken, never overwritten.
   */
  write(subdir: string, name: string, content: string): WriteOutcome {
    const dir = this.prepare(subdir);
    const dot = name.lastIndexOf('.');
    let temp: string | null = null;
    try {
      for (let n = 1; ; n++) {
        const target = join(dir, n === 1 ? name : `${name.slice(0, dot)}-${n}${name.slice(dot)}`);
        if (this.taken.has(target)) continue;
        for (;;) {
          const existing = this.existing(target);
          if (existing === 'input') throw new FeedcleanError('OUTPUT_ERROR', `${target} is an input; not overwriting it`);
          if (existing === 'other') break; // a directory, a link or the like in the way: the next name
          if (existing === 'file' && !this.force) {
            if (!sameContent(target, content)) break;
            this.taken.add(target);
            return { skipped: target };
          }
          temp ??= this.writeTemp(dir, subdir, name, content, target);
          if (existing === 'file') {
            // --force: replace it, still atomically.
            this.checkContained(dir, subdir, target);
            const from = temp;
            this.attempt(target, subdir, () => renameSync(from, target));
          } else if (!this.createExclusively(dir, subdir, temp, target, content)) continue; // taken meanwhile: look again
          this.taken.add(target);
          return { written: target };
        }
      }
    } finally {
      this.removeTemp(); // linked (or renamed) by now, or not wanted
    }
  }

  /** Links the finished temporary file to `target`; false when the name was taken meanwhile. */
  private createExclusively(dir: string, subdir: string, temp: string, target: string, content: string): boolean {
    this.checkContained(dir, subdir, target);
    if (this.linksWork) {
      try {
        linkSync(temp, target);
        return true;
      } catch (error) {
        if (codeOf(error) === 'EEXIST') return false;
        if (!NO_LINKS.has(codeOf(error))) throw this.failure(target, subdir, error);
        this.linksWork = false;
      }
    }
    try {
      writeFileSync(target, content, { flag: 'wx' });
      return true;
    } catch (error) {
      if (codeOf(error) === 'EEXIST') return false;
      try {
        unlinkSync(target); // a part written before the disk filled up
      } catch {
        // nothing was created
      }
      throw this.failure(target, subdir, error);
    }
  }

  /** Runs one file-system step of writing `target`, its failure turned into the run's one-line error. */
  private attempt<T>(target: string, subdir: string, step: () => T): T {
    try {
      return step();
    } catch (error) {
      throw this.failure(target, subdir, error);
    }
  }

  private failure(target: string, subdir: string, error: unknown): FeedcleanError {
    const code = codeOf(error);
    const fatal = FATAL.has(code) || (!subdir && FATAL_AT_TOP.has(code));
    return new FeedcleanError(fatal ? 'OUTPUT_DIR_ERROR' : 'OUTPUT_ERROR', `cannot write ${target}: ${describeFsError(error)}`);
  }

  private writeTemp(dir: string, subdir: string, name: string, content: string, target: string): string {
    const temp = join(dir, `.${basename(name)}.${process.pid}.feedclean-tmp`);
    this.checkContained(dir, subdir, target);
    this.inFlight = temp;
    // 'wx': never through a file (or planted link) already there.
    this.attempt(target, subdir, () => writeFileSync(temp, content, { flag: 'wx' }));
    return temp;
  }

  private existing(target: string): 'none' | 'file' | 'input' | 'other' {
    let info;
    try {
      // Without an exception for the usual answer (no such file): building one costs more than the call.
      info = lstatSync(target, { throwIfNoEntry: false });
    } catch {
      return 'none'; // cannot be looked at (a directory on the way not searchable): writing says why
    }
    if (!info) return 'none';
    if (info.isSymbolicLink()) {
      // A link in the way is never written through; it is only an input if it leads to one.
      try {
        if (this.isInput(statSync(target))) return 'input';
      } catch {
        // a dangling link
      }
      return 'other';
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

  /**
   * Right before a file is created below a --keep-dirs subdirectory: the subdirectory must still be
   * the one made (a link swapped in for it since, to anywhere, is refused).
   */
  private checkContained(dir: string, subdir: string, target: string): void {
    if (!subdir) return;
    let real: string;
    try {
      real = realpathSync.native(dir);
    } catch (error) {
      throw new FeedcleanError('OUTPUT_ERROR', `cannot write ${target}: ${describeFsError(error)}`);
    }
    if (real !== join(this.realRoot!, subdir))
      throw new FeedcleanError('OUTPUT_ERROR', `cannot write ${target}: a directory on its way is a symbolic link; not writing through it`);
  }

  /** Removes a temporary file left by an interrupted write (called from signal handlers). */
  removeTemp(): void {
    if (this.inFlight) {
      try {
        unlinkSync(this.inFlight);
      } catch {
        // already removed or never created
      }
      this.inFlight = null;
    }
  }

  /**
   * Makes the output directory (once), and a --keep-dirs subdirectory one level at a time, never
   * through a symbolic link; clears temporary files that killed runs left in each. Failing to make
   * the output directory itself ends the run; a subdirectory fails its item only.
   */
  private prepare(subdir: string): string {
    const dir = subdir ? join(this.dir, subdir) : this.dir;
    if (this.readyDirs.has(dir)) return dir;
    if (!this.realRoot) {
      try {
        mkdirSync(this.dir, { recursive: true });
        this.realRoot = realpathSync.native(this.dir);
      } catch (error) {
        throw new FeedcleanError('OUTPUT_DIR_ERROR', `cannot create output directory ${this.dir}: ${whyNotMade(this.dir, error)}`);
      }
      this.clearTemps(this.dir);
      this.readyDirs.add(this.dir);
      if (!subdir) return dir;
    }
    let path = this.dir;
    for (const part of subdir.split('/')) {
      path = join(path, part);
      const problem = makeRealDir(path);
      if (problem) throw new FeedcleanError('OUTPUT_ERROR', `cannot create output directory ${path}: ${problem}`);
    }
    this.checkContained(dir, subdir, dir);
    this.clearTemps(dir);
    this.readyDirs.add(dir);
    return dir;
  }

  private clearTemps(dir: string): void {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const entry of entries) {
      const pid = TEMP.exec(entry)?.[1];
      if (pid && !alive(Number(pid))) {
        try {
          unlinkSync(join(dir, entry));
        } catch {
          // another run cleaned it first
        }
      }
    }
  }
}

/** Makes one directory level, or says why it cannot be one we write into (null: it is a real directory). */
function makeRealDir(path: string): string | null {
  for (let tries = 0; tries < 2; tries++) {
    try {
      const info = lstatSync(path);
      if (info.isSymbolicLink()) return 'it is a symbolic link; not writing through it';
      return info.isDirectory() ? null : 'a file of that name exists';
    } catch (error) {
      if (codeOf(error) !== 'ENOENT') return describeFsError(error);
    }
    try {
      mkdirSync(path);
      return null;
    } catch (error) {
      if (codeOf(error) !== 'EEXIST') return whyNotMade(path, error);
      // made by another run meanwhile: look at it again
    }
  }
  return 'it keeps changing';
}

/**
 * Why a directory could not be made. A recursive mkdir on a read-only file system reports ENOENT
 * for the missing level it could not create; the nearest existing ancestor says what is really wrong.
 */
function whyNotMade(path: string, error: unknown): string {
  if (codeOf(error) !== 'ENOENT') return describeFsError(error);
  for (let up = dirname(path); ; up = dirname(up)) {
    let isDir = false;
    try {
      isDir = statSync(up).isDirectory();
    } catch {
      if (up !== dirname(up)) continue; // missing too: look further up
    }
    try {
      if (isDir) accessSync(up, fsConstants.W_OK);
    } catch (denied) {
      return describeFsError(denied);
    }
    return describeFsError(error);
  }
}

function sameContent(path: string, content: string): boolean {
  try {
    return readFileSync(path, 'utf8') === content;
  } catch {
    return false;
  }
}
