/**
 * Lists written so that CommonMark reads them back as they were: `- item` / `1. item` with
 * continuation lines indented to match (turndown pads markers to four), loose when an item holds
 * blocks, and another marker for a list right after one of its kind (it would join it).
 */
import { Element } from '../../tree/dom.js';
import { asElement, type MarkdownRule } from './types.js';

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

export const list: MarkdownRule = {
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
};

/**
 * An item that opens with `[x] ` or `[ ] ` (a task list's checkbox, see clean/invisible.ts, or the
 * same text written out) is a GFM task item: the brackets are written bare, `- [x] done`, which a
 * CommonMark reader still shows as the text it was.
 */
function taskMarker(body: string): string {
  return body.replace(/^\\\[([ xX])\\\] /, '[$1] ');
}

export const listItem: MarkdownRule = {
  filter: 'li',
  replacement: (content, node) => {
    const li = asElement(node);
    const list = li.parentNode instanceof Element ? li.parentNode : null;
    // A list right after another of its kind would join it: it takes the other marker.
    const other = list ? followsSameList(list) : false;
    let marker = other ? '* ' : '- ';
    if (list?.tagName === 'ol') marker = `${listStart(list) + list.children.indexOf(li)}${other ? ')' : '.'} `;
    const body = taskMarker(content.replace(/^\n+/, ''))
      .replace(/\n+$/, '\n')
      .replace(/\n/g, `\n${' '.repeat(marker.length)}`);
    // In a loose list (see isLoose) every item is followed by a blank line, as CommonMark reads it.
    return `${marker}${body}${li.nextSibling ? (list && isLoose(list) ? '\n\n' : '\n') : ''}`;
  },
};
