/**
 * MathML formulas as the text they say. A formula is part of the sentence it stands in, but it is
 * foreign markup, which is dropped with its content (drop-invisible): so it becomes inline code first —
 * the TeX it carries (`<annotation encoding="application/x-tex">`), else its `alttext`, else its
 * text (`y+1`).
 */
import { Element, Text, h, nextInOrder, nextSkippingChildren, replaceNode, type DomNode } from '../tree/dom.js';
import { normalizeSpace } from '../tree/text.js';
import { GONE, type Step, type Stage } from './stage.js';

const ANNOTATIONS = new Set(['annotation', 'annotation-xml']);

function texOf(math: Element): string | null {
  for (const annotation of math.getElementsByTagName('annotation')) {
    const encoding = (annotation.getAttribute('encoding') ?? '').toLowerCase();
    if (encoding === 'application/x-tex' || encoding === 'tex') return normalizeSpace(annotation.textContent) || null;
  }
  return null;
}

/** The formula's own text, its annotations left out. */
function formulaText(math: Element): string {
  let out = '';
  for (let node: DomNode | null = math.firstChild; node;) {
    if (node instanceof Element && ANNOTATIONS.has(node.tagName)) {
      node = nextSkippingChildren(node, math);
      continue;
    }
    if (node instanceof Text) out += node.data;
    node = nextInOrder(node, math);
  }
  return normalizeSpace(out);
}

function formulaAsCode(math: Element): Step {
  const text = texOf(math) ?? (normalizeSpace(math.getAttribute('alttext') ?? '') || formulaText(math));
  if (!text) {
    math.remove();
    return GONE;
  }
  const code = h('code', {}, [text]);
  replaceNode(math, code);
  return { replacedBy: code };
}

export const mathStage: Stage = {
  id: 'math',
  reads: 'the body with MathML as written (before drop-invisible drops foreign markup)',
  leaves: 'each <math> an inline <code> of its TeX, alttext or text (none: gone)',
  visit: { tags: ['math'], enter: formulaAsCode },
};
