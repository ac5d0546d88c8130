/**
 * Copyright and agency credit lines (`© 2020 AFP`, `版权所有`, `Photo: © Getty`) at the start or end
 * of the body, or of a figure's caption, moved into the item's `rights`: not lost, and no longer in
 * the article. The forms are rule-pack data: the `rights` kind, declared here.
 */
import { listKind, ruleSchema } from '../rules/kind.js';
import type { Pattern } from '../rules/pattern.js';
import type { RulePack } from '../rules/types.js';
import { Element, elements, isShownImage, type Fragment } from '../tree/dom.js';
import { matches, type Selector } from '../tree/select.js';
import { BLOCK_TAGS, firstTextChar, normalizeSpace } from '../tree/text.js';
import { isLeafBlock, takeAtEdge } from './edge-blocks.js';
import { excerpt } from './report.js';
import type { CleanContext, Stage } from './stage.js';

export interface RightsRule {
  id: string;
  /** Tested against the whitespace-normalized text of a short block. */
  pattern?: Pattern;
  /** Or: elements (a credit `<span>` in a figure) named by their markup, wherever they stand. */
  selector?: Selector;
  /**
   * A site's own copyright notice, known by its words, is taken wherever it stands (before a
   * related-links section, say); a generic form only at the body's ends.
   */
  anywhere?: boolean;
}

export const rightsKind = listKind<RightsRule>({
  field: 'rights',
  doc: "short blocks at the body's (or a caption's) start or end moved into the item's `rights` by their text (`© 2020 AFP`); `anywhere: true` for a line that is a rights line wherever it stands",
  rule: {
    ...ruleSchema(
      {
        pattern: { $ref: '#/definitions/pattern' },
        selector: { $ref: '#/definitions/selector' },
        anywhere: { type: 'boolean', description: "Take a matching block wherever it stands, not only at the body's ends." },
      },
      { optional: ['pattern', 'selector', 'anywhere'] },
    ),
    anyOf: [{ required: ['pattern'] }, { required: ['selector'] }],
  },
  compile: (raw, c, at) => ({
    id: raw.id as string,
    ...(raw.pattern !== undefined ? { pattern: c.pattern(raw.pattern, `${at}/pattern`) } : {}),
    ...(raw.selector !== undefined ? { selector: c.selector(raw.selector, `${at}/selector`) } : {}),
    ...(raw.anywhere !== undefined ? { anywhere: raw.anywhere as boolean } : {}),
  }),
});

/** A rights line is a line: a longer block is an article paragraph that mentions copyright. */
const MAX_RIGHTS_CHARS = 200;
/** How many other blocks the search passes over at each end (a signature, a trust badge). */
const PATIENCE = { end: 2, start: 1 };

function matchingRule(text: string, ctx: CleanContext, anywhereOnly: boolean): { pack: RulePack; rule: RightsRule } | undefined {
  if (!text || text.length > MAX_RIGHTS_CHARS) return undefined;
  return ctx.rules.list('rights').find(({ rule }) => (!anywhereOnly || rule.anywhere) && rule.pattern?.test(text));
}

interface TakeOptions {
  /** Only rules that may match anywhere. */
  anywhereOnly?: boolean;
  /** The selector rule that named `el`. */
  bySelector?: { pack: RulePack; rule: RightsRule };
  /** Its normalized text, when the caller has it. */
  text?: string;
}

/** Moves `el` into the findings' rights when a rule names its text (with `anywhereOnly`, a rule that may match anywhere). */
function takeRights(
  el: Element,
  ctx: CleanContext,
  { anywhereOnly = false, bySelector, text = normalizeSpace(el.textContent) }: TakeOptions = {},
): boolean {
  if (el.getElementsByTagName('img').some(isShownImage)) return false;
  const hit = bySelector && text && text.length <= MAX_RIGHTS_CHARS ? bySelector : matchingRule(text, ctx, anywhereOnly);
  if (!hit) return false;
  const rights = ctx.findings.rights;
  if (!rights.includes(text)) rights.push(text);
  el.remove();
  ctx.report.rule(hit.pack, hit.rule.id, { action: 'moved', what: () => `${excerpt(text)} into rights` });
  return true;
}

