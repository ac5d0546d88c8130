/**
 * JSON text in ASCII alone: every character past U+007F written as a \u escape (an astral one as
 * its surrogate pair, as JSON spells it), for a reader that decodes its input in another charset —
 * a JVM pipe under a non-UTF-8 default, say. The same JSON value, whatever the reader's locale.
 * Only for JSON text, where such characters can only stand inside strings.
 */
export function asciiJson(text: string): string {
  return text.replace(/[^\u0000-\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
