/** The shape of one Markdown rule: turndown's `{ filter, replacement }`, over our light DOM. */
import type TurndownService from 'turndown';
import type { Element } from '../../tree/dom.js';

export type MarkdownRule = TurndownService.Rule & {
  /** The tags a rule whose filter is a function is for (render/markdown.ts looks rules up by tag). */
  tags?: readonly string[];
};
export type TurndownNode = TurndownService.Node;

/** turndown's typings name the browser DOM; our light DOM has the surface it actually uses. */
export function asElement(node: TurndownNode): Element {
  return node as unknown as Element;
}
