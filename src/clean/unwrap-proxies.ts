/**
 * Image proxies → original URLs, wherever an image URL appears (src, srcset, poster, lazy-load
 * attributes, links). The proxies themselves are rule-pack data: the `proxies` kind, declared here.
 */
import { listKind, ruleSchema } from '../rules/kind.js';
import type { RulePack } from '../rules/types.js';
import type { Element } from '../tree/dom.js';
import { isWebUrl } from '../urls.js';
import type { CleanContext, Stage } from './stage.js';

/** An image proxy that carries the original URL, in a query parameter or as its path. */
export interface ProxyRule {
  id: string;
  /**
   * Proxy hosts, matched exactly (`images.weserv.nl`). A `thumbor` rule without hosts reads any
   * host whose path has Thumbor's unsigned shape (`/unsafe/…/<original host>/…`).
   */
  hosts?: readonly string[];
  /**
   * `query`: the original URL is the value of `param`; `path`: it is the proxy URL's path;
   * `thumbor`: a Thumbor server's path (`/unsafe/1340x754/smart/<original>`), its options skipped.
   */
  form: 'query' | 'path' | 'thumbor';
  param?: string;
  /**
   * The proxy's own parameters. An unencoded original URL may contain `&`; the value of `param`
   * runs until the next `&name=` whose name is one of these.
   */
  ownParams?: readonly string[];
}

export const proxiesKind = listKind<ProxyRule>({
  field: 'proxies',
  doc: "image proxies to see through: `hosts`, `form: query` with the `param` holding the original URL (and the proxy's `ownParams`), `form: path`, or `form: thumbor` (`/unsafe/<options>/<original>`)",
  rule: {
    ...ruleSchema(
      {
        hosts: { type: 'array', minItems: 1, items: { $ref: '#/definitions/host' }, description: 'Proxy hosts, matched exactly.' },
        form: {
          enum: ['query', 'path', 'thumbor'],
          description:
            "query: the original URL is the value of `param`; path: it is the proxy URL's path; thumbor: a Thumbor path (/unsafe/<options>/<original>).",
        },
        param: { type: 'string', pattern: '^[A-Za-z0-9_]+$', description: 'The query parameter holding the original URL.' },
        ownParams: {
          type: 'array',
          items: { type: 'string', pattern: '^[A-Za-z0-9_]+$' },
          description: "The proxy's own parameters, where an unencoded original URL ends.",
        },
      },
      { optional: ['param', 'ownParams', 'hosts'] },
    ),
    allOf: [
      { if: { required: ['form'], properties: { form: { const: 'query' } } }, then: { required: ['param'] } },
      { if: { required: ['form'], properties: { form: { not: { const: 'thumbor' } } } }, then: { required: ['hosts'] } },
    ],
  },
  compile: (raw) => raw as unknown as ProxyRule,
});

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
  const rule = proxies.find((p) => p.hosts?.includes(host)) ?? proxies.find((p) => !p.hosts && p.form === 'thumbor');
  if (!rule) return null;
  let inner: string | null;
  if (rule.form === 'path') inner = (m[2] ?? '').replace(/^\/+/, '') || null;
  // The original image keeps its own query: everything after the proxy's host is read.
  else if (rule.form === 'thumbor') inner = thumborImage(raw.slice(raw.indexOf(m[1]!) + m[1]!.length));
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

// Thumbor's URL grammar (https://thumbor.readthedocs.io/en/latest/usage.html): a signature or
// `unsafe`, then options, each a path segment, then the original image.
const THUMBOR_SIGNATURE = /^\/(?:unsafe|[\w-]{27}=)\//;
const THUMBOR_OPTION =
  /^(?:trim(?::[\w:-]*)?|\d+x\d+:\d+x\d+|(?:full-|adaptive-)?fit-in|-?\d*x-?\d*|left|right|center|top|middle|bottom|smart|filters:[^/]*)\//i;

