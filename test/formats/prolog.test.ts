import { describe, expect, it } from 'vitest';
import { readProlog } from '../../src/formats/prolog.js';
import { detect } from '../../src/input/detect.js';
import { normalize } from '../../src/index.js';

const rss =
  '<rss version="2.0"><channel><title>t</title><item><title>Item</title><link>https://e.example/1</link><description>&lt;p&gt;One.&lt;/p&gt;&lt;p&gt;Two.&lt;/p&gt;</description></item></channel></rss>';

describe('readProlog', () => {
  it('finds the root past the declaration, instructions, comments and a DOCTYPE with an internal subset', () => {
    const prolog = '<?xml version="1.0"?>\n<?xml-stylesheet href="a.xsl"?><!-- a > b --> <!DOCTYPE rss [<!ENTITY x "a>b">]>\n';
    const text = `${prolog}${rss}`;
    const { root, subset } = readProlog(text);
    expect(text.slice(root, root + 4)).toBe('<rss');
    expect(text.slice(subset, subset + 9)).toBe('<!ENTITY ');
  });

  it('ends each construct where XML does: an instruction at its first ?>, a comment at its first -->', () => {
    const text = '<?a x?><!-- one --><b>';
    expect(readProlog(text).root).toBe(text.indexOf('<b>'));
    expect(readProlog('<!-- open <rss>').root).toBe(-1);
    expect(readProlog('<?a <rss>').root).toBe(-1);
    expect(readProlog('just text').root).toBe(-1);
    expect(readProlog('<!DOCTYPE html><p>x</p>')).toEqual({ root: 15, subset: -1 });
  });
});

describe('a feed behind a long or busy prolog', () => {
  it('is still a feed after 10 KiB of comment (the root used to be looked for in the first 2 KiB)', () => {
    const text = `<?xml version="1.0"?><!--${'c'.repeat(10_000)}-->${rss}`;
    expect(detect(text)).toBe('rss');
    const [item] = normalize(text);
    expect(item!.title).toBe('Item');
    expect(item!.markdown).toBe('One.\n\nTwo.');
  });

  it('is read however many processing instructions it has (30 used to take minutes)', () => {
    const text = `<?xml version="1.0"?>${'<?a?>'.repeat(1000)}${rss.replace('<title>Item', `${'<?a?>'.repeat(100)}<title>Item`)}${'<!--a-->'.repeat(1000)}x`;
    const [item] = normalize(text);
    expect(item!.title).toBe('Item');
  });

  it('is whole with any number of comments after its root (it used to look at the last 4 KiB only)', () => {
    const [item] = normalize(`<?xml version="1.0"?>${rss}${'<!-- a -->\n'.repeat(10_000)}`);
    expect(item!.warnings.filter((w) => /well-formed|cut off/.test(w))).toEqual([]);
    const [cut] = normalize(`<?xml version="1.0"?>${rss.replace('</channel></rss>', '')}<!-- a -->`);
    expect(cut!.warnings.some((w) => /cut off/.test(w))).toBe(true);
  });
});
