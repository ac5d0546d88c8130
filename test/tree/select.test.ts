import { describe, expect, it } from 'vitest';
import { Element, type Fragment } from '../../src/tree/dom.js';
import { parseBody } from '../../src/tree/parse.js';
import { closest, compileSelector, matches, selectAll } from '../../src/tree/select.js';

const HTML = [
  '<div id="main" class="article  body">',
  '<p id="p1" class="lead">Lead</p>',
  '<div class="bbccom_slot ad">slot</div>',
  '<span class="off-screen">hidden</span>',
  '<a id="a1" rel="ArticleRef" href="https://api.dw.com/api/detail/article/123">Related</a>',
  '<a id="a2" rel="nofollow noopener" href="https://example.com/page.html">Other</a>',
  '<a id="a3" href="/relative.jpg">Rel</a>',
  '<figure data-playable=\'{"url":"x"}\'><img id="img1" src="https://static.dw.com/a.jpg" alt="A"></figure>',
  '<p id="p2" class="lead extra" title="a b c">Second</p>',
  '</div>',
  '<section id="tail"><p id="p3">Tail</p></section>',
].join('');

function tree(): Fragment {
  return parseBody(HTML).root;
}

/** Ids (or tag names, for elements without id) of what a selector finds. */
function ids(root: Fragment, selector: string): string[] {
  return selectAll(root, selector).map((el) => el.getAttribute('id') ?? el.tagName);
}

describe('selectAll: simple selectors', () => {
  const root = tree();

  it('by tag, in document order', () => {
    expect(ids(root, 'p')).toEqual(['p1', 'p2', 'p3']);
    expect(ids(root, 'a')).toEqual(['a1', 'a2', 'a3']);
  });

  it('by tag, case-insensitively', () => {
    expect(ids(root, 'P')).toEqual(['p1', 'p2', 'p3']);
  });

  it('by class', () => {
    expect(ids(root, '.lead')).toEqual(['p1', 'p2']);
    expect(ids(root, '.off-screen')).toEqual(['span']);
    expect(ids(root, '.bbccom_slot')).toEqual(['div']);
  });

  it('by class within a class list separated by several spaces', () => {
    expect(ids(root, '.body')).toEqual(['main']);
    expect(ids(root, '.article')).toEqual(['main']);
  });

  it('by several classes (all must be present)', () => {
    expect(ids(root, '.lead.extra')).toEqual(['p2']);
    expect(ids(root, 'p.extra.lead')).toEqual(['p2']);
    expect(ids(root, '.lead.missing')).toEqual([]);
  });

  it('does not match a class by prefix or case', () => {
    expect(ids(root, '.lea')).toEqual([]);
    expect(ids(root, '.Lead')).toEqual([]);
  });

  it('by id', () => {
    expect(ids(root, '#main')).toEqual(['main']);
    expect(ids(root, 'div#main')).toEqual(['main']);
    expect(ids(root, 'p#main')).toEqual([]);
    expect(ids(root, '#mai')).toEqual([]);
  });

  it('the universal selector', () => {
    const all = selectAll(root, '*');
    expect(all.map((el) => el.tagName)).toEqual(['div', 'p', 'div', 'span', 'a', 'a', 'a', 'figure', 'img', 'p', 'section', 'p']);
    expect(ids(root, '*.lead')).toEqual(['p1', 'p2']);
  });
});

describe('selectAll: attribute selectors', () => {
  const root = tree();

  it('[attr] presence', () => {
    expect(ids(root, '[data-playable]')).toEqual(['figure']);
    expect(ids(root, '[rel]')).toEqual(['a1', 'a2']);
    expect(ids(root, 'a[href]')).toEqual(['a1', 'a2', 'a3']);
  });

  it('[attr=value], exact and case-sensitive', () => {
    expect(ids(root, 'a[rel=ArticleRef]')).toEqual(['a1']);
    expect(ids(root, 'a[rel=articleref]')).toEqual([]);
    expect(ids(root, '[rel=nofollow]')).toEqual([]);
  });

  it('attribute names are case-insensitive', () => {
    expect(ids(root, 'a[REL=ArticleRef]')).toEqual(['a1']);
  });

  it('[attr~=word]', () => {
    expect(ids(root, '[rel~=nofollow]')).toEqual(['a2']);
    expect(ids(root, '[rel~=noopener]')).toEqual(['a2']);
    expect(ids(root, '[rel~=noop]')).toEqual([]);
    expect(ids(root, '[title~=b]')).toEqual(['p2']);
  });

  it('[attr^=prefix], [attr$=suffix], [attr*=part]', () => {
    expect(ids(root, '[href^=https]')).toEqual(['a1', 'a2']);
    expect(ids(root, '[href^="https://api.dw.com/"]')).toEqual(['a1']);
    expect(ids(root, '[href$=".html"]')).toEqual(['a2']);
    expect(ids(root, "[src$='.jpg']")).toEqual(['img1']);
    expect(ids(root, '[href*=dw.com]')).toEqual(['a1']);
    expect(ids(root, '[href*="/article/"]')).toEqual(['a1']);
    expect(ids(root, '[href*=nowhere]')).toEqual([]);
  });

  it('quoted values may hold spaces and brackets', () => {
    expect(ids(root, '[title="a b c"]')).toEqual(['p2']);
    expect(ids(root, "[title='a b c']")).toEqual(['p2']);
    expect(ids(root, '[data-playable=\'{"url":"x"}\']')).toEqual(['figure']);
    expect(ids(root, '[title="a b"]')).toEqual([]);
  });

  it('spaces inside the brackets are allowed', () => {
    expect(ids(root, '[ rel = ArticleRef ]')).toEqual(['a1']);
  });

  it('compounds of tag, class and attribute', () => {
    expect(ids(root, 'p.lead[title]')).toEqual(['p2']);
    expect(ids(root, 'a[rel][href$=".html"]')).toEqual(['a2']);
  });
});

