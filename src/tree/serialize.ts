/**
 * The light DOM as HTML, byte for byte what parse5's serializer writes for the same tree (the tests
 * hold it to that), but walking our nodes directly: parse5's goes through the tree adapter, which
 * builds an array of attribute objects for every element, and costs about twice as much per item.
 * (Our tree keeps tag names lower-case, SVG's `clipPath` too; the sanitizer drops SVG and MathML.)
 */
import { Element, HTML_NS, Text, type DomNode, type ParentNode } from './dom.js';

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
// Text written as is under these (parse5 serializes with scripting on, so <noscript> too).
const UNESCAPED_TEXT = new Set(['style', 'script', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'noscript']);

const TEXT_SPECIAL = /[&<>\u00a0]/;
const ATTRIBUTE_SPECIAL = /["&<>\u00a0]/;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\u00a0': '&nbsp;' };
const escapeChar = (c: string): string => ESCAPES[c]!;

function escapeText(text: string): string {
  return TEXT_SPECIAL.test(text) ? text.replace(/[&<>\u00a0]/g, escapeChar) : text;
}

function escapeAttribute(value: string): string {
  return ATTRIBUTE_SPECIAL.test(value) ? value.replace(/["&<>\u00a0]/g, escapeChar) : value;
}

function isVoid(el: Element): boolean {
  return el.namespace === HTML_NS && VOID_ELEMENTS.has(el.tagName);
}

/**
 * The children of `root` as HTML. `templateContent` gives a <template>'s content (parse5 keeps it
 * apart from the element's children).
 */
export function serializeChildren(root: ParentNode, templateContent: (template: Element) => ParentNode | undefined): string {
  let html = '';
  // Iterative, as every walk here: nesting depth is the input's to choose.
  const open: Array<{ element: Element; resume: DomNode | null }> = [];
  let node: DomNode | null = root instanceof Element && isVoid(root) ? null : firstChildOf(root, templateContent);
  for (;;) {
    if (!node) {
      const frame = open.pop();
      if (!frame) return html;
      html += `</${frame.element.tagName}>`;
      node = frame.resume;
      continue;
    }
    if (node instanceof Element) {
      html += `<${node.tagName}`;
      node.attributes.forEach((name, value) => {
        html += ` ${name}="${escapeAttribute(value)}"`;
      });
      html += '>';
      if (!isVoid(node)) {
        open.push({ element: node, resume: node.nextSibling });
        node = firstChildOf(node, templateContent);
        continue;
      }
    } else if (node instanceof Text) {
      const parent = node.parentNode;
      html +=
        parent instanceof Element && parent.namespace === HTML_NS && UNESCAPED_TEXT.has(parent.tagName) ? node.data : escapeText(node.data);
    }
    node = node.nextSibling;
  }
}

function firstChildOf(parent: ParentNode, templateContent: (template: Element) => ParentNode | undefined): DomNode | null {
  if (parent instanceof Element && parent.tagName === 'template' && parent.namespace === HTML_NS)
    return templateContent(parent)?.firstChild ?? null;
  return parent.firstChild;
}
