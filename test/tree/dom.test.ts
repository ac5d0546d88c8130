import { describe, expect, it } from 'vitest';
import {
  ELEMENT_NODE,
  Element,
  FRAGMENT_NODE,
  Fragment,
  TEXT_NODE,
  Text,
  descendants,
  elements,
  h,
  isElement,
  nextSkippingChildren,
  replaceNode,
  unwrap,
  type DomNode,
  type ParentNode,
} from '../../src/tree/dom.js';
import { parseBody } from '../../src/tree/parse.js';
import { closest, selectAll } from '../../src/tree/select.js';

/** Every parent/child/sibling link under `root` agrees with the childNodes arrays (checked iteratively). */
function linkErrors(root: ParentNode): string[] {
  const errors: string[] = [];
  const stack: ParentNode[] = [root];
  while (stack.length) {
    const parent = stack.pop()!;
    parent.childNodes.forEach((child, i) => {
      const where = `${parent.nodeName}[${i}] ${child.nodeName}`;
      if (child.parentNode !== parent) errors.push(`${where}: parentNode`);
      if (child.previousSibling !== (parent.childNodes[i - 1] ?? null)) errors.push(`${where}: previousSibling`);
      if (child.nextSibling !== (parent.childNodes[i + 1] ?? null)) errors.push(`${where}: nextSibling`);
      if (!(child instanceof Text)) stack.push(child);
    });
  }
  return errors;
}

/** A compact picture of a subtree: tags and text, e.g. `p(a,b("x"))`. */
function shape(node: DomNode | ParentNode): string {
  if (node instanceof Text) return JSON.stringify(node.data);
  const inner = node.childNodes.map(shape).join(',');
  const name = node instanceof Element ? node.tagName : '#';
  return inner ? `${name}(${inner})` : name;
}

function names(parent: ParentNode): string[] {
  return parent.childNodes.map((n) => (n instanceof Element ? n.tagName : n instanceof Text ? `"${n.data}"` : n.nodeName));
}

describe('parseBody', () => {
  it('builds elements and text nodes with DOM-like node types and names', () => {
    const { root, truncation } = parseBody('<p class="x">Hello <b>world</b></p>');
    expect(root).toBeInstanceOf(Fragment);
    expect(root.nodeType).toBe(FRAGMENT_NODE);
    expect(truncation).toEqual([]);
    const p = root.firstChild as Element;
    expect(p.nodeType).toBe(ELEMENT_NODE);
    expect(p.nodeName).toBe('P');
    expect(p.tagName).toBe('p');
    expect(p.getAttribute('class')).toBe('x');
    expect(p.firstChild?.nodeType).toBe(TEXT_NODE);
    expect(shape(root)).toBe('#(p("Hello ",b("world")))');
    expect(linkErrors(root)).toEqual([]);
  });

  it('parses noscript content as elements (scripting off)', () => {
    const { root } = parseBody('<div><noscript><img src="https://example.com/a.jpg" alt="A"><p>fallback</p></noscript></div>');
    const noscript = root.getElementsByTagName('noscript')[0]!;
    expect(names(noscript)).toEqual(['img', 'p']);
    expect((noscript.firstChild as Element).getAttribute('src')).toBe('https://example.com/a.jpg');
    expect(noscript.getElementsByTagName('p')[0]!.textContent).toBe('fallback');
  });

  it('drops comments, at the top level and inside elements, merging the text around them', () => {
    const { root } = parseBody('<!-- top --><p>a<!-- inner -->b</p><!-- tail -->');
    expect(shape(root)).toBe('#(p("ab"))');
    expect(root.childNodes).toHaveLength(1);
    expect(root.textContent).toBe('ab');
    expect(linkErrors(root)).toEqual([]);
  });

  it('drops a doctype', () => {
    const { root } = parseBody('<!DOCTYPE html><p>x</p>');
    expect(shape(root)).toBe('#(p("x"))');
  });

  it('keeps attribute names lower-case and values decoded', () => {
    const { root } = parseBody('<A HREF="https://example.com/?a=1&amp;b=2" Data-Src="x">t</A>');
    const a = root.firstChild as Element;
    expect(a.tagName).toBe('a');
    expect([...a.attributes]).toEqual([
      ['href', 'https://example.com/?a=1&b=2'],
      ['data-src', 'x'],
    ]);
  });

  it('keeps sibling links consistent when the parser moves nodes (misnested tags, foster parenting)', () => {
    const { root } = parseBody('<b>1<p>2</b>3</p><table><tr><td>x</td></tr>stray<tr><td>y</td></tr></table><i>a<div>b</i>c</div>');
    expect(linkErrors(root)).toEqual([]);
    expect(root.textContent).toBe('123strayxyabc');
  });

  it('reports truncation', () => {
    expect(parseBody('<p>cut <a href="https://exa').truncation).toContain('eof-in-tag');
    expect(parseBody('<p>x</p><!-- never closed').truncation).toContain('eof-in-comment');
  });
});

