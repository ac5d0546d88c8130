/**
 * Markdown escaping for text nodes: only what could otherwise become syntax. `foo_bar` stays as it
 * is (intraword underscores never make emphasis), `1.` is escaped only at the start of a line.
 */

const INLINE = /[\\`*[\]<~]|_(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])_|&(?=#?[A-Za-z0-9]+;)/gu;
const LINE_START = /^(\s{0,3})(#{1,6}(?=\s|$)|[-+](?=\s|$)|=+(?=\s*$)|-{2,}(?=\s*$)|>|(\d{1,9})([.)])(?=\s|$))/gm;

// `#`s ending a line after a space would close an ATX heading (`## Ranked #` loses its `#`).
const CLOSING_HASHES = /(\s)(#+)(?=[ \t]*$)/gm;

// Any character one of the patterns above could act on; most text nodes have none and skip them.
const MAY_NEED_ESCAPING = /[\\`*[\]<~_&#=+>-]|\d[.)]/;

export function escapeMarkdown(text: string): string {
  if (!MAY_NEED_ESCAPING.test(text)) return text;
  return text
    .replace(INLINE, '\\$&')
    .replace(CLOSING_HASHES, '$1\\$2')
    .replace(LINE_START, (_m, indent: string, mark: string, digits?: string, delimiter?: string) =>
      digits ? `${indent}${digits}\\${delimiter}` : `${indent}\\${mark}`,
    );
}

/** A link or image destination: bare when safe, in `<…>` when it has spaces or parentheses. */
export function linkDestination(url: string): string {
  const clean = url.replace(/[<>\n\r]/g, (c) => encodeURIComponent(c));
  return /[\s()]/.test(clean) ? `<${clean}>` : clean;
}
