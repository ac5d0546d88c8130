/**
 * argv → exit code. The only place that talks to the terminal: data to stdout, one-line
 * diagnostics to stderr, each naming its input. Inputs run inline or on worker threads, and come
 * out in input order whatever the parallelism; every input is processed whatever happens to the
 * others.
 */
import { once } from 'node:events';
import { statSync } from 'node:fs';
import { readFile } from './fs-async.js';
import { nodeOs } from '../lazy-node.js';
import { CommanderError } from 'commander';
import { isFeedcleanError } from '../errors.js';
import { compileGlob, type Glob } from './glob.js';
import { describeFsError, expandInputs, realDirOf, splitNameList } from './inputs.js';
import { fileEntries, ndjsonEntries, readAll, type Entry } from './entries.js';
import { orAborted, runInOrder } from './in-order.js';
import { ItemEmitter } from './emit.js';
import { inlineRunner, type JobResult, type JobRunner } from './job.js';
import { readRuleFiles, renderRuleListing } from './rules-command.js';
import { PROGRESS_MIN_INPUTS, ProgressBar, summaryLine, type ProgressStream, type Tally } from './progress.js';
import { buildProgram, type CliOptions } from './program.js';
import { OutputDir } from './write.js';
import { version } from './version.js';

export interface CliIO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & ProgressStream;
  /** Called as soon as an input fails, so a caller cut short (a closed pipe) still knows. */
  onFailure?: () => void;
  /** Handle Ctrl-C and kill (the bin does): finish cleanly, say how far the run got. */
  handleSignals?: boolean;
  /** The script worker threads start from (the bin gives itself: it loads the bundle fastest). */
  workerEntry?: string;
}

export const EXIT_OK = 0;
export const EXIT_INPUT_FAILED = 1;
export const EXIT_USAGE = 2;
const EXIT_SIGNAL: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** Names as they appear in one-line diagnostics: control characters (a newline in a file name) escaped. */
function displayName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1));
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

// Worker threads cost some 25 ms each to start (the bundle loaded, the JIT warmed again): a few
// small inputs are done on this thread sooner. Big inputs (a feed of thousands of items) repay them.
const SMALL_BATCH_INPUTS = 16;
const SMALL_BATCH_BYTES = 4 * 2 ** 20;
/** --timeout when not given (not given, it leaves the choice of threads to the batch's size). */
const DEFAULT_TIMEOUT_SECONDS = 120;

/** Fewer than 16 inputs, under 4 MiB in all (stdin and pipes, of unknown size, count as small). */
export function smallBatch(names: readonly string[]): boolean {
  if (names.length >= SMALL_BATCH_INPUTS) return false;
  let bytes = 0;
  for (const name of names) {
    if (name === '-') continue;
    try {
      const info = statSync(name);
      if (info.isFile()) bytes += info.size;
    } catch {
      // It fails on its own, later, with its own message.
    }
  }
  return bytes < SMALL_BATCH_BYTES;
}

function parseArgs(argv: readonly string[], io: CliIO): { operands: string[]; options: CliOptions } | number {
  const program = buildProgram(version);
  program.exitOverride();
  program.configureOutput({
    writeOut: (s) => io.stdout.write(s),
    writeErr: (s) => io.stderr.write(s),
    outputError: (s, write) => write(`feedclean: ${oneLine(s.replace(/^error:\s*/, ''))} (see feedclean --help)\n`),
  });
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help'
        ? EXIT_OK
        : EXIT_USAGE;
    }
    throw error;
  }
  return { operands: program.args, options: program.opts<CliOptions>() };
}

