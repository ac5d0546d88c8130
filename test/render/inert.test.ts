/**
 * Markdown that no common renderer can turn into script (issue 15): the shapes by which escaped
 * text or code came out as raw HTML in markdown-it, marked or commonmark.js, each with the exact
 * Markdown we write for it now and the check that none of the three finds anything executable.
 */
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, linkDestination, linkTitle, resolveLineStarts } from '../../src/render/escape.js';
import { fenceFor } from '../../src/render/rules/preformatted.js';
import { normalize, renderMarkdown } from '../../src/index.js';
import { cleanHtml } from '../support/clean.js';
import { executableInAnyRenderer } from '../security/renderers.js';

const md = (html: string) => cleanHtml(html).markdown;
const IMG = '&lt;img src=x onerror=alert(1)&gt;';

/** The Markdown of `html`, checked inert in all three renderers. */
function inert(html: string): string {
  const markdown = md(html);
  expect(executableInAnyRenderer(markdown), markdown).toEqual([]);
  return markdown;
}

describe('fenced code', () => {
  it('takes a fence longer than any backtick run inside, wherever it stands', () => {
    expect(fenceFor('a')).toBe('```');
    expect(fenceFor('x ```` y')).toBe('`````');
    expect(fenceFor('`')).toBe('```');
  });

  it.each([
    ['indented 1–3 spaces', `<pre><code>a\n   \`\`\`\n${IMG}</code></pre>`],
    ['mid-line', `<pre><code>a \`\`\`\`\n${IMG}</code></pre>`],
    ['after a CR', `<pre><code>a&#13;\`\`\`&#13;${IMG}</code></pre>`],
    ['in a list, after a CR', `<ul><li><pre><code>a&#13;\`\`\`&#13;${IMG}</code></pre></li></ul>`],
    ['in a quote, indented', `<blockquote><pre>a\n  \`\`\`\n${IMG}</pre></blockquote>`],
    ['with a backtick in the language', `<pre><code class="language-a\`b">${IMG}</code></pre>`],
  ])('cannot be closed early: %s', (_label, html) => {
    const markdown = inert(html);
    expect(markdown).toMatch(/^(?:[->] +)?````?/);
  });

  it('writes CR line ends as LF, so a list or quote prefixes every line', () => {
    expect(md('<ul><li><pre>a&#13;b&#13;&#10;c</pre></li></ul>')).toBe('- ```\n  a\n  b\n  c\n  ```');
  });

  it('is as inert when the code comes from Markdown input', () => {
    const document =
      '---\ntitle: t\n---\n\n````\na\n  ```\n<img src=x onerror=alert(1)>\n````\n\n- ````\n  b\n   ```\n  <img src=x onerror=alert(2)>\n  ````\n';
    const [item] = normalize(document, { input: 'a.md' });
    expect(item!.markdown).toBe(
      '````\na\n  ```\n<img src=x onerror=alert(1)>\n````\n\n- ````\n  b\n   ```\n  <img src=x onerror=alert(2)>\n  ````',
    );
    expect(executableInAnyRenderer(renderMarkdown(item!))).toEqual([]);
  });
});

describe('code in a table cell', () => {
  it('writes code with a backslash before a pipe as escaped text, read alike by GFM and marked', () => {
    const markdown = inert(`<table><tr><th>a</th><th>b</th></tr><tr><td><code>x\\|${IMG}</code></td><td>c</td></tr></table>`);
    expect(markdown).toBe('| a | b |\n| --- | --- |\n| x\\\\\\|\\<img src=x onerror=alert(1)> | c |');
  });

  it('leaves a pipe after an odd backslash run as it is (a table nested in a cell), so no renderer splits there', () => {
    const markdown = inert(
      `<table><tr><th>a</th><th>b</th></tr><tr><td><table><tr><td><a href="https://a.example/">\\|${IMG}</a></td></tr></table></td><td>c</td></tr></table>`,
    );
    expect(markdown).toContain('[\\\\\\|\\<img');
    expect(markdown).not.toMatch(/(?<!\\)(?:\\\\)+\|/); // no pipe after an even run of backslashes
  });

  it('keeps other code in cells as code', () => {
    expect(md('<table><tr><td><code>a|b</code></td></tr></table>')).toBe('| `a\\|b` |\n| --- |');
  });
});

