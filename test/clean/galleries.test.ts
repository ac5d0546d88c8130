import { describe, expect, it } from 'vitest';
import { readEntry } from '../../src/clean/galleries.js';
import { parseBody } from '../../src/tree/parse.js';
import { cleanHtml, outline } from '../support/clean.js';

const entry = (n: number, title: string, sep = '：', caption = `说明${n}`) =>
  `<div><img src="https://a.example/${n}.jpg"><b>${title}</b>${sep}${caption}</div>`;

/** The whole clean stage, galleries (its last stage) included: what it took out, and the body left. */
function galleries(html: string) {
  const { root, findings } = cleanHtml(html);
  return { galleries: findings.galleries, root };
}

describe('gallery detection', () => {
  it('finds a heading followed by a run of image+text blocks, strips the label, removes it from the body', () => {
    const { galleries: found, root } = galleries(
      `<p>正文</p><h3>相关图集：纪念停战70周年   朝中俄互动频频</h3>${entry(1, ' 中俄座上宾')}${entry(2, '习近平来信')}<p>之后</p>`,
    );
    expect(found).toEqual([
      {
        title: '纪念停战70周年 朝中俄互动频频',
        images: [
          { url: 'https://a.example/1.jpg', title: '中俄座上宾', caption: '说明1', separator: '：' },
          { url: 'https://a.example/2.jpg', title: '习近平来信', caption: '说明2', separator: '：' },
        ],
      },
    ]);
    expect(outline(root)).toBe('<p>正文</p><p>之后</p>');
  });

  it('works whatever the label says, by structure', () => {
    for (const heading of ['Picture gallery: Trams', 'Bildergalerie: Straßenbahn', 'In pictures', 'Berlin in the 1920s']) {
      const { galleries: found } = galleries(`<h2>${heading}</h2>${entry(1, 'A', ': ', 'one')}${entry(2, 'B', ': ', 'two')}`);
      expect(found, heading).toHaveLength(1);
      expect(found[0]!.images.map((i) => [i.title, i.caption, i.separator])).toEqual([
        ['A', 'one', ': '],
        ['B', 'two', ': '],
      ]);
    }
  });

  it('needs two entries, and stops the run at the first block of another shape', () => {
    expect(galleries(`<h3>相关图集：一张</h3>${entry(1, 'A')}<p>正文</p>`).galleries).toEqual([]);
    const { galleries: found, root } = galleries(`<h3>图集</h3>${entry(1, 'A')}${entry(2, 'B')}<p>正文</p>${entry(3, 'C')}`);
    expect(found[0]!.images).toHaveLength(2);
    expect(outline(root)).toBe('<p>正文</p><div><img src="https://a.example/3.jpg"><strong>C</strong>：说明3</div>');
  });

  it('is not fooled by headings followed by captioned figures or text', () => {
    const html =
      '<h2>小标题</h2><img src="https://a.example/1.jpg"><div><small>说明</small></div><img src="https://a.example/2.jpg"><div><small>说明</small></div><h2>另一个</h2><p>甲</p><p>乙</p>';
    expect(galleries(html).galleries).toEqual([]);
  });

  it('takes image+text runs without bold titles only under a gallery label', () => {
    const credits =
      '<p><img src="https://a.example/1.jpg">Photo: Reuters</p><p><img src="https://a.example/2.jpg">Photo: AP</p><p>Text after.</p>';
    expect(galleries(`<h2>Background</h2>${credits}`).galleries).toEqual([]);
    expect(galleries(`<h2>In pictures: Background</h2>${credits}`).galleries[0]!.images.map((i) => i.caption)).toEqual([
      'Photo: Reuters',
      'Photo: AP',
    ]);
  });

  it('keeps the source separator with its spaces', () => {
    const { galleries: found } = galleries(`<h2>Gallery</h2>${entry(1, 'One', ' - ', 'first')}${entry(2, 'Two', ' – ', 'second')}`);
    expect(found[0]!.images.map((i) => i.separator)).toEqual([' - ', ' – ']);
  });

  it('reads entries without a bold title as caption only', () => {
    const { root } = parseBody('<div><img src="https://a.example/1.jpg">只有说明</div>');
    expect(readEntry(root.firstChild as never)).toEqual({
      url: 'https://a.example/1.jpg',
      title: null,
      caption: '只有说明',
      separator: null,
    });
  });
});
