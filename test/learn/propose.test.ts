/** Fingerprints, patterns, thresholds and families: what becomes a rule, and how narrow it is. */
import { describe, expect, it } from 'vitest';
import { blocksOfHtml } from '../../src/learn/blocks.js';
import { shapeOf } from '../../src/learn/fingerprint.js';
import { escapeLiteral, proposeFor, textPattern, threshold } from '../../src/learn/propose.js';
import { EndTally, endsOf, tallyEnd, type End } from '../../src/learn/tally.js';

/** Tallies of the given bodies' ends (last block only, first block only), as the Learner makes them. */
function tally(bodies: string[], edge = 3): Record<End, EndTally> {
  const ends = { start: new EndTally(), end: new EndTally() };
  for (const html of bodies) {
    const { start, end } = endsOf(blocksOfHtml(html), edge);
    tallyEnd(ends.start, start);
    tallyEnd(ends.end, end);
  }
  return ends;
}

const WORDS =
  'alder birch cedar dogwood elm fir ginkgo hazel ilex juniper kapok larch maple nutmeg oak pine quince rowan spruce teak'.split(' ');
/** An article of its own (no digits: they would make its paragraphs one shape), then `tail`. */
const article = (i: number, tail: string) =>
  `<p>The ${WORDS[i]} has its own first paragraph.</p><p>And its own ${WORDS[i]} text.</p>${tail}`;
const bodies = (n: number, tail: (i: number) => string) => Array.from({ length: n }, (_, i) => article(i, tail(i)));

describe('blocks', () => {
  it('takes the innermost blocks and the images outside them, in document order', () => {
    const blocks = blocksOfHtml(
      '<div><p>a</p><div><span>b</span> c</div></div><figure><img src="https://x.example/1.jpg"><figcaption>cap</figcaption></figure><h2>H</h2>',
    );
    expect(blocks).toEqual([
      { text: 'a', images: [], heading: false },
      { text: 'b c', images: [], heading: false },
      { text: '', images: ['https://x.example/1.jpg'], heading: false },
      { text: 'cap', images: [], heading: false, caption: true },
      { text: 'H', images: [], heading: true },
    ]);
  });
});

describe('patterns', () => {
  it('escapes the literal and anchors it on the whole block', () => {
    expect(escapeLiteral('a.b*(c)[d]{e}|f/g\\h^$+?')).toBe('a\\.b\\*\\(c\\)\\[d\\]\\{e\\}\\|f\\/g\\\\h\\^\\$\\+\\?');
    const [p] = proposeFor(5, tally(bodies(5, () => '<p>Follow us (daily).</p>')), { minShare: 0.3, minItems: 5 });
    expect(p).toMatchObject({ kind: 'dropText', pattern: '^Follow us \\(daily\\)\\.$', count: 5, end: 'end' });
  });

  it('generalizes digits only where the copies differ there, and keeps the rest literal', () => {
    const ends = tally(bodies(6, (i) => `<p>© ${i < 3 ? 2023 : 2024} Quay Press, 2 offices</p>`));
    expect(proposeFor(6, ends, { minShare: 0.3, minItems: 5 })[0]!.pattern).toBe('^© \\d+ Quay Press, 2 offices$');
    const same = tally(bodies(6, () => '<p>© 2024 Quay Press</p>'));
    expect(proposeFor(6, same, { minShare: 0.3, minItems: 5 })[0]!.pattern).toBe('^© 2024 Quay Press$');
  });

  it('makes a space optional only where some copies have it and others not', () => {
    const shape = shapeOf('© 2020 AFP');
    const pattern = textPattern(shape, {
      digitsVary: [false],
      spacesSome: new Set([1, 2]),
      spacesAll: new Set([2]),
      unknownVariant: false,
    });
    expect(pattern).toBe('^© ?2020 AFP$');
    expect(new RegExp(pattern).test('©2020 AFP') && new RegExp(pattern).test('© 2020 AFP')).toBe(true);
    expect(new RegExp(pattern).test('© 2021 AFP')).toBe(false);
  });
});