/** What is wrong with this combination of options, or null. */
function usageProblem(operands: readonly string[], o: CliOptions): string | null {
  const stdinUses = operands.filter((i) => i === '-').length + (o.filesFrom === '-' ? 1 : 0);
  if (o.output === '') return '-o needs a directory name';
  if (o.force && o.output === undefined) return '--force only applies with -o';
  if (o.keepDirs && o.output === undefined) return '--keep-dirs only applies with -o';
  if (o.null && o.filesFrom === undefined) return '-0 only applies with --files-from';
  if (stdinUses > 1) return 'stdin ("-") can be read only once';
  if (o.filesFrom !== undefined && o.inputFormat === 'ndjson') return '--files-from and --input-format ndjson do not mix';
  return null;
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv, io);
  if (typeof parsed === 'number') return parsed;
  const { operands, options } = parsed;
  const problem = usageProblem(operands, options);
  if (problem) {
    io.stderr.write(`feedclean: ${problem} (see feedclean --help)\n`);
    return EXIT_USAGE;
  }
  // Rules files are read and checked before any input: a mistake in one stops the run at once.
  const rules = await readRuleFiles(options.rules);
  if (typeof rules === 'string') {
    io.stderr.write(`feedclean: ${oneLine(rules)}\n`);
    return EXIT_USAGE;
  }
  if (operands[0] === 'rules' && operands.length > 1) {
    io.stderr.write(
      'feedclean: "feedclean rules" lists the rule packs and takes no inputs (a file named rules: ./rules) (see feedclean --help)\n',
    );
    return EXIT_USAGE;
  }
  if (operands.length === 1 && operands[0] === 'rules' && options.filesFrom === undefined) {
    io.stdout.write(renderRuleListing(rules, options.format));
    return EXIT_OK;
  }
  if (operands.length === 0 && options.filesFrom === undefined && io.stdin.isTTY) {
    io.stderr.write('feedclean: no input: give files or directories, or pipe an item into stdin (see feedclean --help)\n');
    return EXIT_USAGE;
  }

  let names = [...operands];
  if (options.filesFrom !== undefined) {
    try {
      // A list of names is not an input: no input size limit (a million paths is ~80 MB).
      const list =
        options.filesFrom === '-'
          ? Buffer.from(await readAll(io.stdin, Infinity)).toString('utf8')
          : await readFile(options.filesFrom, 'utf8');
      names.push(...splitNameList(list, options.null));
    } catch (error) {
      const why = isFeedcleanError(error) ? error.message : describeFsError(error);
      io.stderr.write(`feedclean: ${displayName(options.filesFrom)}: cannot read the list of inputs: ${oneLine(why)}\n`);
      return EXIT_INPUT_FAILED;
    }
    if (!names.length) return EXIT_OK; // an empty list is an empty batch, as with xargs -r
  }

  const timeoutSeconds = options.timeout ?? DEFAULT_TIMEOUT_SECONDS;
  const streaming = options.inputFormat === 'ndjson';
  // Aborted by Ctrl-C or a kill: a stream that is still open (a pipe whose writer has not finished)
  // stops being waited for, and so do inputs still running.
  const stopReading = new AbortController();
  let total = 0;
  let entries: AsyncIterable<Entry> | Iterable<Entry>;
  if (streaming) {
    entries = ndjsonEntries(names, () => io.stdin, stopReading.signal);
  } else {
    const outputDir = options.output ? realDirOf(options.output) : null;
    // Writing into a directory that is itself walked as input would feed every re-run its own outputs.
    if (outputDir && operands.some((o) => o !== '-' && realDirOf(o) === outputDir)) {
      io.stderr.write(
        `feedclean: -o ${displayName(options.output!)} is also an input directory: a later run would read its outputs as inputs; write somewhere else (a subdirectory is fine) (see feedclean --help)\n`,
      );
      return EXIT_USAGE;
    }
    let include: Glob[];
    let exclude: Glob[];
    try {
      include = options.include.map(compileGlob);
      exclude = options.exclude.map(compileGlob);
    } catch (error) {
      io.stderr.write(`feedclean: bad --include/--exclude pattern: ${(error as Error).message} (see feedclean --help)\n`);
      return EXIT_USAGE;
    }
    const refs = await expandInputs(names, { include, exclude, skipDirs: outputDir ? [outputDir] : [] });
    total = refs.length;
    names = refs.map((r) => r.name);
    entries = fileEntries(refs, () => io.stdin, stopReading.signal, timeoutSeconds * 1000);
  }

  const fileInputs = streaming ? [] : names.filter((n) => n !== '-');
  const out = options.output ? new OutputDir(options.output, options.force, fileInputs) : null;
  const jobOptions = {
    format: options.format,
    frontMatter: options.frontMatter,
    gallery: options.gallery,
    keepProxies: options.keepProxies,
    fileNames: out !== null,
    rules: rules.files,
    explain: options.explain,
  };
  // An NDJSON stream is one of many copies an engine (GNU parallel, Hadoop, Spark) runs, one per
  // CPU: threads inside each would oversubscribe the CPUs and multiply memory, so it takes one
  // unless told otherwise. A batch of files uses every CPU, unless it is too small to repay the
  // workers' start-up (see smallBatch).
  // A time limit asked for is one only workers can keep: then even a small batch runs on them.
  const jobs =
    options.jobs ?? (streaming || total <= 1 || (options.timeout === undefined && smallBatch(names)) ? 1 : nodeOs().availableParallelism());
  const parallel = jobs > 1 && (streaming || total > 1);
  // Never more workers than inputs: each costs its start-up and tens of megabytes.
  const workers = streaming ? jobs : Math.min(jobs, total);
  // Worker threads (and their module) only when there is more than one input to share out.
  const runner: JobRunner = parallel
    ? new (await import('./pool.js')).WorkerPool(jobOptions, {
        size: workers,
        timeoutMs: timeoutSeconds * 1000,
        maxHeapMb: 4096,
        entry: io.workerEntry,
      })
    : inlineRunner(jobOptions);

  const tally: Tally = { inputs: total, done: 0, items: 0, failed: 0, skipped: 0, startedMs: Date.now() };
  // Not when the data itself goes to the terminal: the bar would be drawn into it.
  const dataOnTerminal = !out && (io.stdout as { isTTY?: boolean }).isTTY === true;
  const bar =
    !options.quiet && !streaming && !dataOnTerminal && io.stderr.isTTY && total >= PROGRESS_MIN_INPUTS
      ? new ProgressBar(io.stderr, tally)
      : null;
  const say = (line: string) => {
    bar?.clear();
    io.stderr.write(`${line}\n`);
  };
  // With NDJSON input, stderr is machine-read too: one JSON object per diagnostic.
  const report = (name: string, message: string, kind: 'error' | 'warning') =>
    say(
      streaming
        ? JSON.stringify({ name, [kind]: message })
        : `feedclean: ${displayName(name)}: ${kind === 'warning' ? 'warning: ' : ''}${oneLine(message)}`,
    );

  let interrupted: string | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) process.exit(EXIT_SIGNAL[signal] ?? 130); // a second Ctrl-C: stop now
    interrupted = signal;
    out?.removeTemp();
    stopReading.abort();
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  // One input on this thread has nothing to wind down: the default (end at once) is what a user
  // pressing Ctrl-C wants, and an -o write is atomic anyway.
  const coordinate = io.handleSignals === true && (parallel || streaming || total > 1);
  if (coordinate) for (const s of signals) process.on(s, onSignal);

  // A reader that stops reading must not keep a Ctrl-C or a kill from being heard.
  const write = async (text: string) => {
    // With the signal, an interrupted wait leaves no 'drain' listener behind.
    if (!io.stdout.write(text)) await orAborted(once(io.stdout, 'drain', { signal: stopReading.signal }), stopReading.signal);
  };
  let outputDirFailed = false;
  const emitter = new ItemEmitter({
    format: options.format,
    out,
    keepDirs: options.keepDirs,
    tally,
    report,
    say,
    write,
    explain: (name, line) =>
      say(
        streaming ? JSON.stringify({ name, explain: line.replace(/^explain: /, '') }) : `feedclean: ${displayName(name)}: ${oneLine(line)}`,
      ),
    writeNow: (text) => io.stdout.write(text),
    onFailure: io.onFailure,
    stopped: stopReading.signal,
  });
  const handle = async (entry: Entry, result: JobResult) => {
    await emitter.emit(entry, result);
    bar?.update();
    // A turn of the event loop between two inputs, so a Ctrl-C or a kill is heard: results already
    // at hand (inline runs, a full window of worker results) would otherwise be written one after
    // another with nothing but promise callbacks between them, and the signal heard only at the end.
    await new Promise<void>((resolve) => setImmediate(resolve));
  };

  const window = Math.max(16, jobs * 16);
  const start = async (entry: Entry): Promise<[Entry, JobResult]> => {
    if ('error' in entry) return [entry, { ok: false, message: entry.error }];
    try {
      return [entry, await runner.run(await entry.job)];
    } catch (error) {
      return [entry, { ok: false, message: isFeedcleanError(error) ? error.message : `cannot read: ${describeFsError(error)}` }];
    }
  };
  try {
    await runInOrder(entries, start, ([entry, result]) => handle(entry, result), window, stopReading.signal);
  } catch (error) {
    if (!(isFeedcleanError(error) && error.code === 'OUTPUT_DIR_ERROR')) throw error;
    // Nothing more can be written: say so once, not once per input.
    say(streaming ? JSON.stringify({ error: error.message }) : `feedclean: ${oneLine(error.message)}`);
    io.onFailure?.();
    outputDirFailed = true;
  } finally {
    await runner.close();
    if (coordinate) for (const s of signals) process.off(s, onSignal);
  }
  if (outputDirFailed) return EXIT_INPUT_FAILED;

  bar?.clear();
  if (interrupted) {
    emitter.finishInterrupted();
    const of = total ? ` of ${total.toLocaleString('en-US')}` : '';
    if (streaming) say(JSON.stringify({ interrupted, inputs: tally.done, items: tally.items, failed: tally.failed }));
    else
      say(
        `feedclean: interrupted after ${tally.done.toLocaleString('en-US')}${of} inputs (${summaryLine(tally, Date.now())}); every output written is whole${out ? '; run the same command again to do the rest' : ''}`,
      );
    return EXIT_SIGNAL[interrupted] ?? 130;
  }
  await emitter.finish();
  if (!options.quiet && !streaming && (total > 1 || out)) say(`feedclean: ${summaryLine(tally, Date.now())}`);
  return tally.failed ? EXIT_INPUT_FAILED : EXIT_OK;
}
