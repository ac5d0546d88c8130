/**
 * Lists written so that CommonMark reads them back as they were: `- item` / `1. item` with
 * continuation lines indented to match (turndown pads markers to four), loose when an item holds
 * blocks, and another marker for a list right after one of its kind (it would join it).
 */
import { Element, elementPositions } from '../../tree/dom.js';
import { asElement, type MarkdownRule } from './types.js';

/** What a list's items need to know of it, found once per list (a list may have 100,000 items). */
interface ListFacts {
  /** Its items' positions among its element children. */
  positions: Map<Element, number>;
  /** Its first number, as CommonMark can write it. */
  start: number;
}
const listFacts = new WeakMap<Element, ListFacts>();

function factsOf(list: Element): ListFacts {
  let facts = listFacts.get(list);
  if (!facts) {
    const positions = elementPositions(list);
    facts = { positions, start: startOf(list, positions.size) };
    listFacts.set(list, facts);
  }
  return facts;
}

/** An ordered list's first number, as CommonMark can write it (0 to 999,999,999, all items included). */
function startOf(list: Element, items: number): number {
  const start = Math.trunc(Number(list.getAttribute('start') ?? '1'));
  return Number.isFinite(start) ? Math.min(Math.max(start, 0), 999_999_999 - items) : 1;
}

function listStart(list: Element): number {
  return factsOf(list).start;
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

/** The list of the same kind right before this one, nothing but space between, if any. */
function sameListBefore(list: Element): Element | null {
  let prev = list.previousSibling;
  while (prev && !(prev instanceof Element) && !prev.textContent.trim()) prev = prev.previousSibling;
  return prev instanceof Element && prev.tagName === list.tagName ? prev : null;
}

const takesOtherMarker = new WeakMap<Element, boolean>();

/**
 * Does this list take the other marker? A list right after one of its kind (and marker) would
 * join it, so they alternate along a run of such lists. Found along the run without recursion (a
 * run may be 100,000 lists long), each list's answer kept.
 */
function followsSameList(list: Element): boolean {
  const run: Element[] = [];
  let known: boolean | undefined;
  for (let current: Element | null = list; current; current = sameListBefore(current)) {
    known = takesOtherMarker.get(current);
    if (known !== undefined) break;
    run.push(current);
  }
  // Forward from the earliest: the first list of a run keeps the usual marker, each next one the other.
  let previous = known;
  for (let i = run.length - 1; i >= 0; i--) {
    const other = previous === undefined ? false : !previous;
    takesOtherMarker.set(run[i]!, other);
    previous = other;
  }
  return takesOtherMarker.get(list)!;
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
    if (list?.tagName === 'ol') marker = `${listStart(list) + factsOf(list).positions.get(li)!}${other ? ')' : '.'} `;
    const body = taskMarker(content.replace(/^\n+/, ''))
      .replace(/\n+$/, '\n')
      .replace(/\n/g, `\n${' '.repeat(marker.length)}`);
    // In a loose list (see isLoose) every item is followed by a blank line, as CommonMark reads it.
    return `${marker}${body}${li.nextSibling ? (list && isLoose(list) ? '\n\n' : '\n') : ''}`;
  },
};
