/** Link templates of rule packs (`https://www.dw.com/{lang}/a-{1}`) filled in for one link. */

/** Fills `{1}`-style capture groups and named variables into a template; null when one has no value. */
export function fillTemplate(
  template: string,
  groups: readonly (string | undefined)[],
  vars: Record<string, string | null>,
): string | null {
  let out = '';
  for (const part of partsOf(template)) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const value = 'group' in part ? groups[part.group] : vars[part.name];
    if (value === undefined || value === null || value === '') return null;
    out += value;
  }
  return out;
}

type Part = string | { group: number } | { name: string };
// A template's text and slots, split once (a pack's few templates are filled for every link).
const partsByTemplate = new Map<string, readonly Part[]>();

function partsOf(template: string): readonly Part[] {
  let parts = partsByTemplate.get(template);
  if (!parts) {
    const split: Part[] = [];
    let last = 0;
    for (const m of template.matchAll(/\{(\w+)\}/g)) {
      if (m.index > last) split.push(template.slice(last, m.index));
      const key = m[1]!;
      split.push(/^\d+$/.test(key) ? { group: Number(key) } : { name: key });
      last = m.index + m[0].length;
    }
    if (last < template.length) split.push(template.slice(last));
    parts = split;
    if (partsByTemplate.size < 1024) partsByTemplate.set(template, parts);
  }
  return parts;
}

// The last item's variables: an item asks again for every link a rule rewrites.
let lastUrl: string | null | undefined;
let lastVars: Record<string, string | null> = {};

/** Variables rule templates may use, derived from the item URL. */
export function templateVars(itemUrl: string | null): Record<string, string | null> {
  if (itemUrl !== lastUrl) {
    lastVars = varsOf(itemUrl);
    lastUrl = itemUrl;
  }
  return lastVars;
}

// A plain web address whose path the URL parser leaves as written: no dot segment, encoded dot or
// backslash (which it would resolve or turn into `/`), so its first segment is read off directly.
const PLAIN_PATH = /^https?:\/\/[A-Za-z0-9.-]+(\/[^?#\\]*)?(?:[?#]|$)/;

export function varsOf(itemUrl: string | null): Record<string, string | null> {
  let lang: string | null = null;
  const plain = itemUrl ? PLAIN_PATH.exec(itemUrl) : null;
  if (plain && !/\/\.|%2e/i.test(plain[1] ?? '')) lang = (plain[1] ?? '').split('/').filter(Boolean)[0] ?? null;
  else
    try {
      if (itemUrl) lang = new URL(itemUrl).pathname.split('/').filter(Boolean)[0] ?? null;
    } catch {
      lang = null;
    }
  return { lang: lang && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$/i.test(lang) ? lang : null };
}

/** The variables a template may name (`{lang}`), for checking templates when a pack is compiled. */
export const TEMPLATE_VARIABLES = ['lang'] as const;
