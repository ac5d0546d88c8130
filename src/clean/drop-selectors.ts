/**
 * Elements a pack names by selector (ad slots, share bars, off-screen labels) go with their content:
 * the `dropSelectors` kind, declared here. Never one holding an image: that is content.
 */
import { listKind, ruleSchema } from '../rules/kind.js';
import type { Element } from '../tree/dom.js';
import { matches, type Selector } from '../tree/select.js';
import { excerpt } from './report.js';
import { GONE, type CleanContext, type Stage, type Step } from './stage.js';

export interface DropSelectorRule {
  id: string;
  selector: Selector;
}

export const dropSelectorsKind = listKind<DropSelectorRule>({
  field: 'dropSelectors',
  doc: 'elements removed with their content, by selector (`tag`, `.class`, `#id`, `[attr]`, `[attr=v]`, `~=`, `^=`, `$=`, `*=`; lists with `,`; no combinators); never one holding an image',
  rule: ruleSchema({ selector: { $ref: '#/definitions/selector' } }),
  compile: (raw, c, at) => ({ id: raw.id as string, selector: c.selector(raw.selector, `${at}/selector`) }),
});

function dropSelected(el: Element, ctx: CleanContext): Step {
  for (const { pack, rule } of ctx.rules.list('dropSelectors')) {
    if (!matches(el, rule.selector) || el.getElementsByTagName('img').length) continue;
    el.remove();
    ctx.report.rule(pack, rule.id, { action: 'removed', what: () => excerpt(el.textContent) || `<${el.tagName}> (no text)` });
    return GONE;
  }
}

export const dropSelectorsStage: Stage = {
  id: 'drop-selectors',
  reads: 'dropSelectors rules; elements with their classes and attributes (before the sanitizer strips them)',
  leaves: 'no element a rule names, unless it holds an image',
  when: (ctx) => ctx.rules.has('dropSelectors'),
  visit: { enter: dropSelected },
};
