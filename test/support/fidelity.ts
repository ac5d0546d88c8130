/**
 * Fidelity of our Markdown: what a CommonMark renderer (markdown-it, raw HTML on) makes of it,
 * compared with the cleaned HTML it was written from, as structured facts: whitespace-normalized
 * text, links and images in order, emphasis runs, headings, list shapes, blockquotes, table cells,
 * code. Markdown has no spelling for some HTML; where feedclean spells it one documented way
 * (`^x` for <sup>, a caption as an *emphasized* paragraph, a figure image without alt taking the
 * caption, colspan padding), the expected side is built that way too. Emphasis whose only
 * difference is edge punctuation moved outside the delimiters (emphasis.ts, for CJK flanking) is
 * reported as `emphasis-moved`. Also checks the body's Markdown, read as plain text, against the
 * item's `text` field ("plain").
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- parse5's default tree, walked loosely */
import MarkdownIt from 'markdown-it';
import { parseFragment } from 'parse5';
import { renderMarkdown, type Item } from '../../src/index.js';

type Node = any;

const md = new MarkdownIt({ html: true });
// markdown-it 14 drops backslash escapes and code spans from an image's alt (its issue #1142);
// CommonMark keeps them. Judge our Markdown, not that bug (src/input/markdown.ts does the same).
md.renderer.renderInlineAsText = function renderInlineAsText(tokens: Node[], options: Node, env: Node): string {
  return tokens
    .map((t: Node) => {
      if (['text', 'text_special', 'code_inline', 'html_inline', 'html_block'].includes(t.type)) return t.content;
      if (t.type === 'image') return this.renderInlineAsText(t.children, options, env);
      return t.type === 'softbreak' || t.type === 'hardbreak' ? '\n' : '';
    })
    .join('');
};

// ───────────────────────────── tree helpers (parse5 default tree) ─────────────────────────────

const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'caption',
]);

const tag = (n: Node) => (n.tagName ?? '').toLowerCase();
const attr = (n: Node, name: Node) => n.attrs?.find((a: Node) => a.name === name)?.value ?? null;
const kids = (n: Node) => (n.nodeName === 'template' ? n.content.childNodes : n.childNodes) ?? [];
const space = (s: Node) => s.replace(/\s+/g, ' ').trim();

function* walk(node: Node): Generator<Node> {
  for (const child of kids(node)) {
    yield child;
    yield* walk(child);
  }
}
const elementsOf = (root: Node, ...names: string[]): Node[] => [...walk(root)].filter((n: Node) => names.includes(tag(n)));
const ancestors = (n: Node) => {
  const out: Mismatch[] = [];
  for (let p = n.parentNode; p; p = p.parentNode) out.push(p);
  return out;
};

/**
 * Text of a subtree: block boundaries and <br> as a space. `spellings` applies feedclean's
 * spelling of what Markdown cannot say (sup); `markers` adds the `text` field's list markers.
 */
function textOf(node: Node, { spellings = false, markers = false } = {}) {
  let out = '';
  const visit = (n: Node) => {
    if (n.nodeName === '#text') {
      out += n.value;
      return;
    }
    const t = tag(n);
    if (t === 'br' || t === 'img') {
      out += t === 'br' ? ' ' : '';
      return;
    }
    if (BLOCKS.has(t)) out += ' ';
    if (markers && t === 'li') out += listMarker(n);
    if (spellings && t === 'sup') {
      const inner = space(textOf(n, { spellings }));
      if (inner) out += /\s/.test(inner) ? `^(${inner})` : `^${inner}`;
    } else for (const c of kids(n)) visit(c);
    if (BLOCKS.has(t)) out += ' ';
  };
  for (const c of kids(node)) visit(c);
  return space(out);
}

/** Text content exactly as written (for code blocks); <br> as a newline, as a browser shows it. */
function rawText(node: Node) {
  return kids(node)
    .map((n: Node) => (n.nodeName === '#text' ? n.value : tag(n) === 'br' ? '\n' : rawText(n)))
    .join('');
}

function listMarker(li: Node) {
  const list = li.parentNode;
  if (tag(list) !== 'ol') return '- ';
  const items = kids(list).filter((c: Node) => tag(c) === 'li');
  const start = Number(attr(list, 'start') ?? '1');
  return `${(Number.isFinite(start) ? start : 1) + items.indexOf(li)}. `;
}

// ───────────────────────────────────── structured extract ─────────────────────────────────────

