/**
 * The light DOM every stage works on. parse5 builds it through a tree adapter (see parse.ts) and
 * turndown walks it directly, so the body is parsed exactly once.
 *
 * It implements only the surface those two need (nodeType, nodeName, childNodes, sibling and parent
 * links, getAttribute, textContent, cloneNode, getElementsByTagName, removeChild …) plus small
 * mutation helpers for the cleaners. Sibling links are stored, not searched for, so walking stays
 * O(n); every walk is iterative so deeply nested input cannot overflow the stack here.
 */

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const FRAGMENT_NODE = 11;

export type DomNode = Element | Text | Fragment;
export type ParentNode = Element | Fragment;

abstract class NodeBase {
  parentNode: ParentNode | null = null;
  nextSibling: DomNode | null = null;
  previousSibling: DomNode | null = null;

  /** Detaches this node from its parent, if any. */
  remove(): void {
    this.parentNode?.removeChild(this as unknown as DomNode);
  }
}

export class Text extends NodeBase {
  readonly nodeType = TEXT_NODE;
  readonly nodeName = '#text';
  constructor(public data: string) {
    super();
  }
  get nodeValue(): string {
    return this.data;
  }
  get textContent(): string {
    return this.data;
  }
  cloneNode(): Text {
    return new Text(this.data);
  }
}

abstract class ParentBase extends NodeBase {
  firstChild: DomNode | null = null;
  lastChild: DomNode | null = null;
  /** The children as an array, built on demand and dropped on every change. */
  private childCache: DomNode[] | null = null;

  get childNodes(): readonly DomNode[] {
    if (!this.childCache) {
      const list: DomNode[] = [];
      for (let c = this.firstChild; c; c = c.nextSibling) list.push(c);
      this.childCache = list;
    }
    return this.childCache;
  }

  get lastElementChild(): Element | null {
    for (let c = this.lastChild; c; c = c.previousSibling) if (c instanceof Element) return c;
    return null;
  }
  get children(): Element[] {
    const out: Element[] = [];
    for (let c = this.firstChild; c; c = c.nextSibling) if (c instanceof Element) out.push(c);
    return out;
  }

  appendChild<T extends DomNode>(node: T): T {
    if (node.parentNode) return this.insertBefore(node, null);
    // A detached node at the end (what the parser does all the time): just link it.
    const prev = this.lastChild;
    node.parentNode = this as unknown as ParentNode;
    node.previousSibling = prev;
    if (prev) prev.nextSibling = node;
    else this.firstChild = node;
    this.lastChild = node;
    this.childCache?.push(node);
    return node;
  }

  /** O(1): children are a doubly linked list. */
  insertBefore<T extends DomNode>(node: T, reference: DomNode | null): T {
    if (reference && reference.parentNode !== (this as unknown)) throw new Error('insertBefore: reference is not a child');
    if (node === reference) return node;
    node.remove();
    const prev = reference ? reference.previousSibling : this.lastChild;
    node.parentNode = this as unknown as ParentNode;
    node.previousSibling = prev;
    node.nextSibling = reference;
    if (prev) prev.nextSibling = node;
    else this.firstChild = node;
    if (reference) {
      reference.previousSibling = node;
      this.childCache = null;
    } else {
      this.lastChild = node;
      // Appending (what the parser does all the time) keeps the cached array valid.
      this.childCache?.push(node);
    }
    return node;
  }

  removeChild<T extends DomNode>(node: T): T {
    if (node.parentNode !== (this as unknown)) return node;
    const { previousSibling: prev, nextSibling: next } = node;
    if (prev) prev.nextSibling = next;
    else this.firstChild = next;
    if (next) next.previousSibling = prev;
    else this.lastChild = prev;
    node.parentNode = null;
    node.previousSibling = null;
    node.nextSibling = null;
    this.childCache = null;
    return node;
  }

  /** The text under this node, remembered while a withTextMemo() reader runs (see there). */
  textMemo = '';
  textMemoEpoch = 0;

  /** Concatenated text of all descendant text nodes (iterative; turndown asks for it at every node). */
  get textContent(): string {
    const root = this as unknown as ParentNode;
    if (textEpoch !== 0) {
      if (this.textMemoEpoch !== textEpoch) fillTextMemo(root, textEpoch);
      return this.textMemo;
    }
    let out = '';
    for (let node: DomNode | null = root.firstChild; node; node = nextInOrder(node, root)) {
      if (node instanceof Text) out += node.data;
    }
    return out;
  }

