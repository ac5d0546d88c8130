import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  encodedDestination,
  escapeAllShapes,
  escapeInline,
  escapeMarkdown,
  linkDestination,
  resolveLineStarts,
} from '../../src/render/escape.js';

/** Text escaped and written at the start of a line, as a paragraph's first text is. */
const atLineStart = (text: string) => resolveLineStarts(escapeMarkdown(text));

describe('escapeMarkdown: inline syntax', () => {
  it.each([
    ['asterisks', 'a *b* c', 'a \\*b\\* c'],
    ['a lone asterisk', '5 * 3', '5 \\* 3'],
    ['backticks', 'run `ls` now', 'run \\`ls\\` now'],
    ['brackets', 'see [1] and [note]', 'see \\[1\\] and \\[note\\]'],
    ['a would-be link', '[text](https://example.com)', '\\[text\\](https://example.com)'],
    ['a would-be image', '![alt](a.png)', '!\\[alt\\](a.png)'],
    ['a less-than sign', 'a <b> c', 'a \\<b> c'],
    ['an autolink', '<https://example.com>', '\\<https://example.com>'],
    ['a backslash', 'C:\\path\\file', 'C:\\\\path\\\\file'],
    ['a tilde', '~strike~ and ~~more~~', '\\~strike\\~ and \\~\\~more\\~\\~'],
    ['named entity text', 'Tom &amp; Jerry', 'Tom \\&amp; Jerry'],
    ['numeric entity text', 'it&#39;s &#x27;x&#x27;', 'it\\&#39;s \\&#x27;x\\&#x27;'],
    ['underscores opening and closing emphasis', '_emphasis_', '\\_emphasis\\_'],
    ['underscores around a word after a space', 'say _this_ now', 'say \\_this\\_ now'],
    ['dunder names', '__init__', '\\_\\_init\\_\\_'],
  ])('%s', (_label, input, expected) => {
    expect(resolveLineStarts(escapeMarkdown(input))).toBe(expected);
  });

  it('escapes an existing backslash before what follows it', () => {
    expect(escapeMarkdown('\\*')).toBe('\\\\\\*');
  });
});

describe('escapeMarkdown: line starts', () => {
  it.each([
    ['an ATX heading', '# Title', '\\# Title'],
    ['a level-6 heading', '###### Small', '\\###### Small'],
    ['a lone hash', '#', '\\#'],
    ['a dash bullet', '- item', '\\- item'],
    ['a plus bullet', '+ item', '\\+ item'],
    ['a star bullet (escaped as inline)', '* item', '\\* item'],
    ['a block quote', '> quoted', '\\> quoted'],
    ['a block quote without space', '>quoted', '\\>quoted'],
    ['an ordered item with a dot', '1. First', '1\\. First'],
    ['an ordered item with a parenthesis', '1) First', '1\\) First'],
    ['a year that looks like an ordered item', '2020. It was a year', '2020\\. It was a year'],
    ['a setext === underline', '===', '\\==='],
    ['a setext --- underline', '---', '\\---'],
    ['a long dash rule', '----------', '\\----------'],
    ['a rule of stars', '***', '\\*\\*\\*'],
    ['a rule of underscores', '___', '\\_\\_\\_'],
    ['an indented heading', '   # Title', '   \\# Title'],
  ])('%s', (_label, input, expected) => {
    expect(atLineStart(input)).toBe(expected);
  });

  it('escapes at the start of every line, not only the first', () => {
    expect(atLineStart('Intro\n# Heading\n- item\n1. one\n> quote\nTitle\n===')).toBe(
      'Intro\n\\# Heading\n\\- item\n1\\. one\n\\> quote\nTitle\n\\===',
    );
  });

  it('escapes a task-list line completely', () => {
    expect(atLineStart('- [ ] todo')).toBe('\\- \\[ \\] todo');
  });

  it('keeps a line-start escape only where the finished line starts with the text', () => {
    // Mid-line (after `^(`, `*`, a table pipe, a heading's `## `) the text is no block syntax.
    expect(resolveLineStarts(`^(${escapeMarkdown('> quote')})`)).toBe('^(> quote)');
    expect(resolveLineStarts(`*${escapeMarkdown('1. one')}*`)).toBe('*1. one*');
    expect(resolveLineStarts(`| ${escapeMarkdown('- e')} |`)).toBe('| - e |');
    expect(resolveLineStarts(`## ${escapeMarkdown('- f')}`)).toBe('## - f');
    // After container markup it would start a block: kept.
    expect(resolveLineStarts(`- ${escapeMarkdown('- b')}`)).toBe('- \\- b');
    expect(resolveLineStarts(`> 1. ${escapeMarkdown('# d')}`)).toBe('> 1. \\# d');
    expect(resolveLineStarts(`x\\\n${escapeMarkdown('- g')}`)).toBe('x\\\n\\- g');
  });

  it('never mistakes text for its mark', () => {
    expect(atLineStart('\ufdd0\\- x')).toBe('\ufffd\\\\- x');
  });
});

