/**
 * parse5 → light DOM, through a tree adapter: the one and only HTML parse of an item body.
 *
 * Scripting is disabled so that `<noscript>` content (BBC's social embeds, lazy-image fallbacks) is
 * parsed as HTML rather than kept as raw text. Comments, doctypes and processing instructions are
 * never attached: nothing downstream wants them.
 */
import { parseFragment, type TreeAdapter, type TreeAdapterTypeMap, html } from 'parse5';
import { Element, Fragment, Text, type DomNode, type ParentNode } from './dom.js';
import { serializeChildren } from './serialize.js';

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

// The element parse5 created last, until text goes anywhere: the one a "trailing solidus" parse
// error (reported right after its start tag is processed) is about.
let lastCreated: Element | null = null;

const lightAdapter: TreeAdapter<LightMap> = {
  createDocument: () => new Fragment(),
  createDocumentFragment: () => new Fragment(),
  createElement(tagName, namespaceURI, attrs) {
    const element = new Element(tagName, undefined, namespaceURI);
    // parse5 has already dropped repeated names (the first one counts, as in browsers).
    for (const a of attrs) element.attributes.append(a.prefix ? `${a.prefix}:${a.name}` : a.name, a.value);
    return (lastCreated = element);
  },
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
    lastCreated = null;
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

// Elements whose content the tokenizer reads as raw text up to their end tag. Written self-closed
// (`<iframe src="…"/>`, XHTML habit), they swallow the rest of the article in an HTML parser.
const RAW_TEXT_NAMES = ['iframe', 'noembed', 'noframes', 'xmp', 'style', 'script'];
const RAW_TEXT = new Set(RAW_TEXT_NAMES);
// Nested swallowing re-reads shrinking tails; past this depth the rest stays swallowed.
const MAX_SELF_CLOSED_DEPTH = 16;

// Raw-text and RCDATA elements: an article cut off inside one of them ends in the middle of it.
const TEXT_ONLY_NAMES = [...RAW_TEXT_NAMES, 'textarea', 'title', 'plaintext'];
// Quoted attribute values may hold ">" (title="2 > 1"); the alternatives start differently, so no backtracking.
const SELF_CLOSED_RAW_TEXT = new RegExp(`<(?:${RAW_TEXT_NAMES.join('|')})\\b(?:[^>"']|"[^"]*"|'[^']*')*\\/>`, 'i');
// Everything mayEndInside looks for, in one scan: comment and CDATA starts and ends, text-only elements.
const OPENS_AND_CLOSES = new RegExp(`<!--|-->|<!\\[CDATA\\[|\\]\\]>|<(${TEXT_ONLY_NAMES.join('|')})\\b`, 'gi');

interface Openings {
  /** Does the input end inside a comment or CDATA section, or open a text-only element it never closes? */
  mayEndInside: boolean;
  /** Does it have a raw-text element at all (one written self-closed would swallow what follows)? */
  rawText: boolean;
}

/**
 * Whether the input may end inside a tag, comment, CDATA section or text-only element: only then
 * is it worth asking parse5 for its errors. (parse5 checks every character more slowly as soon as
 * an error handler is attached: about twice the parse time, for errors that well-formed bodies do
 * not have.) One scan of the text, as this runs on every body.
 */
function openings(html: string): Openings {
  let comment = -1;
  let commentEnd = -1;
  let cdata = -1;
  let cdataEnd = -1;
  // Any text-only element opened after its name's last end tag (not only the last one opened: a
  // <textarea> can hold a closed <script>).
  let lastOpen: Map<string, number> | null = null;
  let rawText = false;
  for (const m of html.matchAll(OPENS_AND_CLOSES)) {
    const at = m.index;
    if (m[1]) {
      const name = m[1].toLowerCase();
      (lastOpen ??= new Map()).set(name, at);
      if (RAW_TEXT.has(name)) rawText = true;
    } else if (m[0] === '<!--') {
      // `<!-->` and `<!--->` are whole (empty) comments: their `-->` overlaps the `<!--`.
      if (html.startsWith('>', at + 4) || html.startsWith('->', at + 4)) commentEnd = Math.max(commentEnd, at);
      else comment = at;
    } else if (m[0] === '-->') commentEnd = at;
    else if (m[0] === ']]>') cdataEnd = at;
    else cdata = at;
  }
  let endsInside = comment > commentEnd || cdata > cdataEnd || endsInsideTag(html);
  for (const [name, at] of lastOpen ?? []) {
    if (endsInside) break;
    const close = new RegExp(`</${name}`, 'gi');
    close.lastIndex = at;
    if (!close.test(html)) endsInside = true;
  }
  return { mayEndInside: endsInside, rawText };
}

/** Does the text end inside a tag (a quoted value may hold ">")? Looks from the last tag start only. */
function endsInsideTag(html: string): boolean {
  let start = html.length;
  for (;;) {
    // (lastIndexOf takes a negative position as 0: a "<" at 0 that starts no tag would loop forever)
    start = start > 0 ? html.lastIndexOf('<', start - 1) : -1;
    if (start < 0) return false;
    const next = html[start + 1];
    if (next === undefined) return true; // "<" at the very end
    if (/[A-Za-z/!?]/.test(next)) break; // a tag starts here ("a < b" does not)
  }
  let quote: string | null = null;
  for (let i = start + 1; i < html.length; i++) {
    const c = html[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return false;
  }
  return true;
}

/** Parses an HTML fragment into the light DOM. */
export function parseBody(htmlText: string, depth = 0): ParsedBody {
  const truncation: string[] = [];
  const selfClosed: Element[] = [];
  // The one parse, with parse5's error reports only when the input can need them (see mayEndInside).
  const found = openings(htmlText);
  const careful = found.mayEndInside || (found.rawText && SELF_CLOSED_RAW_TEXT.test(htmlText));
  const root = parseFragment(htmlText, {
    treeAdapter: lightAdapter,
    scriptingEnabled: false,
    onParseError: careful
      ? (error) => {
          if (error.code.startsWith('eof-')) truncation.push(error.code);
          else if (
            error.code === 'non-void-html-element-start-tag-with-trailing-solidus' &&
            lastCreated &&
            RAW_TEXT.has(lastCreated.tagName)
          ) {
            selfClosed.push(lastCreated);
          }
        }
      : null,
  }) as Fragment;
  lastCreated = null;
  for (const el of selfClosed) {
    const swallowed = el.firstChild;
    if (!(swallowed instanceof Text) || swallowed !== el.lastChild || depth >= MAX_SELF_CLOSED_DEPTH || !el.parentNode) continue;
    // The text was never parsed as markup (the raw text state read it verbatim): this is its one parse.
    swallowed.remove();
    const inner = parseBody(swallowed.data, depth + 1);
    const next = el.nextSibling;
    for (let child = inner.root.firstChild; child; child = inner.root.firstChild) el.parentNode.insertBefore(child, next);
    // Its "input ended inside raw text" error was the swallowing, not a truncated article. When the
    // swallowing ended at a later element's end tag instead, that element is not cut off either,
    // though the swallowed text alone (which stops before the end tag) says so.
    const outer = truncation.indexOf('eof-in-element-that-can-contain-only-text');
    if (outer >= 0) truncation.splice(outer, 1);
    const innerCodes = [...inner.truncation];
    const innerEof = innerCodes.lastIndexOf('eof-in-element-that-can-contain-only-text');
    if (outer < 0 && innerEof >= 0) innerCodes.splice(innerEof, 1);
    truncation.push(...innerCodes);
  }
  return { root, truncation };
}

/** The tree as HTML, as parse5's serializer writes it (see serialize.ts). */
export function toHtml(root: ParentNode): string {
  return serializeChildren(root, (template) => templateContents.get(template));
}