describe('thresholds', () => {
  it('needs both the share and the number of items', () => {
    expect(threshold(10, { minShare: 0.3, minItems: 5 })).toBe(5);
    expect(threshold(30, { minShare: 0.3, minItems: 5 })).toBe(9);
    expect(threshold(100, { minShare: 0.3, minItems: 5 })).toBe(30);
    const badge = (k: number) => (i: number) =>
      i < k ? '<p>Our standards: the trust principles</p>' : `<p>Nothing about the ${WORDS[i]}.</p>`;
    expect(proposeFor(20, tally(bodies(20, badge(6))), { minShare: 0.3, minItems: 5 })).toHaveLength(1); // 6 = 30% of 20
    expect(proposeFor(20, tally(bodies(20, badge(5))), { minShare: 0.3, minItems: 5 })).toEqual([]); // 25%
    expect(proposeFor(20, tally(bodies(20, badge(5))), { minShare: 0.25, minItems: 5 })).toHaveLength(1);
    expect(proposeFor(10, tally(bodies(10, badge(4))), { minShare: 0.3, minItems: 5 })).toEqual([]); // 40%, but 4 < 5 items
    expect(proposeFor(10, tally(bodies(10, badge(4))), { minShare: 0.3, minItems: 4 })).toHaveLength(1);
    expect(proposeFor(4, tally(bodies(4, badge(4))), { minShare: 0.3, minItems: 5 })).toEqual([]); // too few items at all
  });

  it('counts a block at the end where it stands: one at the start of some items and the end of others is neither', () => {
    const ends = tally(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? `<p>Share this</p>${article(i, '')}` : article(i, '<p>Share this</p>'))),
      2,
    );
    expect(proposeFor(8, ends, { minShare: 0.6, minItems: 5 })).toEqual([]);
    expect(proposeFor(8, ends, { minShare: 0.5, minItems: 4 }).map((p) => p.end)).toEqual(['start']); // once, where seen most (a tie: the start, looked at first)
  });
});

describe('never content', () => {
  const t = { minShare: 0.3, minItems: 5 };

  it('never proposes a heading, nor text in a block holding an image', () => {
    expect(proposeFor(6, tally(bodies(6, () => '<h2>What comes next</h2>')), t)).toEqual([]);
    const ends = tally(bodies(6, (i) => `<p>Photo of the day <img src="https://x.example/${i}.jpg"></p>`));
    expect(proposeFor(6, ends, t)).toEqual([]);
  });

  it('proposes a repeated image as decoration, by its exact address only', () => {
    const ends = tally(bodies(6, () => '<p><a href="https://x.example/app"><img src="https://x.example/static/app.png"></a></p>'));
    expect(proposeFor(6, ends, t)).toEqual([
      {
        kind: 'decorativeImages',
        pattern: '^https:\\/\\/x\\.example\\/static\\/app\\.png$',
        count: 6,
        end: 'end',
        example: 'https://x.example/static/app.png',
      },
    ]);
  });

  it('leaves a lead photo reused by some items alone: the others put other photos of the same address shape there', () => {
    const ends = tally(bodies(10, (i) => `<img src="https://cdn.x.example/photos/${i < 5 ? 7 : 100 + i}.jpg">`));
    expect(proposeFor(10, ends, t)).toEqual([]);
  });

  it('leaves a labelled line alone when other items fill the same label differently (a translator, a photographer)', () => {
    const ends = tally(bodies(10, (i) => `<p>Translator: ${i < 6 ? 'Ann Lee' : 'Bo Chen'}</p>`));
    expect(proposeFor(10, ends, t)).toEqual([]);
    const fixed = tally(bodies(10, () => '<p>Our standards: the trust principles</p>'));
    expect(proposeFor(10, fixed, t)).toHaveLength(1);
  });

  it('leaves a caption alone, and a line whose copies differ in nearly every item (its own number)', () => {
    expect(
      proposeFor(
        6,
        tally(bodies(6, () => '<figure><img src="https://x.example/a.jpg"><figcaption>Photo: the harbour</figcaption></figure>')),
        t,
      ),
    ).toEqual([expect.objectContaining({ kind: 'decorativeImages' })]);
    expect(proposeFor(12, tally(bodies(12, (i) => `<p>Story number ${1000 + i}</p>`)), t)).toEqual([]);
    // A handful of years is still one line: 12 copies, 3 years.
    expect(proposeFor(12, tally(bodies(12, (i) => `<p>© ${2020 + (i % 3)} Quay Press</p>`)), t)).toHaveLength(1);
  });

  it('leaves date lines to the date reader', () => {
    expect(proposeFor(6, tally(bodies(6, () => '<p>20/07/2020 - 13:56</p>')), t)).toEqual([]);
  });
});
