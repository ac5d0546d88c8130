/**
 * `--input-format ndjson`: each line of a stream is one input, `{"content": "…", "name": "…"}`
 * (`name` optional; `content_base64` instead of `content` carries bytes in any encoding). Lines are
 * read one at a time, so a stream of any length runs in bounded memory.
 */
import { createInterface } from 'node:readline';
import type { Job } from './job.js';

export type LineInput = { name: string; job: Job } | { name: string; error: string };

function lineInput(line: string, fallbackName: string): LineInput {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { name: fallbackName, error: 'line is not JSON' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { name: fallbackName, error: 'line is not a JSON object' };
  const record = value as Record<string, unknown>;
  const name = typeof record.name === 'string' && record.name !== '' ? record.name : fallbackName;
  if (record.content !== undefined && record.content_base64 !== undefined) return { name, error: 'line has both "content" and "content_base64"; give one' };
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
export async function* ndjsonInputs(stream: NodeJS.ReadableStream, source: string): AsyncGenerator<LineInput> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const raw of lines) {
    lineNumber++;
    const line = lineNumber === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw; // a byte-order mark
    if (line.trim() === '') continue;
    yield lineInput(line, `${source}:${lineNumber}`);
  }
}