  getElementsByTagName(name: string): Element[] {
    const root = this as unknown as ParentNode;
    const tag = name.toLowerCase();
    const found: Element[] = [];
    for (let node: DomNode | null = root.firstChild; node; node = nextInOrder(node, root)) {
      if (node instanceof Element && (tag === '*' || node.tagName === tag)) found.push(node);
    }
    return found;
  }
}

/**
 * An element's attributes: the part of Map's interface the stages use, on two parallel arrays.
 * Elements have few attributes; a real Map per element cost the parse a third of its time.
 */
export class Attributes implements Iterable<[string, string]> {
  /** name0, value0, name1, value1 …; allocated with the first attribute (most elements have none). */
  private pairs: string[] | null = null;

  constructor(entries?: Iterable<[string, string]>) {
    if (entries) for (const [name, value] of entries) this.set(name, value);
  }
  private indexOf(name: string): number {
    const pairs = this.pairs;
    if (pairs) for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === name) return i;
    return -1;
  }
  get size(): number {
    return this.pairs ? this.pairs.length / 2 : 0;
  }
  get(name: string): string | undefined {
    const i = this.indexOf(name);
    return i < 0 ? undefined : this.pairs![i + 1];
  }
  has(name: string): boolean {
    return this.indexOf(name) >= 0;
  }
  set(name: string, value: string): this {
    const i = this.indexOf(name);
    if (i >= 0) this.pairs![i + 1] = value;
    else (this.pairs ??= []).push(name, value);
    return this;
  }
  delete(name: string): boolean {
    const i = this.indexOf(name);
    if (i < 0) return false;
    this.pairs!.splice(i, 2);
    return true;
  }
  /** Calls `visit` with each attribute in order (no iterator: this runs for every element on the hot path). */
  forEach(visit: (name: string, value: string) => void): void {
    const pairs = this.pairs;
    if (pairs) for (let i = 0; i < pairs.length; i += 2) visit(pairs[i]!, pairs[i + 1]!);
  }
  /** Does any attribute pass `test`? (No iterator: this runs for every element on the hot path.) */
  some(test: (name: string, value: string) => boolean): boolean {
    const pairs = this.pairs;
    if (pairs) for (let i = 0; i < pairs.length; i += 2) if (test(pairs[i]!, pairs[i + 1]!)) return true;
    return false;
  }
  /** Does any value pass `test`? (No iterator: this runs for every element on the hot path.) */
  someValue(test: (value: string) => boolean): boolean {
    const pairs = this.pairs;
    if (pairs) for (let i = 1; i < pairs.length; i += 2) if (test(pairs[i]!)) return true;
    return false;
  }
  /** Adds an attribute the caller knows is new (the parser: its tokenizer drops repeated names). */
  append(name: string, value: string): void {
    (this.pairs ??= []).push(name, value);
  }
  /**
   * Keeps the attributes `keep` returns a value for (that value, or the same), in one pass: an
   * element with a million attributes is cleaned in linear time, not one `delete` scan per name.
   */
  retain(keep: (name: string, value: string) => string | null): void {
    const pairs = this.pairs;
    if (!pairs) return;
    let kept = 0;
    for (let i = 0; i < pairs.length; i += 2) {
      const value = keep(pairs[i]!, pairs[i + 1]!);
      if (value === null) continue;
      pairs[kept] = pairs[i]!;
      pairs[kept + 1] = value;
      kept += 2;
    }
    pairs.length = kept;
  }
  keys(): string[] {
    const out: string[] = [];
    if (this.pairs) for (let i = 0; i < this.pairs.length; i += 2) out.push(this.pairs[i]!);
    return out;
  }
  *[Symbol.iterator](): Iterator<[string, string]> {
    const pairs = this.pairs;
    if (pairs) for (let i = 0; i < pairs.length; i += 2) yield [pairs[i]!, pairs[i + 1]!];
  }
}

// Lower- and upper-case forms of each tag name and its index, computed once per name rather than per element.
interface TagName {
  lower: string;
  upper: string;
  index: number;
}
const tagNames = new Map<string, TagName>();
const indexByName = new Map<string, number>();
/** How many tag names get an index of their own (see Element.tagIndex); the rest share 0. */
const TAG_INDEXES = 4096;

