import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEntry } from '../../src/clean/galleries.js';
import { parseBody } from '../../src/tree/parse.js';
import { normalize } from '../../src/index.js';
import { cleanHtml, outline } from '../support/clean.js';
import { fixturesDir } from '../support/fixtures.js';

const entry = (n: number, title: string, sep = '：', caption = `说明${n}`) =>
  `<div><img src="https://a.example/${n}.jpg"><b>${title}</b>${sep}${caption}</div>`;

/** The whole clean stage, galleries (its last stage) included: what it found, and the body left. */
function galleries(html: string) {
  const { root, findings, markdown } = cleanHtml(html);
  return { galleries: findings.galleries, root, markdown };
}

describe('gallery detection', () => {
  it('finds a labelled heading followed by a run of image+text blocks, strips the label, rewrites it where it stands', () => {
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
    expect(outline(root)).toBe(
      '<p>正文</p><section><h2>纪念停战70周年 朝中俄互动频频</h2>' +
        '<p><img src="https://a.example/1.jpg" alt="中俄座上宾"></p><p><strong>中俄座上宾</strong>：说明1</p>' +
        '<p><img src="https://a.example/2.jpg" alt="习近平来信"></p><p><strong>习近平来信</strong>：说明2</p></section><p>之后</p>',
    );
  });

  it('works in every language the packs have a label for', () => {
    for (const heading of ['Picture gallery: Trams', 'Bildergalerie: Straßenbahn', 'In pictures', 'Gallery - Berlin in the 1920s']) {
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
    expect(outline(root)).toMatch(/<\/section><p>正文<\/p><div><img src="https:\/\/a\.example\/3\.jpg"><strong>C<\/strong>：说明3<\/div>$/);
  });

  it('leaves an ordinary article alone: a heading over product blocks without a gallery label is not a gallery', () => {
    const products =
      '<p>Our picks this week.</p><h2>Best budget kettles</h2>' +
      '<div><img src="https://shop.example/a.jpg"><b>Alpha</b>: steel, 1.7 l, 10 EUR</div>' +
      '<div><img src="https://shop.example/b.jpg"><b>Beta</b>: glass, 1.5 l, 12 EUR</div>' +
      '<div><img src="https://shop.example/c.jpg"><b>Gamma</b>: plastic, 1 l, 8 EUR</div><p>Prices as of Monday.</p>';
    const { galleries: found, markdown } = galleries(products);
    expect(found).toEqual([]);
    // In its place and in full: the heading, each product, the text after.
    expect(markdown.indexOf('Best budget kettles')).toBeLessThan(markdown.indexOf('**Alpha**'));
    expect(markdown.indexOf('**Gamma**: plastic, 1 l, 8 EUR')).toBeLessThan(markdown.indexOf('Prices as of Monday.'));
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

describe('galleries in the pipeline', () => {
  const fixture = (name: string) => readFileSync(join(fixturesDir, 'dump', name, 'input.md'));

  it('--no-gallery never deletes text that was not in a detected gallery', () => {
    const [kept] = normalize(fixture('product-list-not-gallery'));
    const [dropped] = normalize(fixture('product-list-not-gallery'), { gallery: false });
    expect(kept!.galleries).toEqual([]);
    expect(dropped!.markdown).toBe(kept!.markdown);
    expect(dropped!.markdown).toContain('**Gamma**: plastic, 1 l, for one person. 8 EUR');
  });

  it('keeps a gallery where it stands, and --no-gallery takes out only the gallery', () => {
    const [item] = normalize(fixture('gallery-mid-article'));
    const md = item!.markdown;
    expect(item!.galleries).toHaveLength(1);
    expect(md.indexOf('port authority said')).toBeLessThan(md.indexOf('## The cranes of the Hansahafen'));
    expect(md.indexOf('**Rusted but standing**')).toBeLessThan(md.indexOf('The restoration is to cost'));
    // Gallery images are the gallery's, not body figures.
    expect(item!.images).toEqual([]);
    const [without] = normalize(fixture('gallery-mid-article'), { gallery: false });
    expect(without!.galleries).toEqual([]);
    expect(without!.markdown).toBe(md.replace(/## The cranes[\s\S]*?\n\n(?=The restoration)/, ''));
  });
});
