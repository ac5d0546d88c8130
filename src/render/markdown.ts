/**
 * The cleaned tree → GFM, with turndown walking our light DOM directly (no string round-trip).
 * Our own rules (render/rules/, one object each) cover figures, images, links, lists and tables;
 * `escape` is ours (see escape.ts).
 */
import type TurndownService from 'turndown';
// turndown's build without an HTML parser of its own: its Node build loads domino (a whole DOM, some
// 200 ms) the moment it is imported, for the strings feedclean never hands it. Otherwise the same code.
import TurndownBrowserBuild from 'turndown/lib/turndown.browser.cjs.js';
import { withTextMemo, type Fragment } from '../tree/dom.js';
import { escapeTextNode, resolveLineStarts } from './escape.js';
import { unwrapTransparent } from './prepare.js';
import { withLongRunsHidden } from './space-runs.js';
import { blockquote } from './rules/blockquote.js';
import { code } from './rules/code.js';
import { figure } from './rules/figure.js';
import { image } from './rules/image.js';
import { emphasis, strikethrough, strong, superscript } from './rules/inline.js';
import { link } from './rules/link.js';
import { list, listItem } from './rules/list.js';
import { preformatted } from './rules/preformatted.js';
import { tableRule } from './rules/table.js';
import type { MarkdownRule } from './rules/types.js';

/** turndown's typings name the browser DOM; our light DOM has the surface it actually uses. */
type TurndownInput = Parameters<TurndownService['turndown']>[0];

/** Turndown's own options (the benchmark's naive pipeline uses them too, to compare like with like). */
// (`satisfies`, not a type annotation: the published declarations then name no turndown type.)
export const TURNDOWN_OPTIONS = {
  headingStyle: 'atx',
  hr: '---',
  bulletListMarker: '-',
  codeBlockStyle: 'fenced',
  emDelimiter: '*',
  strongDelimiter: '**',
  br: '\\',
  linkStyle: 'inlined',
} satisfies TurndownService.Options;

/** Our rules (each for tags no other of ours is for; turndown's own rules come after ours). */
const RULES: readonly MarkdownRule[] = [
  figure,
  strong,
  emphasis,
  superscript,
  strikethrough,
  preformatted,
  code,
  image,
  link,
  blockquote,
  list,
  listItem,
];

/** The tags a rule is for: its filter's, or those it names beside a filter function. */
function tagsOf(rule: MarkdownRule): readonly string[] {
  if (typeof rule.filter === 'string') return [rule.filter];
  if (Array.isArray(rule.filter)) return rule.filter as string[];
  if (!rule.tags) throw new Error('a Markdown rule with a filter function must name its tags');
  return rule.tags;
}

/**
 * Our rules as one turndown rule, found by one lookup of the element's name. Turndown tries its
 * rules one after another for every element (lower-casing the name for each), ours first: a dozen
 * tries per element before its own paragraph rule.
 */
export function byTag(rules: readonly MarkdownRule[]): MarkdownRule {
  const byName = new Map<string, MarkdownRule>();
  for (const rule of rules) {
    for (const tag of tagsOf(rule)) {
      const name = tag.toUpperCase();
      if (byName.has(name)) throw new Error(`two Markdown rules are for <${tag}>`);
      byName.set(name, rule);
    }
  }
  return {
    filter: (node, options) => {
      const rule = byName.get(node.nodeName);
      return rule !== undefined && (typeof rule.filter !== 'function' || rule.filter.call(rule, node, options));
    },
    replacement: (content, node, options) => byName.get(node.nodeName)!.replacement!(content, node, options),
  };
}

function createService(): TurndownService {
  const service = new TurndownBrowserBuild(TURNDOWN_OPTIONS);
  service.escape = escapeTextNode;
  service.addRule('feedclean', byTag([...RULES, tableRule(service)]));
  return service;
}

let shared: TurndownService | null = null;

/**
 * GFM for a cleaned body tree. No raw HTML, no runs of blank lines, no trailing newline.
 * The tree is consumed: turndown collapses its white space in place. Turndown copies its input
 * first (`cloneNode(true)`); our tree is ours to spend, so the input it gets hands back the tree
 * itself instead of a copy.
 */
export function toMarkdown(root: Fragment): string {
  shared ??= createService();
  const input = { nodeType: root.nodeType, cloneNode: () => root };
  const markdown = withLongRunsHidden(() => {
    unwrapTransparent(root);
    // Turndown changes the tree (white space) before it reads any text, and only reads after.
    return withTextMemo(() => shared!.turndown(input as unknown as TurndownInput));
  });
  // Each pattern runs only when a plain search (far cheaper than a regex scan) finds its shape.
  let settled = markdown;
  // (`$` with the m flag is also before \r, U+2028 and U+2029, which text may hold.)
  const lineEnds = settled.includes('\r') || settled.includes('\u2028') || settled.includes('\u2029');
  // (Tried only where a run starts: from inside a long run, each try would read on to its end.)
  if (lineEnds || settled.includes(' \n') || settled.includes('\t\n')) settled = settled.replace(/(?<![ \t])[ \t]+$/gm, '');
  if (settled.includes('\n\n\n')) settled = settled.replace(/\n{3,}/g, '\n\n');
  settled = settled.trim();
  // A hard break ending a block is no break in CommonMark but a literal backslash: it goes.
  if (settled.includes('\\\n\n') || settled.endsWith('\\')) settled = settled.replace(/(?<!\\)\\(?=\n\n|$(?![\s\S]))/g, '');
  return resolveLineStarts(settled);
}
