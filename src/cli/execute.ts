/**
 * A plan (plan.ts) carried out: rules read, inputs found, jobs run inline or on worker threads, and
 * every item handed to the emitter in input order, whatever the parallelism. The only place that
 * talks to the terminal: data to stdout, one-line diagnostics to stderr, each naming its input.
 */
import { statSync } from 'node:fs';
import { readFile } from './fs-async.js';
import { nodeOs } from '../lazy-node.js';
import { isFeedcleanError } from '../errors.js';
import { compileGlob, type Glob } from './glob.js';
import { describeFsError, expandInputs, realDirOf, splitNameList, type FsPath } from './inputs.js';
import { fileEntries, ndjsonEntries, readAll, type Entry } from './entries.js';
import { runInOrder } from './in-order.js';
import { inlineRunner, type JobOptions, type JobResult, type JobRunner } from './job.js';
import { readRuleFiles, renderRuleListing, type LoadedRules } from './rules-command.js';
import type { ProgressStream, Tally } from './progress.js';
import { Session, displayName, oneLine } from './session.js';
import { EXIT_INPUT_FAILED, EXIT_OK, EXIT_USAGE, usageError, type Plan, type RunPlan } from './plan.js';
import { runLearn } from './learn-command.js';
import { SMALL_BATCH_INPUTS, planThreads } from './threads.js';
import { OutputDir } from './write.js';

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

/** --timeout when not given (not given, it leaves the choice of threads to the batch's size). */
const DEFAULT_TIMEOUT_SECONDS = 120;

/** The bytes of the named files, where known (stdin and pipes count as nothing). */
export function inputBytes(names: readonly FsPath[]): number {
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
  return bytes;
}

export async function execute(plan: Plan, io: CliIO): Promise<number> {
  if (plan.kind === 'exit') {
    io.stdout.write(plan.stdout);
    io.stderr.write(plan.stderr);
    return plan.code;
  }
  // Rules files are read and checked before any input: a mistake in one stops the run at once.
  const rules = await readRuleFiles(plan.options.rules);
  if (typeof rules === 'string') {
    io.stderr.write(`feedclean: ${oneLine(rules)}\n`);
    return EXIT_USAGE;
  }
  if (plan.kind === 'rules') {
    io.stdout.write(renderRuleListing(rules, plan.options.format));
    return EXIT_OK;
  }
  if (plan.kind === 'learn') return runLearn(plan, rules, io);
  return runBatch(plan, rules, io);
}

/** The input names: the operands, and those of --files-from; or the one-line reason they cannot be read. */
export async function inputNames(plan: Pick<RunPlan, 'operands' | 'options'>, io: CliIO): Promise<FsPath[] | { error: string }> {
  const { options } = plan;
  const names: FsPath[] = [...plan.operands];
  if (options.filesFrom === undefined) return names;
  try {
    // A list of names is not an input: no input size limit (a million paths is ~80 MB).
    const list = options.filesFrom === '-' ? Buffer.from(await readAll(io.stdin, Infinity)) : await readFile(options.filesFrom);
    // (One by one: a spread of a list of 200,000 names as arguments overflows the stack.)
    for (const name of splitNameList(list, options.null)) names.push(name);
  } catch (error) {
    const why = isFeedcleanError(error) ? error.message : describeFsError(error);
    return { error: `feedclean: ${displayName(options.filesFrom)}: cannot read the list of inputs: ${oneLine(why)}` };
  }
  return names;
}

export interface Inputs {
  entries: AsyncIterable<Entry> | Iterable<Entry>;
  /** Inputs found (0 for a stream, whose length is not known ahead). */
  total: number;
  /** The files to read (stdin as `-`). */
  paths: FsPath[];
}

