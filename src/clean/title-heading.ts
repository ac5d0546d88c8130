/** A body that opens with the item's own title as a heading repeats it: the document already has `# title`. */
import { Element, removeButImages, type Fragment } from '../tree/dom.js';
import { isBlankText, normalizeSpace, textOf } from '../tree/text.js';
import { excerpt } from './report.js';
import type { CleanContext, Stage } from './stage.js';

function dropTitleHeading(root: Fragment, ctx: CleanContext): void {
  const first = root.childNodes.find((n) => !isBlankText(n));
  if (!(first instanceof Element && /^h[1-3]$/.test(first.tagName) && textOf(first) === normalizeSpace(ctx.title!))) return;
  // Its words are the title's; an image in it (a logo, a headline photo) is the body's still.
  removeButImages(first);
  ctx.report.stage('title-heading', 'removed', () => `heading "${excerpt(first.textContent)}" (the title is the document's own heading)`);
}

export const titleHeadingStage: Stage = {
  id: 'title-heading',
  reads: "the item's title; the settled tree's first block",
  leaves: 'no heading repeating the title at the top',
  when: (ctx) => !!ctx.title,
  run: dropTitleHeading,
};