/** `ul[p|p,ul[p]]`, `ol3[p|p]`: the shape of a list; `|` separates items, `,` blocks in one. */
function listSignature(list: Node) {
  const start = tag(list) === 'ol' ? Number(attr(list, 'start') ?? '1') : '';
  const items = kids(list)
    .filter((c: Node) => tag(c) === 'li')
    .map((li: Node) => itemBlocks(li).join(','));
  return `${tag(list)}${start === 1 ? '' : start}[${items.join('|')}]`;
}

/** The blocks of a container: each run of inline content or <p> is one `p`; divs are transparent. */
function itemBlocks(container: Node): string[] {
  const blocks = [];
  let inline = false;
  const endRun = () => {
    if (inline) blocks.push('p');
    inline = false;
  };
  for (const c of kids(container)) {
    const t = tag(c);
    if (c.nodeName === '#comment') continue;
    if (c.nodeName === '#text' || !BLOCKS.has(t)) {
      if (c.nodeName !== '#text' || c.value.trim()) inline = true;
      continue;
    }
    endRun();
    if (t === 'ul' || t === 'ol') blocks.push(listSignature(c));
    else if (t === 'p' || t === 'figcaption') blocks.push('p');
    else if (/^h[1-6]$/.test(t)) blocks.push(t);
    else if (t === 'pre') blocks.push('code');
    else if (t === 'blockquote') blocks.push('quote');
    else if (t === 'table') blocks.push('table');
    else if (t === 'hr') blocks.push('hr');
    else blocks.push(...itemBlocks(c)); // div, figure, dl …: their blocks
  }
  endRun();
  return blocks;
}

/**
 * Cells of one table (rows of this table only), trailing empty cells dropped (GFM pads short rows).
 * With `spans` (the expected side), the grid is laid out as a browser would: a cell with colspan=N
 * is followed by N-1 empty cells, one with rowspan=N leaves an empty cell in its column below.
 */
function tableCells(table: Node, spans: Node) {
  const rows = [...walk(table)].filter((tr: Node) => tag(tr) === 'tr' && ancestors(tr).find((a: Node) => tag(a) === 'table') === table);
  const grid: Node[][] = rows.map(() => []);
  const span = (cell: Node, name: Node) => (spans ? Math.min(Math.max(Number(attr(cell, name)) || 1, 1), 50) : 1);
  rows.forEach((tr: Node, r: Node) => {
    let col = 0;
    for (const cell of kids(tr).filter((c: Node) => tag(c) === 'td' || tag(c) === 'th')) {
      while (grid[r]![col] !== undefined) col++;
      const [cols, rowsDown] = [span(cell, 'colspan'), span(cell, 'rowspan')];
      for (let dr = 0; dr < rowsDown && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < cols; dc++) grid[r + dr]![col + dc] = dr === 0 && dc === 0 ? textOf(cell, { spellings: spans }) : '';
      }
      col += cols;
    }
  });
  return grid.map((row: Node) => {
    const cells = Array.from(row, (c: Node) => c ?? '');
    while (cells.length && cells.at(-1) === '') cells.pop();
    return cells;
  });
}

/**
 * Facts of one HTML tree. `expected`: the tree is feedclean's cleaned HTML, so apply the
 * spellings feedclean documents for what Markdown cannot say (see header).
 */
