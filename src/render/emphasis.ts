/**
 * `**bold**` and `*em*` that survive CommonMark's flanking rules next to CJK text (or any text
 * without spaces). A delimiter run next to punctuation only opens/closes when the other side is
 * white space or punctuation, so `击**「这里」**来` or `示**"友好"**之` render literally. Moving the
 * edge punctuation outside (`击「**这里**」来`) keeps every character and renders as emphasis.
 */
import type TurndownService from 'turndown';
import { Element, Text, type DomNode } from '../tree/dom.js';
import { BLOCK_TAGS } from '../tree/text.js';
import { LINE_MARKS } from './escape.js';

const PUNCT = /[\p{P}\p{S}]/u;
// Characters our escaping may put a backslash before: moving one would split it from its escape.
const ESCAPABLE = new Set(['\\', '`', '*', '_', '[', ']', '<', '>', '~', '&', '#', '-', '+', '=', '|', '!']);
const SPACE_OR_PUNCT = /[\s\p{P}\p{S}]/u;

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** The last character of a text, whole even when it takes two UTF-16 units (😀); '' for ''. */
function lastCodePoint(text: string): string {
  const n = text.length;
  return n > 1 && isLow(text.charCodeAt(n - 1)) && isHigh(text.charCodeAt(n - 2)) ? text.slice(-2) : text.slice(-1);
}

/** The first character of a text, whole even when it takes two UTF-16 units; '' for ''. */
function firstCodePoint(text: string): string {
  return text ? String.fromCodePoint(text.codePointAt(0)!) : '';
}

/** Does the text hold more than one character (a surrogate pair being one)? */
function hasMoreThanOne(text: string): boolean {
  return text.length > 2 || (text.length === 2 && !(isHigh(text.charCodeAt(0)) && isLow(text.charCodeAt(1))));
}

/** How many characters at the start (or the end) of `text` are movable, counted up to `limit`. */
function movableRun(text: string, fromEnd: boolean): number {
  let count = 0;
  let rest = text;
  while (rest) {
    const ch = fromEnd ? lastCodePoint(rest) : firstCodePoint(rest);
    if (!movable(ch)) break;
    count++;
    rest = fromEnd ? rest.slice(0, rest.length - ch.length) : rest.slice(ch.length);
  }
  return count;
}

/** The character just outside `node` on one side, looking through inline ancestors. */
function neighbourChar(node: DomNode, side: 'before' | 'after'): string {
  let current: DomNode | null = node;
  while (current) {
    const sibling: DomNode | null = side === 'before' ? current.previousSibling : current.nextSibling;
    if (sibling) {
      if (sibling instanceof Element && BLOCK_TAGS.has(sibling.tagName)) return '';
      const text = sibling instanceof Text ? sibling.data : sibling.textContent;
      if (text) return side === 'before' ? lastCodePoint(text) : String.fromCodePoint(text.codePointAt(0)!);
      current = sibling;
      continue;
    }
    const parent: DomNode | null = current.parentNode instanceof Element ? current.parentNode : null;
    if (!parent || BLOCK_TAGS.has(parent.tagName)) return '';
    current = parent;
  }
  return '';
}

function movable(ch: string | undefined): ch is string {
  return ch !== undefined && PUNCT.test(ch) && !ESCAPABLE.has(ch);
}

const WHITE = /\s/u;

/**
 * CommonMark's flanking rules for a delimiter run between `before` and `after` ('' = line edge):
 * can it open (left-flanking) or close (right-flanking)?
 */
function canOpen(before: string, after: string): boolean {
  if (!after || WHITE.test(after)) return false;
  return !PUNCT.test(after) || !before || SPACE_OR_PUNCT.test(before);
}

function canClose(before: string, after: string): boolean {
  if (!before || WHITE.test(before)) return false;
  return !PUNCT.test(before) || !after || SPACE_OR_PUNCT.test(after);
}

export function emphasisRule(delimiter: string): TurndownService.Rule['replacement'] {
  return (content, turndownNode) => {
    const node = turndownNode as unknown as DomNode;
    let inner = content.trim();
    if (!inner) return content;
    // Emphasis on no text (an image, a break) shows nothing: it is left out.
    if (!node.textContent.trim()) return content;
    let lead = '';
    let trail = '';
    const before = neighbourChar(node, 'before');
    const after = neighbourChar(node, 'after');
    // Only text can give up an edge character (a link's `)` or an image's `]` is syntax), and only
    // as many as that text node has.
    const edgeText = (edge: 'firstChild' | 'lastChild'): string => {
      let child = (node as unknown as Element)[edge];
      while (child instanceof Text && !child.data.trim()) child = edge === 'firstChild' ? child.nextSibling : child.previousSibling;
      return child instanceof Text ? child.data.trim() : '';
    };
    // (Character by character from the edge, each step a slice: linear in what moves, however long
    // a run of punctuation the text has.)
    if (before && !SPACE_OR_PUNCT.test(before)) {
      let leadBudget = movableRun(edgeText('firstChild'), false);
      while (leadBudget-- > 0 && hasMoreThanOne(inner) && movable(firstCodePoint(inner))) {
        const ch = firstCodePoint(inner);
        lead += ch;
        inner = inner.slice(ch.length);
      }
    }
    if (after && !SPACE_OR_PUNCT.test(after)) {
      let trailBudget = movableRun(edgeText('lastChild'), true);
      const trailParts: string[] = [];
      for (;;) {
        if (trailBudget-- <= 0 || !hasMoreThanOne(inner)) break;
        const ch = lastCodePoint(inner);
        const rest = inner.slice(0, inner.length - ch.length);
        if (!movable(ch) || lastCodePoint(rest) === '\\') break;
        trailParts.push(ch);
        inner = rest;
      }
      trail = trailParts.reverse().join('') + trail;
    }
    // Still unable to open or close (`a*|b|*c`): written without it, rather than as stray `*`
    // that a reader would see and that would be escaped as text the next time round.
    const visible = inner.replace(LINE_MARKS, ''); // escape.ts's line marks are not text
    const first = firstCodePoint(visible);
    const last = lastCodePoint(visible);
    if (!canOpen(lead ? lastCodePoint(lead) : before, first) || !canClose(last, trail ? firstCodePoint(trail) : after))
      return `${lead}${inner}${trail}`;
    return `${lead}${delimiter}${inner}${delimiter}${trail}`;
  };
}
