import { describe, expect, it } from 'vitest';
import { compileGlob, matchesAny } from '../../src/cli/glob.js';

const matches = (glob: string, path: string) => compileGlob(glob).test(path);

describe('compileGlob', () => {
  it('matches a pattern without a slash against the name at any depth', () => {
    expect(matches('*.md', 'a.md')).toBe(true);
    expect(matches('*.md', 'x/y/a.md')).toBe(true);
    expect(matches('*.md', 'a.mdx')).toBe(false);
    expect(matches('drafts', 'x/drafts')).toBe(true);
    expect(matches('drafts', 'x/mydrafts')).toBe(false);
  });

  it('anchors a pattern with a slash to the walked directory; ** spans directories', () => {
    expect(matches('2023/*.md', '2023/a.md')).toBe(true);
    expect(matches('2023/*.md', 'x/2023/a.md')).toBe(false);
    expect(matches('2023/*.md', '2023/b/a.md')).toBe(false);
    expect(matches('**/zh/*.md', 'zh/a.md')).toBe(true);
    expect(matches('**/zh/*.md', 'a/b/zh/a.md')).toBe(true);
    expect(matches('news/**', 'news/a/b.md')).toBe(true);
  });

  it('reads ?, classes, negated classes, alternatives and escapes; regex characters are literal', () => {
    expect(matches('item-?.md', 'item-7.md')).toBe(true);
    expect(matches('item-?.md', 'item-10.md')).toBe(false);
    expect(matches('[ab]*.xml', 'b1.xml')).toBe(true);
    expect(matches('[!ab]*.xml', 'b1.xml')).toBe(false);
    expect(matches('*.{md,xml}', 'feed.xml')).toBe(true);
    expect(matches('*.{md,xml}', 'feed.json')).toBe(false);
    expect(matches('a+b(1).md', 'a+b(1).md')).toBe(true);
    expect(matches('a+b(1).md', 'aab1.md')).toBe(false);
    expect(matches('\\*.md', '*.md')).toBe(true);
    expect(matches('\\*.md', 'x.md')).toBe(false);
    expect(matches('[unclosed.md', '[unclosed.md')).toBe(true);
  });

  it('reads a trailing "/" as directories only, "]" first in a class as a member, and anchors each alternative alone', () => {
    expect(compileGlob('build/').test('x/build', true)).toBe(true);
    expect(compileGlob('build/').test('x/build', false)).toBe(false);
    expect(compileGlob('/drafts/').test('drafts', true)).toBe(true);
    expect(compileGlob('/drafts/').test('pub/drafts', true)).toBe(false);
    expect(compileGlob('./drafts').test('pub/drafts')).toBe(false);
    expect(matches('[!]a]x', 'bx')).toBe(true);
    expect(matches('[!]a]x', ']x')).toBe(false);
    expect(matches('[]a]x', ']x')).toBe(true);
    expect(matches('{a/*.md,*.txt}', 'deep/er/b.txt')).toBe(true);
    expect(matches('{a/*.md,*.txt}', 'deep/a/b.md')).toBe(false);
    expect(matches('{a/*.md,*.txt}', 'a/b.md')).toBe(true);
  });

  it('refuses patterns that would expand without bound, and the empty pattern', () => {
    const start = Date.now();
    expect(() => compileGlob('{a,b}'.repeat(24))).toThrow(/more than 256 alternatives/);
    expect(Date.now() - start).toBeLessThan(2000);
    expect(() => compileGlob('')).toThrow();
  });

  it('matches without backtracking: patterns that would make a regex engine explode stay fast', () => {
    const pattern = compileGlob('*a*a*a*a*a*a*a*a*a*a*a*a*b');
    const start = process.hrtime.bigint();
    expect(pattern.test('a'.repeat(5000))).toBe(false);
    // A catastrophic pattern would take minutes here; this is a sanity bound, not a benchmark.
    expect(Number(process.hrtime.bigint() - start) / 1e9).toBeLessThan(5);
    expect(matchesAny('a/b.md', [compileGlob('*.xml'), compileGlob('b.md')])).toBe(true);
  });
});
