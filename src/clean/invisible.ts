/**
 * What is never content (scripts, styles, `<title>`, form controls, SVG/MathML …) goes first, before
 * any rule reads text: a copyright line with a `<script>` inside must match its rule as the reader
 * sees it, and as it reads once the script is gone (cleaning twice must give what cleaning once
 * did). Players and frames stay for the embed stages, which turn them into links; the sanitizer
 * drops whatever is left of them. Said in --explain as the sanitizer's.
 *
 * What the page hides goes too (`hidden`, inline `display:none` / `visibility:hidden`): a reader
 * never sees it. And a task list's checkbox (`<li><input type=checkbox checked>`) is the one form
 * control a reader does see: it becomes the `[x] ` / `[ ] ` that Markdown task lists spell.
 */
import { sanitizeSchema } from '../rules/sanitize-schema.js';
import { Element, HTML_NS, Text, nextInOrder, replaceNode, type DomNode } from '../tree/dom.js';
import { excerpt } from './report.js';
import { GONE, type CleanContext, type Stage, type Step } from './stage.js';

/** `<script> "alert(1)"`: the element dropped and the text that went with it. */
export function droppedWithContent(el: Element): string {
  const text = excerpt(el.textContent);
  return `<${el.tagName}>${text ? ` "${text}"` : ''} with its content`;
}

const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;
// Lazy loaders hide an image until a script shows it: its address is still content (lazy-images.ts).
const LAZY_SOURCES = ['data-src', 'data-original', 'data-lazy-src', 'data-srcset'];

function isHidden(el: Element): boolean {
  const hidden = el.getAttribute('hidden');
  // `hidden="until-found"` is text the browser shows on a find or a fragment link: content.
  if (hidden !== null && hidden.trim().toLowerCase() !== 'until-found') return true;
  const style = el.getAttribute('style');
  return style !== null && HIDING_STYLE.test(style);
}

function holdsLazyImage(el: Element): boolean {
  const images = el.tagName === 'img' ? [el] : el.getElementsByTagName('img');
  return images.some((img) => LAZY_SOURCES.some((a) => img.getAttribute(a)));
}

/** The list item a checkbox opens (nothing but white space before it in the item), if any. */
function taskItemOf(input: Element): Element | null {
  let li: Element | null = null;
  for (let p = input.parentNode; p instanceof Element; p = p.parentNode) {
    if (p.tagName === 'li') {
      li = p;
      break;
    }
    if (p.tagName !== 'p' && p.tagName !== 'label' && p.tagName !== 'span') return null;
  }
  if (!li) return null;
  for (let n: DomNode | null = li.firstChild; n && n !== input; n = nextInOrder(n, li)) {
    if ((n instanceof Text && n.data.trim()) || (n instanceof Element && n.tagName === 'img')) return null;
  }
  return li;
}

function isCheckbox(el: Element): boolean {
  return el.tagName === 'input' && (el.getAttribute('type') ?? '').trim().toLowerCase() === 'checkbox';
}

function dropInvisible(el: Element, ctx: CleanContext): Step {
  const schema = sanitizeSchema;
  if (el.namespace === HTML_NS && isCheckbox(el) && taskItemOf(el)) {
    const next = el.nextSibling;
    const space = next instanceof Text && /^\s/.test(next.data) ? '' : ' ';
    replaceNode(el, new Text(`${el.getAttribute('checked') !== null ? '[x]' : '[ ]'}${space}`));
    return GONE;
  }
  if (el.attributes.size && el.namespace === HTML_NS && isHidden(el) && !holdsLazyImage(el)) {
    el.remove();
    ctx.report.stage('drop-invisible', 'removed', () => `hidden ${droppedWithContent(el)}`);
    return GONE;
  }
  if (el.namespace === HTML_NS && !(schema.dropWithContent.has(el.tagName) && !schema.mediaEmbeds.has(el.tagName))) return;
  el.remove();
  ctx.report.stage('sanitize', 'removed', () => droppedWithContent(el));
  return GONE;
}

export const dropInvisibleStage: Stage = {
  id: 'drop-invisible',
  reads: 'the parsed body',
  leaves:
    'no script, style, form control, SVG or MathML, nothing hidden: only what a reader can see, and players; task-list checkboxes as [x] / [ ]',
  visit: { enter: dropInvisible },
};
