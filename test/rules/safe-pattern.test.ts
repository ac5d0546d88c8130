import { describe, expect, it } from 'vitest';
import { compileSafePattern, otherCases, otherCasesByTable, withExplicitCase } from '../../src/rules/safe-pattern.js';

describe('compileSafePattern', () => {
  it('runs patterns that backtrack catastrophically in linear time', () => {
    // Each of these takes minutes or more on a backtracking engine with this text.
    const hostile = ['(a+)+$', '^(a|a)*$', '(a|aa)+$', '(\\w+\\s?)+$', '^(a*)*b'];
    const text = `${'a'.repeat(50_000)}!`;
    for (const source of hostile) {
      const re = compileSafePattern(source);
      expect(re.flags).toContain('l');
      expect(re.test(text)).toBe(false);
    }
  });

  it('rejects what the linear-time engine cannot run, saying why', () => {
    for (const source of ['(a)\\1', '(?<x>a)\\k<x>', 'a(?=b)', 'a(?!b)', '(?<=a)b', '(?<!a)b', 'a{1,40}']) {
      expect(() => compileSafePattern(source), source).toThrow(/cannot run in linear time/);
    }
  });

  it('rejects bad syntax and over-long patterns with a message', () => {
    expect(() => compileSafePattern('[a')).toThrow(/not a valid regular expression/);
    expect(() => compileSafePattern('(')).toThrow(/not a valid regular expression/);
    expect(() => compileSafePattern('a'.repeat(2_001))).toThrow(/longer than 2000/);
  });

  it('takes inline flags: (?i) ignores case, (?m) multi-line, (?s) dot-all', () => {
    expect(compileSafePattern('(?i)^copyright © \\d{4} Harbour').test('COPYRIGHT © 2024 harbour Daily')).toBe(true);
    expect(compileSafePattern('^copyright').test('Copyright')).toBe(false);
    expect(compileSafePattern('(?m)^b$').test('a\nb\nc')).toBe(true);
    expect(compileSafePattern('(?s)a.b').test('a\nb')).toBe(true);
    expect(compileSafePattern('(?is)^A.B$').test('a\nb')).toBe(true);
  });

  it('keeps capture groups and their numbers under (?i)', () => {
    const m = compileSafePattern('(?i)^https://API\\.example\\.com/(?<kind>story|video)/(\\d+)').exec('https://api.EXAMPLE.com/Video/42');
    expect(m?.[1]).toBe('Video');
    expect(m?.[2]).toBe('42');
    expect(m?.groups?.kind).toBe('Video');
  });
});

describe('withExplicitCase', () => {
  /** Whether the rewritten pattern agrees with the engine's own `i` flag on each text. */
  function agrees(source: string, texts: string[]): void {
    const ours = new RegExp(withExplicitCase(source));
    const native = new RegExp(source, 'i');
    for (const text of texts) expect(ours.test(text), `${source} on ${JSON.stringify(text)}`).toBe(native.test(text));
  }

  it('matches as the i flag does: letters, classes, ranges, negated classes, non-Latin scripts', () => {
    agrees('^by\\s+', ['By x', 'BY x', 'bY x', 'xby']);
    agrees('[a-c]x', ['AX', 'cx', 'Dx']);
    agrees('[^a-z]', ['A', 'a', '1', 'Z']);
    agrees('straße', ['STRAßE', 'Straße', 'STRASSE']);
    agrees('σ', ['Σ', 'ς', 'σ', 's']);
    agrees('[α-γ]', ['Β', 'β', 'δ', 'Δ']);
    agrees('k', ['K', 'k', '\u212a']);
    agrees('\\x41[\\u0061-\\u0063]', ['ab', 'AB', 'aD']);
  });

  it('leaves escapes, group names and class escapes alone', () => {
    expect(withExplicitCase('\\d\\S\\w\\B')).toBe('\\d\\S\\w\\B');
    expect(withExplicitCase('(?<Year>\\d{4})')).toBe('(?<Year>\\d{4})');
    expect(withExplicitCase('(?:x)')).toBe('(?:[x\\u0058])');
  });
});

describe('case twins for (?i)', () => {
  it('take the fast paths (ASCII, caseless scripts) only where the full table agrees', () => {
    const differ: number[] = [];
    for (let unit = 0; unit <= 0xffff; unit++) {
      const fast = [...otherCases(unit)].sort();
      const full = [...otherCasesByTable(unit)].sort();
      if (fast.join() !== full.join()) differ.push(unit);
    }
    expect(differ).toEqual([]);
  });
});
