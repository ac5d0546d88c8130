import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { yamlList, yamlString } from '../../src/render/yaml-scalar.js';

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
];

describe('yamlString', () => {
  it('round-trips every hostile string exactly through a YAML parser, as a string on one line', () => {
    for (const text of HOSTILE) {
      const line = `title: ${yamlString(text)}`;
      expect(line.includes('\n'), JSON.stringify(text)).toBe(false);
      expect(parse(line), JSON.stringify(text)).toEqual({ title: text });
    }
  });

  it('writes ordinary text, URLs and our timestamps plain, and null as null', () => {
    expect(yamlString('金正恩將赴俄會普丁 兩人想交換什麼？')).toBe('金正恩將赴俄會普丁 兩人想交換什麼？');
    expect(yamlString('https://www.dw.com/zh/a-66721802?x=1#top')).toBe('https://www.dw.com/zh/a-66721802?x=1#top');
    expect(yamlString('2023-09-05T01:42:02.538Z')).toBe('2023-09-05T01:42:02.538Z');
    expect(yamlString('It\'s a "quote" inside')).toBe('It\'s a "quote" inside');
    expect(yamlString(null)).toBe('null');
    expect(parse('x: 2023-09-05T01:42:02.538Z')).toEqual({ x: '2023-09-05T01:42:02.538Z' });
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

describe('yamlList', () => {
  it('writes a block list, or [] when empty', () => {
    expect(parse(`authors:${yamlList(['Ann', 'a: b', 'yes'])}`)).toEqual({ authors: ['Ann', 'a: b', 'yes'] });
    expect(`authors:${yamlList([])}`).toBe('authors: []');
  });
});
