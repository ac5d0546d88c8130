import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPattern, runsInLinearTime, type Node } from '../../src/rules/deterministic.js';
import { compileSafePattern } from '../../src/rules/safe-pattern.js';

describe('runsInLinearTime', () => {
  it('passes anchored patterns whose every choice starts differently', () => {
    for (const source of [
      String.raw`^https?://api\.dw\.com/api/detail/article/(\d+)`,
      String.raw`^(?:[获獲]取更多\s*RSS\s*[：:])`,
      String.raw`^(?:©|\(c\)\s*\d{4}\b)`,
      String.raw`^(?:a|b)*c$`,
      String.raw`^[^,]*,\d+`,
      '^a{2,5}b',
      '^(?:ab|cd)+$',
      // Branches that start alike, spelled out: the engine tries one, then the one that can match.
      String.raw`^(?:our standards|我们的标准|我們的標準|编辑准则|編輯準則)\s*[:：]`,
      '^(?:abc|abd)*x',
    ])
      expect(runsInLinearTime(source, false), source).toBe(true);
  });

  it('turns down what could make the backtracking engine run long, or what it does not read', () => {
    for (const source of [
      '^(a+)+$', // a loop in a loop: the classic
      '^(a|a)*b', // two branches that take the same character
      '^(?:a|ab)*c',
      String.raw`^\s*\s*x`, // "once more" and "done" both take a space
      '^.*newsletter',
      '^a*a',
      '^(?:a?)*b', // a loop that can match nothing
      'abc', // not anchored: every start is tried
      '^a|b', // anchored in one branch only
      String.raw`^(a)\1`, // a back-reference
      '^(?=a)a', // a lookaround
      '^a{', // a literal brace
      '^(?:ab|a)*b', // one branch starts the other
      '^(?:a|ab)c',
      '^(?:ab*|ac)', // a loop in a branch that starts like another
    ])
      expect(runsInLinearTime(source, false), source).toBe(false);
    expect(runsInLinearTime('^[]a', false)).toBe(true);
    expect(runsInLinearTime('^[^]*', false)).toBe(true);
    expect(runsInLinearTime('^.*\n', false)).toBe(true); // `.` never takes a line end
    expect(runsInLinearTime('^.*\n', true)).toBe(false); // with `s` it does
  });

  it('is what compileSafePattern goes by: the same answers on either engine', () => {
    const fast = compileSafePattern(String.raw`^https?://api\.dw\.com/api/detail/article/(\d+)`);
    const slow = compileSafePattern(String.raw`(?m)^https?://api\.dw\.com/api/detail/article/(\d+)`);
    expect(fast.flags).not.toContain('l');
    expect(slow.flags).toContain('l');
    expect(compileSafePattern('^(a+)+$').flags).toContain('l');
    expect(fast.exec('https://api.dw.com/api/detail/article/61291612')?.[1]).toBe('61291612');
    expect(compileSafePattern('(?i)^Copyright').test('COPYRIGHT 2020')).toBe(true);
  });
});

/**
 * A backtracking matcher over the pattern as the analysis reads it, counting its steps. It explores
 * every way a match could go (its last step always fails), so its count is what the backtracking
 * engine spends on a text where nothing matches: the worst case. Assertions pass or fail by the
 * position, to stress the backtracking they cause.
 */
function steps(node: Node, text: string, cap: number, accept = false): number {
  let count = 0;
  const units = (u: readonly number[], c: number) => {
    for (let i = 0; i < u.length; i += 2) if (c >= u[i]! && c <= u[i + 1]!) return true;
    return false;
  };
  const match = (n: Node, pos: number, k: (pos: number) => boolean): boolean => {
    if (++count > cap) throw new Error('over the cap');
    switch (n.kind) {
      case 'units':
        return pos < text.length && units(n.units, text.charCodeAt(pos)) && k(pos + 1);
      case 'assertion':
        return pos % 3 !== 2 && k(pos);
      case 'sequence': {
        const from = (i: number, p: number): boolean => (i === n.items.length ? k(p) : match(n.items[i]!, p, (q) => from(i + 1, q)));
        return from(0, pos);
      }
      case 'alternation':
        return n.branches.some((b) => match(b, pos, k));
      case 'repeat': {
        const loop = (times: number, p: number): boolean => {
          const more = () => times < n.max && match(n.body, p, (q) => (q === p && times >= n.min ? false : loop(times + 1, q)));
          const done = () => times >= n.min && k(p);
          return n.lazy ? done() || more() : more() || done();
        };
        return loop(0, pos);
      }
    }
  };
  const matched = match(node, 0, () => accept);
  return accept ? Number(matched) : count;
}

/** Does the pattern as the analysis reads it match at the text's start? (Assertions read as passing.) */
const matchesAtStart = (node: Node, text: string): boolean | null => {
  try {
    return steps(node, text, 100_000, true) === 1;
  } catch {
    return null; // a pattern the engine would take long over too: no answer to compare
  }
};

const sizeOf = (n: Node): number =>
  1 +
  (n.kind === 'sequence'
    ? n.items.reduce((s, i) => s + sizeOf(i), 0)
    : n.kind === 'alternation'
      ? n.branches.reduce((s, b) => s + sizeOf(b), 0)
      : n.kind === 'repeat'
        ? sizeOf(n.body) * Math.min(n.max === Infinity ? n.min + 1 : n.max, 8)
        : 0);

