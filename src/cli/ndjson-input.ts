/**
 * `--input-format ndjson`: each line of a stream is one input, `{"content": "…", "name": "…"}`
 * (`name` optional; `content_base64` instead of `content` carries bytes in any encoding). Lines are
 * read one at a time, so a stream of any length runs in bounded memory.
 */
import { MAX_INPUT_BYTES } from '../input/decode.js';
import type { Job } from './job.js';

/** A line may hold an input of the size limit, escaped as JSON; longer lines are refused unread. */
export const MAX_LINE_BYTES = 2 * MAX_INPUT_BYTES;

type Line = { text: string; bytes: number } | { tooLong: number };

/**
 * The lines of a byte stream, one at a time. Unlike readline, a line longer than the limit is
 * skipped as it arrives instead of being held whole in memory first.
 */
async function* linesOf(stream: NodeJS.ReadableStream, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let skipping = false;
  const end = (): Line => {
    const line: Line = skipping ? { tooLong: size } : { text: Buffer.concat(parts).toString('utf8').replace(/\r$/, ''), bytes: size };
    parts = [];
    size = 0;
    skipping = false;
    return line;
  };
  for await (const chunk of stream) {
    let buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    for (let newline = buffer.indexOf(10); newline >= 0; newline = buffer.indexOf(10)) {
      const piece = buffer.subarray(0, newline);
      size += piece.length;
      if (!skipping) parts.push(piece);
      yield end();
      buffer = buffer.subarray(newline + 1);
    }
    size += buffer.length;
    if (!skipping && size > maxBytes) {
      skipping = true;
      parts = [];
    }
    if (!skipping && buffer.length) parts.push(Buffer.from(buffer));
  }
  if (size || parts.length) yield end();
}

export type LineInput = { name: string; job: Job } | { name: string; error: string };

function lineInput(line: string, fallbackName: string): LineInput {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { name: fallbackName, error: 'line is not JSON' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { name: fallbackName, error: 'line is not a JSON object' };
  const record = value as Record<string, unknown>;
  const name = typeof record.name === 'string' && record.name !== '' ? record.name : fallbackName;
  if (record.content !== undefined && record.content_base64 !== undefined)
    return { name, error: 'line has both "content" and "content_base64"; give one' };
  if (typeof record.content === 'string') return { name, job: { kind: 'content', name, content: record.content } };
  if (typeof record.content_base64 === 'string') {
    const base64 = record.content_base64.replace(/\s+/g, '');
    // Node's decoder skips what is not base64; a damaged value must not pass as some other text.
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 === 1) return { name, error: '"content_base64" is not base64' };
    return { name, job: { kind: 'content', name, content: Buffer.from(base64, 'base64') } };
  }
  return { name, error: 'line has no "content" string (nor "content_base64")' };
}

/** The inputs of an NDJSON stream; blank lines are skipped; unnamed lines are `<source>:<line>`. */
export async function* ndjsonInputs(
  stream: NodeJS.ReadableStream,
  source: string,
  maxLineBytes = MAX_LINE_BYTES,
): AsyncGenerator<LineInput> {
  let lineNumber = 0;
  for await (const next of linesOf(stream, maxLineBytes)) {
    lineNumber++;
    if ('tooLong' in next) {
      const mib = (n: number) => `${Math.round(n / 2 ** 20)} MiB`;
      yield { name: `${source}:${lineNumber}`, error: `line is too large (${mib(next.tooLong)}; the limit is ${mib(maxLineBytes)})` };
      continue;
    }
    const raw = next.text;
    const line = lineNumber === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw; // a byte-order mark
    if (line.trim() === '') continue;
    yield lineInput(line, `${source}:${lineNumber}`);
  }
}
