import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isFeedcleanError } from '../../src/errors.js';
import { builtInPacks } from '../../src/index.js';
import { loadRulePacks } from '../../src/rules/load.js';
import { MAX_PATTERN_STATES, patternStates } from '../../src/rules/pattern-cost.js';
import { compileSafePattern } from '../../src/rules/safe-pattern.js';

/** The pattern issue 15 ran for 25 s and 5 GB on one paragraph: 2,000 characters, a count of 16. */
const AT_THE_LIMITS = `(?:${'.?'.repeat(990)}){16}`;

describe('patternStates', () => {
  it('counts one state per character, class, escape and assertion', () => {
    expect(patternStates('abc')).toBe(3);
    expect(patternStates('[a-z]\\d\\u0041^$')).toBe(5);
    expect(patternStates('\\p{L}x')).toBe(2);
  });

  it('counts groups, alternatives and repetition, counts unrolled', () => {
    expect(patternStates('(?:ab)')).toBe(4);
    expect(patternStates('a|b|c')).toBe(5);
    expect(patternStates('a?')).toBe(2);
    expect(patternStates('a*?')).toBe(2);
    expect(patternStates('a+')).toBe(3);
    expect(patternStates('a{16}')).toBe(17);
    expect(patternStates('a{2,5}')).toBe(9);
    expect(patternStates('(?:a{4}){4}')).toBe(4 * (5 + 2) + 1);
    expect(patternStates(AT_THE_LIMITS)).toBeGreaterThan(30_000);
  });
});

describe('the cost bound', () => {
  it('refuses a pattern that compiles to too many states, saying so', () => {
    expect(AT_THE_LIMITS.length).toBeLessThanOrEqual(2_000);
    expect(() => compileSafePattern(AT_THE_LIMITS)).toThrow(
      /^pattern is too costly: it compiles to about 31,713 states, at most 500 are allowed/,
    );
    expect(() => compileSafePattern('x'.repeat(MAX_PATTERN_STATES + 1))).toThrow(/too costly/);
    expect(() => compileSafePattern('x'.repeat(MAX_PATTERN_STATES))).not.toThrow();
  });

  it('counts the pattern the engine runs: (?i) letters stay one state each', () => {
    expect(() => compileSafePattern(`(?i)${'x'.repeat(MAX_PATTERN_STATES)}`)).not.toThrow();
  });

  it('leaves room for every built-in pattern', () => {
    // Built-in packs are compiled by the same compiler: they load, so each is under the bound.
    expect(builtInPacks.length).toBeGreaterThan(0);
  });

  it('is a one-line rules error naming the file and the place', () => {
    const text = `id: x\nkind: generic\ndropText:\n  - id: slow\n    pattern: "${AT_THE_LIMITS}"\n`;
    try {
      loadRulePacks(text, 'rules.yaml');
      throw new Error('loaded');
    } catch (error) {
      expect(isFeedcleanError(error) && error.code).toBe('RULE_ERROR');
      expect((error as Error).message).toMatch(/^rules\.yaml: \/dropText\/0\/pattern: pattern is too costly: [^\n]+$/);
    }
  });
});

describe('patternStates on any pattern', () => {
  it('terminates with a count for every valid regular expression', () => {
    const piece = fc.constantFrom(
      'a',
      '.',
      '\\d',
      '\\u0041',
      '\\u{41}',
      '\\p{L}',
      '[a-z]',
      '[]',
      '[^]',
      '(',
      ')',
      '(?:',
      '(?<n>',
      '(?=',
      '(?<!',
      '|',
      '?',
      '*',
      '+',
      '{2}',
      '{1,3}',
      '{2,}',
      '\\',
      '^',
      '$',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const source = pieces.join('');
        try {
          new RegExp(source);
        } catch {
          return;
        }
        expect(patternStates(source)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 2_000, seed: 15 },
    );
  });
});
