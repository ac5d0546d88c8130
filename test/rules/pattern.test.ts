import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Pattern, anchored } from '../../src/rules/pattern.js';
import { prefilterOf } from '../../src/rules/prefilter.js';

const plain = { ignoreCase: false, multiline: false };

describe('prefilterOf', () => {
  it('reads the first characters of an anchored pattern through optional groups and alternations', () => {
    const p = prefilterOf(String.raw`^(?:©\s*\d{4}\s*年?\s*)?德[国國]之[声聲]\s*版[权權][声聲]明`, plain);
    expect([...p.firstChars!].sort()).toEqual(['©', '德']);
    expect(prefilterOf('^(?:foo|bar|[xy]z)', plain).firstChars).toEqual(new Set(['f', 'b', 'x', 'y']));
  });

  it('finds literals every match must contain, the longest it can', () => {
    expect(
      [...(prefilterOf(String.raw`(?:^|\/)(?:spacer|blank|pixel|1x1)\.(?:gif|png)(?:$|\?)`, plain).literalGroups[0] ?? [])].sort(),
    ).toEqual(['1x1.gif', '1x1.png', 'blank.gif', 'blank.png', 'pixel.gif', 'pixel.png', 'spacer.gif', 'spacer.png']);
    expect(prefilterOf(String.raw`^https?:\/\/api\.dw\.com\/api\/detail\/article\/(\d+)`, plain).literalGroups).toEqual([
      ['https://api.dw.com/api/d', 'http://api.dw.com/api/d'],
      ['etail/article/'],
    ]);
  });

  it('keeps a group of literals for each piece of a sequence: a text must hold one of every group', () => {
    const p = prefilterOf(String.raw`(?:^|\/)(?:zoom|loupe|enlarge)[\w-]*\.(?:png|gif)$`, plain);
    expect(p.literalGroups.map((g) => [...g].sort())).toEqual([
      ['enlarge', 'loupe', 'zoom'],
      ['.gif', '.png'],
    ]);
    const pattern = new Pattern(String.raw`(?:^|\/)(?:zoom|loupe|enlarge)[\w-]*\.(?:png|gif)$`);
    expect(pattern.mayMatch('https://cdn.example/photo.png')).toBe(false);
    expect(pattern.mayMatch('https://cdn.example/zoom.jpg')).toBe(false);
    expect(pattern.test('https://cdn.example/zoom-in.png')).toBe(true);
  });

  it('cuts a group of too many literals to their common starts rather than giving it up', () => {
    const words = ['share', 'print', 'close', 'arrow', 'button', 'zoom'].flatMap((stem) =>
      ['a', 'b', 'c', 'd', 'e'].map((s) => `${stem}-${s}`),
    );
    const p = prefilterOf(`(?:${words.join('|')})`, plain);
    expect(p.literalGroups).toHaveLength(1);
    const group = p.literalGroups[0]!;
    expect(group.length).toBeLessThanOrEqual(24);
    for (const word of words) expect(group.some((literal) => word.includes(literal))).toBe(true);
  });

  it('folds ASCII case under (?i), and says nothing certain of other letters', () => {
    const p = prefilterOf('^copyright', { ignoreCase: true, multiline: false });
    expect(p.firstChars).toEqual(new Set(['c', 'C']));
    expect(p.literalGroups).toEqual([['copyright']]);
    expect(p.lowerCase).toBe(true);
    expect(prefilterOf('^σα', { ignoreCase: true, multiline: false })).toEqual({ firstChars: null, literalGroups: [], lowerCase: true });
  });

  it('gives no first characters where a match need not start the text', () => {
    expect(prefilterOf('foo', plain).firstChars).toBeNull();
    expect(prefilterOf('^foo|bar', plain).firstChars).toBeNull();
    expect(prefilterOf('^foo', { ignoreCase: false, multiline: true }).firstChars).toBeNull();
    expect(prefilterOf('^a*b', plain).firstChars).toEqual(new Set(['a', 'b']));
    expect(prefilterOf('^(?:a)?', plain).firstChars).toBeNull();
    expect(prefilterOf('^.x', plain).firstChars).toBeNull();
    expect(prefilterOf('^[^a]x', plain).firstChars).toBeNull();
  });

  it('says nothing of what it cannot read', () => {
    expect(prefilterOf('(unbalanced', plain)).toEqual({ firstChars: null, literalGroups: [], lowerCase: false });
  });
});

