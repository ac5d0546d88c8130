/** Link templates of rule packs (`https://www.dw.com/{lang}/a-{1}`) filled in for one link. */

/** Fills `{1}`-style capture groups and named variables into a template; null when one has no value. */
export function fillTemplate(
  template: string,
  groups: readonly (string | undefined)[],
  vars: Record<string, string | null>,
): string | null {
  let missing = false;
  const out = template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = /^\d+$/.test(key) ? groups[Number(key)] : vars[key];
    if (value === undefined || value === null || value === '') missing = true;
    return value ?? '';
  });
  return missing ? null : out;
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

function varsOf(itemUrl: string | null): Record<string, string | null> {
  let lang: string | null = null;
  try {
    if (itemUrl) lang = new URL(itemUrl).pathname.split('/').filter(Boolean)[0] ?? null;
  } catch {
    lang = null;
  }
  return { lang: lang && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$/i.test(lang) ? lang : null };
}

/** The variables a template may name (`{lang}`), for checking templates when a pack is compiled. */
export const TEMPLATE_VARIABLES = ['lang'] as const;