describe('mutations keep sibling links consistent', () => {
  function abc(): { parent: Element; a: Element; b: Element; c: Element } {
    const a = h('a');
    const b = h('b');
    const c = h('i');
    const parent = h('div', {}, [a, b, c]);
    return { parent, a, b, c };
  }

  it('appendChild and the child accessors', () => {
    const { parent, a, b, c } = abc();
    expect(parent.firstChild).toBe(a);
    expect(parent.lastChild).toBe(c);
    expect(a.previousSibling).toBeNull();
    expect(a.nextSibling).toBe(b);
    expect(c.nextSibling).toBeNull();
    expect(parent.children).toEqual([a, b, c]);
    expect(linkErrors(parent)).toEqual([]);
  });

  it('insertBefore a middle child', () => {
    const { parent, a, b } = abc();
    const d = parent.insertBefore(h('u'), b);
    expect(names(parent)).toEqual(['a', 'u', 'b', 'i']);
    expect(a.nextSibling).toBe(d);
    expect(d.previousSibling).toBe(a);
    expect(d.nextSibling).toBe(b);
    expect(b.previousSibling).toBe(d);
    expect(d.parentNode).toBe(parent);
    expect(linkErrors(parent)).toEqual([]);
  });

  it('insertBefore the first child and with a null reference (append)', () => {
    const { parent, a, c } = abc();
    const first = parent.insertBefore(new Text('t'), a);
    const last = parent.insertBefore(h('s'), null);
    expect(names(parent)).toEqual(['"t"', 'a', 'b', 'i', 's']);
    expect(parent.firstChild).toBe(first);
    expect(first.previousSibling).toBeNull();
    expect(c.nextSibling).toBe(last);
    expect(last.nextSibling).toBeNull();
    expect(linkErrors(parent)).toEqual([]);
  });

  it('insertBefore moves a node already in the same parent', () => {
    const { parent, a, b, c } = abc();
    parent.insertBefore(c, a);
    expect(names(parent)).toEqual(['i', 'a', 'b']);
    expect(parent.firstChild).toBe(c);
    expect(parent.lastChild).toBe(b);
    expect(b.nextSibling).toBeNull();
    expect(c.previousSibling).toBeNull();
    expect(linkErrors(parent)).toEqual([]);
  });

  it('insertBefore moves a node out of another parent', () => {
    const { parent, b } = abc();
    const other = h('p', {}, ['x', h('em'), 'y']);
    const em = other.childNodes[1]!;
    parent.insertBefore(em, b);
    expect(names(parent)).toEqual(['a', 'em', 'b', 'i']);
    expect(names(other)).toEqual(['"x"', '"y"']);
    expect(other.firstChild!.nextSibling).toBe(other.lastChild);
    expect(linkErrors(parent)).toEqual([]);
    expect(linkErrors(other)).toEqual([]);
  });

  it('insertBefore throws for a reference that is not a child', () => {
    const { parent } = abc();
    expect(() => parent.insertBefore(h('u'), h('q'))).toThrow(/not a child/);
  });

  it('insertBefore(node, node) leaves the tree as it was (a no-op, as in the DOM)', () => {
    const { parent, a, b, c } = abc();
    parent.insertBefore(b, b);
    expect(names(parent)).toEqual(['a', 'b', 'i']);
    expect(b.parentNode).toBe(parent);
    expect(a.nextSibling).toBe(b);
    expect(b.nextSibling).toBe(c);
    expect(linkErrors(parent)).toEqual([]);
  });

  it('replaceNode(node, node) keeps the node in place', () => {
    const { parent, b } = abc();
    replaceNode(b, b);
    expect(names(parent)).toEqual(['a', 'b', 'i']);
    expect(linkErrors(parent)).toEqual([]);
  });

  it('removeChild of the middle, first and last child', () => {
    const { parent, a, b, c } = abc();
    expect(parent.removeChild(b)).toBe(b);
    expect(a.nextSibling).toBe(c);
    expect(c.previousSibling).toBe(a);
    expect(b.parentNode).toBeNull();
    expect(b.previousSibling).toBeNull();
    expect(b.nextSibling).toBeNull();
    parent.removeChild(a);
    expect(parent.firstChild).toBe(c);
    expect(c.previousSibling).toBeNull();
    parent.removeChild(c);
    expect(parent.childNodes).toEqual([]);
    expect(parent.firstChild).toBeNull();
    expect(parent.lastChild).toBeNull();
    expect(parent.lastElementChild).toBeNull();
  });

  it('removeChild of a non-child changes nothing', () => {
    const { parent } = abc();
    const { parent: other, b: foreign } = abc();
    expect(parent.removeChild(foreign)).toBe(foreign);
    expect(foreign.parentNode).toBe(other);
    expect(names(parent)).toEqual(['a', 'b', 'i']);
    expect(linkErrors(other)).toEqual([]);
  });

  it('remove() detaches; on a detached node it does nothing', () => {
    const { parent, a } = abc();
    a.remove();
    expect(names(parent)).toEqual(['b', 'i']);
    expect(() => a.remove()).not.toThrow();
    expect(a.parentNode).toBeNull();
  });

  it('unwrap replaces an element by its children, in place', () => {
    const { root } = parseBody('<div><p>x</p><span><b>1</b>2<i>3</i></span><em>y</em></div>');
    const div = root.firstChild as Element;
    const span = div.getElementsByTagName('span')[0]!;
    unwrap(span);
    expect(shape(div)).toBe('div(p("x"),b("1"),"2",i("3"),em("y"))');
    expect(span.parentNode).toBeNull();
    expect(span.childNodes).toEqual([]);
    expect(linkErrors(root)).toEqual([]);
    expect(div.childNodes[0]!.nextSibling).toBe(div.childNodes[1]);
    expect(div.childNodes[3]!.nextSibling).toBe(div.childNodes[4]);
  });

  it('unwrap of the first and last child, and of an empty element', () => {
    const div = h('div', {}, [h('span', {}, ['a', h('b')]), 'mid', h('span', {}, [h('i'), 'z']), h('u')]);
    const [first, , last, empty] = div.childNodes as [Element, Text, Element, Element];
    unwrap(first);
    unwrap(last);
    unwrap(empty);
    expect(shape(div)).toBe('div("a",b,"mid",i,"z")');
    expect(linkErrors(div)).toEqual([]);
  });

  it('unwrap of a detached element does nothing', () => {
    const lone = h('span', {}, ['x']);
    unwrap(lone);
    expect(shape(lone)).toBe('span("x")');
  });

  it('replaceNode puts the replacement where the node was', () => {
    const { parent, a, b, c } = abc();
    const r = h('strong', {}, ['new']);
    replaceNode(b, r);
    expect(names(parent)).toEqual(['a', 'strong', 'i']);
    expect(a.nextSibling).toBe(r);
    expect(r.nextSibling).toBe(c);
    expect(c.previousSibling).toBe(r);
    expect(b.parentNode).toBeNull();
    expect(linkErrors(parent)).toEqual([]);
  });

  it('replaceNode with a node taken from elsewhere in the tree', () => {
    const { root } = parseBody('<div><p>one</p><figure><img src="a.jpg"></figure><p>two</p></div>');
    const figure = root.getElementsByTagName('figure')[0]!;
    const img = figure.firstChild as Element;
    replaceNode(figure, img);
    expect(shape(root)).toBe('#(div(p("one"),img,p("two")))');
    expect(linkErrors(root)).toEqual([]);
  });

  it('replaceNode with one of the node’s own descendants', () => {
    const { root } = parseBody('<div><a>x</a><section><p><b>keep</b></p></section><a>y</a></div>');
    const section = root.getElementsByTagName('section')[0]!;
    replaceNode(section, section.getElementsByTagName('b')[0]!);
    expect(shape(root)).toBe('#(div(a("x"),b("keep"),a("y")))');
    expect(linkErrors(root)).toEqual([]);
  });

  it('lastElementChild skips trailing text', () => {
    const div = h('div', {}, [h('a'), h('b'), 'tail']);
    expect(div.lastElementChild?.tagName).toBe('b');
  });
});