describe('escapeMarkdown: what stays as it is', () => {
  it.each([
    ['intraword underscores', 'foo_bar'],
    ['a snake_case name', 'call snake_case_name() here'],
    ['a number with a dot mid-line', 'Version 1. was released'],
    ['a decimal at line start', '1.5 million people'],
    ['a list-like number mid-line', 'He came 1. and left 2)'],
    ['a hashtag mid-line', 'trending #hashtag today'],
    ['a hashtag at line start (no space, not a heading)', '#hashtag'],
    ['seven hashes (not a heading)', '####### x'],
    ['C#', 'written in C# and F#'],
    ['a minus number at line start', '-5 degrees'],
    ['a plus number at line start', '+86 10 1234'],
    ['dashes mid-line', 'a -- b --- c'],
    ['equals mid-line', 'a == b'],
    ['a greater-than mid-line', 'a > b'],
    ['an ampersand that is not an entity', 'AT&T & co; R&D'],
    ['plain CJK text', '德国之声：中国外交部发言人表示，双方将继续保持沟通。'],
    ['CJK with intraword underscore', '中文_测试'],
    ['plain punctuation', 'Hello, world! (really?) {yes} "quoted" \'single\' 100% $5 @user'],
    ['a pipe', 'a | b'],
  ])('%s', (_label, input) => {
    expect(escapeMarkdown(input)).toBe(input);
  });
});

describe('escapeMarkdown: its first look', () => {
  it('knows an autolink literal in any case, anywhere in the text', () => {
    // The literal would take the backtick: its start gets a backslash, whatever the case of `www`.
    for (const www of ['www', 'WWW', 'Www', 'wWw', 'wwW']) {
      for (const text of [`${www}.example.com\``, `see ${www}.example.com\`x`, `a.b ${www}.c\``]) {
        expect(resolveLineStarts(escapeMarkdown(text)), text).toBe(text.replace(www + '.', `${www}\\.`).replace('`', '\\`'));
      }
    }
    expect(resolveLineStarts(escapeMarkdown('FTP://x.y`'))).toBe('FTP\\://x.y\\`');
    expect(resolveLineStarts(escapeMarkdown('ww.x`'))).toBe('ww.x\\`');
  });

  it('hands back as it is only text every escape would leave as it is', () => {
    const piece = fc.constantFrom(
      'a',
      '文',
      ' ',
      '\u3000',
      '\n',
      '\r',
      '\u2028',
      '1',
      '12',
      '.',
      ')',
      '-',
      '+',
      '=',
      '>',
      '#',
      '!',
      '_',
      '*',
      '&amp;',
      'www.',
      'WwW.',
      'w',
      'W',
      'http://',
      ':',
      '/',
      '\ufdd0',
      '`',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(escapeMarkdown(text), JSON.stringify(text)).toBe(escapeAllShapes(text));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('linkDestination', () => {
  it('hands back as it is (but for the autolink mark) only an address every step would leave as it is', () => {
    const piece = fc.constantFrom(
      'https://',
      'www.',
      'a',
      '/',
      '?',
      '=',
      '%20',
      ' ',
      '\u00a0',
      '(',
      ')',
      '<',
      '>',
      '\\',
      '`',
      '&',
      '&amp;',
      '\n',
      '\u0000',
      '\u007f',
      '\ufdd3',
      '文',
      '#',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const url = pieces.join('');
        expect(linkDestination(url), JSON.stringify(url)).toBe(encodedDestination(url));
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves an ordinary URL bare', () => {
    expect(resolveLineStarts(linkDestination('https://www.dw.com/en/a-123?x=1&y=2#frag'))).toBe('https://www.dw.com/en/a-123?x=1&y=2#frag');
  });

  it('wraps a URL with parentheses in angle brackets', () => {
    expect(resolveLineStarts(linkDestination('https://en.wikipedia.org/wiki/Foo_(bar)'))).toBe('<https://en.wikipedia.org/wiki/Foo_(bar)>');
  });

  it('wraps a URL with spaces in angle brackets', () => {
    expect(resolveLineStarts(linkDestination('https://example.com/a b.jpg'))).toBe('<https://example.com/a b.jpg>');
  });

  it('percent-encodes angle brackets and line breaks', () => {
    expect(resolveLineStarts(linkDestination('https://example.com/<x>'))).toBe('https://example.com/%3Cx%3E');
    expect(resolveLineStarts(linkDestination('https://example.com/a\nb'))).toBe('https://example.com/a%0Ab');
    expect(resolveLineStarts(linkDestination('https://example.com/a\r\nb'))).toBe('https://example.com/a%0D%0Ab');
    expect(resolveLineStarts(linkDestination('https://example.com/(<x>)'))).toBe('<https://example.com/(%3Cx%3E)>');
  });
});

describe('escapeInline in pieces', () => {
  it('escapes text cut into pieces exactly as in one piece (pieces keep V8 from aborting on huge text)', () => {
    const chars = fc.constantFrom('a', 'Z', '9', '_', '*', '&', '#', ';', '中', '😀', ' ', '\\', '[', '`', '<', '~', '&amp;', '&#12;');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 80 }), fc.integer({ min: 1, max: 9 }), (parts, piece) => {
        const text = parts.join('');
        expect(escapeInline(text, piece)).toBe(escapeInline(text, Infinity));
      }),
      { seed: 7, numRuns: 2000 },
    );
  });

  it('escapes 40 MB of one special character without V8 giving up', () => {
    const text = '*'.repeat(40 * 2 ** 20);
    expect(escapeInline(text)).toHaveLength(2 * text.length);
  });
});
