/**
 * One unit of batch work: an input (a file, or content already read) → its items rendered in the
 * output format. Pure of the terminal and of other inputs, so it runs the same inline and in a
 * worker thread; what comes back is plain data that crosses threads by structured clone.
 */
import { readFileSync, statSync } from 'node:fs';
import { FeedcleanError, isFeedcleanError } from '../errors.js';
import { MAX_INPUT_BYTES } from '../input/decode.js';
import { normalizeEach } from '../pipeline.js';
import { renderMarkdown } from '../render/document.js';
import { renderNdjsonLine } from '../render/json.js';
import { renderJsonFeed } from '../render/jsonfeed.js';
import { builtInPacks, builtInBasePacks } from '../rules/index.js';
import { loadRuleFiles } from '../rules/load.js';
import type { RulePack } from '../rules/types.js';
import type { Explanation, Item, RenderedField } from '../types.js';
import { asciiJson } from './ascii.js';
import { describeFsError } from './inputs.js';
import { outputName } from './names.js';

export type OutputFormat = 'md' | 'json' | 'ndjson' | 'jsonfeed';

export interface JobOptions {
  format: OutputFormat;
  frontMatter: boolean;
  gallery: boolean;
  /** `--base`, when given. */
  base?: string;
  keepProxies: boolean;
  /** Compute each item's file name (only -o needs them). */
  fileNames: boolean;
  /** Rules files (`--rules`), already checked by the caller; each thread compiles them once. */
  rules: readonly RuleFile[];
  explain: boolean;
  /** JSON output in ASCII alone (--ascii). */
  ascii?: boolean;
  /** false (--no-site-packs): the built-in generic and mirror packs only. */
  sitePacks?: boolean;
}

export interface RuleFile {
  name: string;
  text: string;
}

/** A file to read, or content a caller already has (stdin, an NDJSON line). */
export type Job =
  /** path: a string, or the bytes of a name that is not UTF-8 (a Uint8Array once it has crossed to a worker). */
  { kind: 'file'; name: string; path: string | Uint8Array } | { kind: 'content'; name: string; content: string | Uint8Array };

export interface RenderedItem {
  /** The item in the output format, as its own file under `-o` would hold it. */
  text: string;
  /** Its file name under `-o` ('' when not asked for). */
  fileName: string;
  /** The item itself, only for `jsonfeed`, whose one document needs all of them. */
  item?: Item;
  /** With --explain, for formats that have no field for it (Markdown, JSON Feed): said on stderr. */
  explain?: { title: string | null; lines: Explanation[] };
  warnings: string[];
  /** Set (and nothing else is) for an entry of a feed that could not be cleaned: the others go on. */
  error?: string;
}

/**
 * A finished input, or one whose items are rendered as they are taken (the inline runner: a feed
 * of 100,000 entries is written item by item, never held whole). Taking the next item may throw
 * the input's error; `failure` turns it into the one-line message.
 */
export type JobResult = { ok: true; items: Iterable<RenderedItem> } | { ok: false; message: string };

export function tooLarge(bytes: number): FeedcleanError {
  const mib = (n: number) => `${Math.round(n / 2 ** 20)} MiB`;
  return new FeedcleanError('INPUT_TOO_LARGE', `input is too large (${mib(bytes)}; the limit is ${mib(MAX_INPUT_BYTES)})`);
}

export function readJobInput(job: Job): string | Uint8Array {
  if (job.kind === 'content') return job.content;
  // Bytes that crossed to a worker thread arrive as a plain Uint8Array; fs wants a Buffer.
  const path = typeof job.path === 'string' ? job.path : Buffer.from(job.path.buffer, job.path.byteOffset, job.path.byteLength);
  try {
    const info = statSync(path);
    if (info.isFile() && info.size > MAX_INPUT_BYTES) throw tooLarge(info.size);
    return readFileSync(path);
  } catch (error) {
    if (isFeedcleanError(error)) throw error;
    throw new FeedcleanError('READ_ERROR', `cannot read: ${describeFsError(error)}`);
  }
}