export function extract(html: string, { expected = false } = {}): Record<string, any> {
  const root = parseFragment(html);
  const runText = (e: Node) => textOf(e, { spellings: expected }) + (elementsOf(e, 'img').length ? '[img]' : '');
  const runs = (...names: Node[]) => elementsOf(root, ...names).map(runText);

  // EXPECTED SPELLINGS: captions are emphasized paragraphs, so they join the em runs in document order.
  const em = expected
    ? elementsOf(root, 'em', 'i', 'figcaption', 'caption')
        .filter((e: Node) => !['figcaption', 'caption'].includes(tag(e)) || textOf(e))
        .map(runText)
    : runs('em');

  const images = elementsOf(root, 'img').map((img: Node) => {
    let alt = space(attr(img, 'alt') ?? '');
    if (expected && !alt) {
      // EXPECTED SPELLINGS: a figure image without alt takes the caption.
      const figure = ancestors(img).find((a: Node) => tag(a) === 'figure');
      const caption = figure && kids(figure).find((c: Node) => tag(c) === 'figcaption');
      if (caption) alt = textOf(caption);
    }
    return [linkKey(attr(img, 'src') ?? ''), alt, space(attr(img, 'title') ?? '')];
  });

  const topLists = elementsOf(root, 'ul', 'ol').filter((l: Node) => !ancestors(l).some((a: Node) => ['ul', 'ol'].includes(tag(a))));
  const quotes = elementsOf(root, 'blockquote').map((q: Node) => [
    ancestors(q).filter((a: Node) => tag(a) === 'blockquote').length + 1,
    textOf(q, { spellings: expected }),
  ]);
  const topTables = elementsOf(root, 'table').filter((t: Node) => !ancestors(t).some((a: Node) => tag(a) === 'table'));

  return {
    text: textOf(root, { spellings: expected }),
    links: elementsOf(root, 'a')
      .filter((a: Node) => attr(a, 'href') !== null)
      .map((a: Node) => [
        linkKey(attr(a, 'href')),
        textOf(a, { spellings: expected }) + (elementsOf(a, 'img').length ? '[img]' : ''),
        space(attr(a, 'title') ?? ''),
      ]),
    images,
    em,
    strong: runs('strong', 'b'),
    strike: runs('s', 'del', 'strike'),
    headings: elementsOf(root, 'h1', 'h2', 'h3', 'h4', 'h5', 'h6').map((h: Node) => [
      Number(tag(h)[1]),
      textOf(h, { spellings: expected }),
    ]),
    lists: topLists.map(listSignature),
    quotes,
    tables: topTables.map((t: Node) => tableCells(t, expected)).filter((rows: Node) => rows.length),
    code: [
      ...elementsOf(root, 'code')
        .filter((c: Node) => tag(c.parentNode) !== 'pre')
        .map((c: Node) => `\`${space(textOf(c))}\``),
      // Code blocks exactly: blank lines and trailing spaces are content there.
      ...elementsOf(root, 'pre').map((p: Node) => `pre:${rawText(p).replace(/\n$/, '')}`),
    ],
  };
}

/** A URL as markdown-it would emit it, so equivalent spellings (`<` vs `%3C`) compare equal. */
function linkKey(url: Node) {
  try {
    return md.normalizeLink(url.trim());
  } catch {
    return url;
  }
}

// ───────────────────────────────────────── comparison ─────────────────────────────────────────

const stripEdgePunct = (s: Node) => s.replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '');

export interface Mismatch {
  kind: string;
  at: number;
  expected: unknown;
  actual: unknown;
  counts?: number[];
}

/** The mismatches between two extracts, one per kind: {kind, at, expected, actual}. */
export function compare(want: Record<string, any>, got: Record<string, any>): Mismatch[] {
  const out: Mismatch[] = [];
  if (want.text !== got.text) out.push({ kind: 'text', ...firstTextDifference(want.text, got.text) });
  for (const kind of ['links', 'images', 'em', 'strong', 'strike', 'headings', 'lists', 'quotes', 'tables', 'code']) {
    const a = want[kind];
    const b = got[kind];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    let name = kind;
    if (
      (kind === 'em' || kind === 'strong') &&
      a.length === b.length &&
      a.every((x: Node, i: Node) => stripEdgePunct(x) === stripEdgePunct(b[i]))
    ) {
      name = 'emphasis-moved';
    }
    const at = a.findIndex((x: Node, i: Node) => JSON.stringify(x) !== JSON.stringify(b[i]));
    const i = at < 0 ? a.length : at;
    out.push({ kind: name, at: i, expected: a[i] ?? null, actual: b[i] ?? null, counts: [a.length, b.length] });
  }
  return out;
}

function firstTextDifference(a: Node, b: Node) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 30);
  return { at: i, expected: a.slice(from, i + 40), actual: b.slice(from, i + 40) };
}

// ────────────────────────────────────── one item, checked ─────────────────────────────────────

const escapeHtml = (s: Node) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The HTML the whole Markdown document should say: title, then the body (its galleries in it). */
function expectedDocumentHtml(item: Node) {
  const parts = [];
  if (item.title) parts.push(`<h1>${escapeHtml(item.title)}</h1>`);
  parts.push(item.html);
  return parts.join('\n');
}

const stripFrontMatter = (doc: Node) => doc.replace(/^---\n[\s\S]*?\n---\n/, '');

/** Every mismatch of one item: the document against its expected HTML, the body against `text`. */
export function checkItem(item: Item): Mismatch[] {
  const document = stripFrontMatter(renderMarkdown(item));
  const rendered = md.render(document);
  const mismatches = compare(extract(expectedDocumentHtml(item), { expected: true }), extract(rendered));

  const bodyRendered = md.render(item.markdown);
  const plain = textOf(parseFragment(bodyRendered), { markers: true });
  const field = space(item.text);
  if (plain !== field) mismatches.push({ kind: 'plain', ...firstTextDifference(field, plain) });
  return mismatches;
}
