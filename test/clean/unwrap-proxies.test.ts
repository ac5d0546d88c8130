import { describe, expect, it } from 'vitest';
import { cleanContext } from '../../src/clean/index.js';
import { runStages } from '../../src/clean/run-stages.js';
import type { CleanContext } from '../../src/clean/stage.js';
import { mapSrcset, parseSrcset, unwrapProxiesStage, unwrapProxyUrl } from '../../src/clean/unwrap-proxies.js';
import { builtInPacks } from '../../src/rules/index.js';
import { compilePack } from '../../src/rules/compile-pack.js';
import type { RulePack } from '../../src/rules/types.js';
import type { Element, Fragment } from '../../src/tree/dom.js';
import { parseBody } from '../../src/tree/parse.js';
import { selectAll } from '../../src/tree/select.js';

const generic = builtInPacks.find((p) => p.id === 'generic')!;
const proxies = generic.proxies!;
const unwrap = (url: string): string | null => unwrapProxyUrl(url, proxies);

const ORIGINAL = 'https://static.dw.com/a.jpg';

describe('unwrapProxyUrl: weserv', () => {
  it.each([
    ['https with a slash before the query', 'https://images.weserv.nl/?url=static.dw.com/a.jpg'],
    ['no slash before the query', 'https://images.weserv.nl?url=static.dw.com/a.jpg'],
    ['http', 'http://images.weserv.nl/?url=static.dw.com/a.jpg'],
    ['protocol-relative', '//images.weserv.nl/?url=static.dw.com/a.jpg'],
    ['no scheme at all', 'images.weserv.nl/?url=static.dw.com/a.jpg'],
    ['the wsrv.nl host', 'https://wsrv.nl/?url=static.dw.com/a.jpg'],
    ['the images.wsrv.nl host', 'https://images.wsrv.nl/?url=static.dw.com/a.jpg'],
    ['an upper-case host and parameter', 'https://IMAGES.WESERV.NL/?URL=static.dw.com/a.jpg'],
    ['an ssl: prefix', 'https://images.weserv.nl/?url=ssl:static.dw.com/a.jpg'],
    ['an ssl:// prefix', 'https://images.weserv.nl/?url=ssl://static.dw.com/a.jpg'],
    ['a full https URL', 'https://images.weserv.nl/?url=https://static.dw.com/a.jpg'],
    ['a protocol-relative original', 'https://images.weserv.nl/?url=//static.dw.com/a.jpg'],
    ['a percent-encoded original', 'https://images.weserv.nl/?url=https%3A%2F%2Fstatic.dw.com%2Fa.jpg'],
    ['a percent-encoded ssl: original', 'https://images.weserv.nl/?url=ssl%3Astatic.dw.com%2Fa.jpg'],
    ['a percent-encoded scheme-less original', 'https://images.weserv.nl/?url=static.dw.com%2Fa.jpg'],
    ['surrounding white space', '  https://images.weserv.nl/?url=static.dw.com/a.jpg \n'],
    ['a fragment after the query', 'https://images.weserv.nl/?url=static.dw.com/a.jpg#top'],
  ])('%s', (_label, url) => {
    expect(unwrap(url)).toBe(ORIGINAL);
  });

  it('keeps http when the original says http', () => {
    expect(unwrap('https://images.weserv.nl/?url=http://static.dw.com/a.jpg')).toBe('http://static.dw.com/a.jpg');
  });

  it('drops the proxy’s own parameters before and after url=', () => {
    expect(unwrap('https://images.weserv.nl/?w=800&url=static.dw.com/a.jpg&h=600')).toBe(ORIGINAL);
    expect(unwrap('https://images.weserv.nl/?url=static.dw.com/a.jpg&w=800&h=600&fit=cover&output=webp')).toBe(ORIGINAL);
    expect(unwrap('https://wsrv.nl/?w=800&h=600&url=ssl:static.dw.com/a.jpg&q=80&af')).toBe(ORIGINAL);
    expect(unwrap('https://images.weserv.nl/?url=static.dw.com/a.jpg&errorredirect=example.com/e.png')).toBe(ORIGINAL);
  });

  it('keeps the original URL’s own query when its parameters are not the proxy’s', () => {
    expect(unwrap('https://images.weserv.nl/?url=static.dw.com/a.jpg?x=1&y=2')).toBe('https://static.dw.com/a.jpg?x=1&y=2');
    expect(unwrap('https://images.weserv.nl/?url=static.dw.com/a.jpg?x=1&y=2&w=800')).toBe('https://static.dw.com/a.jpg?x=1&y=2');
  });

  it('does not decode a partly encoded path', () => {
    expect(unwrap('https://images.weserv.nl/?url=static.dw.com/a%20b.jpg')).toBe('https://static.dw.com/a%20b.jpg');
  });

  it('gives null when the proxy URL carries no original', () => {
    expect(unwrap('https://images.weserv.nl/')).toBeNull();
    expect(unwrap('https://images.weserv.nl/?w=800')).toBeNull();
    expect(unwrap('https://images.weserv.nl/?url=')).toBeNull();
    expect(unwrap('https://images.weserv.nl/?url=&w=800')).toBeNull();
  });

  it('does not mistake a parameter ending in "url" for url=', () => {
    expect(unwrap('https://images.weserv.nl/?myurl=static.dw.com/a.jpg')).toBeNull();
  });

  it('refuses originals that are not http(s)', () => {
    expect(unwrap('https://images.weserv.nl/?url=javascript:alert(1)')).toBeNull();
    expect(unwrap('https://images.weserv.nl/?url=ftp://static.dw.com/a.jpg')).toBeNull();
    expect(unwrap('https://images.weserv.nl/?url=data:image/png;base64,AAAA')).toBeNull();
  });
});