/** The entries to run: lines of an NDJSON stream, or the files found under the names given. */
export async function findInputs(
  plan: Pick<RunPlan, 'operands' | 'options'>,
  names: FsPath[],
  io: CliIO,
  stop: AbortSignal,
): Promise<Inputs | { usage: string }> {
  const { options } = plan;
  if (options.inputFormat === 'ndjson') return { entries: ndjsonEntries(names, () => io.stdin, stop), total: 0, paths: names };
  const outputDir = options.output ? realDirOf(options.output) : null;
  // Writing into a directory that is itself walked as input would feed every re-run its own outputs.
  if (outputDir && plan.operands.some((o) => o !== '-' && realDirOf(o) === outputDir)) {
    return {
      usage: `-o ${displayName(options.output!)} is also an input directory: a later run would read its outputs as inputs; write somewhere else (a subdirectory is fine)`,
    };
  }
  let include: Glob[];
  let exclude: Glob[];
  try {
    include = options.include.map(compileGlob);
    exclude = options.exclude.map(compileGlob);
  } catch (error) {
    return { usage: `bad --include/--exclude pattern: ${(error as Error).message}` };
  }
  const refs = await expandInputs(names, { include, exclude, skipDirs: outputDir ? [outputDir] : [] });
  const timeoutMs = (options.timeout ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
  return {
    entries: fileEntries(refs, () => io.stdin, stop, timeoutMs),
    total: refs.length,
    paths: refs.map((r) => (r.kind === 'file' ? r.path : r.name)),
  };
}

async function runBatch(plan: RunPlan, rules: LoadedRules, io: CliIO): Promise<number> {
  const { options } = plan;
  const names = await inputNames(plan, io);
  if ('error' in names) {
    io.stderr.write(`${names.error}\n`);
    return EXIT_INPUT_FAILED;
  }
  if (options.filesFrom !== undefined && !names.length) return EXIT_OK; // an empty list is an empty batch, as with xargs -r
  const streaming = options.inputFormat === 'ndjson';
  // Aborted by Ctrl-C or a kill: a stream that is still open (a pipe whose writer has not finished)
  // stops being waited for, and so do inputs still running.
  const stopReading = new AbortController();
  const inputs = await findInputs(plan, names, io, stopReading.signal);
  if ('usage' in inputs) return execute(usageError(inputs.usage), io);
  const { total } = inputs;

  const fileInputs = streaming ? [] : inputs.paths.filter((n) => n !== '-');
  const out = options.output ? new OutputDir(options.output, options.force, fileInputs) : null;
  const jobOptions: JobOptions = {
    format: options.format,
    frontMatter: options.frontMatter,
    gallery: options.gallery,
    ...(options.base ? { base: options.base } : {}),
    keepProxies: options.keepProxies,
    fileNames: out !== null,
    rules: rules.files,
    explain: options.explain,
    ascii: options.ascii,
    sitePacks: options.sitePacks,
  };
  const timeoutSeconds = options.timeout ?? DEFAULT_TIMEOUT_SECONDS;
  const threads = planThreads({
    jobs: options.jobs,
    streaming,
    inputs: total,
    // Sizes are only looked at when they can change the decision (a few inputs, no time limit).
    bytes:
      options.jobs === undefined && options.timeout === undefined && total > 1 && total < SMALL_BATCH_INPUTS ? inputBytes(inputs.paths) : 0,
    timeoutGiven: options.timeout !== undefined,
    cpus: options.jobs === undefined && !streaming && total > 1 ? nodeOs().availableParallelism() : 1,
  });
  // Worker threads (and their module) only when there is more than one input to share out.
  const runner: JobRunner = threads.parallel
    ? new (await import('./pool.js')).WorkerPool(jobOptions, {
        size: threads.workers,
        timeoutMs: timeoutSeconds * 1000,
        maxHeapMb: 4096,
        entry: io.workerEntry,
      })
    : inlineRunner(jobOptions);
  const tally: Tally = { inputs: total, done: 0, items: 0, failed: 0, skipped: 0, startedMs: Date.now() };
  const session = new Session(plan, io, tally, out, stopReading);
  // One input on this thread has nothing to wind down: the default (end at once) is what a user
  // pressing Ctrl-C wants, and an -o write is atomic anyway.
  const coordinate = io.handleSignals === true && (threads.parallel || streaming || total > 1);
  if (coordinate) session.listen();
  const start = async (entry: Entry): Promise<[Entry, JobResult]> => {
    if ('error' in entry) return [entry, { ok: false, message: entry.error }];
    try {
      return [entry, await runner.run(await entry.job)];
    } catch (error) {
      return [entry, { ok: false, message: isFeedcleanError(error) ? error.message : `cannot read: ${describeFsError(error)}` }];
    }
  };
  let outputDirFailed: string | null = null;
  try {
    const window = Math.max(16, threads.jobs * 16);
    await runInOrder(inputs.entries, start, ([entry, result]) => session.handle(entry, result), window, stopReading.signal);
  } catch (error) {
    if (!(isFeedcleanError(error) && error.code === 'OUTPUT_DIR_ERROR')) throw error;
    outputDirFailed = error.message;
  } finally {
    await runner.close();
    if (coordinate) session.unlisten();
  }
  // Nothing more can be written: said once, not once per input.
  if (outputDirFailed !== null) return session.stopOnOutput(outputDirFailed);
  return session.finish();
}