describe('reading the tree', () => {
  it('textContent concatenates descendant text in document order', () => {
    const { root } = parseBody('<div>a<p>b<b>c</b>d</p><ul><li>e</li><li>f<i>g</i></li></ul>h</div>');
    const div = root.firstChild as Element;
    expect(div.textContent).toBe('abcdefgh');
    expect(root.textContent).toBe('abcdefgh');
    expect(div.getElementsByTagName('ul')[0]!.textContent).toBe('efg');
    expect(new Text('t').textContent).toBe('t');
    expect(new Text('t').nodeValue).toBe('t');
    expect(h('br').textContent).toBe('');
  });

  it('getElementsByTagName finds descendants in document order, not the element itself', () => {
    // Built by hand: the HTML parser would not nest a <div> inside a <p>.
    const outer = h('div', { id: 'o' }, [h('p', { id: '1' }, [h('div', { id: 'i' }, [h('p', { id: '2' })])]), h('p', { id: '3' })]);
    const root = new Fragment();
    root.appendChild(outer);
    expect(root.getElementsByTagName('div').map((e) => e.getAttribute('id'))).toEqual(['o', 'i']);
    expect(outer.getElementsByTagName('div').map((e) => e.getAttribute('id'))).toEqual(['i']);
    expect(outer.getElementsByTagName('P').map((e) => e.getAttribute('id'))).toEqual(['1', '2', '3']);
    expect(outer.getElementsByTagName('*')).toHaveLength(4);
    expect(outer.getElementsByTagName('span')).toEqual([]);
  });

  it('descendants and elements walk in document order; nextSkippingChildren skips a subtree', () => {
    const { root } = parseBody('<div><p>a<b>b</b></p><p>c</p></div><i>d</i>');
    expect([...descendants(root)].map((n) => (n instanceof Text ? n.data : n.nodeName))).toEqual([
      'DIV',
      'P',
      'a',
      'B',
      'b',
      'P',
      'c',
      'I',
      'd',
    ]);
    expect([...elements(root)].map((e) => e.tagName)).toEqual(['div', 'p', 'b', 'p', 'i']);
    const firstP = root.getElementsByTagName('p')[0]!;
    expect((nextSkippingChildren(firstP, root) as Element).textContent).toBe('c');
    const lastText = root.getElementsByTagName('i')[0]!.firstChild!;
    expect(nextSkippingChildren(lastText, root)).toBeNull();
    // Inside a subtree root, the walk stops at the subtree's end.
    const div = root.firstChild as Element;
    expect(nextSkippingChildren(div.lastChild!, div)).toBeNull();
  });

  it('isElement checks the type and, optionally, the tag', () => {
    const p = h('p');
    expect(isElement(p)).toBe(true);
    expect(isElement(p, 'p')).toBe(true);
    expect(isElement(p, 'div')).toBe(false);
    expect(isElement(new Text('x'))).toBe(false);
    expect(isElement(null)).toBe(false);
  });

  it('classList splits on HTML white space', () => {
    expect(h('p', { class: ' a\tb\n c  ' }).classList).toEqual(['a', 'b', 'c']);
    expect(h('p').classList).toEqual([]);
  });
});