describe('links', () => {
  it('percent-encodes ASCII control characters in destinations', () => {
    const destination = (url: string) => resolveLineStarts(linkDestination(url));
    expect(destination('https://a.example/\u0001\u007f\t')).toBe('https://a.example/%01%7F%09');
    expect(destination('https://a.example/`x`')).toBe('https\\://a.example/\\`x\\`');
  });

  it('writes <, [, ] and backticks in titles as character references', () => {
    expect(resolveLineStarts(linkTitle('a "b" <c> [d] `e` \\ &amp;'))).toBe('"a \\"b\\" &lt;c&gt; &#91;d&#93; &#96;e&#96; \\\\ \\&amp;"');
    expect(inert(`<p><a href="https://a.example/" title="${IMG}">t</a></p>`)).toBe(
      '[t](https://a.example/ "&lt;img src=x onerror=alert(1)&gt;")',
    );
  });

  it.each([
    ['a control character in the URL', `<p><a href="https://a.example/&#1;" title="${IMG}">t</a></p>`],
    ['code with a backtick run in the link text', `<p><a href="https://a.example/" title="${IMG}"><code>a\`\`b</code></a></p>`],
    ['a link in the title', '<p><a href="https://a.example/&#1;" title="[x](javascript:alert(1))">t</a></p>'],
    ['an autolink literal in the title', `<p><a href="https://a.example/&#1;" title="https://b.example/\\${IMG}">t</a></p>`],
  ])('stay links, and their titles inert, with %s', (_label, html) => {
    inert(html);
  });

  it('marks autolink literals in titles and destinations too, which text reads should the link fail', () => {
    expect(resolveLineStarts(`${linkTitle('see ftp://b.example/x')}\\<`)).toBe('"see ftp\\://b.example/x"\\<');
    expect(resolveLineStarts(linkTitle('see https://b.example/x'))).toBe('"see https://b.example/x"');
  });

  it('writes escaped brackets in link text as references (marked unescapes them before reading the text)', () => {
    expect(inert('<p><a href="https://a.example/">![x](javascript:alert(1))</a></p>')).toBe(
      '[!&#91;x&#93;(javascript:alert(1))](https://a.example/)',
    );
    expect(md('<p><a href="https://a.example/">a\\[b]</a></p>')).toBe('[a\\\\&#91;b&#93;](https://a.example/)');
    expect(inert('<p><a href="https://a.example/"><code>a\\[b</code></a></p>')).toBe('[a\\\\&#91;b](https://a.example/)');
  });

  it('writes code holding a backtick inside a link as escaped text (marked reads no such link)', () => {
    expect(md('<p><a href="https://a.example/"><code>a``b</code></a></p>')).toBe('[a\\`\\`b](https://a.example/)');
    expect(md('<p><a href="https://a.example/"><code>ab</code></a></p>')).toBe('[`ab`](https://a.example/)');
  });
});

describe('autolink literals', () => {
  it.each([
    ['a backslash before <', `<p>https://a.example/\\${IMG}</p>`, 'https\\://a.example/\\\\\\<img src=x onerror=alert(1)>'],
    ['www. and a backslash before <', `<p>www.a.example\\${IMG}</p>`, 'www\\.a.example\\\\\\<img src=x onerror=alert(1)>'],
    ['an escaped < in bold', `<p>https://a.example/<b>${IMG}</b></p>`, 'https\\://a.example/**\\<img src=x onerror=alert(1)>**'],
    ['a code span', `<p>https://a.example/<code>${IMG}</code></p>`, 'https\\://a.example/`<img src=x onerror=alert(1)>`'],
    ['a backtick, then a code span', `<p>www.a.example/\`<code>${IMG}</code></p>`, 'www\\.a.example/\\``<img src=x onerror=alert(1)>`'],
    [
      'a second literal in the run',
      `<p>ftp://a.example/www.b.example/<code>${IMG}</code></p>`,
      'ftp\\://a.example/www\\.b.example/`<img src=x onerror=alert(1)>`',
    ],
  ])('cannot swallow the escape: %s', (_label, html, expected) => {
    expect(inert(html)).toBe(expected);
  });

  it('stay autolinks where nothing follows that they could swallow', () => {
    expect(md('<p>see https://a.example/x and www.b.example, `c`</p>')).toBe('see https://a.example/x and www.b.example, \\`c\\`');
    expect(md('<p>https://a.example/<code>x</code></p>'.replace('<code>', ' <code>'))).toBe('https://a.example/ `x`');
  });

  it('are resolved in one pass, however many marks and however long the run', () => {
    const text = `${'www.'.repeat(50_000)}\`${'*'.repeat(200_000)}`;
    const out = resolveLineStarts(escapeMarkdown(text));
    expect(out.startsWith('www\\.www\\.')).toBe(true);
    expect(out).not.toMatch(/\ufdd3/);
  });
});
