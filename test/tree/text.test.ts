import { describe, expect, it } from 'vitest';
import { firstNonSpace, isSpaceCode } from '../../src/tree/text.js';

describe('white space as \\s means it', () => {
  it('isSpaceCode agrees with /\\s/ on every UTF-16 unit', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });

  it('firstNonSpace skips it, as trim() does', () => {
    expect(firstNonSpace(' \u3000\u00a0\n© x')).toBe('©'.charCodeAt(0));
    expect(firstNonSpace('\u3000 ')).toBe(-1);
  });
});