// Pieces of rule syntax, put together at random: the prefilter may only ever spare work.
const atom = fc.constantFrom(
  'a',
  'b',
  'A',
  'é',
  'σ',
  '©',
  '德',
  '1',
  ' ',
  '.',
  '\\s',
  '\\d',
  '\\w',
  '\\.',
  '[ab]',
  '[^a]',
  '[a-c]',
  '[Σσ]',
  '\\b',
  '$',
  '^',
);
const piece = fc
  .tuple(atom, fc.constantFrom('', '?', '*', '+', '{2}', '{1,3}', '??'))
  .map(([a, q]) => (a === '^' || a === '$' || a === '\\b' ? a : a + q));
const sequence = fc.array(piece, { minLength: 1, maxLength: 5 }).map((xs) => xs.join(''));
const source: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    sequence,
    fc.tuple(tie('node') as fc.Arbitrary<string>, tie('node') as fc.Arbitrary<string>).map(([a, b]) => `${a}|${b}`),
    fc
      .tuple(fc.constantFrom('(?:', '(', '(?<n>'), tie('node') as fc.Arbitrary<string>, fc.constantFrom(')', ')?', ')+', ')*'))
      .map((xs) => xs.join('')),
    fc
      .tuple(fc.constantFrom('^', '', '^(?:'), sequence, tie('node') as fc.Arbitrary<string>)
      .map(([a, b, c]) => (a === '^(?:' ? `${a}${b})${c}` : a + b + c)),
  ),
})).node;
const text = fc
  .array(fc.constantFrom('a', 'b', 'A', 'B', 'é', 'É', 'σ', 'ς', 'Σ', '©', '德', '1', '2', ' ', '.', 'x', '\n', 'K', 'k', 'ſ'), {
    maxLength: 12,
  })
  .map((xs) => xs.join(''));

describe('Pattern', () => {
  it('agrees with the plain regex on every text: the prefilter never changes an answer', () => {
    fc.assert(
      fc.property(
        source,
        fc.constantFrom('', '(?i)', '(?m)', '(?s)', '(?im)'),
        fc.array(text, { minLength: 1, maxLength: 8 }),
        (src, flags, texts) => {
          let pattern: Pattern;
          let reference: RegExp;
          try {
            pattern = new Pattern(flags + src);
            reference = new RegExp(src, flags.replace(/[()?]/g, ''));
          } catch {
            return; // not a pattern the rules accept
          }
          for (const t of texts) expect(pattern.test(t), `${flags}${src} on ${JSON.stringify(t)}`).toBe(reference.test(t));
        },
      ),
      { numRuns: 400, seed: 42 },
    );
  });

  it('searches a group of many literals in one scan, its regex characters taken literally', () => {
    // Five literals in one group, each with a character a regex would read as syntax.
    const src = String.raw`(?i)(?:a\.b|c\+d|e\(f|g\$h|i\\j|k/l|m\|n|o\[p)x`;
    const pattern = new Pattern(src);
    const reference = new RegExp(src.slice(4), 'i');
    const texts = ['a.bx', 'AxB', 'aXbx', 'c+dx', 'ccdx', 'e(fx', 'g$hx', 'gx', 'i\\jx', 'ijx', 'k/lx', 'm|nx', 'mnx', 'O[PX', 'op', ''];
    for (const t of texts) expect(pattern.test(t), t).toBe(reference.test(t));
    expect(texts.filter((t) => pattern.test(t))).toEqual(['a.bx', 'c+dx', 'e(fx', 'g$hx', 'i\\jx', 'k/lx', 'm|nx', 'O[PX']);
  });

  it('anchors markers at the start, keeping inline flags first', () => {
    expect(anchored('(?i)foo|bar')).toBe('(?i)^(?:foo|bar)');
    expect(new Pattern(anchored('(?i)more feeds:')).test('More feeds: x')).toBe(true);
    expect(new Pattern(anchored('(?i)more feeds:')).test('See more feeds:')).toBe(false);
    expect(new Pattern('^(a)(b)?').groups).toBe(2);
  });
});