describe('cloneNode', () => {
  it('a deep clone is equal in shape and attributes and fully independent', () => {
    const { root } = parseBody('<div class="x"><p id="p">one <b>two</b></p><img src="a.jpg">three</div>');
    const original = root.firstChild as Element;
    const copy = original.cloneNode(true);
    expect(shape(copy)).toBe(shape(original));
    expect(copy).not.toBe(original);
    expect(copy.parentNode).toBeNull();
    expect(copy.previousSibling).toBeNull();
    expect(copy.nextSibling).toBeNull();
    expect(linkErrors(copy)).toEqual([]);

    // No node is shared.
    const originals = new Set<unknown>(descendants(original));
    for (const node of descendants(copy)) expect(originals.has(node)).toBe(false);

    // Changing the copy leaves the original alone.
    copy.setAttribute('class', 'changed');
    copy.getElementsByTagName('img')[0]!.setAttribute('src', 'b.jpg');
    (copy.getElementsByTagName('b')[0]!.firstChild as Text).data = 'TWO';
    copy.getElementsByTagName('p')[0]!.remove();
    copy.appendChild(h('hr'));
    expect(original.getAttribute('class')).toBe('x');
    expect(original.getElementsByTagName('img')[0]!.getAttribute('src')).toBe('a.jpg');
    expect(original.textContent).toBe('one twothree');
    expect(shape(original)).toBe('div(p("one ",b("two")),img,"three")');
    expect(linkErrors(original)).toEqual([]);

    // And the other way round.
    original.removeAttribute('class');
    expect(copy.getAttribute('class')).toBe('changed');
  });

  it('a shallow clone copies attributes but no children', () => {
    const el = h('a', { href: 'x' }, ['text']);
    const copy = el.cloneNode();
    expect(copy.childNodes).toEqual([]);
    expect(copy.getAttribute('href')).toBe('x');
    copy.setAttribute('href', 'y');
    expect(el.getAttribute('href')).toBe('x');
  });

  it('clones a fragment deeply', () => {
    const { root } = parseBody('<p>a</p><p>b</p>');
    const copy = root.cloneNode(true);
    expect(copy).toBeInstanceOf(Fragment);
    expect(shape(copy)).toBe('#(p("a"),p("b"))');
    (copy.firstChild as Element).remove();
    expect(shape(root)).toBe('#(p("a"),p("b"))');
  });
});

