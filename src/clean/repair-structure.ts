/**
 * Structural repairs on the sanitized tree, so that every shape has a Markdown spelling: inline
 * wrappers pushed inside the blocks they wrap, breaks flattened where Markdown cannot break, and
 * adjacent runs of one formatting element merged.
 */
import type { SanitizeSchema } from '../rules/sanitize-schema.js';
import { Element, Text, elements, replaceNode, unwrap, type Fragment } from '../tree/dom.js';
import { BLOCK_TAGS, isBlankText } from '../tree/text.js';

/**
 * `<b>a</b><b>b</b>` → `<b>ab</b>`: adjacent runs of one formatting element (with nothing or only
 * white space between) are one run. Left apart they render as `**a****b**`, which is not Markdown.
 */
function mergeAdjacentRuns(root: Fragment, schema: SanitizeSchema): void {
  for (const el of elements(root)) {
    if (!schema.mergeAdjacent.has(el.tagName)) continue;
    for (;;) {
      let next = el.nextSibling;
      const gap = isBlankText(next) ? next : null;
      if (gap) next = gap.nextSibling;
      if (!(next instanceof Element) || next.tagName !== el.tagName || next.attributes.size || el.attributes.size) break;
      if (gap) el.appendChild(gap);
      while (next.firstChild) el.appendChild(next.firstChild);
      next.remove();
    }
  }
}

const INLINE_WRAPPERS = new Set(['a', 'strong', 'em', 's', 'u', 'code', 'small', 'mark', 'sub', 'sup', 'q', 'cite', 'abbr', 'ins']);

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

/** Line breaks where Markdown cannot have them (headings, table cells) become spaces. */
function flattenBreaks(root: Fragment): void {
  for (const br of [...elements(root)].filter((e) => e.tagName === 'br')) {
    for (let p = br.parentNode; p instanceof Element; p = p.parentNode) {
      if (/^(?:h[1-6]|td|th)$/.test(p.tagName)) {
        replaceNode(br, new Text(' '));
        break;
      }
      if (BLOCK_TAGS.has(p.tagName)) break;
    }
  }
}

const FORMATTING = new Set(['strong', 'em', 's', 'u', 'mark', 'small']);

/**
 * `<b><a>text</a></b>` → `<a><b>text</b></a>`: emphasis written around a link's Markdown would sit
 * against its `)` and, beside CJK text, fail to open or close. Inside the link text it always works.
 * Emphasis around nothing but images means nothing and goes.
 */
function tuckFormattingIntoLinks(root: Fragment): void {
  for (const el of [...elements(root)].filter((e) => FORMATTING.has(e.tagName))) {
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

export function repairStructure(root: Fragment, schema: SanitizeSchema): void {
  tuckFormattingIntoLinks(root);
  for (const el of [...elements(root)].filter((e) => INLINE_WRAPPERS.has(e.tagName))) distributeInlineOverBlocks(el);
  flattenBreaks(root);
  mergeAdjacentRuns(root, schema);
}
