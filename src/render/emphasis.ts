/**
 * `**bold**` and `*em*` that survive CommonMark's flanking rules next to CJK text (or any text
 * without spaces). A delimiter run next to punctuation only opens/closes when the other side is
 * white space or punctuation, so `击**「这里」**来` or `示**"友好"**之` render literally. Moving the
 * edge punctuation outside (`击「**这里**」来`) keeps every character and renders as emphasis.
 */
import type TurndownService from 'turndown';
import { Element, Text, type DomNode } from '../tree/dom.js';
import { BLOCK_TAGS } from '../tree/text.js';

const PUNCT = /[\p{P}\p{S}]/u;
// Characters our escaping may put a backslash before: moving one would split it from its escape.
const ESCAPABLE = new Set(['\\', '`', '*', '_', '[', ']', '<', '>', '~', '&', '#', '-', '+', '=', '|', '!']);
const SPACE_OR_PUNCT = /[\s\p{P}\p{S}]/u;

/** The character just outside `node` on one side, looking through inline ancestors. */
function neighbourChar(node: DomNode, side: 'before' | 'after'): string {
  let current: DomNode | null = node;
  while (current) {
    const sibling: DomNode | null = side === 'before' ? current.previousSibling : current.nextSibling;
    if (sibling) {
      if (sibling instanceof Element && BLOCK_TAGS.has(sibling.tagName)) return '';
      const text = sibling instanceof Text ? sibling.data : sibling.textContent;
      if (text) return side === 'before' ? text.slice(-1) : text.slice(0, 1);
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

export function emphasisRule(delimiter: string): TurndownService.Rule['replacement'] {
  return (content, turndownNode) => {
    const node = turndownNode as unknown as DomNode;
    let inner = content.trim();
    if (!inner) return content;
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
    return `${lead}${delimiter}${inner}${delimiter}${trail}`;
  };
}
