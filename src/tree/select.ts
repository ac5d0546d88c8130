/**
 * A tiny selector engine for rule packs: comma-separated lists of compound selectors such as
 * `div.bbccom_slot`, `span.off-screen`, `a[rel=ArticleRef]`, `[data-playable]`, `#main`, `*`.
 * No combinators: rules describe one element, and stages decide where to look.
 */
import { Element, elements, type ParentNode } from './dom.js';

interface Compound {
  tag: string | null;
  id: string | null;
  classes: string[];
  attrs: Array<{ name: string; op: '' | '=' | '~=' | '^=' | '$=' | '*='; value: string }>;
}

export type Selector = readonly Compound[];

const TOKEN = /([#.]?)([\w-]+|\*)|\[\s*([\w:-]+)\s*(?:([~^$*]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]*))\s*)?\]/y;

const cache = new Map<string, Selector>();

/** Compiles a selector list; throws on anything it does not understand. */
export function compileSelector(source: string): Selector {
  const cached = cache.get(source);
  if (cached) return cached;
  const compiled = source.split(',').map((part) => compileCompound(part.trim(), source));
  cache.set(source, compiled);
  return compiled;
}

function compileCompound(text: string, whole: string): Compound {
  const compound: Compound = { tag: null, id: null, classes: [], attrs: [] };
  if (!text) throw new Error(`empty selector in "${whole}"`);
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m || m.index !== start) throw new Error(`unsupported selector "${whole}" (at "${text.slice(start)}")`);
    const [, prefix, name, attrName, op, v1, v2, v3] = m;
    if (attrName) {
      compound.attrs.push({ name: attrName.toLowerCase(), op: (op ?? '') as Compound['attrs'][number]['op'], value: v1 ?? v2 ?? v3 ?? '' });
    } else if (prefix === '#') compound.id = name!;
    else if (prefix === '.') compound.classes.push(name!);
    else if (name !== '*') compound.tag = name!.toLowerCase();
  }
  return compound;
}

export function matches(el: Element, selector: Selector | string): boolean {
  const list = typeof selector === 'string' ? compileSelector(selector) : selector;
  // Stages ask this of every element, for lists of several compounds: an element without
  // attributes is known at once for most of them, and the class list is split once, not per compound.
  const bare = el.attributes.size === 0;
  let classes: readonly string[] | null = null;
  for (const c of list) {
    if (bare && (c.id || c.classes.length || c.attrs.length)) continue;
    if (c.tag && el.tagName !== c.tag) continue;
    if (c.classes.length) {
      const have = (classes ??= el.classList);
      if (!c.classes.every((cls) => have.includes(cls))) continue;
    }
    if (matchesRest(el, c)) return true;
  }
  return false;
}

/** The id and attribute conditions of a compound (its tag and classes already checked). */
function matchesRest(el: Element, c: Compound): boolean {
  if (c.id && el.getAttribute('id') !== c.id) return false;
  for (const { name, op, value } of c.attrs) {
    const actual = el.getAttribute(name);
    if (actual === null) return false;
    if (op === '=' && actual !== value) return false;
    if (op === '~=' && !actual.split(/\s+/).includes(value)) return false;
    if (op === '^=' && !actual.startsWith(value)) return false;
    if (op === '$=' && !actual.endsWith(value)) return false;
    if (op === '*=' && !actual.includes(value)) return false;
  }
  return true;
}

/** All elements under `root` matching the selector, in document order (a snapshot: safe to mutate). */
export function selectAll(root: ParentNode, selector: Selector | string): Element[] {
  const list = typeof selector === 'string' ? compileSelector(selector) : selector;
  const found: Element[] = [];
  for (const el of elements(root)) if (matches(el, list)) found.push(el);
  return found;
}

/** The nearest ancestor-or-self of `el` matching the selector. */
export function closest(el: Element, selector: Selector | string): Element | null {
  const list = typeof selector === 'string' ? compileSelector(selector) : selector;
  let node: Element | null = el;
  while (node) {
    if (matches(node, list)) return node;
    node = node.parentNode instanceof Element ? node.parentNode : null;
  }
  return null;
}
