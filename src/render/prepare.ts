/**
 * The cleaned tree made ready for turndown: elements Markdown cannot show unwrapped, the runs they
 * kept apart merged, adjacent text joined, and escape.ts's marks made impossible in the input.
 */
import { Element, Text, elements, nextInOrder, unwrap, type DomNode, type Fragment } from '../tree/dom.js';
import { mergeAdjacentRuns } from '../tree/merge-runs.js';
import { unmark } from './escape.js';
import { hideBlockEdgeRuns, unmarkPlaceholders } from './space-runs.js';

// Elements Markdown has no spelling for: it writes their content alone.
const TRANSPARENT = new Set(['u', 'ins', 'mark', 'small', 'sub', 'cite', 'abbr', 'kbd', 'samp', 'var', 'time', 'span']);
export const MERGEABLE = new Set(['strong', 'em', 's', 'code']);
// Blocks turndown writes their content into as it is (not a caption, cell, figure or quote, whose text our
// rules read again and collapse or trim): at their edges nothing but turndown's own trim reads the
// white space.
const PLAIN_BLOCKS = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dd', 'dt']);
// Where our rules read the text again themselves (a cell is rendered on its own and trimmed, a code
// block's text is its rule's, never collapsed).
const REREAD = new Set(['td', 'th', 'caption', 'figure', 'figcaption', 'pre', 'blockquote']);

function notReread(node: Text): boolean {
  for (let p = node.parentNode; p instanceof Element; p = p.parentNode) if (REREAD.has(p.tagName)) return false;
  return true;
}

/**
 * `<b>a</b><u><b>b</b></u>` would be written `**a****b**`, which is not emphasis: with the elements
 * Markdown cannot show taken away, runs they kept apart are adjacent and are merged.
 */
export function unwrapTransparent(root: Fragment): void {
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
    node.data = unmarked(node.data);
    // A long run of white space at a block's own start or end (see space-runs.ts).
    const parent = node.parentNode;
    if (parent === root || (parent instanceof Element && PLAIN_BLOCKS.has(parent.tagName))) {
      node.data = hideBlockEdgeRuns(node, notReread);
    }
  }
}

/**
 * escape.ts's marks (noncharacters U+FDD0–U+FDD3) and space-runs.ts's placeholder brackets (U+FDD4,
 * U+FDD5) must only ever be ours: the same characters in the input (a numeric reference is enough)
 * become U+FFFD everywhere Markdown is written from — text, code, link titles, URLs, alt text — so
 * resolveLineStarts and the runs put back never act on one of them.
 */
// Any of them: one scan of one range of characters, where each kind's own look is several plain
// searches (this runs for every text node and attribute value).
const OURS = /[\ufdd0-\ufdd5]/;
const unmarked = (value: string): string => (OURS.test(value) ? unmarkPlaceholders(unmark(value)) : value);
const changedByUnmarking = (value: string): boolean => unmarked(value) !== value;
const keptUnmarked = (_name: string, value: string): string => unmarked(value);

function unmarkAttributes(el: Element): void {
  if (el.attributes.someValue(changedByUnmarking)) el.attributes.retain(keptUnmarked);
}
