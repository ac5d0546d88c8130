/**
 * Allowlist sanitizing, driven by `rules/sanitize-schema.ts`: dangerous elements go with their
 * content, unknown ones are unwrapped, attributes are kept only where listed, URLs only with allowed
 * schemes (relative ones resolved against the item URL). The structure repairs that make every
 * shape writable as Markdown are a stage of their own (repair-structure.ts).
 */
import { sanitizeSchema, type SanitizeSchema } from '../rules/sanitize-schema.js';
import { Element, HTML_NS, replaceNode, someChild, unwrap } from '../tree/dom.js';
import { BLOCK_TAGS, isBlock } from '../tree/text.js';
import { droppedWithContent } from './invisible.js';
import { namesMoreThanRoot } from '../urls.js';
import { excerpt } from './report.js';
import { GONE, type CleanContext, type Stage, type Step } from './stage.js';

// Control characters and white space that browsers ignore inside a URL scheme (`java\tscript:`).
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]+/g;

/** The URL to keep for `attr`, or null to drop the attribute. */
// An absolute http(s) URL with nothing a browser would strip or ignore: kept as it is, as the slow
// path below would keep it, without its three string copies.
const PLAIN_HTTP = /^https?:\/\/[^\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]*$/i;

export function safeUrl(value: string, attr: string, base: string | null, schema: SanitizeSchema = sanitizeSchema): string | null {
  const allowed = schema.urlAttributes[attr];
  if (!allowed) return value;
  if (PLAIN_HTTP.test(value)) return allowed.includes(value.charCodeAt(4) === 58 ? 'http' : 'https') ? value : null;
  // Tabs and newlines inside a URL are dropped by every browser (the URL standard says so).
  const trimmed = value.replace(/[\t\n\r]/g, '').trim();
  if (!trimmed || trimmed.startsWith('#')) return null;
  const compact = trimmed.replace(IGNORED_IN_SCHEME, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  if (scheme) {
    if (!allowed.includes(scheme)) return null;
    if (scheme === 'data') return attr === 'src' && schema.dataImage.test(compact) ? compact : null;
    return trimmed;
  }
  if (/[:\\]/.test(compact.split(/[/?#]/)[0] ?? '')) return null; // "javascript&colon;…" leftovers and the like
  if (compact.startsWith('//')) return `https:${trimmed}`;
  if (!base) return null;
  try {
    const resolved = new URL(trimmed, base);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null;
  } catch {
    return null;
  }
}

/** An image source that names something: not missing, not a bare site root (`src="/"`). */
function isImageAddress(src: string | null): boolean {
  if (!src) return false;
  if (src.startsWith('data:')) return true;
  return namesMoreThanRoot(src);
}

/** What could run or load something is worth explaining; a class or an id going is not. */
function isWorthExplaining(name: string, schema: SanitizeSchema): boolean {
  return (
    /^on/i.test(name) || name === 'style' || name in schema.urlAttributes || /^(?:formaction|action|data|srcdoc|xlink:href)$/.test(name)
  );
}

// The element whose attributes are being cleaned, and what for: Attributes.retain() takes a plain
// function, and this runs for every element (no closure or object made per element).
let cleaningEl: Element | null = null;
let cleaningAllowed: readonly string[] = [];
let cleaningBase: string | null = null;
let cleaningCtx: CleanContext | null = null;

/** A relative address (`img/a.jpg`, `/about`), which only a base URL can resolve. */
function isRelative(value: string): boolean {
  const v = value.trim();
  return v !== '' && !v.startsWith('#') && !v.startsWith('//') && !/^[a-z][a-z0-9+.-]*:/i.test(v);
}

// Relative URLs of the item that had no base to resolve against: said in one warning at the end.
const unresolved = new WeakMap<CleanContext, string[]>();

function keptValue(name: string, value: string): string | null {
  const el = cleaningEl!;
  const allowed = cleaningAllowed;
  const base = cleaningBase;
  const ctx = cleaningCtx!;
  const kept = allowed.includes(name) ? safeUrl(value, name, base, sanitizeSchema) : null;
  if (kept === null && !base && name in sanitizeSchema.urlAttributes && allowed.includes(name) && isRelative(value)) {
    const list = unresolved.get(ctx) ?? [];
    if (!list.includes(value.trim())) list.push(value.trim());
    unresolved.set(ctx, list);
  }
  if (kept === null && ctx.report.explain && isWorthExplaining(name, sanitizeSchema)) {
    ctx.report.stage('sanitize', 'removed', () => `${name}="${excerpt(value)}" from <${el.tagName}>`);
  }
  return kept;
}

function cleanAttributes(el: Element, allowed: readonly string[], base: string | null, ctx: CleanContext): void {
  if (!el.attributes.size) return;
  cleaningEl = el;
  cleaningAllowed = allowed;
  cleaningBase = base;
  cleaningCtx = ctx;
  el.attributes.retain(keptValue);
  cleaningEl = cleaningCtx = null;
}

/** What the schema says of one tag name. */
interface TagDecision {
  drop: boolean;
  /** Not in the allowlist: unwrapped, its content kept. */
  unwrap: boolean;
  /** The synonym it is renamed to. */
  renameTo: string | undefined;
  /** The attributes it keeps (as renamed). */
  allowed: readonly string[];
}

// Own entries only: a tag named like an Object.prototype member (`<constructor>`) is a tag, not a rule.
const own = <T>(record: Record<string, T>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

function decide(tag: string, schema: SanitizeSchema): TagDecision {
  const renameTo = own(schema.rename, tag);
  return {
    drop: schema.dropWithContent.has(tag),
    unwrap: !own(schema.allow, tag),
    renameTo,
    allowed: own(schema.allow, renameTo ?? tag) ?? [],
  };
}

// Decided once per tag name (by its index), not looked up in the schema for every element.
const decisions: Array<TagDecision | undefined> = [];
function decisionFor(el: Element): TagDecision {
  const i = el.tagIndex;
  return i ? (decisions[i] ??= decide(el.tagName, sanitizeSchema)) : decide(el.tagName, sanitizeSchema);
}

/** One element as the schema says: dropped with its content, unwrapped, renamed, or scrubbed. */
function sanitizeElement(start: Element, ctx: CleanContext): Step {
  let el = start;
  const decision = decisionFor(el);
  if (el.namespace !== HTML_NS || decision.drop) {
    el.remove();
    ctx.report.stage('sanitize', 'removed', () => droppedWithContent(el));
    return GONE;
  }
  // A wrapper goes, its content kept; but a block of inline content (`<center>text</center>`,
  // `<summary>`, `<legend>`) becomes the block it is a synonym of: unwrapped, its words would run
  // into its neighbours' (a wrapper of blocks has its inline runs made paragraphs already).
  if (decision.unwrap && !(decision.renameTo && BLOCK_TAGS.has(el.tagName) && !someChild(el, isBlock))) {
    unwrap(el);
    return GONE;
  }
  if (decision.renameTo) {
    // Synonyms folded into one name (b → strong, section → div), so later stages see one tag.
    const renamed = new Element(decision.renameTo, el.attributes);
    while (el.firstChild) renamed.appendChild(el.firstChild);
    replaceNode(el, renamed);
    el = renamed;
  }
  cleanAttributes(el, decision.allowed, ctx.baseUrl ?? ctx.itemUrl, ctx);
  if (el.tagName === 'img' && !isImageAddress(el.getAttribute('src'))) {
    el.remove();
    return GONE;
  }
  if (el.tagName === 'a' && !el.getAttribute('href')) {
    unwrap(el);
    return GONE;
  }
  return el === start ? undefined : { replacedBy: el };
}

export const sanitizeStage: Stage = {
  id: 'sanitize',
  reads: "the body with every rule that reads classes, attributes or the source's tags already applied",
  leaves:
    'only allowlisted elements (sanitize-schema.ts) and attributes; only http(s)/mailto (and raster data: images) URLs, relative ones resolved',
  // Block rules read blocks as the source tagged them (a <center> is not one until renamed <div>).
  waitsFor: ['drop-text'],
  visit: {
    enter: sanitizeElement,
    finish: (_root, ctx) => {
      const list = unresolved.get(ctx);
      if (!list) return;
      unresolved.delete(ctx);
      const shown = list.slice(0, 5).map((u) => `"${excerpt(u)}"`);
      const more = list.length > 5 ? ` and ${list.length - 5} more` : '';
      ctx.report.warn(
        'sanitize',
        'relative-url-unresolved',
        `relative URL${list.length > 1 ? 's' : ''} ${shown.join(', ')}${more} left out: no base URL to resolve ${list.length > 1 ? 'them' : 'it'} against (give --base URL)`,
      );
    },
  },
};
