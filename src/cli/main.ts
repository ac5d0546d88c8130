/**
 * argv → exit code. The only place that talks to the terminal: data to stdout, one-line
 * diagnostics to stderr, each naming its input. Every input is processed whatever happens to the
 * others.
 */
import { readFile } from 'node:fs/promises';
import { CommanderError } from 'commander';
import { isFeedcleanError } from '../errors.js';
import { normalize } from '../pipeline.js';
import { renderMarkdown } from '../render/document.js';
import { renderJson, renderNdjsonLine } from '../render/json.js';
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
}

export const EXIT_OK = 0;
export const EXIT_INPUT_FAILED = 1;
export const EXIT_USAGE = 2;

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

async function readInput(ref: InputRef, io: CliIO): Promise<Uint8Array> {
  if (ref.kind === 'stdin') return readAll(io.stdin);
  try {
    return await readFile(ref.name);
  } catch (error) {
    throw Object.assign(new Error(`cannot read: ${describeFsError(error)}`), { userFacing: true });
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function render(item: Item, options: CliOptions): string {
  if (options.format === 'md') return renderMarkdown(item, { frontMatter: options.frontMatter, galleries: options.gallery });
  if (options.format === 'ndjson') return renderNdjsonLine(item);
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
  if (inputs.length === 0 && io.stdin.isTTY) {
    io.stderr.write('feedclean: no input: give files or directories, or pipe an item into stdin (see feedclean --help)\n');
    return EXIT_USAGE;
  }
  const refs = await expandInputs(inputs);
  const out = options.output ? new OutputDir(options.output, options.force) : null;
  const collected: Item[] = [];
  let failed = 0;
  let firstDocument = true;
  const report = (name: string, message: string) => io.stderr.write(`feedclean: ${name}: ${oneLine(message)}\n`);

  for (const ref of refs) {
    if (ref.kind === 'error') {
      report(ref.name, ref.message);
      failed++;
      continue;
    }
    try {
      const items = normalize(await readInput(ref, io), { input: ref.name, keepProxies: options.keepProxies, gallery: options.gallery });
      for (const item of items) {
        for (const warning of item.warnings) report(ref.name, `warning: ${warning}`);
        if (out) {
          const ext = options.format === 'md' ? 'md' : options.format;
          await out.write(outputName(item, ext), render(item, options));
        } else if (options.format === 'json') {
          collected.push(item);
        } else {
          // Markdown documents are separated by a blank line, so a front-matter fence never turns the
          // previous document's last line into a heading.
          io.stdout.write(`${options.format === 'md' && !firstDocument ? '\n' : ''}${render(item, options)}`);
          firstDocument = false;
        }
      }
    } catch (error) {
      failed++;
      if (isFeedcleanError(error) || (error as { userFacing?: boolean }).userFacing) report(ref.name, (error as Error).message);
      else report(ref.name, `internal error (a bug in feedclean, please report it): ${(error as Error)?.message ?? String(error)}`);
    }
  }
  if (!out && options.format === 'json') io.stdout.write(renderJson(collected));
  return failed ? EXIT_INPUT_FAILED : EXIT_OK;
}