describe('unwrapProxyUrl: Photon and nesting', () => {
  it('takes the path of a Photon URL and drops its query', () => {
    expect(unwrap('https://i0.wp.com/example.com/a.jpg?w=800')).toBe('https://example.com/a.jpg');
    expect(unwrap('https://i2.wp.com/example.com/wp-content/uploads/2020/07/a.jpg?resize=640%2C480&ssl=1')).toBe(
      'https://example.com/wp-content/uploads/2020/07/a.jpg',
    );
    expect(unwrap('//i1.wp.com/example.com/a.jpg')).toBe('https://example.com/a.jpg');
  });

  it('gives null for a Photon URL with no path', () => {
    expect(unwrap('https://i0.wp.com/')).toBeNull();
    expect(unwrap('https://i0.wp.com')).toBeNull();
  });

  it('unwraps a proxy of a proxy', () => {
    expect(unwrap('https://images.weserv.nl/?url=i0.wp.com/example.com/a.jpg')).toBe('https://example.com/a.jpg');
    expect(unwrap('https://wsrv.nl/?url=https%3A%2F%2Fimages.weserv.nl%2F%3Furl%3Dexample.com%2Fa.jpg')).toBe('https://example.com/a.jpg');
    expect(unwrap('https://images.weserv.nl/?url=ssl:i0.wp.com/example.com/a.jpg&w=800')).toBe('https://example.com/a.jpg');
  });
});

describe('unwrapProxyUrl: not a proxy', () => {
  it.each([
    ['an ordinary image', 'https://static.dw.com/a.jpg'],
    ['an ordinary page with url=', 'https://example.com/?url=static.dw.com/a.jpg'],
    ['a look-alike host', 'https://images.weserv.nl.evil.example/?url=static.dw.com/a.jpg'],
    ['a subdomain of the proxy', 'https://cdn.images.weserv.nl/?url=static.dw.com/a.jpg'],
    ['a proxy host in the path', 'https://example.com/images.weserv.nl/?url=static.dw.com/a.jpg'],
    ['another wp.com host', 'https://s0.wp.com/example.com/a.jpg'],
    ['a data URL', 'data:image/gif;base64,R0lGODlhAQABAAAAACw='],
    ['a relative path', '/img/a.jpg'],
    ['empty', ''],
  ])('%s gives null', (_label, url) => {
    expect(unwrap(url)).toBeNull();
  });

  it('gives null when no proxies are configured', () => {
    expect(unwrapProxyUrl('https://images.weserv.nl/?url=static.dw.com/a.jpg', [])).toBeNull();
  });
});