/** The original image of a Thumbor path (from its `/`), or null when it has no Thumbor shape. */
function thumborImage(path: string): string | null {
  const signature = THUMBOR_SIGNATURE.exec(path);
  if (!signature) return null;
  let rest = path.slice(signature[0].length);
  for (let m = THUMBOR_OPTION.exec(rest); m; m = THUMBOR_OPTION.exec(rest)) rest = rest.slice(m[0].length);
  // What is left must name a host (`https://…`, `cdn.example.com/…`): a plain path is the server's own image.
  return /^(?:https?:\/\/|https?%3A|[\w-]+(?:\.[\w-]+)+\/)/i.test(rest) ? rest : null;
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
  return isWebUrl(url) ? url : null;
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
// The pack and item being rewritten: Attributes.retain() takes a plain function, and this one runs
// for every attribute of every element (no closure made per element).
let currentPack: RulePack | null = null;
let currentCtx: CleanContext | null = null;

/** Is the attribute one that holds image or link URLs, and does it name a current proxy host? */
function mayNameProxy(name: string, value: string): boolean {
  return value !== '' && (URL_ATTRIBUTES.has(name) || SRCSET_ATTRIBUTES.has(name)) && namesProxyHost(value);
}

/** The attribute's value with the pack's proxies taken off its URLs (the same value when none were). */
function unwrapAttribute(name: string, value: string): string {
  if (!mayNameProxy(name, value)) return value;
  const isUrl = URL_ATTRIBUTES.has(name);
  const pack = currentPack!;
  const proxies = pack.proxies!;
  const used = usedRules;
  // (Set#clear gives the set a new table even when it is empty: only a used set is cleared.)
  if (used.size) used.clear();
  let rewritten: string | null;
  if (isUrl) rewritten = unwrapProxyUrl(value, proxies, used);
  else {
    const mapped = mapSrcset(value, (url) => unwrapProxyUrl(url, proxies, used) ?? url);
    rewritten = mapped !== value ? mapped : null;
  }
  if (rewritten === null) return value;
  for (const id of used)
    currentCtx!.report.rule(pack, id, { action: 'rewrote', what: () => `${value} → ${rewritten}`, identifiesMirror: true });
  return rewritten;
}

/**
 * The hosts (or, for a host-less Thumbor rule, the path mark) proxy URLs contain, as one search
 * that ignores case: an alternation of literals, which the regex engine scans for at once.
 */
function hostSearch(hosts: readonly string[]): RegExp {
  const escaped = hosts.map((h) => h.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return new RegExp(escaped.join('|') || '(?!)', 'i');
}
const searchByPack = new WeakMap<RulePack, RegExp>();
const hostsOf = (pack: RulePack) => (pack.proxies ?? []).flatMap((p) => p.hosts ?? ['/unsafe/']);
// Every pack's hosts together, per list of packs (the same list for every item of a source).
const searchByPacks = new WeakMap<readonly RulePack[], RegExp>();
let currentSearch: RegExp = /(?!)/;

/** Does the value name one of the current proxy hosts? (Most URLs do not: no parse for them.) */
function namesProxyHost(value: string): boolean {
  return currentSearch.test(value);
}

/** Pack by pack (the order --explain reports them in), each rewriting the attributes in place. */
function unwrapElement(el: Element, ctx: CleanContext): void {
  if (!el.attributes.size) return;
  let all = searchByPacks.get(ctx.packs);
  if (!all) searchByPacks.set(ctx.packs, (all = hostSearch(ctx.packs.flatMap(hostsOf))));
  // Most elements name no proxy at all: one look at their URLs, not one pass per pack.
  currentSearch = all;
  if (!el.attributes.some(mayNameProxy)) return;
  currentCtx = ctx;
  for (const pack of ctx.packs) {
    if (!pack.proxies?.length) continue;
    let own = searchByPack.get(pack);
    if (!own) searchByPack.set(pack, (own = hostSearch(hostsOf(pack))));
    currentSearch = own;
    currentPack = pack;
    el.attributes.retain(unwrapAttribute);
  }
  currentPack = null;
  currentCtx = null;
}

/** A mirror's own proxy hosts identify it (public proxies such as weserv sit in the generic pack). */
export const unwrapProxiesStage: Stage = {
  id: 'unwrap-proxies',
  reads: "proxies rules; any element's URL attributes (src, srcset, poster, lazy-load attributes, href)",
  leaves: 'original image and link URLs, before any rule or the sanitizer reads them',
  when: (ctx) => !ctx.keepProxies && ctx.rules.has('proxies'),
  visit: { enter: unwrapElement },
};
