/**
 * Image proxies → original URLs, wherever an image URL appears (src, srcset, poster, lazy-load
 * attributes, links). The proxies themselves are rule-pack data.
 */
import type { ProxyRule, RulePack } from '../rules/types.js';
import { Element, nextInOrder, type DomNode, type Fragment } from '../tree/dom.js';
import { fired, type CleanContext } from './context.js';

const URL_ATTRIBUTES = new Set(['src', 'poster', 'href', 'data-src', 'data-original', 'data-lazy-src', 'data-url']);
const SRCSET_ATTRIBUTES = new Set(['srcset', 'data-srcset']);
const PROXY_URL = /^(?:(?:https?:)?\/\/)?([^/?#\s]+)(\/[^?#]*)?(?:\?([^#]*))?/i;

/** The original URL behind a proxy URL, or null when `raw` is not a proxy URL. */
export function unwrapProxyUrl(raw: string, proxies: readonly ProxyRule[], used?: Set<string>): string | null {
  let current = raw.trim();
  let changed = false;
  // Proxies can be nested (a proxy of a proxy); three levels is more than any real URL has.
  for (let depth = 0; depth < 3; depth++) {
    const next = unwrapOnce(current, proxies, used);
    if (next === null) break;
    current = next;
    changed = true;
  }
  return changed ? current : null;
}

/** One level of proxy removed; the rule that did it is added to `used`. */
function unwrapOnce(raw: string, proxies: readonly ProxyRule[], used?: Set<string>): string | null {
  const m = PROXY_URL.exec(raw);
  if (!m) return null;
  const host = m[1]!.toLowerCase();
  const rule = proxies.find((p) => p.hosts.includes(host));
  if (!rule) return null;
  let inner: string | null;
  if (rule.form === 'path') inner = (m[2] ?? '').replace(/^\/+/, '') || null;
  else inner = queryValue(m[3] ?? '', rule);
  if (!inner) return null;
  used?.add(rule.id);
  return absolutize(inner);
}

interface QueryPatterns {
  start: RegExp;
  own: RegExp;
}
// Compiled once per proxy rule (rules are data, read again for every URL of every item).
const queryPatterns = new WeakMap<ProxyRule, QueryPatterns>();

function patternsFor(rule: ProxyRule): QueryPatterns {
  let patterns = queryPatterns.get(rule);
  if (!patterns) {
    const param = (rule.param ?? 'url').replace(/\W/g, '');
    const own = (rule.ownParams ?? []).map((p) => p.replace(/\W/g, '')).join('|') || '(?!)';
    patterns = { start: new RegExp(`(?:^|&)${param}=`, 'i'), own: new RegExp(`&(?:${own})=`, 'i') };
    queryPatterns.set(rule, patterns);
  }
  return patterns;
}

/** The value of the rule's parameter, running up to the next `&name=` whose name is one of the proxy's own. */
function queryValue(query: string, rule: ProxyRule): string | null {
  const { start: startPattern, own: ownPattern } = patternsFor(rule);
  const start = startPattern.exec(query);
  if (!start) return null;
  let value = query.slice(start.index + start[0].length);
  const own = ownPattern.exec(value);
  if (own) value = value.slice(0, own.index);
  return value || null;
}

function absolutize(value: string): string | null {
  let url = value.trim();
  // Fully percent-encoded (https%3A%2F%2F…): decode once. Partly encoded paths stay as they are.
  if (/^[a-z][\w+.-]*%3A/i.test(url) || (!url.includes('/') && /%2F/i.test(url))) {
    try {
      url = decodeURIComponent(url);
    } catch {
      return null;
    }
  }
  if (/^ssl:/i.test(url)) url = `https://${url.slice(4).replace(/^\/+/, '')}`;
  else if (url.startsWith('//')) url = `https:${url}`;
  else if (!/^[a-z][\w+.-]*:/i.test(url)) url = `https://${url.replace(/^\/+/, '')}`;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** Rewrites each URL of a srcset, keeping descriptors. */
export function mapSrcset(srcset: string, map: (url: string) => string): string {
  return parseSrcset(srcset)
    .map(({ url, descriptor }) => (descriptor ? `${map(url)} ${descriptor}` : map(url)))
    .join(', ');
}

export interface SrcsetCandidate {
  url: string;
  descriptor: string;
}

/** Splits a srcset into candidates, as the HTML spec does: a URL runs to white space; a URL ending in
 * a comma has no descriptor; otherwise the descriptor runs to the next comma. */
export function parseSrcset(srcset: string): SrcsetCandidate[] {
  const out: SrcsetCandidate[] = [];
  const n = srcset.length;
  let i = 0;
  while (i < n) {
    while (i < n && /[\s,]/.test(srcset[i]!)) i++;
    if (i >= n) break;
    let start = i;
    while (i < n && !/\s/.test(srcset[i]!)) i++;
    let url = srcset.slice(start, i);
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      start = i;
      while (i < n && srcset[i] !== ',') i++;
      descriptor = srcset.slice(start, i).trim();
      i++;
    }
    if (url) out.push({ url, descriptor });
  }
  return out;
}

// The proxy rules that unwrapped one attribute; one set, reused (this runs for every URL attribute).
const usedRules = new Set<string>();

/** A mirror's own proxy hosts identify it (public proxies such as weserv sit in the generic pack). */
export function unwrapProxies(root: Fragment, ctx: CleanContext): void {
  if (ctx.keepProxies) return;
  const packs = ctx.packs.filter((pack) => pack.proxies?.length);
  if (!packs.length) return;
  // Pack by pack (the order --explain reports them in), each rewriting the attributes in place.
  const rewriters = packs.map((pack) => (name: string, value: string) => unwrapAttribute(name, value, pack, ctx));
  for (let node: DomNode | null = root.firstChild; node; node = nextInOrder(node, root)) {
    if (!(node instanceof Element) || !node.attributes.size) continue;
    for (const rewrite of rewriters) node.attributes.retain(rewrite);
  }
}

/** The attribute's value with the pack's proxies taken off its URLs (the same value when none were). */
function unwrapAttribute(name: string, value: string, pack: RulePack, ctx: CleanContext): string {
  const isUrl = URL_ATTRIBUTES.has(name);
  if (!value || (!isUrl && !SRCSET_ATTRIBUTES.has(name))) return value;
  const proxies = pack.proxies!;
  const used = usedRules;
  used.clear();
  let rewritten: string | null;
  if (isUrl) rewritten = unwrapProxyUrl(value, proxies, used);
  else {
    const mapped = mapSrcset(value, (url) => unwrapProxyUrl(url, proxies, used) ?? url);
    rewritten = mapped !== value ? mapped : null;
  }
  if (rewritten === null) return value;
  for (const id of used) fired(ctx, pack, id, { action: 'rewrote', what: () => `${value} → ${rewritten}`, identifiesMirror: true });
  return rewritten;
}
