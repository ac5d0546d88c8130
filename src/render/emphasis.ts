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

/** The last character of a text, whole even when it takes two UTF-16 units (😀). */
function lastCodePoint(text: string): string {
  const low = text.charCodeAt(text.length - 1);
  return low >= 0xdc00 && low <= 0xdfff && text.length > 1 ? text.slice(-2) : text.slice(-1);
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
    let leadBudget = [...edgeText('firstChild')].findIndex((c) => !movable(c));
    if (leadBudget < 0) leadBudget = [...edgeText('firstChild')].length;
    const trailChars = [...edgeText('lastChild')].reverse();
    let trailBudget = trailChars.findIndex((c) => !movable(c));
    if (trailBudget < 0) trailBudget = trailChars.length;
    if (before && !SPACE_OR_PUNCT.test(before)) {
      while (leadBudget-- > 0 && movable([...inner][0]) && [...inner].length > 1) {
        const ch = [...inner][0]!;
        lead += ch;
        inner = inner.slice(ch.length);
      }
    }
    if (after && !SPACE_OR_PUNCT.test(after)) {
      while (trailBudget-- > 0 && movable([...inner].at(-1)) && [...inner].at(-2) !== '\\' && [...inner].length > 1) {
        const ch = [...inner].at(-1)!;
        trail = ch + trail;
        inner = inner.slice(0, -ch.length);
      }
    }
    // Still unable to open or close (`a*|b|*c`): written without it, rather than as stray `*`
    // that a reader would see and that would be escaped as text the next time round.
    const visible = [...inner.replace(LINE_MARKS, '')]; // escape.ts's line marks are not text
    const first = visible[0] ?? '';
    const last = visible.at(-1) ?? '';
    if (!canOpen([...lead].at(-1) ?? before, first) || !canClose(last, [...trail][0] ?? after)) return `${lead}${inner}${trail}`;
    return `${lead}${delimiter}${inner}${delimiter}${trail}`;
  };
}
