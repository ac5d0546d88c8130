import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { hideInnerRuns, hideLongRuns, hideRunsFrom, withLongRunsHidden } from '../../src/render/space-runs.js';
import { cleanHtml } from '../support/clean.js';

afterEach(() => hideRunsFrom(32));

describe('space runs', () => {
  it('hides long runs only while a render is under way, and puts each back where it stood', () => {
    const run = (n: number) => '\u00a0'.repeat(n);
    const text = `a${run(40)}b${run(33)}c ${run(5)} d`;
    expect(hideLongRuns(text)).toBe(text); // no render under way
    let hidden = '';
    const out = withLongRunsHidden(() => {
      hidden = hideLongRuns(text);
      return `[${hidden}]`;
    });
    expect(hidden).not.toMatch(/\s{32}/);
    expect(out).toBe(`[${text}]`);
  });

  it('hides a run inside a text only when something that is not white space stands on both sides', () => {
    const run = '\u3000'.repeat(40);
    withLongRunsHidden(() => {
      expect(hideInnerRuns(`${run}a`)).toBe(`${run}a`);
      expect(hideInnerRuns(`a${run}`)).toBe(`a${run}`);
      expect(hideInnerRuns(`a${run}b`)).not.toContain(run);
      return '';
    });
  });

  it('changes nothing in the Markdown: the same with runs hidden from 4 characters on as with none hidden', () => {
    const piece = fc.constantFrom(
      'a',
      'x y',
      '#',
      '*',
      '\u00a0',
      '\u00a0'.repeat(5),
      ' \u00a0 \u00a0 \u00a0',
      '\u3000'.repeat(6),
      '   ',
      '\n',
      '<b>',
      '</b>',
      '<em>',
      '</em>',
      '<sup>',
      '</sup>',
      '<code>',
      '</code>',
      '<a href="https://e.example/">',
      '</a>',
      '<p>',
      '</p>',
      '<li>',
      '<pre>',
      '</pre>',
      '<br>',
      '<figure><img src="https://e.example/a.png"><figcaption>',
      '</figcaption></figure>',
      '<table><tr><td>',
      '</td><td>',
      '</td></tr></table>',
      '<blockquote>',
      '</blockquote>',
      '<h2>',
      '</h2>',
      '<ul><li>',
      '</li></ul>',
      '<ol><li>',
      '<dl><dd>',
      '\u2028',
      '\t',
      '-',
      '1.',
      '_',
      '\ufdd40\ufdd5',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const html = pieces.join('');
        hideRunsFrom(Infinity);
        const plain = cleanHtml(html).markdown;
        hideRunsFrom(4);
        const hidden = cleanHtml(html).markdown;
        expect(hidden, JSON.stringify(html)).toBe(plain);
      }),
      { numRuns: 2000 },
    );
  });
});
