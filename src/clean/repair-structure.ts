/**
 * Structural repairs on the sanitized tree, so that every shape has a Markdown spelling: inline
 * wrappers pushed inside the blocks they wrap, breaks flattened where Markdown cannot break, and
 * adjacent runs of one formatting element merged.
 */
import { sanitizeSchema } from '../rules/sanitize-schema.js';
import { Element, Text, elements, replaceNode, someChild, someDescendant, unwrap, type DomNode, type Fragment } from '../tree/dom.js';
import { mergeAdjacentRuns } from '../tree/merge-runs.js';
import { BLOCK_TAGS, isBlankText } from '../tree/text.js';
import { FORMATTING, INLINE_WRAPPERS, repairNeeds, type RepairNeed } from './repair-needs.js';
import type { Stage } from './stage.js';

/**
 * `<a><p>one</p><p>two</p></a>` or `<b><p>…</p></b>`: an inline wrapper around blocks cannot be
 * written in Markdown. Push it inside: each block (and each run of loose inline content) gets its
 * own copy of the wrapper.
 */
function distributeInlineOverBlocks(el: Element): void {
  const parent = el.parentNode;
  if (!parent || !el.childNodes.some((n) => n instanceof Element && BLOCK_TAGS.has(n.tagName))) return;
  let run: Element | null = null;
  for (const child of [...el.childNodes]) {
    if (child instanceof Element && BLOCK_TAGS.has(child.tagName)) {
      run = null;
      const inner = el.cloneNode(false);
      while (child.firstChild) inner.appendChild(child.firstChild);
      child.appendChild(inner);
      parent.insertBefore(child, el);
      distributeInlineOverBlocks(inner);
    } else {
      if (!run) run = parent.insertBefore(el.cloneNode(false), el);
      run.appendChild(child);
    }
  }
  el.remove();
}

/**
 * Line breaks where Markdown cannot have them (headings, table cells, inline code) become spaces;
 * in preformatted text, where a fence keeps every line, they are the newline they stand for.
 */
function flattenBreaks(root: Fragment): void {
  for (const br of elements(root).filter((e) => e.tagName === 'br')) {
    for (let p = br.parentNode; p instanceof Element; p = p.parentNode) {
      if (p.tagName === 'pre') {
        replaceNode(br, new Text('\n'));
        break;
      }
      if (/^(?:h[1-6]|td|th|code)$/.test(p.tagName)) {
        replaceNode(br, new Text(' '));
        break;
      }
      if (BLOCK_TAGS.has(p.tagName)) break;
    }
  }
}

/**
 * `<b><br>a</b>` → `<br><b>a</b>`: a hard break (`\` and a newline) at the edge of emphasis would
 * stand between the delimiter and the text, and the emphasis would not open or close. Innermost
 * first, so a break leaves every wrapper it sits at the edge of.
 */
function hoistEdgeBreaks(root: Fragment): void {
  for (const el of elements(root)
    .filter((e) => FORMATTING.has(e.tagName) || e.tagName === 'a')
    .reverse()) {
    const parent = el.parentNode;
    if (!parent) continue;
    // White space beside the break goes out with it (it is still white space there).
    const isBr = (n: DomNode | null) => n instanceof Element && n.tagName === 'br';
    const skipBlank = (n: DomNode | null, step: (n: DomNode) => DomNode | null) => {
      while (n && isBlankText(n)) n = step(n);
      return n;
    };
    while (isBr(skipBlank(el.firstChild, (n) => n.nextSibling))) {
      while (!isBr(el.firstChild)) parent.insertBefore(el.firstChild!, el);
      parent.insertBefore(el.firstChild!, el);
    }
    while (isBr(skipBlank(el.lastChild, (n) => n.previousSibling))) {
      while (!isBr(el.lastChild)) parent.insertBefore(el.lastChild!, el.nextSibling);
      parent.insertBefore(el.lastChild!, el.nextSibling);
    }
  }
}

/**
 * `<b><a>text</a></b>` → `<a><b>text</b></a>`: emphasis written around a link's Markdown would sit
 * against its `)` and, beside CJK text, fail to open or close. Inside the link text it always works.
 * Emphasis around nothing but images means nothing and goes.
 */
function tuckFormattingIntoLinks(root: Fragment): void {
  for (const el of elements(root).filter((e) => FORMATTING.has(e.tagName))) {
    const kids = el.childNodes.filter((n) => !isBlankText(n));
    if (kids.length && kids.every((k) => k instanceof Element && k.tagName === 'img')) {
      unwrap(el);
      continue;
    }
    const only = kids.length === 1 ? kids[0] : null;
    if (!(only instanceof Element) || only.tagName !== 'a') continue;
    const inner = el.cloneNode(false);
    while (only.firstChild) inner.appendChild(only.firstChild);
    only.appendChild(inner);
    replaceNode(el, only);
  }
}

/**
 * `<q>a</q>` → `“a”`: a browser shows an inline quotation with quotation marks, and so do our
 * text and Markdown (which have no `<q>`); a quotation inside one takes single marks.
 */
function quoteQuotations(root: Fragment): void {
  for (const q of elements(root).filter((e) => e.tagName === 'q')) {
    let depth = 0;
    for (let p = q.parentNode; p instanceof Element; p = p.parentNode) if (p.tagName === 'q') depth++;
    const [open, close] = depth % 2 ? ['‘', '’'] : ['“', '”'];
    q.insertBefore(new Text(open), q.firstChild);
    q.appendChild(new Text(close));
  }
  for (const q of elements(root).filter((e) => e.tagName === 'q')) unwrap(q);
}

