/**
 * Allowlist sanitizing, driven by `rules/sanitize-schema.ts`: dangerous elements go with their
 * content, unknown ones are unwrapped, attributes are kept only where listed, URLs only with allowed
 * schemes (relative ones resolved against the item URL); then the structure is repaired so it can
 * be written as Markdown (see repair-structure.ts).
 */
import { sanitizeSchema, type SanitizeSchema } from '../rules/sanitize-schema.js';
import { Element, HTML_NS, nextInOrder, nextSkippingChildren, replaceNode, unwrap, type DomNode, type Fragment } from '../tree/dom.js';
import { repairStructure } from './repair-structure.js';

// Control characters and white space that browsers ignore inside a URL scheme (`java\tscript:`).
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]+/g;

/** The URL to keep for `attr`, or null to drop the attribute. */
export function safeUrl(value: string, attr: string, base: string | null, schema: SanitizeSchema = sanitizeSchema): string | null {
  const allowed = schema.urlAttributes[attr];
  if (!allowed) return value;
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
  try {
    const url = new URL(src);
    return url.pathname !== '/' || url.search !== '';
  } catch {
    return false;
  }
}

function cleanAttributes(
  el: Element,
  allowedNames: readonly string[],
  base: string | null,
  schema: SanitizeSchema,
  onStrip: OnStrip | null,
): void {
  el.attributes.retain((name, value) => {
    const kept = allowedNames.includes(name) ? safeUrl(value, name, base, schema) : null;
    // What could run or load something is worth explaining; a class or an id going is not.
    if (
      kept === null &&
      onStrip &&
      (/^on/i.test(name) || name === 'style' || name in schema.urlAttributes || /^(?:formaction|action|data|srcdoc|xlink:href)$/.test(name))
    )
      onStrip(el, name, value);
    return kept;
  });
}

/** Told of each element removed with its content (for `--explain`). */
export type OnDrop = (el: Element) => void;
/** Told of each attribute that could run or load something, removed (for `--explain`). */
export type OnStrip = (el: Element, name: string, value: string) => void;

/** Walks the tree once, removing, unwrapping and scrubbing as the schema says. */
function applySchema(root: Fragment, base: string | null, schema: SanitizeSchema, onDrop: OnDrop | null, onStrip: OnStrip | null): void {
  let node: DomNode | null = root.firstChild;
  while (node) {
    if (!(node instanceof Element)) {
      node = nextInOrder(node, root);
      continue;
    }
    const el: Element = node;
    const allowed = schema.allow[el.tagName];
    if (el.namespace !== HTML_NS || schema.dropWithContent.has(el.tagName)) {
      node = nextSkippingChildren(el, root);
      el.remove();
      onDrop?.(el);
    } else if (!allowed) {
      node = el.firstChild ?? nextSkippingChildren(el, root);
      unwrap(el);
    } else if (schema.rename[el.tagName]) {
      const renamed = new Element(schema.rename[el.tagName]!, el.attributes);
      while (el.firstChild) renamed.appendChild(el.firstChild);
      replaceNode(el, renamed);
      node = renamed; // visited again under its new name
    } else {
      cleanAttributes(el, allowed, base, schema, onStrip);
      node = nextInOrder(el, root);
      if (el.tagName === 'img' && !isImageAddress(el.getAttribute('src'))) {
        node = nextSkippingChildren(el, root);
        el.remove();
      } else if (el.tagName === 'a' && !el.getAttribute('href')) {
        node = el.firstChild ?? nextSkippingChildren(el, root);
        unwrap(el);
      }
    }
  }
}

export function sanitize(
  root: Fragment,
  base: string | null,
  schema: SanitizeSchema = sanitizeSchema,
  onDrop: OnDrop | null = null,
  onStrip: OnStrip | null = null,
): void {
  applySchema(root, base, schema, onDrop, onStrip);
  repairStructure(root, schema);
}