describe('parseSrcset / mapSrcset', () => {
  it('splits candidates and keeps their descriptors', () => {
    expect(parseSrcset('a.jpg 1x, b.jpg 2x')).toEqual([
      { url: 'a.jpg', descriptor: '1x' },
      { url: 'b.jpg', descriptor: '2x' },
    ]);
    expect(parseSrcset('  a.jpg   400w ,b.jpg 800w  ')).toEqual([
      { url: 'a.jpg', descriptor: '400w' },
      { url: 'b.jpg', descriptor: '800w' },
    ]);
  });

  it('takes a candidate without descriptor', () => {
    expect(parseSrcset('a.jpg')).toEqual([{ url: 'a.jpg', descriptor: '' }]);
    expect(parseSrcset('a.jpg, b.jpg 2x')).toEqual([
      { url: 'a.jpg', descriptor: '' },
      { url: 'b.jpg', descriptor: '2x' },
    ]);
  });

  it('takes a comma with no white space after it as part of the URL, as the HTML spec does', () => {
    expect(parseSrcset('a.jpg,b.jpg 2x')).toEqual([{ url: 'a.jpg,b.jpg', descriptor: '2x' }]);
  });

  it('keeps commas inside URLs', () => {
    expect(
      parseSrcset('https://res.example.com/upload/w_400,h_300/a.jpg 400w, https://res.example.com/upload/w_800,h_600/a.jpg 800w'),
    ).toEqual([
      { url: 'https://res.example.com/upload/w_400,h_300/a.jpg', descriptor: '400w' },
      { url: 'https://res.example.com/upload/w_800,h_600/a.jpg', descriptor: '800w' },
    ]);
  });

  it('gives nothing for an empty or comma-only srcset', () => {
    expect(parseSrcset('')).toEqual([]);
    expect(parseSrcset(' , , ')).toEqual([]);
  });

  it('maps every URL and keeps descriptors', () => {
    expect(mapSrcset('a.jpg 1x, b.jpg 2x', (u) => `https://cdn.example/${u}`)).toBe(
      'https://cdn.example/a.jpg 1x, https://cdn.example/b.jpg 2x',
    );
    expect(mapSrcset('a.jpg 1x,b.jpg 2x', (u) => u.toUpperCase())).toBe('A.JPG 1x, B.JPG 2x');
    expect(mapSrcset('a.jpg, b.jpg', (u) => u.toUpperCase())).toBe('A.JPG, B.JPG');
  });

  it('unwraps proxies inside a srcset', () => {
    const srcset =
      'https://images.weserv.nl/?url=static.dw.com/a,1.jpg&w=400 400w, https://images.weserv.nl/?url=static.dw.com/b.jpg&w=800 800w, https://example.com/c.jpg 1200w';
    expect(mapSrcset(srcset, (u) => unwrap(u) ?? u)).toBe(
      'https://static.dw.com/a,1.jpg 400w, https://static.dw.com/b.jpg 800w, https://example.com/c.jpg 1200w',
    );
  });
});

function context(packs: readonly RulePack[], keepProxies = false): CleanContext {
  return cleanContext({ body: null as never, itemUrl: 'https://www.dw.com/en/a-1', title: null, packs, timeZone: 'UTC', keepProxies });
}

/** The proxy stage alone, through the runner. */
function unwrapProxies(root: Fragment, ctx: CleanContext): void {
  runStages(root, [unwrapProxiesStage], ctx);
}

const HTML = [
  '<p><img id="i1" src="https://images.weserv.nl/?url=static.dw.com/a.jpg"',
  ' srcset="https://images.weserv.nl/?url=static.dw.com/a.jpg&amp;w=400 400w, //wsrv.nl/?url=ssl:static.dw.com/b.jpg&amp;w=800 800w"></p>',
  '<video id="v1" poster="https://images.weserv.nl/?url=static.dw.com/poster.jpg&amp;w=1280" src="https://example.com/v.mp4"></video>',
  '<img id="i2" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="https://wsrv.nl/?url=static.dw.com/lazy.jpg"',
  ' data-srcset="https://images.weserv.nl/?url=static.dw.com/lazy2.jpg 2x">',
  '<a id="a1" href="https://i0.wp.com/example.com/big.jpg?w=1600">full size</a>',
  '<noscript><img id="i3" src="images.weserv.nl/?url=static.dw.com/ns.jpg"></noscript>',
  '<img id="i4" src="https://example.com/plain.jpg" srcset="https://example.com/plain.jpg 1x">',
].join('');

function byId(root: ReturnType<typeof parseBody>['root'], id: string): Element {
  const [el] = selectAll(root, `#${id}`);
  if (!el) throw new Error(`no #${id}`);
  return el;
}

