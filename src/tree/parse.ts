/**
 * parse5 → light DOM, through a tree adapter: the one and only HTML parse of an item body.
 *
 * Scripting is disabled so that `<noscript>` content (BBC's social embeds, lazy-image fallbacks) is
 * parsed as HTML rather than kept as raw text. Comments, doctypes and processing instructions are
 * never attached: nothing downstream wants them.
 */
import { parseFragment, serialize, type TreeAdapter, type TreeAdapterTypeMap, html } from 'parse5';
import { Element, Fragment, Text, type DomNode, type ParentNode } from './dom.js';

class Comment {
  constructor(readonly data: string) {}
}
class Doctype {
  constructor(readonly name: string) {}
}

type LightMap = TreeAdapterTypeMap<
  DomNode | Comment | Doctype,
  ParentNode,
  DomNode,
  Fragment,
  Fragment,
  Element,
  Comment,
  Text,
  Element,
  Doctype
>;

const templateContents = new WeakMap<Element, Fragment>();

const lightAdapter: TreeAdapter<LightMap> = {
  createDocument: () => new Fragment(),
  createDocumentFragment: () => new Fragment(),
  createElement: (tagName, namespaceURI, attrs) =>
    new Element(tagName, attrs.map((a) => [a.prefix ? `${a.prefix}:${a.name}` : a.name, a.value]), namespaceURI),
  createCommentNode: (data) => new Comment(data) as never,
  createTextNode: (value) => new Text(value),
  appendChild(parent, node) {
    if (node instanceof Comment) return;
    parent.appendChild(node);
  },
  insertBefore(parent, node, reference) {
    if (node instanceof Comment) return;
    parent.insertBefore(node, reference);
  },
  setTemplateContent(template, content) {
    templateContents.set(template, content);
  },
  getTemplateContent(template) {
    let content = templateContents.get(template);
    if (!content) {
      content = new Fragment();
      templateContents.set(template, content);
    }
    return content;
  },
  setDocumentType() {},
  setDocumentMode() {},
  getDocumentMode: () => html.DOCUMENT_MODE.NO_QUIRKS,
  detachNode(node) {
    if (node instanceof Comment || node instanceof Doctype) return;
    node.remove();
  },
  insertText(parent, text) {
    const last = parent.lastChild;
    if (last instanceof Text) last.data += text;
    else parent.appendChild(new Text(text));
  },
  insertTextBefore(parent, text, reference) {
    const prev = reference.previousSibling;
    if (prev instanceof Text) prev.data += text;
    else parent.insertBefore(new Text(text), reference);
  },
  adoptAttributes(recipient, attrs) {
    for (const attr of attrs) if (!recipient.hasAttribute(attr.name)) recipient.setAttribute(attr.name, attr.value);
  },
  getFirstChild: (node) => node.firstChild,
  getChildNodes: (node) => node.childNodes as DomNode[],
  getParentNode: (node) => (node instanceof Comment || node instanceof Doctype ? null : node.parentNode),
  getAttrList: (element) => [...element.attributes].map(([name, value]) => ({ name, value })),
  getTagName: (element) => element.tagName,
  getNamespaceURI: (element) => element.namespace as html.NS,
  getTextNodeContent: (node) => node.data,
  getCommentNodeContent: (node) => node.data,
  getDocumentTypeNodeName: (node) => node.name,
  getDocumentTypeNodePublicId: () => '',
  getDocumentTypeNodeSystemId: () => '',
  isTextNode: (node): node is Text => node instanceof Text,
  isCommentNode: (node): node is Comment => node instanceof Comment,
  isDocumentTypeNode: (node): node is Doctype => node instanceof Doctype,
  isElementNode: (node): node is Element => node instanceof Element,
  setNodeSourceCodeLocation() {},
  getNodeSourceCodeLocation: () => undefined,
  updateNodeSourceCodeLocation() {},
};

export interface ParsedBody {
  root: Fragment;
  /** parse5 error codes that mean the input ended inside a construct (a sign of truncation). */
  truncation: string[];
}

/** Parses an HTML fragment into the light DOM. */
export function parseBody(htmlText: string): ParsedBody {
  const truncation: string[] = [];
  const root = parseFragment(htmlText, {
    treeAdapter: lightAdapter,
    scriptingEnabled: false,
    onParseError: (error) => {
      if (error.code.startsWith('eof-')) truncation.push(error.code);
    },
  }) as Fragment;
  return { root, truncation };
}


/** The tree as HTML, by parse5's serializer over the same adapter (for outputs that want HTML). */
export function toHtml(root: ParentNode): string {
  return serialize(root, { treeAdapter: lightAdapter });
}
