/**
 * The cleaned tree → GFM, with turndown walking our light DOM directly (no string round-trip).
 * Our own rules cover figures, images, links and tables; `escape` is ours (see escape.ts).
 */
import TurndownService from 'turndown';
import { Element, Text, elements, h, nextInOrder, replaceNode, unwrap, withTextMemo, type DomNode, type Fragment } from '../tree/dom.js';
import { mergeAdjacentRuns } from '../tree/merge-runs.js';
import { normalizeSpace, textOf } from '../tree/text.js';
import { emphasisRule } from './emphasis.js';
import { escapeMarkdown, linkDestination, resolveLineStarts, unmark } from './escape.js';

type TNode = TurndownService.Node;
/** turndown's typings name the browser DOM; our light DOM has the surface it actually uses. */
type TurndownInput = Parameters<TurndownService['turndown']>[0];

function asElement(node: TNode): Element {
  return node as unknown as Element;
}

function imageMarkdown(img: Element, fallbackAlt = ''): string {
  const src = img.getAttribute('src');
  if (!src) return '';
  const alt = normalizeSpace(img.getAttribute('alt') ?? '') || fallbackAlt;
  return `![${escapeMarkdown(alt)}](${linkDestination(src)})`;
}

/** One table row as GFM cells: inline text only, pipes escaped, never broken rows. */
function rowCells(row: Element, service: TurndownService): string[] {
  return row.children
    .filter((c) => c.tagName === 'td' || c.tagName === 'th')
    .flatMap((cell) => {
      // A code block cannot stand in a cell: it is the inline code it will read as.
      for (const pre of cell.getElementsByTagName('pre'))
        if (pre.parentNode) replaceNode(pre, h('code', {}, [normalizeSpace(pre.textContent)]));
      // Paragraphs in a cell are joined by a space, and runs they kept apart merged, as read back.
      for (const p of cell.children.filter((c) => c.tagName === 'p' || c.tagName === 'div')) {
        p.parentNode!.insertBefore(new Text(' '), p.nextSibling);
        unwrap(p);
      }
      mergeAdjacentRuns(cell, MERGEABLE);
      const md = service.turndown(cell as unknown as TurndownInput);
      const text = md.replace(/\n+/g, ' ').replace(/\|/g, '\\|').trim();
      // A cell spanning columns keeps the columns after it in place.
      const span = Math.min(Math.max(Number(cell.getAttribute('colspan')) || 1, 1), 50);
      return [text, ...Array<string>(span - 1).fill('')];
    });
}

function tableMarkdown(table: Element, service: TurndownService): string {
  const rows = table.getElementsByTagName('tr').filter((tr) => {
    // Only rows of this table, not of a table nested in a cell.
    let p = tr.parentNode;
    while (p instanceof Element && p.tagName !== 'table') p = p.parentNode;
    return p === table;
  });
  if (!rows.length) return '';
  const cells = rows.map((r) => rowCells(r, service));
  const width = Math.max(1, ...cells.map((c) => c.length));
  const pad = (c: string[]) => [...c, ...Array(width - c.length).fill('')];
  const line = (c: string[]) => `| ${pad(c).join(' | ')} |`;
  const [head, ...body] = cells;
  const caption = table.children.find((c) => c.tagName === 'caption');
  const captionLine = caption && textOf(caption) ? `*${escapeMarkdown(textOf(caption))}*\n\n` : '';
  return `\n\n${captionLine}${[line(head!), line(Array(width).fill('---')), ...body.map(line)].join('\n')}\n\n`;
}

/** Turndown's own options (the benchmark's naive pipeline uses them too, to compare like with like). */
export const TURNDOWN_OPTIONS: TurndownService.Options = {
  headingStyle: 'atx',
  hr: '---',
  bulletListMarker: '-',
  codeBlockStyle: 'fenced',
  emDelimiter: '*',
  strongDelimiter: '**',
  br: '\\',
  linkStyle: 'inlined',
};

