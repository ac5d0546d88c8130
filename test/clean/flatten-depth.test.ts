import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/index.js';
import { cleanHtml } from '../support/clean.js';

const header = '<!--1693878424000-->\n[t](https://www.dw.com/zh/x/a-1)\n------\n\n';

describe('deep nesting', () => {
  it('flattens markup below the depth bound, keeping text and images, dropping scripts, with a warning', () => {
    const deep = `${'<div>'.repeat(200)}<p>深<b>层</b><img src="https://a.example/x.jpg"><script>alert(1)</script></p>${'</div>'.repeat(200)}`;
    const { markdown, warnings } = cleanHtml(deep);
    expect(markdown).toBe('深层![](https://a.example/x.jpg)');
    expect(warnings).toEqual(['markup nested deeper than 64 levels was flattened']);
  });

  it('keeps the paragraphs, items and headings it flattens apart: as paragraphs in a block, by breaks in an inline element', () => {
    const blocks = '<p>Alpha one.</p><p>Beta <b>two</b>.</p><ul><li>three</li></ul><h2>four</h2>';
    const { markdown } = cleanHtml(`${'<div>'.repeat(64)}${blocks}${'</div>'.repeat(64)}`);
    expect(markdown).toBe('Alpha one.\n\nBeta two.\n\nthree\n\nfour');
    const inline = cleanHtml(`<div>${'<span>'.repeat(70)}<div>Alpha one.</div><div>Beta two.</div>${'</span>'.repeat(70)}</div>`).markdown;
    expect(inline).toBe('Alpha one.\\\nBeta two.');
  });

  it('leaves ordinary nesting alone', () => {
    expect(cleanHtml(`${'<div>'.repeat(30)}<p>a <b>b</b></p>${'</div>'.repeat(30)}`).warnings).toEqual([]);
  });

  it('survives 100,000 levels through the whole pipeline, turndown included', () => {
    const [item] = normalize(
      `${header}<p>${'<span>'.repeat(100_000)}x${'</span>'.repeat(100_000)}</p>${'<div>'.repeat(20_000)}y${'</div>'.repeat(20_000)}`,
    );
    expect(item!.markdown).toBe('x\n\ny');
    expect(item!.text).toBe('x\n\ny');
  });
});