describe('deep nesting (iterative walks)', () => {
  const DEPTH = 100_000;

  function deepTree(): { root: Fragment; deepest: Element } {
    const root = new Fragment();
    let parent: ParentNode = root;
    for (let i = 0; i < DEPTH; i++) {
      const div: Element = new Element('div', [['data-i', String(i)]]);
      parent.appendChild(div);
      parent = div;
    }
    (parent as Element).appendChild(new Text('bottom'));
    return { root, deepest: parent as Element };
  }

  it(`walks, reads, selects and clones a ${DEPTH}-deep tree without overflowing the stack`, () => {
    const { root, deepest } = deepTree();
    expect(root.textContent).toBe('bottom');
    expect(root.getElementsByTagName('div')).toHaveLength(DEPTH);
    let count = 0;
    for (const _node of descendants(root)) count++;
    expect(count).toBe(DEPTH + 1);
    expect(selectAll(root, '[data-i$="99999"]').map((e) => e.getAttribute('data-i'))).toEqual(['99999']);
    expect(closest(deepest, '[data-i="0"]')).toBe(root.firstChild);
    expect(closest(deepest, 'section')).toBeNull();

    const copy = root.cloneNode(true);
    expect(copy.getElementsByTagName('div')).toHaveLength(DEPTH);
    expect(copy.textContent).toBe('bottom');
    expect(copy.getElementsByTagName('div')[DEPTH - 1]).not.toBe(deepest);
  });

  it('unwraps a level of a deep tree and keeps it consistent', () => {
    const { root, deepest } = deepTree();
    const middle = root.getElementsByTagName('div')[DEPTH / 2]!;
    unwrap(middle);
    expect(root.getElementsByTagName('div')).toHaveLength(DEPTH - 1);
    expect(root.textContent).toBe('bottom');
    expect(linkErrors(root)).toEqual([]);
    expect(closest(deepest, '[data-i="0"]')).toBe(root.firstChild);
  });

  it('parses a 20000-deep <div> string', () => {
    const depth = 20_000;
    const { root } = parseBody(`${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}`);
    const divs = root.getElementsByTagName('div');
    expect(divs).toHaveLength(depth);
    expect(root.textContent).toBe('deep');
    expect(divs[depth - 1]!.firstChild).toBeInstanceOf(Text);
    expect(divs[depth - 1]!.parentNode).toBe(divs[depth - 2]);
    expect(linkErrors(root)).toEqual([]);
  });
});

describe('attributes at scale', () => {
  it('parses and cleans an element with 200,000 distinct attributes, keeping what the sanitizer allows', async () => {
    const { normalize } = await import('../../src/index.js');
    const attrs = Array.from({ length: 200_000 }, (_, i) => `a${i}="v"`).join(' ');
    const [item] = normalize(`<p>before</p><img ${attrs} src="https://x.example/i.png" alt="kept"><p>after</p>`);
    expect(item!.html).toContain('<img src="https://x.example/i.png" alt="kept">');
  });
});
