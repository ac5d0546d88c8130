/**
 * Blocks a pack names by their text (copyright notices, house promos, player fillers): the
 * `dropText` kind, declared here. The smallest block whose whitespace-normalized text matches goes
 * (blocks are tested as the walk leaves them, innermost first); never a block holding an image.
 * The rules run twice: on the body as the source wrote it, and on the settled tree, where a block
 * they match may only then appear (`===` beside an image the sanitizer dropped). Read back from our
 * Markdown that block would be dropped, so it must be dropped the first time too.
 */
import { listKind, ruleSchema } from '../rules/kind.js';
import type { Pattern } from '../rules/pattern.js';
import { Element, isShownImage, someDescendant, type Fragment } from '../tree/dom.js';
import { BLOCK_TAGS, firstTextChar, normalizeSpace } from '../tree/text.js';
import { excerpt } from './report.js';
import type { CleanContext, Stage } from './stage.js';

export interface DropTextRule {
  id: string;
  /** Tested against the whitespace-normalized text of a block; the smallest matching block goes. */
  pattern: Pattern;
}

export const dropTextKind = listKind<DropTextRule>({
  field: 'dropText',
  doc: 'blocks removed by their text (the smallest block whose whitespace-normalized text matches)',
  rule: ruleSchema({ pattern: { $ref: '#/definitions/pattern' } }),
  compile: (raw, c, at) => ({ id: raw.id as string, pattern: c.pattern(raw.pattern, `${at}/pattern`) }),
});

// Copyright notices, house promos and player fillers run to a few hundred characters at most: a
// longer block is content (or holds it), and its text is never matched.
const MAX_BOILERPLATE_CHARS = 2000;

const holdsShownImage = (el: Element) => el.tagName === 'img' && isShownImage(el);
const patternOf = (rule: DropTextRule) => rule.pattern;

const BLOCKS = [...BLOCK_TAGS];

function dropMatchingBlock(el: Element, ctx: CleanContext): void {
  // Most blocks start with a letter no rule's text starts with: known without reading their text.
  const first = ctx.rules.firstChars('dropText', patternOf);
  if (first && !first.has(firstTextChar(el))) return;
  const raw = el.textContent;
  if (raw.length > MAX_BOILERPLATE_CHARS) return;
  const text = normalizeSpace(raw);
  if (!text) return;
  const hit = ctx.rules.list('dropText').find(({ rule }) => rule.pattern.test(text));
  if (!hit || someDescendant(el, holdsShownImage)) return;
  el.remove();
  ctx.report.rule(hit.pack, hit.rule.id, { action: 'removed', what: () => excerpt(text) });
}

export const dropTextStage: Stage = {
  id: 'drop-text',
  reads: 'dropText rules; blocks as the reader sees them (anonymous runs made paragraphs, invisible elements gone)',
  leaves: 'no block whose text a rule names, unless it holds an image',
  when: (ctx) => ctx.rules.has('dropText'),
  visit: { tags: BLOCKS, leave: dropMatchingBlock },
};

/** The blocks at the top (paragraphs the walk made of loose runs there among them). */
function dropMatchingTopBlocks(root: Fragment, ctx: CleanContext): void {
  for (let node = root.firstChild; node;) {
    const next = node.nextSibling;
    if (node instanceof Element && BLOCK_TAGS.has(node.tagName)) dropMatchingBlock(node, ctx);
    node = next;
  }
}

export const dropSettledTextStage: Stage = {
  id: 'drop-text-settled',
  reads: 'dropText rules; the settled tree (sanitized, repaired, pruned, top-level runs made paragraphs)',
  leaves: 'no block whose text a rule names, as our own Markdown read back would have it',
  when: (ctx) => ctx.rules.has('dropText'),
  visit: { tags: BLOCKS, leave: dropMatchingBlock, finish: dropMatchingTopBlocks },
};
