/**
 * The real feedx.net items in ../shared/corpus/feedx-real (VOA, DW, BBC, NYT), when present: the
 * acceptance holds for each — no trace of proxies, the mirror, copyright lines, API links, chrome or
 * HTML in the output; dates read; and no content image lost.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/index.js';
import { feedxRealDir, hasFeedxReal, listFiles, schemaErrors } from '../support/fixtures.js';

const files = hasFeedxReal ? listFiles(feedxRealDir, '.md') : [];

const FORBIDDEN = [
  'weserv',
  'feedx',
  '获取更多RSS',
  '版權聲明',
  '版权声明',
  'api.dw.com/api',
  '<div',
  '<img',
  '<span',
  '<br',
  'NYT简报',
  '你的器材不支持',
  'Image caption',
  '图片版权',
  'bbccom',
  'null',
];

/** Image paths the raw input asks a proxy for (what must come out as images, bar dividers). */
function proxiedImages(raw: string): string[] {
  const found = new Set<string>();
  for (const m of raw.matchAll(/<img[^>]*\ssrc="https:\/\/images\.weserv\.nl\/?\?url=([^"]+)"/g)) found.add(m[1]!);
  return [...found].filter((path) => !/[/_-]line\d*(?:-nc)?\.(?:png|jpe?g)$/.test(path));
}

describe.skipIf(!hasFeedxReal)('feedx-real corpus', () => {
  it('has the 20 items', () => {
    expect(files).toHaveLength(20);
  });

  describe.each(files.map((f) => [f.slice(feedxRealDir.length + 1), f]))('%s', (_name, file) => {
    const raw = readFileSync(file!, 'utf8');
    const [item, ...rest] = normalize(readFileSync(file!), { input: file! });

    it('gives one schema-valid item with title, url, dates', () => {
      expect(rest).toEqual([]);
      expect(schemaErrors(item)).toEqual([]);
      expect(item!.title).toBeTruthy();
      expect(item!.url).toMatch(/^https?:\/\//);
      expect(item!.captured).not.toBeNull();
      expect(item!.published).not.toBeNull();
      expect(item!.published! <= item!.captured!).toBe(true);
      expect(item!.warnings).toEqual([]);
      expect(item!.source.via).toBe('feedx.net');
    });

    it('leaves no boilerplate, proxy or HTML in markdown and text', () => {
      for (const needle of FORBIDDEN) {
        expect(item!.markdown, needle).not.toContain(needle);
        expect(item!.text, needle).not.toContain(needle);
      }
      expect(item!.authors.join()).not.toMatch(/null/i);
    });

    it('loses no content image', () => {
      const out = [...item!.images, ...item!.galleries.flatMap((g) => g.images)].map((i) => i.url);
      for (const path of proxiedImages(raw)) {
        expect(
          out.some((url) => url === `https://${path}`),
          path,
        ).toBe(true);
      }
    });
  });
});
