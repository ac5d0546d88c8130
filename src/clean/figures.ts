/**
 * Captioned images → `<figure><img><figcaption>text</figcaption></figure>`, whatever shape the
 * source used: a caption block after the image (rule-pack `captions`, e.g. feedx's
 * `<div><small>…</small></div>`), or a `<figcaption>` beside the image in a wrapper (BBC), or a
 * real `<figure>`. Runs on the sanitized tree. Captions become text and the links in it (a credit's
 * link stays a link; other markup goes); empty ones go.
 */
import { listKind, ruleSchema } from '../rules/kind.js';
import { Element, Text, elements, h, replaceNode, unwrap, type DomNode, type Fragment } from '../tree/dom.js';
import { matches } from '../tree/select.js';
import { BLOCK_TAGS, isBlankText, textOf } from '../tree/text.js';
import { excerpt } from './report.js';
import type { CleanContext, Stage } from './stage.js';

/** Where a caption sits relative to its image. */
export interface CaptionRule {
  id: string;
  /** The element right after the image (or its wrapper) that holds the caption, e.g. `div`. */
  next: string;
  /** The single element inside `next` that holds the text, e.g. `small`. */
  inner?: string;
}

export const captionsKind = listKind<CaptionRule>({
  field: 'captions',
  doc: 'a caption in the element right after an image: `next` tag, optional `inner` tag',
  rule: ruleSchema(
    { next: { $ref: '#/definitions/tag' }, inner: { $ref: '#/definitions/tag' } },
    { optional: ['inner'], description: 'A caption in the element right after an image (or its wrapper).' },
  ),
  compile: (raw) => raw as unknown as CaptionRule,
});

/**
 * A caption's content: its text, white space collapsed, and its links (with their text only);
 * every other element gives its text. Built new, so the source's markup can be dropped.
 */
export function captionContent(holder: Element): DomNode[] {
  // Pieces in order: text, and links as [href, text]; a link's outer space is text around it.
  const pieces: Array<string | [string, string]> = [];
  const visit = (node: DomNode): void => {
    if (node instanceof Text) pieces.push(node.data);
    else if (node instanceof Element && node.tagName === 'a' && node.getAttribute('href')) {
      const text = node.textContent.replace(/\s+/g, ' ');
      if (!text.trim()) return void pieces.push(text);
      if (text.startsWith(' ')) pieces.push(' ');
      pieces.push([node.getAttribute('href')!, text.trim()]);
      if (text.endsWith(' ')) pieces.push(' ');
    } else if (node instanceof Element) for (const child of node.childNodes) visit(child);
  };
  for (const child of holder.childNodes) visit(child);
  const out: Array<string | [string, string]> = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if (typeof piece === 'string' && typeof last === 'string') out[out.length - 1] = last + piece;
    else out.push(piece);
  }
  const nodes: DomNode[] = [];
  out.forEach((piece, i) => {
    if (typeof piece !== 'string') return void nodes.push(h('a', { href: piece[0] }, [piece[1]]));
    let text = piece.replace(/\s+/g, ' ');
    if (i === 0) text = text.trimStart();
    if (i === out.length - 1) text = text.trimEnd();
    if (text) nodes.push(new Text(text));
  });
  return nodes;
}

function isSkippable(node: DomNode | null): boolean {
  return isBlankText(node) || (node instanceof Element && node.tagName === 'br');
}

/** Element children of `el`, when all other children are blank text or breaks. */
function meaningfulChildren(el: Element): DomNode[] {
  return el.childNodes.filter((n) => !isSkippable(n));
}

/** The image, or the smallest wrapper (link, paragraph) that holds only the image. */
function imageUnit(img: Element): Element {
  let unit = img;
  while (unit.parentNode instanceof Element && unit.parentNode.tagName !== 'figure') {
    const parent: Element = unit.parentNode;
    if (meaningfulChildren(parent).length !== 1 || !['a', 'p', 'div', 'span'].includes(parent.tagName)) break;
    unit = parent;
  }
  return unit;
}

function nextMeaningful(node: DomNode): DomNode | null {
  let next = node.nextSibling;
  while (next && isSkippable(next)) next = next.nextSibling;
  return next;
}

/** A caption block right after `unit`, shaped as a rule says; removed from the tree when found. */
function takeRuleCaption(unit: Element, rules: readonly CaptionRule[]): { text: string; content: DomNode[]; ruleId: string } | null {
  const next = nextMeaningful(unit);
  if (!(next instanceof Element)) return null;
  for (const rule of rules) {
    if (!matches(next, rule.next)) continue;
    let holder: Element = next;
    if (rule.inner) {
      const kids = meaningfulChildren(next);
      if (kids.length !== 1 || !(kids[0] instanceof Element) || !matches(kids[0], rule.inner)) continue;
      holder = kids[0];
    } else if (next.getElementsByTagName('img').length) continue;
    const text = textOf(holder);
    const content = captionContent(holder);
    next.remove();
    return { text, content, ruleId: rule.id };
  }
  return null;
}

