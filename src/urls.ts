/** URL helpers, all in one place: what counts as a web address, and how one is resolved. */

const WEB_SCHEME = /^https?:/i;

/** An http(s) URL, resolved against `base` when relative; anything else (javascript:, mailto:, junk) is null. */
export function absoluteUrl(url: string | null, base: string | null): string | null {
  if (!url) return null;
  try {
    const resolved = new URL(url, base && WEB_SCHEME.test(base) ? base : undefined);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? (WEB_SCHEME.test(url) ? url : resolved.href) : null;
  } catch {
    return null;
  }
}

/** Like absoluteUrl, but always in the URL standard's serialization (`href`). */
export function resolvedHref(url: string | null, base: string | null): string | null {
  if (!url) return null;
  try {
    const resolved = new URL(url, base ?? undefined);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null;
  } catch {
    return null;
  }
}

/** The lower-case host of a URL, or null. */
export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

/** The host a link points at, reading a scheme-less `feedx.xyz` as that host too. */
export function linkHost(href: string): string | null {
  const value = href.trim();
  try {
    return new URL(
      /^[a-z][\w+.-]*:/i.test(value) || value.startsWith('//') ? value : `https://${value}`,
      'https://invalid.invalid',
    ).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** An absolute http(s) URL as written (`//host/x` taken as https), without white space; else null. */
export function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  const url = value.trim().startsWith('//') ? `https:${value.trim()}` : value.trim();
  return /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
}
