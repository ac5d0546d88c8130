import { describe, expect, it } from 'vitest';
import { outputName, slugify } from '../../src/cli/names.js';
import type { Item } from '../../src/types.js';

const item = (over: Partial<Item>): Item => ({
  title: null,
  url: null,
  published: null,
  captured: null,
  authors: [],
  rights: [],
  image: null,
  images: [],
  galleries: [],
  related: [],
  markdown: '',
  text: '',
  source: { format: 'dump', site: null, via: null, input: '-', encoding: 'utf-8' },
  warnings: [],
  id: null,
  summary: null,
  tags: [],
  attachments: [],
  feed: null,
  updated: null,
  html: '',
  ...over,
});

describe('output names', () => {
  it('keeps Unicode letters and digits, folds the rest to single dashes', () => {
    expect(slugify('金正恩將赴俄會普丁 兩人想交換什麼？')).toBe('金正恩將赴俄會普丁-兩人想交換什麼');
    expect(slugify('Berlin extends night-tram service: ridership hits NEW high!')).toBe(
      'berlin-extends-night-tram-service-ridership-hits-new-high',
    );
    expect(slugify('Ｆｕｌｌｗｉｄｔｈ café')).toBe('fullwidth-café');
  });

  it('never yields path separators, dot segments or an empty name', () => {
    for (const title of ['../../etc/passwd', '..', '/', 'a\\b/c', '', null, '***']) {
      const slug = slugify(title);
      expect(slug, String(title)).toMatch(/^[\p{L}\p{N}\p{M}]+(?:-[\p{L}\p{N}\p{M}]+)*$/u);
      expect(slug).not.toContain('..');
    }
    expect(slugify('***')).toBe('item');
  });

  it('bounds the length without splitting characters', () => {
    const slug = slugify('😀'.repeat(200));
    expect([...slug].length).toBeLessThanOrEqual(80);
    expect(slug).toBe('item'); // emoji are symbols, not letters
    expect([...slugify('字'.repeat(300))]).toHaveLength(60); // 60 × 3 bytes: the byte bound comes first
    expect(Buffer.byteLength(slugify('𠀀'.repeat(300)))).toBeLessThanOrEqual(180);
    expect([...slugify('a'.repeat(300))]).toHaveLength(80);
  });

  it('dates names by published, then captured, else undated', () => {
    expect(outputName(item({ title: 'T', published: '2023-09-05T01:42:02.538Z', captured: '2023-09-06T00:00:00.000Z' }), 'md')).toBe(
      '2023-09-05-t.md',
    );
    expect(outputName(item({ title: 'T', captured: '2023-09-06T00:00:00.000Z' }), 'json')).toBe('2023-09-06-t.json');
    expect(outputName(item({}), 'md')).toBe('undated-item.md');
  });
});
