import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/extract/text.js';
import { parseBody } from '../../src/tree/parse.js';

const text = (html: string) => plainText(parseBody(html).root);

describe('plain text', () => {
  it('separates blocks by a blank line and keeps <br> as a line break', () => {
    expect(text('<p>一  二\n三</p><div>四<br>五</div><h2>六</h2>')).toBe('一 二 三\n\n四\n五\n\n六');
  });

  it('includes captions, skips images, keeps inline text together', () => {
    expect(text('<figure><img src="x.jpg"><figcaption>说明</figcaption></figure><p>a <strong>b</strong> <a href="#">c</a></p>')).toBe(
      '说明\n\na b c',
    );
  });

  it('puts list items on their own lines and table cells on one row', () => {
    expect(text('<ul><li>甲</li><li>乙</li></ul><table><tr><td>1</td><td>2</td></tr></table>')).toBe('- 甲\n\n- 乙\n\n1 2');
  });

  it('numbers ordered lists from their start and keeps markers with block content', () => {
    expect(text('<ol start="3"><li>三</li><li><p>四</p></li></ol><ul><li><blockquote>引</blockquote></li></ul>')).toBe(
      '3. 三\n\n4. 四\n\n- 引',
    );
  });

  it('handles very deep nesting without overflowing the stack', () => {
    const deep = `${'<span>'.repeat(50_000)}深${'</span>'.repeat(50_000)}`;
    expect(text(`<p>${deep}</p>`)).toBe('深');
  });
});