function createService(): TurndownService {
  const service = new TurndownService(TURNDOWN_OPTIONS);
  service.escape = escapeMarkdown;
  service.addRule('figure', {
    filter: 'figure',
    replacement: (_content, node) => {
      const figure = asElement(node);
      const caption = figure.children.find((c) => c.tagName === 'figcaption');
      const captionText = caption ? textOf(caption) : '';
      // An image that was a link (to a larger version, say) stays one.
      const images = figure.getElementsByTagName('img').map((img) => {
        const image = imageMarkdown(img, captionText);
        const link = img.parentNode instanceof Element && img.parentNode.tagName === 'a' ? img.parentNode.getAttribute('href') : null;
        return link ? `[${image}](${linkDestination(link)})` : image;
      });
      const parts = [images.join('\n\n')];
      // Text in the figure besides its caption (a credit beside the image) stays, as a paragraph.
      const besides = normalizeSpace(
        figure.childNodes
          .filter((c) => c !== caption)
          .map((c) => c.textContent)
          .join(' '),
      );
      if (besides) parts.push(escapeMarkdown(besides));
      if (captionText) parts.push(`*${escapeMarkdown(captionText)}*`);
      return `\n\n${parts.filter(Boolean).join('\n\n')}\n\n`;
    },
  });
  service.addRule('strong', { filter: ['strong', 'b'], replacement: emphasisRule('**') });
  service.addRule('emphasis', { filter: ['em', 'i'], replacement: emphasisRule('*') });
  // No Markdown has superscript; `10^6` keeps the exponent readable (and 10⁶ apart from 106).
  service.addRule('superscript', {
    filter: ['sup'],
    replacement: (content) => (content.trim() ? `^${/\s/.test(content.trim()) ? `(${content.trim()})` : content.trim()}` : content),
  });
  service.addRule('strikethrough', { filter: ['s'], replacement: emphasisRule('~~') });
  // <pre> without <code> is still preformatted text.
  service.addRule('preformatted', {
    filter: (node) => node.nodeName === 'PRE' && !(node.firstChild && node.firstChild.nodeName === 'CODE'),
    replacement: (_content, node) => {
      const text = asElement(node).textContent.replace(/\n$/, '');
      const fence = '`'.repeat(Math.max(3, ...(text.match(/`+/g) ?? []).map((m) => m.length + 1)));
      return `\n\n${fence}\n${text}\n${fence}\n\n`;
    },
  });
  service.addRule('image', {
    filter: 'img',
    replacement: (_content, node) => imageMarkdown(asElement(node)),
  });
  service.addRule('link', {
    filter: (node) => node.nodeName === 'A' && !!node.getAttribute('href'),
    replacement: (content, node) => {
      const href = asElement(node).getAttribute('href')!;
      const text = content.trim();
      if (!text) return '';
      if (text === escapeMarkdown(href) && !/[\s<>]/.test(href)) return `<${href}>`;
      const title = normalizeSpace(asElement(node).getAttribute('title') ?? '');
      const titlePart = title ? ` "${title.replace(/["\\]|&(?=#?[A-Za-z0-9]+;)/g, '\\$&')}"` : '';
      return `[${text}](${linkDestination(href)}${titlePart})`;
    },
  });
  // turndown's, but with the white space an item leaves at its end trimmed, so no empty `>` line.
  service.addRule('blockquote', {
    filter: 'blockquote',
    replacement: (content) => `\n\n${content.replace(/^\n+/, '').replace(/\s+$/, '').replace(/^/gm, '> ')}\n\n`,
  });
  service.addRule('list', {
    filter: ['ul', 'ol'],
    replacement: (content, node) => {
      const list = asElement(node);
      const parent = list.parentNode;
      if (!(parent instanceof Element && parent.tagName === 'li' && parent.lastChild === list)) return `\n\n${content}\n\n`;
      // Only a list starting at 1 may interrupt its item's text; any other needs a blank line first,
      // and so does every block in an item of a loose list (its text is a paragraph there).
      const outer = parent.parentNode instanceof Element ? parent.parentNode : null;
      const interrupts = (list.tagName === 'ul' || listStart(list) === 1) && !(outer && isLoose(outer));
      return `${interrupts ? '\n' : '\n\n'}${content}`;
    },
  });
  // `- item` / `1. item` with continuation lines indented to match (turndown pads markers to four).
  service.addRule('listItem', {
    filter: 'li',
    replacement: (content, node) => {
      const li = asElement(node);
      const list = li.parentNode instanceof Element ? li.parentNode : null;
      // A list right after another of its kind would join it: it takes the other marker.
      const other = list ? followsSameList(list) : false;
      let marker = other ? '* ' : '- ';
      if (list?.tagName === 'ol') marker = `${listStart(list) + list.children.indexOf(li)}${other ? ')' : '.'} `;
      const body = content
        .replace(/^\n+/, '')
        .replace(/\n+$/, '\n')
        .replace(/\n/g, `\n${' '.repeat(marker.length)}`);
      // In a loose list (see isLoose) every item is followed by a blank line, as CommonMark reads it.
      return `${marker}${body}${li.nextSibling ? (list && isLoose(list) ? '\n\n' : '\n') : ''}`;
    },
  });
  service.addRule('table', {
    filter: 'table',
    replacement: (_content, node) => tableMarkdown(asElement(node), service),
  });
  return service;
}

/** An ordered list's first number, as CommonMark can write it (0 to 999,999,999, all items included). */
function listStart(list: Element): number {
  const start = Math.trunc(Number(list.getAttribute('start') ?? '1'));
  return Number.isFinite(start) ? Math.min(Math.max(start, 0), 999_999_999 - list.children.length) : 1;
}

// Blocks that Markdown writes with a blank line before or after them.
const BLANK_LINE_BLOCKS = new Set(['p', 'div', 'blockquote', 'pre', 'table', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'dl']);
const looseLists = new WeakMap<Element, boolean>();

/**
 * CommonMark makes a whole list loose (every item a paragraph) when any item holds a blank line
 * between its own blocks. Ours does when an item holds a paragraph, quote, table … or a nested
 * ordered list that cannot interrupt its text. Written loose from the start, the list reads back
 * as it was written.
 */
function isLoose(list: Element): boolean {
  let loose = looseLists.get(list);
  if (loose === undefined) {
    loose = list.children.some(
      (li) =>
        li.tagName === 'li' &&
        li.children.some((c) => BLANK_LINE_BLOCKS.has(c.tagName) || (c.tagName === 'ol' && listStart(c) !== 1 && c !== li.firstChild)),
    );
    looseLists.set(list, loose);
  }
  return loose;
}

/** Does a list of the same kind (and marker) come right before this one, nothing but space between? */
function followsSameList(list: Element): boolean {
  let prev = list.previousSibling;
  while (prev && !(prev instanceof Element) && !prev.textContent.trim()) prev = prev.previousSibling;
  return prev instanceof Element && prev.tagName === list.tagName && !followsSameList(prev);
}

let shared: TurndownService | null = null;

// Elements Markdown has no spelling for: it writes their content alone.
const TRANSPARENT = new Set(['u', 'ins', 'mark', 'small', 'sub', 'cite', 'abbr', 'kbd', 'samp', 'var', 'time', 'span']);
const MERGEABLE = new Set(['strong', 'em', 's', 'code']);

/**
 * `<b>a</b><u><b>b</b></u>` would be written `**a****b**`, which is not emphasis: with the elements
 * Markdown cannot show taken away, runs they kept apart are adjacent and are merged.
 */
function unwrapTransparent(root: Fragment): void {
  for (const el of elements(root)) if (TRANSPARENT.has(el.tagName)) unwrap(el);
  // Always: stages after the clean stage's own merge (pruning empty paragraphs) can leave runs adjacent.
  mergeAdjacentRuns(root, MERGEABLE);
  joinAdjacentText(root);
}

/**
 * One text node for each run of text: turndown escapes text node by node, and a node that starts
 * mid-line would have its line-start escapes applied (`“\---”`), where the same text read back
 * in one node would not: the output must depend on the text, not on how it was cut.
 */
function joinAdjacentText(root: Fragment): void {
  for (let node: DomNode | null = root.firstChild; node; node = nextInOrder(node, root)) {
    if (node instanceof Element) {
      unmarkAttributes(node);
      continue;
    }
    if (!(node instanceof Text)) continue;
    while (node.nextSibling instanceof Text) {
      node.data += node.nextSibling.data;
      node.nextSibling.remove();
    }
    node.data = unmark(node.data);
  }
}

/**
 * escape.ts's marks (noncharacters U+FDD0–U+FDD2) must only ever be ours: the same characters in
 * the input (a numeric reference is enough) become U+FFFD everywhere Markdown is written from —
 * text, code, link titles, URLs, alt text — so resolveLineStarts never acts on one of them.
 */
function unmarkAttributes(el: Element): void {
  if (el.attributes.someValue((value) => unmark(value) !== value)) el.attributes.retain((_name, value) => unmark(value));
}

/**
 * GFM for a cleaned body tree. No raw HTML, no runs of blank lines, no trailing newline.
 * The tree is consumed: turndown collapses its white space in place. Turndown copies its input
 * first (`cloneNode(true)`); our tree is ours to spend, so the input it gets hands back the tree
 * itself instead of a copy.
 */
export function toMarkdown(root: Fragment): string {
  shared ??= createService();
  unwrapTransparent(root);
  const input = { nodeType: root.nodeType, cloneNode: () => root };
  // Turndown changes the tree (white space) before it reads any text, and only reads after.
  const markdown = withTextMemo(() => shared!.turndown(input as unknown as TurndownInput));
  // Each pattern runs only when a plain search (far cheaper than a regex scan) finds its shape.
  let settled = markdown;
  // (`$` with the m flag is also before \r, U+2028 and U+2029, which text may hold.)
  if (settled.includes(' \n') || settled.includes('\t\n') || /[\r\u2028\u2029]/.test(settled)) settled = settled.replace(/[ \t]+$/gm, '');
  if (settled.includes('\n\n\n')) settled = settled.replace(/\n{3,}/g, '\n\n');
  settled = settled.trim();
  // A hard break ending a block is no break in CommonMark but a literal backslash: it goes.
  if (settled.includes('\\\n\n') || settled.endsWith('\\')) settled = settled.replace(/(?<!\\)\\(?=\n\n|$(?![\s\S]))/g, '');
  return resolveLineStarts(settled);
}
