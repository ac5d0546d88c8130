/**
 * YAML for front matter: the few shapes it has (strings, null, lists of strings, one small map),
 * written directly. A string is written plain only when no YAML reader (1.1 or 1.2) could take it
 * for anything else; otherwise as a double-quoted scalar with JSON's escapes (which YAML shares),
 * so no value can break out of its line, start a document, or turn into a tag, number or boolean.
 * A `<` is always written `\u003c`, and the `]` of a `](`, `\u005d`: a Markdown renderer that does
 * not know front matter reads it as text, and must find neither raw HTML (`title: <img onerror=…>`)
 * nor a link (`[x](javascript:…)`) there.
 */

// Values YAML 1.1 or 1.2 would read as null, booleans or other non-strings.
const RESERVED = /^(?:~|null|true|false|yes|no|on|off|y|n|[-+]?\.(?:inf|nan)|=|<<)$/i;
// Characters that may not start a plain scalar (indicators, quotes, white space).
const BAD_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
// Inside: ": " or a final ":" (a mapping), " #" (a comment), tabs and every control or break-like
// character.
const BAD_INSIDE = /: |:$| #|\]\(|[<\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;
// Our own timestamps, which YAML 1.1 readers take as timestamps, as they should.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

function plainIsSafe(text: string): boolean {
  if (text === '' || text !== text.trim() || RESERVED.test(text) || BAD_START.test(text) || BAD_INSIDE.test(text)) return false;
  // Anything starting like a number is quoted (0123, 1e3, .5, 1_000, 12:30), except our instants.
  if (/^[-+.]?\d/.test(text)) return ISO_INSTANT.test(text);
  return true;
}

export function yamlString(text: string | null): string {
  if (text === null) return 'null';
  if (plainIsSafe(text)) return text;
  return JSON.stringify(text).replace(
    /[<\u007f-\u009f\u2028\u2029\ufeff]|\](?=\()/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function yamlList(items: readonly string[]): string {
  return items.length ? items.map((item) => `\n  - ${yamlString(item)}`).join('') : ' []';
}