// prettier-ignore
const atom = fc.constantFrom(
  'a', 'b', 'c', '[ab]', '[^a]', '\\d', '\\s', '.', '\\b', '$',
  '[a-c]', '\\x61', '\\u0062', '[\\sb]', '[^\\d]', '\\W',
  '(?:a|b)', '(?:ab|c)', '(?:a|ba)', '(?:ab|ac)', '(?:ab|a)', '(?:abc|ab?d)', '(?:a[bc]|ad)',
);
const piece = fc
  .tuple(atom, fc.constantFrom('', '', '?', '*', '+', '{2}', '{1,3}', '*?'))
  .map(([a, q]) => (a === '\\b' || a === '$' ? a : a + q));
const short = fc.array(piece, { minLength: 1, maxLength: 3 }).map((xs) => xs.join(''));
const body: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.array(piece, { minLength: 1, maxLength: 5 }).map((xs) => xs.join('')),
    // A choice in a loop: where backtracking blows up when the branches overlap.
    fc.tuple(short, short, fc.constantFrom('*', '+', '{0,3}'), short).map(([x, y, q, z]) => `(?:${x}|${y})${q}${z}`),
    // Branches that start alike (one the other and more): what the spelled-out comparison is for.
    fc
      .tuple(short, fc.constantFrom('', 'a', 'b', '[ab]', 'b?'), fc.constantFrom('*', '+', '{0,3}', ''), short)
      .map(([x, more, q, z]) => `(?:${x}|${x}${more})${q}${z}`),
    fc.tuple(tie('node') as fc.Arbitrary<string>, tie('node') as fc.Arbitrary<string>).map(([x, y]) => `(?:${x}|${y})`),
    fc.tuple(tie('node') as fc.Arbitrary<string>, fc.constantFrom('*', '+', '?', '')).map(([x, q]) => `(?:${x})${q}`),
    fc.tuple(tie('node') as fc.Arbitrary<string>, tie('node') as fc.Arbitrary<string>).map(([x, y]) => x + y),
  ),
})).node;
const picks = fc.array(fc.nat({ max: 99 }), { minLength: 1, maxLength: 4 });

describe('the analysis is sound', () => {
  const CAP = 2_000_000;
  /** Steps on the text, and on the same text four times as long: linear time is about 4× the steps. */
  const growth = (n: Node, unit: string, times: number) => {
    const short = steps(n, unit.repeat(times), CAP);
    const long = steps(n, unit.repeat(4 * times), CAP);
    return { short, long, linear: long <= 5 * short + 50 * sizeOf(n) };
  };

  it('a growth check the matcher meets on deterministic patterns catches every one that is not', () => {
    for (const [source, unit] of [
      ['^(?:a|a)*b', 'a'],
      ['^(a+)+$', 'a'],
      [String.raw`^\s*\s*x`, ' '],
      ['^a*a*b', 'a'],
      ['^(?:a|b)*b*c', 'b'],
    ] as const) {
      const bad = readPattern(source, false)!;
      expect(runsInLinearTime(source, false), source).toBe(false);
      let linear: boolean;
      try {
        linear = growth(bad, unit, 12).linear;
      } catch {
        linear = false; // over the cap: exponential
      }
      expect(linear, source).toBe(false);
    }
  });

  it('every pattern it passes, the backtracking matcher runs in linear steps on any text', () => {
    let passed = 0;
    fc.assert(
      fc.property(body, fc.boolean(), picks, (src, dotAll, pick) => {
        const source = `^${src}`;
        if (!runsInLinearTime(source, dotAll)) return;
        passed++;
        const node = readPattern(source, dotAll)!;
        // Made of the pattern's own letters (and what its classes take), so that its loops have work.
        const letters = [...new Set(source.match(/[abc]/g) ?? ['a']), '1', ' '];
        const u = pick.map((n) => letters[n % letters.length]).join('');
        // A repetitive text (what makes a bad pattern blow up), at two lengths.
        const { short, long, linear } = growth(node, u, 10);
        expect(linear, `${source} on ${JSON.stringify(u)}…: ${short} → ${long} steps`).toBe(true);
      }),
      { numRuns: 3000 },
    );
    // The property is about something: a good share of the random patterns are deterministic.
    expect(passed).toBeGreaterThan(150);
  });

  it('reads patterns as the engine does (else its verdict would be about another pattern)', () => {
    fc.assert(
      fc.property(body, picks, (src, pick) => {
        // Only the leading `^` among assertions: the matcher above does not tell `$` from `\b`.
        if (/\$|\\b/.test(src)) return;
        const node = readPattern(`^${src}`, false);
        if (!node) return;
        const letters = [...new Set(src.match(/[abc]/g) ?? ['a']), '1', ' ', '\n'];
        for (let cut = 0; cut <= pick.length; cut++) {
          const sample = pick
            .slice(0, cut)
            .map((n) => letters[n % letters.length])
            .join('')
            .repeat(3);
          const ours = matchesAtStart(node, sample);
          if (ours !== null) expect(ours, `^${src} on ${JSON.stringify(sample)}`).toBe(new RegExp(`^${src}`).test(sample));
        }
      }),
      { numRuns: 1500 },
    );
  });
});