/** Content standing in a list outside any item (`<ul><p>x</p><li>…`) becomes an item of its own. */
function itemizeStrayContent(root: Fragment): void {
  for (const list of elements(root).filter((e) => e.tagName === 'ul' || e.tagName === 'ol')) {
    let item: Element | null = null;
    for (const child of list.childNodes) {
      if (child instanceof Element && child.tagName === 'li') item = null;
      else if (item || !isBlankText(child)) (item ??= list.insertBefore(new Element('li'), child)).appendChild(child);
    }
  }
}

/** `<li>` outside any list (a fragment cut from one) is put in a `<ul>`, with its neighbours. */
function wrapOrphanItems(root: Fragment): void {
  for (const li of elements(root).filter((e) => e.tagName === 'li')) {
    const parent = li.parentNode;
    if (!parent || (parent instanceof Element && (parent.tagName === 'ul' || parent.tagName === 'ol'))) continue;
    const list = new Element('ul');
    parent.insertBefore(list, li);
    for (
      let node: DomNode | null = li;
      node && ((node instanceof Element && node.tagName === 'li') || isBlankText(node));
      node = list.nextSibling
    )
      list.appendChild(node);
  }
}

/** `<h2><p>a</p><p>b</p></h2>`: a heading holds one line of text; blocks inside it are unwrapped. */
function flattenHeadings(root: Fragment): void {
  for (const heading of elements(root).filter((e) => /^h[1-6]$/.test(e.tagName))) {
    for (const block of heading.getElementsByTagName('*').filter((e) => BLOCK_TAGS.has(e.tagName))) {
      block.parentNode!.insertBefore(new Text(' '), block);
      block.parentNode!.insertBefore(new Text(' '), block.nextSibling);
      unwrap(block);
    }
  }
}

/**
 * `<b><b>x</b></b>`: formatting inside the same formatting adds nothing a reader sees, and written
 * out (`****x****`, `~~~~x~~~~` — a code fence) it is not Markdown. The inner one goes.
 */
function unwrapNestedSame(root: Fragment): void {
  for (const el of elements(root).filter((e) => FORMATTING.has(e.tagName) || e.tagName === 'code')) {
    for (let p = el.parentNode; p instanceof Element && !BLOCK_TAGS.has(p.tagName); p = p.parentNode) {
      if (p.tagName === el.tagName) {
        unwrap(el);
        break;
      }
    }
  }
}

/**
 * `<p>a<p>b</p>c</p>` (a player turned into a paragraph inside a paragraph, say): a paragraph holds
 * no blocks, so it is split around them, as a browser's parser would have done.
 */
function splitParagraphs(root: Fragment): void {
  for (const p of elements(root)
    .filter((e) => e.tagName === 'p')
    .reverse()) {
    const parent = p.parentNode;
    if (!parent || !someChild(p, (n) => n instanceof Element && BLOCK_TAGS.has(n.tagName))) continue;
    let run: Element | null = null;
    for (const child of [...p.childNodes]) {
      if (child instanceof Element && BLOCK_TAGS.has(child.tagName)) {
        run = null;
        parent.insertBefore(child, p);
      } else {
        run ??= parent.insertBefore(p.cloneNode(false), p);
        run.appendChild(child);
      }
    }
    p.remove();
  }
}

/**
 * `<a href=x>…<a href=y>…</a></a>` (a player turned link inside a link, say): links cannot nest in
 * Markdown, and CommonMark keeps the innermost. So do we: the outer one is unwrapped.
 */
function unwrapOuterLinks(root: Fragment): void {
  for (const a of elements(root).filter((e) => e.tagName === 'a')) {
    if (someDescendant(a, (d) => d.tagName === 'a')) unwrap(a);
  }
}

/** Innermost first: pushing `<b>` inside `<i><b>x<p>y</p></b></i>` leaves the `<p>` directly in the `<i>`, which is then pushed in too. */
function distributeInlineWrappers(root: Fragment): void {
  for (const el of elements(root)
    .filter((e) => INLINE_WRAPPERS.has(e.tagName))
    .reverse())
    distributeInlineOverBlocks(el);
}

/** The repairs in order: each step works on the shapes the steps before it leave. */
export const REPAIR_STEPS: ReadonlyArray<readonly [RepairNeed, (root: Fragment) => void]> = [
  ['quotations', quoteQuotations],
  ['blocks-in-headings', flattenHeadings],
  ['orphan-items', wrapOrphanItems],
  ['stray-list-content', itemizeStrayContent],
  ['inline-around-blocks', distributeInlineWrappers],
  ['blocks-in-paragraphs', splitParagraphs],
  ['nested-links', unwrapOuterLinks],
  ['nested-formatting', unwrapNestedSame],
  ['formatting-around-links', tuckFormattingIntoLinks],
  ['breaks-that-cannot-break', flattenBreaks],
  ['breaks-at-edges', hoistEdgeBreaks],
  ['adjacent-runs', (root) => mergeAdjacentRuns(root, sanitizeSchema.mergeAdjacent)],
];

/**
 * Every step whose shape the tree has, and (once one step has changed the tree) every step after
 * it: one walk finds which shapes there are, instead of a walk per step.
 */
export function repairStructure(root: Fragment): void {
  const needs = repairNeeds(root);
  let changed = false;
  for (const [need, step] of REPAIR_STEPS) {
    if (!changed && !needs.has(need)) continue;
    step(root);
    changed = true;
  }
}

export const repairStructureStage: Stage = {
  id: 'repair-structure',
  reads: 'the sanitized tree (one tag per meaning: strong, em, s, div)',
  leaves:
    'a tree every shape of which has a Markdown spelling (inline wrappers inside blocks, breaks only where Markdown breaks, runs merged)',
  run: repairStructure,
};