describe('selector lists', () => {
  const root = tree();

  it('match any member and keep document order', () => {
    expect(ids(root, 'section, #p1, img')).toEqual(['p1', 'img1', 'tail']);
    expect(ids(root, 'span.off-screen,div.bbccom_slot')).toEqual(['div', 'span']);
  });

  it('report each element once even when several members match', () => {
    expect(ids(root, '.lead, p, #p1')).toEqual(['p1', 'p2', 'p3']);
  });
});

describe('compileSelector errors', () => {
  it.each([
    ['a descendant combinator', 'div p'],
    ['a child combinator', 'div > p'],
    ['an adjacent-sibling combinator', 'div + p'],
    ['a general-sibling combinator', 'div ~ p'],
    ['a child combinator without spaces', 'div>p'],
    ['a pseudo-class', 'a:hover'],
    ['an unterminated attribute', '[href'],
  ])('refuses %s', (_label, selector) => {
    expect(() => compileSelector(selector)).toThrow(/unsupported selector/);
  });

  it('refuses empty selectors and empty list members', () => {
    expect(() => compileSelector('')).toThrow(/empty selector/);
    expect(() => compileSelector('p,')).toThrow(/empty selector/);
    expect(() => compileSelector('p, , a')).toThrow(/empty selector/);
  });

  it('refuses combinators in selectAll and matches too', () => {
    const root = tree();
    expect(() => selectAll(root, 'div p')).toThrow();
    expect(() => matches(selectAll(root, 'p')[0]!, 'div > p')).toThrow();
  });

  it('keeps refusing on a second attempt (errors are not cached as selectors)', () => {
    expect(() => compileSelector('div p')).toThrow();
    expect(() => compileSelector('div p')).toThrow();
  });

  it('compiles a list into one compound per member', () => {
    expect(compileSelector('a, p.x, [y]')).toHaveLength(3);
  });
});

describe('matches and closest', () => {
  const root = tree();
  const img = selectAll(root, '#img1')[0]!;

  it('matches tests one element', () => {
    expect(matches(img, 'img')).toBe(true);
    expect(matches(img, 'figure')).toBe(false);
    expect(matches(img, compileSelector('[alt=A]'))).toBe(true);
  });

  it('closest finds the element itself first', () => {
    expect(closest(img, 'img')).toBe(img);
  });

  it('closest finds the nearest matching ancestor', () => {
    expect(closest(img, '[data-playable]')?.tagName).toBe('figure');
    expect(closest(img, 'div')?.getAttribute('id')).toBe('main');
    expect(closest(img, '.article, figure')?.tagName).toBe('figure');
  });

  it('closest gives null when nothing up to the root matches', () => {
    expect(closest(img, 'section')).toBeNull();
    expect(closest(img, 'p')).toBeNull();
  });

  it('closest works on a detached element', () => {
    const lone = new Element('span', [['class', 'x']]);
    expect(closest(lone, '.x')).toBe(lone);
    expect(closest(lone, 'div')).toBeNull();
  });
});

describe('selectAll is a snapshot', () => {
  it('can be mutated while iterating', () => {
    const root = tree();
    const found = selectAll(root, 'p, div');
    for (const el of found) el.remove();
    expect(found.map((el) => el.getAttribute('id') ?? el.tagName)).toEqual(['main', 'p1', 'div', 'p2', 'p3']);
    expect(selectAll(root, '*').map((el) => el.tagName)).toEqual(['section']);
  });

  it('searches below the root only', () => {
    const root = tree();
    const main = selectAll(root, '#main')[0]!;
    expect(selectAll(main, 'div').map((el) => el.getAttribute('class'))).toEqual(['bbccom_slot ad']);
  });
});
