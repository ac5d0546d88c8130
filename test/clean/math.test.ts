import { describe, expect, it } from 'vitest';
import { cleanHtml } from '../support/clean.js';

describe('math', () => {
  it('keeps a formula as inline code: its TeX, else its alttext, else its text', () => {
    const tex =
      '<p>B <math alttext="a/b"><semantics><mrow><mi>a</mi></mrow><annotation encoding="application/x-tex">\\frac{a}{b}</annotation></semantics></math> c</p>';
    expect(cleanHtml(tex).markdown).toBe('B `\\frac{a}{b}` c');
    expect(cleanHtml('<p>E <math alttext="E=mc^2"><mi>E</mi><mo>=</mo><mi>m</mi></math>.</p>').markdown).toBe('E `E=mc^2`.');
    expect(cleanHtml('<p>C <math><mi>y</mi><mo>+</mo><mn>1</mn></math></p>').markdown).toBe('C `y+1`');
  });

  it('leaves nothing of an empty formula, and never markup of one', () => {
    expect(cleanHtml('<p>D<math></math>E</p>').markdown).toBe('DE');
    const { root, markdown } = cleanHtml('<p><math><mi>&lt;img src=x onerror=alert(1)&gt;</mi><mtext><img src="x"></mtext></math></p>');
    expect(markdown).toBe('`<img src=x onerror=alert(1)>`');
    expect(root.getElementsByTagName('img')).toHaveLength(0);
  });

  it('leaves SVG to be dropped with its text (an icon, not a sentence)', () => {
    expect(cleanHtml('<p>D<svg><text>icon</text></svg>E</p>').markdown).toBe('DE');
  });
});