/** A `<figcaption>` that sits beside the image inside the same wrapper, when the wrapper holds nothing else. */
function takeSiblingFigcaption(unit: Element): { content: DomNode[]; wrapper: Element } | null {
  const wrapper = unit.parentNode;
  if (!(wrapper instanceof Element) || wrapper.tagName === 'figure') return null;
  const kids = meaningfulChildren(wrapper);
  const caption = kids.find((k): k is Element => k instanceof Element && k.tagName === 'figcaption');
  if (!caption || kids.length !== 2 || wrapper.getElementsByTagName('img').length !== 1) return null;
  caption.remove();
  return { content: captionContent(caption), wrapper };
}

function buildFigure(unit: Element, caption: DomNode[]): Element {
  const figure = h('figure');
  replaceNode(unit, figure);
  figure.appendChild(unit);
  if (caption.length) figure.appendChild(h('figcaption', {}, caption));
  return figure;
}

/** Anything in a figure besides its image and caption (a note, a credit paragraph) is body text after it. */
function moveExtrasOut(figure: Element): void {
  let after: DomNode = figure;
  for (const child of [...figure.childNodes]) {
    if (child instanceof Element && child.tagName === 'figcaption') continue;
    const holdsImage = child instanceof Element && (child.tagName === 'img' || child.getElementsByTagName('img').length > 0);
    const extras =
      holdsImage && child instanceof Element
        ? child.getElementsByTagName('*').filter((d) => BLOCK_TAGS.has(d.tagName) && !d.getElementsByTagName('img').length && textOf(d))
        : child instanceof Element || !isBlankText(child)
          ? [child]
          : [];
    for (const extra of extras) {
      figure.parentNode?.insertBefore(extra, after.nextSibling);
      after = extra;
    }
  }
}

/** Real `<figure>`s: caption to plain text, empty captions out, image-less figures unwrapped. */
function tidyFigure(figure: Element): void {
  if (figure.getElementsByTagName('img').length) moveExtrasOut(figure);
  for (const caption of figure.children.filter((c) => c.tagName === 'figcaption')) {
    const content = textOf(caption) ? captionContent(caption) : [];
    while (caption.firstChild) caption.firstChild.remove();
    if (content.length) for (const node of content) caption.appendChild(node);
    else caption.remove();
  }
  if (!figure.getElementsByTagName('img').length) {
    for (const caption of figure.children.filter((c) => c.tagName === 'figcaption'))
      replaceNode(caption, h('p', {}, [...caption.childNodes]));
    unwrap(figure);
  }
}

function normalizeFigures(root: Fragment, ctx: CleanContext): void {
  const captionRules = ctx.rules.list('captions');
  // Tidying figures moves what they hold but neither makes nor removes images: one snapshot serves both.
  const all = elements(root);
  for (const figure of all) if (figure.tagName === 'figure') tidyFigure(figure);
  for (const img of all) {
    if (img.tagName !== 'img') continue;
    if (!img.parentNode || (img.parentNode instanceof Element && img.parentNode.tagName === 'figure')) continue;
    const unit = imageUnit(img);
    const byRule = takeRuleCaption(
      unit,
      captionRules.map((c) => c.rule),
    );
    if (byRule) {
      const pack = captionRules.find((c) => c.rule.id === byRule.ruleId)!.pack;
      ctx.report.rule(pack, byRule.ruleId, {
        action: 'read',
        what: () => `caption "${excerpt(byRule.text ?? '')}" of image ${img.getAttribute('src') ?? ''}`,
      });
      if (byRule.text) buildFigure(unit, byRule.content);
      continue;
    }
    const beside = takeSiblingFigcaption(unit);
    if (beside) {
      const figure = buildFigure(unit, beside.content);
      replaceNode(beside.wrapper, figure);
    }
  }
  for (const el of elements(root)) {
    const inFigure = el.parentNode instanceof Element && el.parentNode.tagName === 'figure';
    // Figcaptions left without an image are just text.
    if (el.tagName === 'figcaption' && !inFigure) replaceNode(el, h('p', {}, [...el.childNodes]));
    // A paragraph in a figure holding only its image (left by anonymous-blocks.ts) is no paragraph.
    else if (el.tagName === 'p' && inFigure && !textOf(el) && el.getElementsByTagName('img').length) unwrap(el);
  }
}

export const figuresStage: Stage = {
  id: 'figures',
  reads: 'captions rules; the sanitized tree (the caption markup a rule names is still there)',
  leaves: 'every captioned image a <figure> with a <figcaption> of text and links; no figcaption outside a figure',
  skipUnless: ['img', 'figure', 'figcaption'],
  run: normalizeFigures,
};
