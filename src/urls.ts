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

// `https://` and a host of plain letters, digits, dots and hyphens, then the path or nothing.
const PLAIN_HOST = /^https?:\/\/([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)(?=[/?#]|$)/;

/**
 * The lower-case host of an http(s) URL whose host the URL parser would leave as written (but for
 * case), without the parser; null when only the parser can say. An IPv4 form (`0x7f.1`) or a
 * punycode label (`xn--…`, which the parser checks) goes to the parser.
 */
function plainHost(url: string): string | null {
  const host = PLAIN_HOST.exec(url)?.[1];
  if (!host) return null;
  const last = host.slice(host.lastIndexOf('.') + 1);
  if (/^(?:\d+|0x[\da-f]*)$/i.test(last) || /(?:^|\.)xn--/i.test(host)) return null;
  return host.toLowerCase();
}

/** The lower-case host of a URL, or null. */
export function hostOf(url: string | null): string | null {
  if (!url) return null;
  const plain = plainHost(url);
  if (plain) return plain;
  try {
    return new URL(url).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

/** The host a link points at, reading a scheme-less `feedx.xyz` as that host too. */
export function linkHost(href: string): string | null {
  const value = href.trim();
  const plain = plainHost(value);
  if (plain) return plain;
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

/**
 * An http(s) URL in its plainest form: an ASCII host name, no port, no white space or control
 * characters. Every such string parses as a web URL, so the (costly) URL parser is spared for the
 * addresses that almost all images and links have; anything else goes to the parser.
 */
const PLAIN_WEB_URL = /^https?:\/\/[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?:[/?#][^\u0000-\u0020\u007f-\u009f]*)?$/;

/** Does `url` parse as an absolute http(s) URL? */
export function isWebUrl(url: string): boolean {
  if (PLAIN_WEB_URL.test(url)) return true;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Does the web URL `url` name more than its site's root (a path beyond `/`, or a query)? */
export function namesMoreThanRoot(url: string): boolean {
  const m = PLAIN_WEB_URL.test(url) ? /^https?:\/\/[^/?#]*([^#]*)/.exec(url) : null;
  const rest = m?.[1];
  // Dot segments and encoded dots are resolved by the parser; only it can say where they lead.
  if (rest !== undefined && !/\/\.|%2e/i.test(rest)) return rest !== '' && rest !== '/';
  try {
    const parsed = new URL(url);
    return parsed.pathname !== '/' || parsed.search !== '';
  } catch {
    return false;
  }
}
