import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ndjsonInputs } from '../../src/cli/ndjson-input.js';

async function all(text: string | string[], maxLineBytes?: number) {
  const out = [];
  for await (const input of ndjsonInputs(Readable.from(Array.isArray(text) ? text : [text]), '-', maxLineBytes)) out.push(input);
  return out;
}

describe('ndjsonInputs', () => {
  it('reads one input per line, named by "name" or by source and line number', async () => {
    const inputs = await all('{"content":"<p>a</p>","name":"a.md"}\r\n\n{"content":"<p>b</p>"}\n{"name":"","content":"c"}');
    expect(inputs).toEqual([
      { name: 'a.md', job: { kind: 'content', name: 'a.md', content: '<p>a</p>' } },
      { name: '-:3', job: { kind: 'content', name: '-:3', content: '<p>b</p>' } },
      { name: '-:4', job: { kind: 'content', name: '-:4', content: 'c' } },
    ]);
  });

  it('takes bytes in any encoding as content_base64', async () => {
    const gbk = Buffer.from([0xc4, 0xe3, 0xba, 0xc3]); // 你好 in GBK
    const [input] = await all(`${JSON.stringify({ name: 'g', content_base64: gbk.toString('base64') })}\n`);
    expect(input).toMatchObject({ name: 'g', job: { content: gbk } });
  });

  it('skips a byte-order mark, refuses damaged base64 and lines with both contents', async () => {
    expect(await all('\ufeff{"content":"a"}\n{"content_base64":"!!!notbase64"}\n{"content":"a","content_base64":"YQ=="}\n')).toEqual([
      { name: '-:1', job: { kind: 'content', name: '-:1', content: 'a' } },
      { name: '-:2', error: '"content_base64" is not base64' },
      { name: '-:3', error: 'line has both "content" and "content_base64"; give one' },
    ]);
  });

  it('splits lines across chunks, and refuses a line over the limit without holding it', async () => {
    expect(await all(['{"conte', 'nt":"a"}\r\n{"content":', '"b"}'])).toEqual([
      { name: '-:1', job: { kind: 'content', name: '-:1', content: 'a' } },
      { name: '-:2', job: { kind: 'content', name: '-:2', content: 'b' } },
    ]);
    const long = `{"content":"${'x'.repeat(5000)}"}`;
    expect(await all([long.slice(0, 2000), long.slice(2000), '\n{"content":"ok"}\n'], 1000)).toEqual([
      { name: '-:1', error: 'line is too large (0 MiB; the limit is 0 MiB)' },
      { name: '-:2', job: { kind: 'content', name: '-:2', content: 'ok' } },
    ]);
  });

  it('turns bad lines into errors that name the line, and goes on', async () => {
    expect(await all('nope\n[1]\n{"name":"x"}\n{"content":2,"name":"y"}\n{"content":"ok"}\n')).toEqual([
      { name: '-:1', error: 'line is not JSON' },
      { name: '-:2', error: 'line is not a JSON object' },
      { name: 'x', error: 'line has no "content" string (nor "content_base64")' },
      { name: 'y', error: 'line has no "content" string (nor "content_base64")' },
      { name: '-:5', job: { kind: 'content', name: '-:5', content: 'ok' } },
    ]);
  });
});
