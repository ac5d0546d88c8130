import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedcleanError, normalize, normalizeFeed } from '../src/index.js';
import { fixturesDir } from './support/fixtures.js';

const sample = readFileSync(join(fixturesDir, 'dump', 'dw-sample', 'input.md'));

describe('normalize()', () => {
  it('accepts strings, Buffers, Uint8Arrays, ArrayBuffers and other views alike', () => {
    const expected = normalize(sample.toString('utf8'));
    const copy = new Uint8Array(sample);
    for (const input of [sample, copy, copy.buffer, new DataView(copy.buffer)]) {
      expect(normalize(input)).toEqual(expected);
    }
  });

  it('throws only FeedcleanError for bad arguments', () => {
    for (const bad of [undefined, null, 42, {}, [], 10n]) {
      expect(() => normalize(bad as never), String(bad)).toThrow(FeedcleanError);
    }
    expect(() => normalize(sample, { packs: 5 as never })).toThrow(FeedcleanError);
    expect(() => normalize(sample, { packs: [null] as never })).toThrow(FeedcleanError);
    expect(normalize(sample, null)[0]!.source.input).toBe('-');
    expect(normalize(sample, { input: 5 as never })[0]!.source.input).toBe('5');
  });

  it('with gallery: false leaves galleries out and never takes the lead image from one', () => {
    const body =
      '<!--1693878424000-->\n[t](https://www.dw.com/zh/x/a-1)\n------\n\n<p>正文</p><h3>相关图集：x</h3><div><img src="https://a.example/1.jpg"><b>A</b>：一</div><div><img src="https://a.example/2.jpg"><b>B</b>：二</div>';
    expect(normalize(body)[0]!.image).toEqual({ url: 'https://a.example/1.jpg', caption: '一' });
    const [item] = normalize(body, { gallery: false });
    expect(item!.galleries).toEqual([]);
    expect(item!.image).toBeNull();
  });

  it('drops a body heading that repeats the title', () => {
    const [item] = normalize('<!--1693878424000-->\n[Same title](https://www.dw.com/zh/x/a-1)\n------\n\n<h1>Same  title</h1><p>正文</p>');
    expect(item!.markdown).toBe('正文');
  });

  it('warns about a published time after the capture, but not about a date-only stamp of the same day', () => {
    const item = (stamp: string) =>
      normalize(`<!--1701122400000-->\n[t](https://www.zaobao.com.sg/realtime/x)\n------\n\n${stamp} <p>正文</p>`)[0]!;
    expect(item('2023-11-28').warnings).toEqual([]); // captured 2023-11-27T22:00Z = 06:00 on the 28th in Singapore
    // A date line that would be after the capture is not the item's date: said, and left unread.
    expect(item('2023-11-29').warnings).toEqual(['date "2023-11-29" at the top is after the capture time; published left empty']);
    expect(item('2023-11-28 07:00').published).toBeNull();
    expect(item('2023-11-28 07:00').warnings).toEqual([
      'date "2023-11-28 07:00" at the top is after the capture time; published left empty',
    ]);
  });

  it('normalizeFeed() gives the feed metadata even for a feed without entries', () => {
    expect(
      normalizeFeed('<rss version="2.0"><channel><title>T</title><link>https://t.example/</link><language>fr</language></channel></rss>'),
    ).toEqual({
      feed: { title: 'T', url: 'https://t.example/', language: 'fr' },
      items: [],
      encoding: 'utf-8',
    });
    expect(normalizeFeed(sample).feed).toBeNull();
  });

  it('warns when an item has no body', () => {
    expect(
      normalize('<!--1693878424000-->\n[t](https://www.dw.com/zh/x/a-1)\n------\n\n<div><i><br>2023-09-05T01:42:02.538Z</i></div>')[0]!
        .warnings,
    ).toEqual(['the item has no body']);
  });
});
