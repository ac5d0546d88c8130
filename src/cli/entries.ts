/**
 * The inputs of a batch as a stream of entries, in input order: files (read by the job that runs
 * them), pipes and FIFOs (read here, by the event loop, under the time limit), stdin, or the lines
 * of NDJSON streams. Reading stops when the run is stopped.
 */
import { constants as fsConstants, createReadStream, openSync } from 'node:fs';
import { nodeNet } from '../lazy-node.js';
import { FeedcleanError, isFeedcleanError } from '../errors.js';
import { MAX_INPUT_BYTES } from '../input/decode.js';
import { describeFsError, readableName, type FsPath, type InputRef } from './inputs.js';
import { ABORTED, orAborted, untilAborted } from './in-order.js';
import { tooLarge, type Job } from './job.js';

/** One input of the batch: a job ready to run, one still being read (a pipe), or a known failure. */
export type Entry = { name: string; relDir: string; job: Job | Promise<Job> } | { name: string; relDir: string; error: string };

/** A whole stream; `limit` (an input's size limit by default) refuses anything larger. */
export async function readAll(stream: NodeJS.ReadableStream, limit = MAX_INPUT_BYTES): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > limit) throw tooLarge(size);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * A pipe or FIFO as a stream read by the event loop, not by libuv's thread pool: a thread blocked
 * opening a FIFO nobody writes to could not be cancelled and would keep the process from exiting.
 */
function pipeStream(name: FsPath): NodeJS.ReadableStream & { destroy(): void } {
  let fd: number;
  try {
    fd = openSync(name, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  } catch {
    return createReadStream(name); // reports the error as a read error
  }
  try {
    return new (nodeNet().Socket)({ fd, readable: true, writable: false });
  } catch {
    return createReadStream(name, { fd }); // a character device, say
  }
}

async function readPipe(name: string, path: FsPath, stop: AbortSignal, timeoutMs: number): Promise<Job> {
  const stream = pipeStream(path);
  // Raced, not relied on the stream: opening a FIFO nobody writes to cannot be cancelled.
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    if (timeoutMs)
      timer = setTimeout(
        () => reject(new FeedcleanError('TIMEOUT', `gave up reading after ${timeoutMs / 1000} s (--timeout)`)),
        timeoutMs,
      ).unref();
  });
  try {
    const content = await orAborted(Promise.race([readAll(stream), timedOut]), stop);
    if (content === ABORTED) throw new FeedcleanError('INTERRUPTED', 'interrupted');
    return { kind: 'content', name, content };
  } finally {
    clearTimeout(timer);
    stream.destroy();
  }
}

/** `stdin` is asked for only when `-` is among the inputs: opening it costs a run that has no use for it. */
export async function* fileEntries(
  refs: readonly InputRef[],
  stdin: () => NodeJS.ReadableStream,
  stop: AbortSignal,
  timeoutMs: number,
): AsyncGenerator<Entry> {
  for (const ref of refs) {
    if (ref.kind === 'error') yield { name: ref.name, relDir: '', error: ref.message };
    else if (ref.kind === 'file' && ref.regular)
      yield { name: ref.name, relDir: ref.relDir, job: { kind: 'file', name: ref.name, path: ref.path } };
    else if (ref.kind === 'file') {
      // A pipe or FIFO (`<(cmd)`, mkfifo) is read here, without blocking anything: a worker stuck
      // in a read could neither time out nor be stopped. Its reading counts against --timeout.
      yield { name: ref.name, relDir: ref.relDir, job: readPipe(ref.name, ref.path, stop, timeoutMs) };
    } else {
      try {
        yield { name: '-', relDir: '', job: { kind: 'content', name: '-', content: await readAll(stdin()) } };
      } catch (error) {
        yield { name: '-', relDir: '', error: isFeedcleanError(error) ? error.message : `cannot read: ${describeFsError(error)}` };
      }
    }
  }
}

export async function* ndjsonEntries(
  names: readonly FsPath[],
  stdin: () => NodeJS.ReadableStream,
  stop: AbortSignal,
): AsyncGenerator<Entry> {
  const { ndjsonInputs } = await import('./ndjson-input.js');
  for (const path of names.length ? names : ['-']) {
    if (stop.aborted) return;
    const source = typeof path === 'string' ? path : readableName(path);
    const stream = path === '-' ? stdin() : createReadStream(path);
    try {
      for await (const line of untilAborted(ndjsonInputs(stream, source), stop)) yield { ...line, relDir: '' };
    } catch (error) {
      yield { name: source, relDir: '', error: `cannot read: ${describeFsError(error)}` };
    }
    // A stream still open when the run is stopped (a pipe whose writer is still there) is let go.
    if (stop.aborted) (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  }
}