/** The caption's first or last part (a `<small>`, a `<span>`, a line), or the whole caption. */
function takeCaptionRights(caption: Element, ctx: CleanContext): void {
  if (takeRights(caption, ctx)) return;
  const parts = caption.children.filter((c) => c.tagName !== 'br');
  const last = parts[parts.length - 1];
  if (last && takeRights(last, ctx)) return;
  const first = parts[0];
  if (first && first !== last) takeRights(first, ctx);
}

function moveRights(root: Fragment, ctx: CleanContext): void {
  const take = (block: Element, text: string) => block.tagName !== 'figure' && takeRights(block, ctx, { text });
  takeAtEdge(root, true, PATIENCE.end, take);
  takeAtEdge(root, false, PATIENCE.start, take);
  for (const caption of root.getElementsByTagName('figcaption')) takeCaptionRights(caption, ctx);
  const { selectorRules, anywhere, firstChars } = anywhereRules(ctx.rules.list('rights'));
  if (!selectorRules.length && !anywhere) return;
  // One pass over the rest of the body: credit markup by selector, rights lines a rule takes
  // anywhere, the text of a block read only when it can start as one of them.
  for (const el of elements(root)) {
    if (!el.parentNode) continue;
    const bySelector = selectorRules.length ? namedBySelector(el, selectorRules) : undefined;
    if (bySelector) takeRights(el, ctx, { bySelector });
    // The cheap tests first: most blocks are turned down by their first character.
    else if (
      anywhere &&
      el.tagName !== 'figure' &&
      BLOCK_TAGS.has(el.tagName) &&
      (!firstChars || firstChars.has(firstTextChar(el))) &&
      isLeafBlock(el)
    )
      takeRights(el, ctx, { anywhereOnly: true });
  }
}

/** The first selector rule naming `el` (a plain loop: this runs for every element of the body). */
function namedBySelector(el: Element, rules: AnywhereRules['selectorRules']): { pack: RulePack; rule: RightsRule } | undefined {
  for (let i = 0; i < rules.length; i++) if (matches(el, rules[i]!.rule.selector!)) return rules[i];
  return undefined;
}

interface AnywhereRules {
  selectorRules: ReadonlyArray<{ pack: RulePack; rule: RightsRule }>;
  anywhere: boolean;
  /** The UTF-16 units a text the anywhere patterns match can start with (null: any). */
  firstChars: ReadonlySet<number> | null;
}
// Per list of rules (the RuleIndex hands out the same list for the same packs).
const anywhereByList = new WeakMap<object, AnywhereRules>();

function anywhereRules(list: ReadonlyArray<{ pack: RulePack; rule: RightsRule }>): AnywhereRules {
  let found = anywhereByList.get(list);
  if (!found) {
    const patterns = list.filter(({ rule }) => rule.anywhere && rule.pattern).map(({ rule }) => rule.pattern!);
    const firsts = patterns.map((p) => p.firstChars);
    found = {
      selectorRules: list.filter(({ rule }) => rule.selector),
      anywhere: patterns.length > 0,
      firstChars: firsts.every((f) => f) ? new Set(firsts.flatMap((f) => [...f!])) : null,
    };
    anywhereByList.set(list, found);
  }
  return found;
}

export const rightsStage: Stage = {
  id: 'rights',
  reads:
    "rights rules; the body with the mirror's footer and the packs' selectors gone (so the publisher's last lines are last, and a site's hidden duplicates are not read), before text rules drop them",
  leaves: "copyright and credit lines out of the body's ends and of captions, in the findings' rights",
  when: (ctx) => ctx.rules.has('rights'),
  run: moveRights,
};
