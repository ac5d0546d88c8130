/**
 * Our serializer must write what parse5's does: the JSON `html` field and JSON Feed's content_html
 * come from it, and readers compare them with what other tools (built on parse5) produce.
 */
import { readFileSync } from 'node:fs';
import { parseFragment, serialize } from 'parse5';
import { describe, expect, it } from 'vitest';
import { parseBody, toHtml } from '../../src/tree/parse.js';
import { fixturesDir, listFiles } from '../support/fixtures.js';

// parse5's own tree, parsed as ours is (scripting off), without the comments ours never keeps
// (`<!-- -->`, and what HTML reads as one: `<?xml …?>`, `<![CDATA[…]]>`), serialized by parse5.
type Parse5Node = { nodeName: string; childNodes?: Parse5Node[]; content?: Parse5Node };
function withoutComments(node: Parse5Node): Parse5Node {
  if (node.childNodes) node.childNodes = node.childNodes.filter((child) => child.nodeName !== '#comment').map(withoutComments);
  if (node.content) withoutComments(node.content);
  return node;
}
const parse5Html = (html: string) => serialize(withoutComments(parseFragment(html, { scriptingEnabled: false }) as Parse5Node) as never);

const EDGES = [
  '<p title="a&quot;b&nbsp;c<>&amp;">x&nbsp;y<>&amp;</p>',
  '<template><p>a&amp;b</p><template>in<b>ner</b></template></template><p>after</p>',
  '<noscript>x<b>&lt;</b></noscript>',
  '<style>a<b & c</style><script>if (a < b && c) {}</script><xmp><i>&amp;</i></xmp>',
  '<iframe>fallback &amp; <b>x</b></iframe><noembed>&lt;</noembed><noframes>&amp;</noframes>',
  '<textarea>&lt;b&gt;</textarea><title>&amp;</title>',
  '<svg viewBox="0 0 1 1"><br>a</br><img/><style>x<y</style><foreignObject><p>p</p></foreignObject></svg>',
  '<math><mi xlink:href="x">x</mi><annotation-xml encoding="text/html"><p>p</p></annotation-xml></math>',
  '<br><hr><img src="a.jpg" alt="a"><input value="&quot;"><wbr><area><col><embed><source><track>',
  '<table><tr><td>a<td>b</table><ul><li>1<li>2</ul><p>unclosed <b>bold <i>both</p> after',
  '<p>a<!-- gone -->b</p><?xml version="1.0"?><![CDATA[x]]>',
  '<plaintext><b>&amp; everything after is text',
  '',
  'just text & more < less',
];

describe('toHtml', () => {
  it.each(EDGES)('writes %j as parse5 does', (html) => {
    expect(toHtml(parseBody(html).root)).toBe(parse5Html(html));
  });

  it('writes every fixture as parse5 does', () => {
    const inputs = ['.html', '.md', '.xml'].flatMap((ext) => listFiles(fixturesDir, ext)).map((path) => readFileSync(path, 'utf8'));
    // Not those with a self-closed raw-text element: our parse recovers what parse5's swallows (parse.test.ts).
    const checked = inputs.filter((html) => !/<(?:iframe|noembed|noframes|xmp|style|script)\b[^>]*\/>/i.test(html));
    expect(checked.length).toBeGreaterThan(20);
    for (const html of checked) expect(toHtml(parseBody(html).root)).toBe(parse5Html(html));
  });
});
