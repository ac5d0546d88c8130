import { describe, expect, it } from 'vitest';
import { cleanHtml, outline } from '../support/clean.js';

describe('pruning what shows nothing', () => {
  it('removes empty wrappers and edge breaks, keeps images and word gaps', () => {
    const { root } = cleanHtml(
      '<div><span><div></div></span></div><p><br>text<br><br><br><br>more<br></p><p> </p><p>a<span> </span>b</p><p><a href="https://a.example/"></a></p>',
    );
    expect(outline(root)).toBe('<p>text<br><br>more</p><p>a b</p>');
  });

  it('drops breaks that stand beside blocks, keeps those inside inline runs', () => {
    expect(outline(cleanHtml('<p>a</p><br><br><p>b</p><div>c<br><p>d</p></div><p><strong>e<br></strong>f</p>').root)).toBe(
      '<p>a</p><p>b</p><div><p>c</p><p>d</p></div><p><strong>e</strong><br>f</p>',
    );
  });
});
