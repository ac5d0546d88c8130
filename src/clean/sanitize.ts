/**
 * Allowlist sanitizing, driven by `rules/sanitize-schema.ts`: dangerous elements go with their
 * content, unknown ones are unwrapped, attributes are kept only where listed, URLs only with allowed
 * schemes (relative ones resolved against the item URL). Then empty wrappers and stray breaks go.
 */
import { sanitizeSchema, type SanitizeSchema } from '../rules/sanitize-schema.js';
import { Element, HTML_NS, Text, elements, nextInOrder, nextSkippingChildren, replaceNode, unwrap, type DomNode, type Fragment, type ParentNode } from '../tree/dom.js';
import { BLOCK_TAGS, isBlankText, isEmptyElement } from '../tree/text.js';

// Control characters and white space that browsers ignore inside a URL scheme (`java\tscript:`).
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]+/g;

/** The URL to keep for `attr`, or null to drop the attribute. */
export function safeUrl(value: string, attr: string, base: string | null, schema: SanitizeSchema = sanitizeSchema): string | null {
  const allowed = schema.urlAttributes[attr];
  if (!allowed) return value;
  const trimmed = value.trim();
  if (!trimmed || trimmed.startsWith('#')) return null;
  const compact = trimmed.replace(IGNORED_IN_SCHEME, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  if (scheme) {
    if (!allowed.includes(scheme)) return null;
    if (scheme === 'data') return attr === 'src' && schema.dataImage.test(compact) ? compact : null;
    return trimmed;
  }
  if (/[:\\]/.test(compact.split(/[/?#]/)[0] ?? '')) return null; // "javascript&colon;…" leftovers and the like
  if (compact.startsWith('//')) return `https:${trimmed}`;
  if (!base) return null;
  try {
    const resolved = new URL(trimmed, base);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null;
  } catch {
    return null;
  }
}

function cleanAttributes(el: Element, allowedNames: readonly string[], base: string | null, schema: SanitizeSchema): void {
  for (const name of [...el.attributes.keys()]) {
    const value = el.attributes.get(name)!;
    if (!allowedNames.includes(name)) {
      el.removeAttribute(name);
      continue;
    }
    const safe = safeUrl(value, name, base, schema);
    if (safe === null) el.removeAttribute(name);
    else if (safe !== value) el.setAttribute(name, safe);
  }
}

/** Walks the tree once, removing, unwrapping and scrubbing as the schema says. */
function applySchema(root: Fragment, base: string | null, schema: SanitizeSchema): void {
  let node: DomNode | null = root.firstChild;
  while (node) {
    if (!(node instanceof Element)) {
      node = nextInOrder(node, root);
      continue;
    }
    const el: Element = node;
    const allowed = schema.allow[el.tagName];
    if (el.namespace !== HTML_NS || schema.dropWithContent.has(el.tagName)) {
      node = nextSkippingChildren(el, root);
      el.remove();
    } else if (!allowed) {
      node = el.firstChild ?? nextSkippingChildren(el, root);
      unwrap(el);
    } else if (schema.rename[el.tagName]) {
      const renamed = new Element(schema.rename[el.tagName]!, el.attributes);
      while (el.firstChild) renamed.appendChild(el.firstChild);
      replaceNode(el, renamed);
      node = renamed; // visited again under its new name
    } else {
      cleanAttributes(el, allowed, base, schema);
      node = nextInOrder(el, root);
      if (el.tagName === 'img' && !el.getAttribute('src')) {
        node = nextSkippingChildren(el, root);
        el.remove();
      } else if (el.tagName === 'a' && !el.getAttribute('href')) {
        node = el.firstChild ?? nextSkippingChildren(el, root);
        unwrap(el);
      }
    }
  }
}

function isBreak(node: DomNode | null): boolean {
  return node instanceof Element && node.tagName === 'br';
}

/** Leading and trailing `<br>`s of a block show nothing (and would leave a dangling hard break). */
function trimBreaks(parent: ParentNode): void {
  for (const edge of ['firstChild', 'lastChild'] as const) {
    let child = parent[edge];
    while (child && (isBreak(child) || isBlankText(child))) {
      const next: DomNode | null = edge === 'firstChild' ? child.nextSibling : child.previousSibling;
      if (isBreak(child)) child.remove();
      child = next;
    }
  }
}

/** Drops elements that show nothing, innermost first, and breaks at the edges of blocks. */
export function pruneEmpty(root: Fragment): void {
  const all = [...elements(root)].reverse();
  for (const el of all) {
    if (!el.parentNode) continue;
    if (BLOCK_TAGS.has(el.tagName) || el.tagName === 'a') trimBreaks(el);
    if (el.tagName !== 'br' && el.tagName !== 'hr' && el.tagName !== 'td' && el.tagName !== 'th' && isEmptyElement(el)) {
      // Keep the word gap an empty inline element may have stood for.
      if (!BLOCK_TAGS.has(el.tagName) && /\s/.test(el.textContent)) el.parentNode.insertBefore(new Text(' '), el);
      el.remove();
    }
  }
  trimBreaks(root);
  // Three or more breaks in a row are layout, not content: keep two at most. A break next to a
  // block (or at the edge of its parent) separates nothing that the block does not already.
  for (const br of [...elements(root)].filter((e) => e.tagName === 'br')) {
    let run = 0;
    for (let p = br.previousSibling; p && (isBreak(p) || isBlankText(p)); p = p.previousSibling) if (isBreak(p)) run++;
    if (run >= 2 || besideBlock(br)) br.remove();
  }
}

function meaningfulSibling(node: DomNode, side: 'previousSibling' | 'nextSibling'): DomNode | null {
  let sib = node[side];
  while (sib && (isBlankText(sib) || isBreak(sib))) sib = sib[side];
  return sib;
}

function besideBlock(br: Element): boolean {
  const before = meaningfulSibling(br, 'previousSibling');
  const after = meaningfulSibling(br, 'nextSibling');
  // At the edge of an inline parent (`<b>a<br></b>b`) the break still separates what follows it.
  const parent = br.parentNode;
  const edgeOfBlock = !(parent instanceof Element) || BLOCK_TAGS.has(parent.tagName);
  const blockish = (n: DomNode | null) => (n === null ? edgeOfBlock : n instanceof Element && BLOCK_TAGS.has(n.tagName));
  return blockish(before) || blockish(after);
}

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

export function sanitize(root: Fragment, base: string | null, schema: SanitizeSchema = sanitizeSchema): void {
  applySchema(root, base, schema);
  for (const el of [...elements(root)].filter((e) => INLINE_WRAPPERS.has(e.tagName))) distributeInlineOverBlocks(el);
  flattenBreaks(root);
  mergeAdjacentRuns(root, schema);
}