const EXTENSIONS: Record<OutputFormat, string> = { md: 'md', json: 'json', ndjson: 'ndjson', jsonfeed: 'json' };
/** What each format prints of the body: the item renders only that (Markdown needs no HTML or text). */
const RENDERINGS: Record<OutputFormat, readonly RenderedField[]> = {
  md: ['markdown'],
  json: ['markdown', 'text', 'html'],
  ndjson: ['markdown', 'text', 'html'],
  jsonfeed: ['text', 'html'],
};

function renderOne(item: Item, options: JobOptions): string {
  const text = renderFormat(item, options);
  return options.ascii ? asciiJson(text) : text;
}

function renderFormat(item: Item, options: JobOptions): string {
  switch (options.format) {
    case 'md':
      return renderMarkdown(item, { frontMatter: options.frontMatter });
    case 'ndjson':
      return renderNdjsonLine(item);
    case 'jsonfeed':
      return renderJsonFeed([item]);
    default:
      return `${JSON.stringify(item, null, 2)}\n`;
  }
}

const packsByOptions = new WeakMap<JobOptions, readonly RulePack[]>();

/** User packs first, so that their time zone wins over a built-in pack's for the same site. */
function packsOf(options: JobOptions): readonly RulePack[] {
  let packs = packsByOptions.get(options);
  if (!packs) {
    const builtIn = options.sitePacks === false ? builtInBasePacks : builtInPacks;
    packs = options.rules.length ? [...loadRuleFiles(options.rules), ...builtIn] : builtIn;
    packsByOptions.set(options, packs);
  }
  return packs;
}

// A run's source-wide warnings (a zone-less time read as UTC) are said once per source by each
// process or worker thread, not once per item.
const warnedSources = new Set<string>();

function* renderedItems(job: Job, options: JobOptions): Generator<RenderedItem> {
  const failed: RenderedItem[] = [];
  const items = normalizeEach(readJobInput(job), {
    input: job.name,
    keepProxies: options.keepProxies,
    gallery: options.gallery,
    ...(options.base ? { base: options.base } : {}),
    packs: packsOf(options),
    explain: options.explain,
    outputs: RENDERINGS[options.format],
    warnedSources,
    onEntryError: (error, index) => failed.push({ text: '', fileName: '', warnings: [], error: `entry ${index + 1}: ${failure(error)}` }),
  });
  const explainOnStderr = options.explain && (options.format === 'md' || options.format === 'jsonfeed');
  for (const item of items) {
    yield* failed.splice(0);
    const explain = item.explain;
    if (explainOnStderr) delete item.explain;
    yield {
      text: renderOne(item, options),
      fileName: options.fileNames ? outputName(item, EXTENSIONS[options.format]) : '',
      warnings: item.warnings,
      ...(options.format === 'jsonfeed' ? { item } : {}),
      ...(explainOnStderr && explain ? { explain: { title: item.title, lines: explain } } : {}),
    };
  }
  yield* failed.splice(0);
}

/** The one-line message for an error met while running a job. */
export function failure(error: unknown): string {
  if (isFeedcleanError(error)) return error.message;
  return `internal error (a bug in feedclean, please report it): ${(error as Error)?.message ?? String(error)}`;
}

/** The whole input at once (a worker thread sends back finished results). */
export function runJob(job: Job, options: JobOptions): JobResult {
  try {
    return { ok: true, items: [...renderedItems(job, options)] };
  } catch (error) {
    return { ok: false, message: failure(error) };
  }
}

/** The input item by item, as they are taken (see JobResult). */
export function streamJob(job: Job, options: JobOptions): JobResult {
  return { ok: true, items: renderedItems(job, options) };
}

export interface JobRunner {
  run(job: Job): Promise<JobResult>;
  close(): Promise<void>;
}

/**
 * Runs jobs on the calling thread, one at a time (one input, or --jobs 1). Each waits for the
 * event loop's next turn, so a Ctrl-C or a kill is heard between two inputs.
 */
export function inlineRunner(options: JobOptions): JobRunner {
  return {
    run: (job) => new Promise((resolve) => setImmediate(() => resolve(streamJob(job, options)))),
    close: () => Promise.resolve(),
  };
}