function internTagName(tagName: string): TagName {
  const lower = tagName.toLowerCase();
  let index = indexByName.get(lower);
  if (index === undefined) {
    index = indexByName.size + 1 < TAG_INDEXES ? indexByName.size + 1 : 0;
    if (index) indexByName.set(lower, index);
  }
  const names = { lower, upper: lower.toUpperCase(), index };
  if (tagNames.size < TAG_INDEXES) tagNames.set(tagName, names);
  return names;
}

/** The index elements named `lowerName` have (0: none of their own, or no element has had that name yet). */
export function tagIndexOf(lowerName: string): number {
  return indexByName.get(lowerName) ?? 0;
}

export class Element extends ParentBase {
  readonly nodeType = ELEMENT_NODE;
  /** Lower-case local name ("p", "img"). */
  readonly tagName: string;
  /** Upper-case, as turndown and the DOM expect. */
  readonly nodeName: string;
  /**
   * A small number standing for the tag name, the same for every element of that name (0 for the
   * names past the first 4,095 a process meets, which share it): the clean stage's walk looks up
   * its visitors by it, in an array, for every element it visits.
   */
  readonly tagIndex: number;
  readonly attributes: Attributes;

  constructor(
    tagName: string,
    attributes?: Iterable<[string, string]>,
    readonly namespace = HTML_NS,
  ) {
    super();
    const names = tagNames.get(tagName) ?? internTagName(tagName);
    this.tagName = names.lower;
    this.nodeName = names.upper;
    this.tagIndex = names.index;
    this.attributes = new Attributes(attributes);
  }

  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
  hasAttribute(name: string): boolean {
    return this.attributes.has(name);
  }
  get classList(): string[] {
    const cls = this.attributes.get('class');
    return cls ? cls.split(/[\t\n\f\r ]+/).filter(Boolean) : [];
  }

  cloneNode(deep = false): Element {
    const copy = new Element(this.tagName, this.attributes, this.namespace);
    if (deep) cloneChildrenInto(this, copy);
    return copy;
  }
}

export class Fragment extends ParentBase {
  readonly nodeType = FRAGMENT_NODE;
  readonly nodeName = '#document-fragment';
  cloneNode(deep = false): Fragment {
    const copy = new Fragment();
    if (deep) cloneChildrenInto(this, copy);
    return copy;
  }
}

export const HTML_NS = 'http://www.w3.org/1999/xhtml';

// Non-zero while textContent is memoized; each withTextMemo() call gets a fresh epoch, so memos
// from an earlier call are never read.
let textEpoch = 0;
let lastEpoch = 0;

/**
 * Runs `fn` with textContent memoized per node. For readers that ask every node for its text and
 * change no text or structure between two such reads (turndown's conversion pass): without the
 * memo that is O(nodes × depth), with it each node's text is built once from its children's.
 */
export function withTextMemo<T>(fn: () => T): T {
  const outer = textEpoch;
  textEpoch = ++lastEpoch;
  try {
    return fn();
  } finally {
    textEpoch = outer;
  }
}

/** Fills the text memo of `root` and every element below it, children first, without recursion. */
function fillTextMemo(root: ParentNode, epoch: number): void {
  const open: ParentNode[] = [root];
  const texts: string[] = [''];
  let node: DomNode | null = root.firstChild;
  while (node) {
    if (node instanceof Text) texts[texts.length - 1] += node.data;
    else if (node.textMemoEpoch === epoch) texts[texts.length - 1] += node.textMemo;
    else if (node.firstChild) {
      open.push(node);
      texts.push('');
      node = node.firstChild;
      continue;
    } else {
      node.textMemo = '';
      node.textMemoEpoch = epoch;
    }
    // Leaving finished parents: their text is complete.
    while (!node.nextSibling) {
      const parent: ParentNode = open.pop()!;
      const text = texts.pop()!;
      parent.textMemo = text;
      parent.textMemoEpoch = epoch;
      if (parent === root) return;
      texts[texts.length - 1] += text;
      node = parent;
    }
    node = node.nextSibling;
  }
  root.textMemo = texts[0]!;
  root.textMemoEpoch = epoch;
}