describe('unwrapProxies (cleaner)', () => {
  it('unwraps src, srcset, poster, data-src, data-srcset and href, including noscript content', () => {
    const { root } = parseBody(HTML);
    const ctx = context([generic]);
    unwrapProxies(root, ctx);
    expect(byId(root, 'i1').getAttribute('src')).toBe('https://static.dw.com/a.jpg');
    expect(byId(root, 'i1').getAttribute('srcset')).toBe('https://static.dw.com/a.jpg 400w, https://static.dw.com/b.jpg 800w');
    expect(byId(root, 'v1').getAttribute('poster')).toBe('https://static.dw.com/poster.jpg');
    expect(byId(root, 'v1').getAttribute('src')).toBe('https://example.com/v.mp4');
    expect(byId(root, 'i2').getAttribute('data-src')).toBe('https://static.dw.com/lazy.jpg');
    expect(byId(root, 'i2').getAttribute('src')).toBe('data:image/gif;base64,R0lGODlhAQABAAAAACw=');
    expect(byId(root, 'i2').getAttribute('data-srcset')).toBe('https://static.dw.com/lazy2.jpg 2x');
    expect(byId(root, 'a1').getAttribute('href')).toBe('https://example.com/big.jpg');
    expect(byId(root, 'i3').getAttribute('src')).toBe('https://static.dw.com/ns.jpg');
    expect(byId(root, 'i4').getAttribute('src')).toBe('https://example.com/plain.jpg');
    expect(byId(root, 'i4').getAttribute('srcset')).toBe('https://example.com/plain.jpg 1x');
    expect(ctx.report.fired).toEqual(['weserv', 'photon']);
    expect(ctx.report.via).toBeNull();
  });

  it('leaves no proxy host anywhere in the tree', () => {
    const { root } = parseBody(HTML);
    unwrapProxies(root, context([generic]));
    const values = selectAll(root, '*').flatMap((el) => [...el.attributes].map(([, value]) => value));
    expect(values.join(' ')).not.toMatch(/weserv|wsrv|wp\.com/);
  });

  it('leaves everything alone with keepProxies', () => {
    const { root } = parseBody(HTML);
    const before = selectAll(root, '*').map((el) => [...el.attributes]);
    const ctx = context([generic], true);
    unwrapProxies(root, ctx);
    expect(selectAll(root, '*').map((el) => [...el.attributes])).toEqual(before);
    expect(byId(root, 'i1').getAttribute('src')).toBe('https://images.weserv.nl/?url=static.dw.com/a.jpg');
    expect(ctx.report.fired).toEqual([]);
  });

  it('records nothing when there is no proxy', () => {
    const { root } = parseBody(
      '<p><img src="https://example.com/a.jpg" srcset="https://example.com/a.jpg 1x"><a href="https://example.com/">x</a></p>',
    );
    const ctx = context([generic]);
    unwrapProxies(root, ctx);
    expect(ctx.report.fired).toEqual([]);
    expect(selectAll(root, 'img')[0]!.getAttribute('srcset')).toBe('https://example.com/a.jpg 1x');
  });

  it('uses only the proxies of the packs it is given', () => {
    const { root } = parseBody('<img src="https://images.weserv.nl/?url=static.dw.com/a.jpg">');
    const ctx = context([{ id: 'bare', kind: 'generic' }]);
    unwrapProxies(root, ctx);
    expect(selectAll(root, 'img')[0]!.getAttribute('src')).toBe('https://images.weserv.nl/?url=static.dw.com/a.jpg');
    expect(ctx.report.fired).toEqual([]);
  });

  it('names a mirror pack whose proxy fired', () => {
    const mirror = compilePack(
      { id: 'm', kind: 'mirror', name: 'mirror.example', proxies: [{ id: 'mp', hosts: ['img.mirror.example'], form: 'path' }] },
      '',
      'test',
    );
    const { root } = parseBody('<img src="https://img.mirror.example/static.dw.com/a.jpg">');
    const ctx = context([generic, mirror]);
    unwrapProxies(root, ctx);
    expect(selectAll(root, 'img')[0]!.getAttribute('src')).toBe('https://static.dw.com/a.jpg');
    expect(ctx.report.via).toBe('mirror.example');
  });
});
