/**
 * `<div>© 2023 DW<p>Text …</p></div>`: inline content standing beside blocks is a paragraph of
 * its own — a browser lays it out as one (an anonymous block box) and Markdown writes it as one.
 * Made explicit before any rule reads blocks, so a rule sees the blocks a reader sees, and the
 * same blocks when our own Markdown is cleaned again (cleaning must be idempotent).
 * A list item's first run stays as it is (Markdown writes an item's text beside its nested list
 * without making it a paragraph); text after a block in it is wrapped, as Markdown must write it.
 * Stray content directly in a list is wrapped too. Table cells are left alone.
 */
import { Element, Text, someChild, someDescendant, unwrap, type DomNode, type Fragment, type ParentNode } from '../tree/dom.js';
import { BLOCK_TAGS, isBlankText } from '../tree/text.js';
import type { Stage } from './stage.js';

const CONTAINERS = new Set([
  'div',
  'section',
  'article',
  'aside',
  'header',
  'footer',
  'main',
  'nav',
  'blockquote',
  'details',
  'dialog',
  'form',
  'fieldset',
  'address',
  'center',
  'hgroup',
  'body',
  'figure',
  'ul',
  'ol',
]);

// Players and frames become paragraphs of their own (a link to the media) in the embed stage.
const BLOCKISH = new Set([...BLOCK_TAGS, 'iframe', 'video', 'audio', 'object', 'embed']);
// An inline element around a block (`<b><p>…</p></b>`) stands as a block too: wrapping it in a
// paragraph would put a paragraph in a paragraph.
const isBlockTag = (el: Element) => BLOCKISH.has(el.tagName);
const isBlock = (node: DomNode) => node instanceof Element && (isBlockTag(node) || someDescendant(node, isBlockTag));
// A run of images alone (bare, or in a <picture> or link with no text) is a block image already.
const isLoose = (node: DomNode) =>
  isBlankText(node) ||
  (node instanceof Element &&
    (node.tagName === 'br' || node.tagName === 'img' || (!node.textContent.trim() && node.getElementsByTagName('img').length > 0)));

function wrapInlineRuns(parent: ParentNode, keepFirstRun = false, always = false): void {
  const beside = someChild(parent, isBlock);
  // Non-breaking (or other Unicode) spaces alone beside blocks: nothing to show, yet Markdown would
  // write them as a paragraph of their own.
  if (beside)
    for (const child of parent.childNodes)
      if (child instanceof Text && !child.data.trim() && /[^\t\n\f\r ]/.test(child.data)) child.remove();
  if ((!always && !beside) || !someChild(parent, (n) => !isBlock(n) && !isBlankText(n))) return;
  const children = parent.childNodes;
  let run: DomNode[] = [];
  const flush = (before: DomNode | null) => {
    if (run.length && run.every((n) => n instanceof Text && !n.data.trim())) {
      for (const n of run) n.remove(); // only (non-breaking) spaces between blocks: nothing to show
    } else if (!run.every(isLoose)) {
      const p = new Element('p');
      parent.insertBefore(p, before);
      for (const n of run) p.appendChild(n);
    }
    run = [];
  };
  let seenBlock = false;
  for (const child of children) {
    if (isBlock(child)) {
      if (seenBlock || !keepFirstRun) flush(child);
      else run = [];
      seenBlock = true;
    } else run.push(child);
  }
  flush(null);
}

/** Only the top level's loose runs: at the top, loose text is a paragraph even with no block beside it. */
export function wrapTopLevelRuns(root: Fragment): void {
  wrapInlineRuns(root, false, true);
}

/** Innermost first (leaving each element): a list unwrapped, or a container's runs wrapped, before its parent's. */
function wrapRunsOf(el: Element): void {
  // A "list" with no item in it is no list (a browser shows its content as plain blocks).
  if (el.tagName === 'ul' || el.tagName === 'ol') {
    if (!el.children.some((c) => c.tagName === 'li')) unwrap(el);
    else wrapInlineRuns(el);
  } else if (el.tagName === 'li') wrapInlineRuns(el, true);
  else wrapInlineRuns(el);
}

export const anonymousBlocksStage: Stage = {
  id: 'anonymous-blocks',
  reads: 'containers and lists whose children are settled (invisible elements gone, players turned into paragraphs)',
  leaves: 'no inline content beside blocks: every such run is a paragraph of its own, as a reader sees it',
  visit: { tags: [...CONTAINERS, 'li'], leave: wrapRunsOf, finish: wrapTopLevelRuns },
};

/** The repairs can leave loose runs at the top: paragraphs, as a reader (and our Markdown) has them. */
export const topLevelParagraphsStage: Stage = {
  id: 'top-level-paragraphs',
  reads: 'the repaired, pruned tree',
  leaves: 'every loose run at the top a paragraph',
  visit: { finish: wrapTopLevelRuns },
};