/** Deep copy without recursion: an explicit stack of (source, copy) pairs. */
function cloneChildrenInto(source: ParentNode, target: ParentNode): void {
  const stack: Array<[ParentNode, ParentNode]> = [[source, target]];
  while (stack.length) {
    const [from, to] = stack.pop()!;
    for (const child of from.childNodes) {
      if (child instanceof Text) {
        to.appendChild(child.cloneNode());
      } else {
        const copy = to.appendChild(child.cloneNode(false));
        stack.push([child, copy]);
      }
    }
  }
}

/** Every node below `root`, in document order, without recursion. */
export function* descendants(root: ParentNode): Generator<DomNode> {
  let node: DomNode | null = root.firstChild;
  while (node) {
    yield node;
    node = nextInOrder(node, root);
  }
}

/** The node after `node` in document order, staying inside `root`. */
export function nextInOrder(node: DomNode, root: ParentNode): DomNode | null {
  if (!(node instanceof Text) && node.firstChild) return node.firstChild;
  return nextSkippingChildren(node, root);
}

/** Like nextInOrder, but does not descend into `node` (for walks that remove or skip subtrees). */
export function nextSkippingChildren(node: DomNode, root: ParentNode): DomNode | null {
  let current: DomNode | ParentNode | null = node;
  while (current && current !== root) {
    if (current.nextSibling) return current.nextSibling;
    current = current.parentNode;
  }
  return null;
}

/** Every element below `root`, in document order: a snapshot, so callers may change the tree. */
export function elements(root: ParentNode): Element[] {
  const found: Element[] = [];
  for (let node: DomNode | null = root.firstChild; node; node = nextInOrder(node, root)) {
    if (node instanceof Element) found.push(node);
  }
  return found;
}

const IMAGE_ADDRESS_ATTRIBUTES = ['src', 'srcset', 'data-src', 'data-srcset', 'data-original', 'data-lazy-src'];

/**
 * An image a reader will see: one with an address (now or once lazy loading is undone). One
 * without is dropped by the sanitizer, so rules must not treat its block as holding an image.
 */
export function isShownImage(img: Element): boolean {
  return IMAGE_ADDRESS_ATTRIBUTES.some((name) => (img.getAttribute(name) ?? '').trim() !== '');
}

/** Is there an element under `root` that passes `test`? A walk that stops at the first, no array. */
export function someDescendant(root: ParentNode, test: (el: Element) => boolean): boolean {
  for (let node: DomNode | null = root.firstChild; node; node = nextInOrder(node, root)) {
    if (node instanceof Element && test(node)) return true;
  }
  return false;
}

/** Is there a child of `parent` that passes `test`? (No array, unlike `childNodes`.) */
export function someChild(parent: ParentNode, test: (node: DomNode) => boolean): boolean {
  for (let node = parent.firstChild; node; node = node.nextSibling) if (test(node)) return true;
  return false;
}

/** Replaces `node` by its own children (keeps the content, drops the wrapper). */
export function unwrap(node: Element): void {
  const parent = node.parentNode;
  if (!parent) return;
  while (node.firstChild) parent.insertBefore(node.firstChild, node);
  parent.removeChild(node);
}

/** Puts `replacement` where `node` is. */
export function replaceNode(node: DomNode, replacement: DomNode): void {
  const parent = node.parentNode;
  if (!parent || node === replacement) return;
  parent.insertBefore(replacement, node);
  parent.removeChild(node);
}

export function isElement(node: unknown, tagName?: string): node is Element {
  return node instanceof Element && (tagName === undefined || node.tagName === tagName);
}

/** Each element child of `parent` and its position among them (a list's items numbered in one pass). */
export function elementPositions(parent: ParentNode): Map<Element, number> {
  const positions = new Map<Element, number>();
  let i = 0;
  for (let c = parent.firstChild; c; c = c.nextSibling) if (c instanceof Element) positions.set(c, i++);
  return positions;
}

/** Removes `el`, but for the images it holds: they take its place, in a paragraph (a heading taken for the title keeps its photo in the body). */
export function removeButImages(el: Element): void {
  const images = el.getElementsByTagName('img');
  if (images.length) replaceNode(el, h('p', {}, images));
  else el.remove();
}

/** Builds an element with children; small sugar for cleaners that create nodes. */
export function h(tagName: string, attrs: Record<string, string> = {}, children: Array<DomNode | string> = []): Element {
  const el = new Element(tagName, Object.entries(attrs));
  for (const child of children) el.appendChild(typeof child === 'string' ? new Text(child) : child);
  return el;
}
