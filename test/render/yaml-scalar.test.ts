import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { normalize } from '../../src/index.js';
import { frontMatter } from '../../src/render/front-matter.js';
import { yamlList, yamlString, yamlTimestamp } from '../../src/render/yaml-scalar.js';
import type { Item } from '../../src/types.js';

const HOSTILE = [
  'a: b',
  'end:',
  '--- x',
  '...',
  '#hash',
  'a #b',
  '"quoted" \'single\'',
  '!!python/object:os.system',
  '&anchor',
  '*alias',
  '[x] *y* | z',
  '{a: 1}',
  '> folded',
  '| literal',
  '- item',
  '? key',
  '%YAML 1.2',
  '@at `tick`',
  'yes',
  'No',
  'on',
  'OFF',
  'null',
  '~',
  'true',
  '0123',
  '1e3',
  '.5',
  '-1',
  '+1',
  '12:30',
  '0x1F',
  '',
  ' lead',
  'trail ',
  'tab\there',
  'line\nbreak',
  'cr\rx',
  '.inf',
  '.Inf',
  '+.INF',
  '-.inf',
  '.nan',
  '.NaN',
  '=',
  '<<',
  '\u2028ls',
  'nel\u0085x',
  'bom\ufeffx',
  'back\\slash',
  'emoji 😀 and 中文：冒号',
  '2023年5月1日',
  'C:\\path',
  '<img src=x onerror=alert(1)>',
  'a < b',
  '[x](javascript:alert(1))',
  '\\](x)',
  '<https://x>',
  // What YAML 1.1 or 1.2 readers type as numbers, dates, booleans or null.
  '+.5',
  '-.5',
  '+.5e3',
  '.',
  '+.',
  '._',
  '.e5',
  '.NET 8',
  '0o7',
  '0b11',
  '+0b1',
  '1_000',
  '1:20',
  '-1:20',
  '190:20:30.15',
  '1.',
  '+1.',
  '1,000',
  '2001-12-14',
  '2001-12-14 21:59:43.10 -5',
  '2001-12-14t21:59:43.10-05:00',
  '2023-09-05T01:42:02.538Z',
  'Y',
  'n',
  'On',
  'NULL',
  'True',
  // Characters YAML does not allow raw, and line breaks of every kind.
  '\ufffe',
  'a\uffffb',
  '\ud800',
  'lone \udc00 low',
  'pair 😀 kept, \ud83d alone',
  '\u0000nul',
  'esc\u001b[0m',
  'del\u007f',
  'c1\u0080\u009f',
  'bell\u0007',
  'ps\u2029',
];

const VERSIONS = ['1.1', '1.2'] as const;

/** The value of `key`, read as a YAML 1.1 or 1.2 reader reads it (merge keys on in 1.1, as PyYAML and Psych have them). */
function readAs(version: (typeof VERSIONS)[number], yamlText: string): unknown {
  const doc = parseDocument(yamlText, { version, merge: version === '1.1', uniqueKeys: false });
  if (doc.errors.length) throw new Error(`YAML ${version}: ${doc.errors[0]!.message}`);
  return doc.toJS();
}

// YAML's printable set (c-printable), less the line breaks: anything else must not be written raw.
const NOT_RAW = /[^\t\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]|[\u2028\u2029\ufeff]/u;

