/**
 * argv → exit code. The only place that talks to the terminal: data to stdout, one-line
 * diagnostics to stderr, each naming its input. Every input is processed whatever happens to the
 * others.
 */
import { readFile, stat } from 'node:fs/promises';
import { CommanderError } from 'commander';
import { FeedcleanError, isFeedcleanError } from '../errors.js';
import { MAX_INPUT_BYTES } from '../input/decode.js';
import { normalize } from '../pipeline.js';
import { renderMarkdown } from '../render/document.js';
import { renderJson, renderNdjsonLine } from '../render/json.js';
import { renderJsonFeed } from '../render/jsonfeed.js';
import type { Item } from '../types.js';
import { describeFsError, expandInputs, type InputRef } from './inputs.js';
import { outputName } from './names.js';
import { buildProgram, type CliOptions } from './program.js';
import { OutputDir } from './write.js';
import { version } from './version.js';

export interface CliIO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Called as soon as an input fails, so a caller cut short (a closed pipe) still knows. */
  onFailure?: () => void;
}

export const EXIT_OK = 0;
export const EXIT_INPUT_FAILED = 1;
export const EXIT_USAGE = 2;

function tooLarge(bytes: number): FeedcleanError {
  const mib = (n: number) => `${Math.round(n / 2 ** 20)} MiB`;
  return new FeedcleanError('INPUT_TOO_LARGE', `input is too large (${mib(bytes)}; the limit is ${mib(MAX_INPUT_BYTES)})`);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_INPUT_BYTES) throw tooLarge(size);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

async function readInput(ref: InputRef, io: CliIO): Promise<Uint8Array> {
  if (ref.kind === 'stdin') return readAll(io.stdin);
  try {
    const info = await stat(ref.name);
    if (info.isFile() && info.size > MAX_INPUT_BYTES) throw tooLarge(info.size);
    return await readFile(ref.name);
  } catch (error) {
    if (isFeedcleanError(error)) throw error;
    throw new FeedcleanError('READ_ERROR', `cannot read: ${describeFsError(error)}`);
  }
}

/** Names as they appear in one-line diagnostics: control characters (a newline in a file name) escaped. */
function displayName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1));
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function render(item: Item, options: CliOptions): string {
  if (options.format === 'md') return renderMarkdown(item, { frontMatter: options.frontMatter, galleries: options.gallery });
  if (options.format === 'ndjson') return renderNdjsonLine(item);
  if (options.format === 'jsonfeed') return renderJsonFeed([item]);
  return `${JSON.stringify(item, null, 2)}\n`;
}

function parseArgs(argv: readonly string[], io: CliIO): { inputs: string[]; options: CliOptions } | number {
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
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT_OK : EXIT_USAGE;
    }
    throw error;
  }
  return { inputs: program.args, options: program.opts<CliOptions>() };
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv, io);
  if (typeof parsed === 'number') return parsed;
  const { inputs, options } = parsed;
  const usage = (message: string) => {
    io.stderr.write(`feedclean: ${message} (see feedclean --help)\n`);
    return EXIT_USAGE;
  };
  if (options.output === '') return usage('-o needs a directory name');
  if (options.force && options.output === undefined) return usage('--force only applies with -o');
  if (inputs.filter((i) => i === '-').length > 1) return usage('stdin ("-") can be read only once');
  if (inputs.length === 0 && io.stdin.isTTY) {
    io.stderr.write('feedclean: no input: give files or directories, or pipe an item into stdin (see feedclean --help)\n');
    return EXIT_USAGE;
  }
  const refs = await expandInputs(inputs);
  const out = options.output ? new OutputDir(options.output, options.force) : null;
  const collected: Item[] = [];
  let failed = 0;
  let firstDocument = true;
  const report = (name: string, message: string) => io.stderr.write(`feedclean: ${displayName(name)}: ${oneLine(message)}\n`);
  const fail = (name: string, message: string) => {
    failed++;
    io.onFailure?.();
    report(name, message);
  };

  for (const ref of refs) {
    if (ref.kind === 'error') {
      fail(ref.name, ref.message);
      continue;
    }
    try {
      const items = normalize(await readInput(ref, io), { input: ref.name, keepProxies: options.keepProxies, gallery: options.gallery });
      for (const item of items) {
        for (const warning of item.warnings) report(ref.name, `warning: ${warning}`);
        if (out) {
          const ext = options.format === 'md' ? 'md' : options.format === 'jsonfeed' ? 'json' : options.format;
          await out.write(outputName(item, ext), render(item, options));
        } else if (options.format === 'json' || options.format === 'jsonfeed') {
          collected.push(item);
        } else {
          // Markdown documents are separated by a blank line, so a front-matter fence never turns the
          // previous document's last line into a heading.
          io.stdout.write(`${options.format === 'md' && !firstDocument ? '\n' : ''}${render(item, options)}`);
          firstDocument = false;
        }
      }
    } catch (error) {
      if (isFeedcleanError(error) && error.code === 'OUTPUT_DIR_ERROR') {
        // Nothing more can be written: say so once, not once per input.
        io.stderr.write(`feedclean: ${oneLine(error.message)}\n`);
        io.onFailure?.();
        return EXIT_INPUT_FAILED;
      }
      if (isFeedcleanError(error)) fail(ref.name, error.message);
      else fail(ref.name, `internal error (a bug in feedclean, please report it): ${(error as Error)?.message ?? String(error)}`);
    }
  }
  if (!out && options.format === 'json') io.stdout.write(renderJson(collected));
  if (!out && options.format === 'jsonfeed') io.stdout.write(renderJsonFeed(collected));
  return failed ? EXIT_INPUT_FAILED : EXIT_OK;
}
