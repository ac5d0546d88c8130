/**
 * YAML for front matter: the few shapes it has (strings, null, lists of strings, one small map),
 * written directly. A string is written plain only when no YAML reader (1.1 or 1.2) could take it
 * for anything else; otherwise as a double-quoted scalar with JSON's escapes (which YAML shares),
 * so no value can break out of its line, start a document, or turn into a tag, number or boolean.
 * A `<` is always written `\u003c`, and the `]` of a `](`, `\u005d`: a Markdown renderer that does
 * not know front matter reads it as text, and must find neither raw HTML (`title: <img onerror=…>`)
 * nor a link (`[x](javascript:…)`) there. Characters YAML does not allow raw in a document (its
 * non-printables: C0 and C1 controls, U+FFFE, U+FFFF, lone surrogates) and line breaks of any kind
 * are always escaped.
 */

// Values YAML 1.1 or 1.2 would read as null, booleans or other non-strings.
const RESERVED = /^(?:~|null|true|false|yes|no|on|off|y|n|[-+]?\.(?:inf|nan)|=|<<)$/i;
// Characters that may not start a plain scalar (indicators, quotes, white space).
const BAD_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
// Anything that starts like a number, after an optional sign: a digit or a dot. YAML 1.1 readers
// take `+.5`, `.5`, `.` and `._` for floats, `0x1F`, `0b11`, `1_000`, `1:20` for integers,
// `2001-12-14` for a date; YAML 1.2 ones `0o7`, `1e3`. (`.NET` is quoted too: simpler than knowing
// every reader's float pattern.)
const NUMBER_LIKE = /^[-+]?[\d.]/;
// Inside: ": " or a final ":" (a mapping), " #" (a comment), `](` and `<` (see above), and every
// control, break-like or non-printable character, a lone surrogate among them.
const BAD_INSIDE =
  /: |:$| #|\]\(|[<\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// Escaped in quoted scalars beyond what JSON.stringify escapes (C0 controls, `"`, `\`, lone surrogates).
const ESCAPE = /[<\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|\](?=\()/g;
// Our own timestamps (published, captured).
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

function plainIsSafe(text: string): boolean {
  if (text === '' || text !== text.trim() || RESERVED.test(text) || BAD_START.test(text) || BAD_INSIDE.test(text)) return false;
  return !NUMBER_LIKE.test(text);
}

export function yamlString(text: string | null): string {
  if (text === null) return 'null';
  if (plainIsSafe(text)) return text;
  return JSON.stringify(text).replace(ESCAPE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A time as front matter writes it: our ISO instants plain, so YAML 1.1 readers (Jekyll, Hugo)
 * take them for the timestamps they are (YAML 1.2 readers get the same text as a string); anything
 * else as a string. (A title that looks like an instant is a string: yamlString quotes it.)
 */
export function yamlTimestamp(text: string | null): string {
  return text !== null && ISO_INSTANT.test(text) ? text : yamlString(text);
}

export function yamlList(items: readonly string[]): string {
  return items.length ? items.map((item) => `\n  - ${yamlString(item)}`).join('') : ' []';
}