describe('yamlString', () => {
  it('round-trips every hostile string exactly, as a string on one line, for YAML 1.1 and 1.2 readers', () => {
    for (const text of HOSTILE) {
      const line = `title: ${yamlString(text)}`;
      expect(line.includes('\n'), JSON.stringify(text)).toBe(false);
      expect(NOT_RAW.test(line), JSON.stringify(text)).toBe(false);
      for (const version of VERSIONS) expect(readAs(version, line), `${version}: ${JSON.stringify(text)}`).toEqual({ title: text });
    }
  });

  it('round-trips any string of UTF-16 code units, lone surrogates and non-printables included', () => {
    const piece = fc.oneof(
      fc.constantFrom(...HOSTILE, ': ', ' #', '\n', '\r\n', '\\', '"', "'", ' ', '-', '.', '+', '0', '_', ':'),
      fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const text = pieces.join('');
        const line = `title: ${yamlString(text)}`;
        expect(line.includes('\n')).toBe(false);
        expect(NOT_RAW.test(line)).toBe(false);
        for (const version of VERSIONS) expect(readAs(version, line)).toEqual({ title: text });
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it('writes ordinary text and URLs plain, null as null, and quotes what only looks like a number or a date', () => {
    expect(yamlString('金正恩將赴俄會普丁 兩人想交換什麼？')).toBe('金正恩將赴俄會普丁 兩人想交換什麼？');
    expect(yamlString('https://www.dw.com/zh/a-66721802?x=1#top')).toBe('https://www.dw.com/zh/a-66721802?x=1#top');
    expect(yamlString('It\'s a "quote" inside')).toBe('It\'s a "quote" inside');
    expect(yamlString(null)).toBe('null');
    for (const text of [
      '+.5',
      '.5',
      '0o7',
      '0x1F',
      '1_000',
      '1:20',
      '2001-12-14',
      '2023-09-05T01:42:02.538Z',
      'y',
      'n',
      'on',
      'off',
      '~',
      '=',
      '<<',
    ])
      expect(yamlString(text), text).toMatch(/^".*"$/);
    expect(yamlString('\ufffe\ud800 \u0085')).toBe('"\\ufffe\\ud800 \\u0085"');
  });

  it('never lets a Markdown renderer that does not know front matter find HTML or a link in it', () => {
    expect(yamlString('<img src=x onerror=alert(1)>')).toBe('"\\u003cimg src=x onerror=alert(1)>"');
    expect(yamlString('[x](javascript:alert(1))')).toBe('"[x\\u005d(javascript:alert(1))"');
    expect(yamlString('a [b] c')).toBe('a [b] c');
  });

  it('quotes what YAML 1.1 readers would take for booleans or numbers', () => {
    for (const text of ['yes', 'No', 'on', 'y', '0123', '1_000', '12:30']) expect(yamlString(text)).toMatch(/^".*"$/);
  });
});

describe('yamlTimestamp', () => {
  it('writes our instants plain: a timestamp for YAML 1.1 readers, the same text for 1.2 ones', () => {
    expect(yamlTimestamp('2023-09-05T01:42:02.538Z')).toBe('2023-09-05T01:42:02.538Z');
    expect(readAs('1.1', 'x: 2023-09-05T01:42:02.538Z')).toEqual({ x: new Date('2023-09-05T01:42:02.538Z') });
    expect(readAs('1.2', 'x: 2023-09-05T01:42:02.538Z')).toEqual({ x: '2023-09-05T01:42:02.538Z' });
    expect([yamlTimestamp(null), yamlTimestamp('2023-09-05')]).toEqual(['null', '"2023-09-05"']);
  });
});

describe('front matter', () => {
  const [base] = normalize('<p>body</p>', { input: 'x.html' }) as [Item];

  it('reads back as the same values in YAML 1.1 and 1.2, whatever the strings', () => {
    for (const text of HOSTILE) {
      const item: Item = {
        ...base,
        title: text,
        url: text,
        published: '2023-09-05T01:42:02.538Z',
        captured: text,
        authors: [text, 'Ann'],
        image: { url: text, caption: text },
      };
      const yamlText = frontMatter(item).replace(/^---\n|---\n$/g, '');
      expect(
        yamlText.split('\n').filter((line) => NOT_RAW.test(line)),
        JSON.stringify(text),
      ).toEqual([]);
      for (const version of VERSIONS) {
        const data = readAs(version, yamlText) as Record<string, unknown>;
        // Times, when they are our instants, are timestamps to a YAML 1.1 reader: the same instant.
        const time = (t: string) => (version === '1.1' && /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(t) ? new Date(t) : t);
        expect(data, `${version}: ${JSON.stringify(text)}`).toEqual({
          title: text,
          link: text,
          date: time(item.published!),
          captured: time(text),
          authors: [text, 'Ann'],
          image: { url: text, caption: text },
        });
      }
    }
  });

  it('names the fields as Hugo and Jekyll read them, and leaves out a date it does not know', () => {
    const known = { ...base, title: 'T', url: 'https://example.com/a', published: '2024-01-05T01:30:00.000Z', captured: null };
    expect(frontMatter(known)).toBe(
      '---\ntitle: T\nlink: https://example.com/a\ndate: 2024-01-05T01:30:00.000Z\ncaptured: null\nauthors: []\nimage: null\n---\n',
    );
    expect(frontMatter({ ...known, published: null })).toBe(
      '---\ntitle: T\nlink: https://example.com/a\ncaptured: null\nauthors: []\nimage: null\n---\n',
    );
  });
});

describe('yamlList', () => {
  it('writes a block list, or [] when empty', () => {
    expect(parse(`authors:${yamlList(['Ann', 'a: b', 'yes'])}`)).toEqual({ authors: ['Ann', 'a: b', 'yes'] });
    expect(`authors:${yamlList([])}`).toBe('authors: []');
  });
});
