/** The shape of one Markdown rule: turndown's `{ filter, replacement }`, over our light DOM. */
import type TurndownService from 'turndown';
import type { Element } from '../../tree/dom.js';

export type MarkdownRule = TurndownService.Rule;
export type TurndownNode = TurndownService.Node;

/** turndown's typings name the browser DOM; our light DOM has the surface it actually uses. */
export function asElement(node: TurndownNode): Element {
  return node as unknown as Element;
}
