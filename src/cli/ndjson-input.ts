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
  if (typeof record.content === 'string') return { name, job: { kind: 'content', name, content: record.content } };
  if (typeof record.content_base64 === 'string') return { name, job: { kind: 'content', name, content: Buffer.from(record.content_base64, 'base64') } };
  return { name, error: 'line has no "content" string (nor "content_base64")' };
}

/** The inputs of an NDJSON stream; blank lines are skipped; unnamed lines are `<source>:<line>`. */
export async function* ndjsonInputs(stream: NodeJS.ReadableStream, source: string): AsyncGenerator<LineInput> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    yield lineInput(line, `${source}:${lineNumber}`);
  }
}
