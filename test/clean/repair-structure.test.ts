import { describe, expect, it } from 'vitest';
import { cleanHtml, outline } from '../support/clean.js';

describe('structural repairs', () => {
  it('folds b/i into strong/em and merges adjacent runs', () => {
    const { root } = cleanHtml('<p><b><i>一</i></b><strong><i>二</i></strong> <b>三</b>四</p>');
    expect(outline(root)).toBe('<p><strong><em>一二</em> 三</strong>四</p>');
  });

  it('pushes an inline wrapper inside each block it wraps', () => {
    expect(outline(cleanHtml('<a href="https://x.example/"><p>one</p>two</a>').root)).toBe(
      '<p><a href="https://x.example/">one</a></p><a href="https://x.example/">two</a>',
    );
  });

  it('turns breaks inside headings and table cells into spaces', () => {
    expect(outline(cleanHtml('<h2>a<br>b</h2><table><tr><td>c<br>d</td></tr></table>').root)).toBe(
      '<h2>a b</h2><table><tbody><tr><td>c d</td></tr></tbody></table>',
    );
  });
});
