/**
 * Inline labels a pack names by their whole text (screen-reader prefixes such as `Image caption, `):
 * the `dropLabels` kind, declared here. Only an inline element with no block or image inside, of 60
 * characters at most.
 */
import { listKind, ruleSchema } from '../rules/kind.js';
import type { Pattern } from '../rules/pattern.js';
import type { Element } from '../tree/dom.js';
import { BLOCK_TAGS, firstTextChar, textOf } from '../tree/text.js';
import { excerpt } from './report.js';
import { GONE, type CleanContext, type Stage, type Step } from './stage.js';

export interface DropLabelRule {
  id: string;
  /** Tested against the whitespace-normalized text of an inline element. */
  pattern: Pattern;
}

export const dropLabelsKind = listKind<DropLabelRule>({
  field: 'dropLabels',
  doc: 'inline elements (60 characters at most) removed when their whole text matches',
  rule: ruleSchema({ pattern: { $ref: '#/definitions/pattern' } }),
  compile: (raw, c, at) => ({ id: raw.id as string, pattern: c.pattern(raw.pattern, `${at}/pattern`) }),
});

const MAX_LABEL = 60;
const patternOf = (rule: DropLabelRule) => rule.pattern;

function dropLabel(el: Element, ctx: CleanContext): Step {
  if (BLOCK_TAGS.has(el.tagName) || el.tagName === 'img' || !el.firstChild) return;
  // Most elements start with a letter no label starts with: known without reading their text.
  const first = ctx.rules.firstChars('dropLabels', patternOf);
  if (first && !first.has(firstTextChar(el))) return;
  if (el.getElementsByTagName('*').some((d) => BLOCK_TAGS.has(d.tagName) || d.tagName === 'img')) return;
  const text = textOf(el);
  if (!text || text.length > MAX_LABEL) return;
  const hit = ctx.rules.list('dropLabels').find(({ rule }) => rule.pattern.test(text));
  if (!hit) return;
  el.remove();
  ctx.report.rule(hit.pack, hit.rule.id, { action: 'removed', what: () => excerpt(text) });
  return GONE;
}

export const dropLabelsStage: Stage = {
  id: 'drop-labels',
  reads: 'dropLabels rules; inline elements as the source wrote them (before the sanitizer unwraps spans)',
  leaves: 'no label a rule names',
  when: (ctx) => ctx.rules.has('dropLabels'),
  // Block rules read a block's text with its labels in it.
  waitsFor: ['drop-text'],
  visit: { enter: dropLabel },
};
