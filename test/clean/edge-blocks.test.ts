import { describe, expect, it } from 'vitest';
import { forEachEdgeBlock, linkShare, takeAtEdge } from '../../src/clean/edge-blocks.js';
import { parseBody } from '../../src/tree/parse.js';
import { outline } from '../support/clean.js';

const tree = (html: string) => parseBody(html).root;
const texts = (html: string, fromEnd: boolean, limit = 24) => {
  const seen: string[] = [];
  forEachEdgeBlock(tree(html), fromEnd, limit, (block, text) => {
    seen.push(`${block.tagName}:${text}`);
    return true;
  });
  return seen;
};

describe('forEachEdgeBlock', () => {
  const body =
    '<div><p> a  one </p><div><p>two</p><p> </p><figure><img src="x.jpg"><figcaption>cap</figcaption></figure></div></div><p>three</p>';

  it('reads the leaf blocks that show something, through wrappers, from either end, with their normalized text', () => {
    expect(texts(body, false)).toEqual(['p:a one', 'p:two', 'figure:cap', 'p:three']);
    expect(texts(body, true)).toEqual(['p:three', 'figure:cap', 'p:two', 'p:a one']);
  });

  it('stops at the limit, or when the visitor says so, and reads no further', () => {
    expect(texts(body, true, 2)).toEqual(['p:three', 'figure:cap']);
    const seen: string[] = [];
    forEachEdgeBlock(tree(body), false, 24, (_block, text) => (seen.push(text), seen.length < 2));
    expect(seen).toEqual(['a one', 'two']);
  });

  it('goes on past a block the visitor removes', () => {
    const root = tree(body);
    const seen: string[] = [];
    forEachEdgeBlock(root, true, 24, (block, text) => {
      seen.push(text);
      if (text === 'three' || text === 'two') block.remove();
      return true;
    });
    expect(seen).toEqual(['three', 'cap', 'two', 'a one']);
    expect(outline(root)).not.toContain('three');
    expect(outline(root)).not.toContain('two');
  });
});

describe('takeAtEdge', () => {
  it('passes over `patience` blocks it does not take, figures and taken blocks for free', () => {
    const root = tree('<p>keep 1</p><p>keep 2</p><p>x</p><figure><img src="a.jpg"></figure><p>x</p><p>x</p>');
    takeAtEdge(root, true, 2, (block, text) => text === 'x' && (block.remove(), true));
    expect(outline(root)).toBe('<p>keep 1</p><p>keep 2</p><figure><img src="a.jpg"></figure>');
    const again = tree('<p>x</p><p>keep</p><p>x</p>');
    takeAtEdge(again, true, 1, (block, text) => text === 'x' && (block.remove(), true));
    expect(outline(again)).toBe('<p>x</p><p>keep</p>');
  });
});

describe('linkShare', () => {
  it('is the share of the text inside links', () => {
    const root = tree('<p>ab <a href="/t">cd</a> <a href="/u">ef</a></p>');
    const p = root.firstChild as Parameters<typeof linkShare>[0];
    expect(linkShare(p, 'ab cd ef')).toBeCloseTo(4 / 8);
    expect(linkShare(p, '')).toBe(0);
  });
});
