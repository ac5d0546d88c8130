/**
 * Characters no text holds, out of an item's every string: C0 controls but tab, line feed, form
 * feed and carriage return, and DEL go; lone surrogates become U+FFFD. Decoding deals with most
 * raw ones (NUL bytes refused, C1 read as windows-1252, a string's lone surrogates U+FFFD); this
 * is for the rest (a raw DEL or ESC) and for those that only appear once an escape is read: a
 * character reference (`&#x1b;`) or a JSON escape (`\u0000`, `\ud83d` without its pair). Left
 * in, they make JSON that strict readers refuse, Markdown a second run takes for binary, and
 * terminal escapes in what `cat` shows.
 */
import { CP1252_HIGH } from '../input/decode.js';

// What may stand for such a character in the input (the escapes, and a raw control, which a
// string input can hold): only then is an item's every string looked at.
const MAY_ESCAPE_ODD = /[\x00-\x08\x0b\x0e-\x1f\x7f]|&#|\\[ub]/;

/** Could the item strings read from this input text hold a character scrubText takes out? */
export function mayHoldOddCharacters(input: string): boolean {
  return MAY_ESCAPE_ODD.test(input);
}

const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const C0 = /[\x00-\x08\x0b\x0e-\x1f\x7f]/;
// A run of them with a space either side: where they go, one space stays between words, and none
// at the string's ends (a title reads back as it was written).
const C0_RUN = /( ?)[\x00-\x08\x0b\x0e-\x1f\x7f]+( ?)/g;
const C1 = /[\x80-\x9f]/;
const C1_ALL = /[\x80-\x9f]/g;

/**
 * The text with C0 controls and DEL removed (a browser shows nothing for them: a stray DEL in a
 * publisher's sentence, an escape sequence), lone surrogates made U+FFFD, and C1 controls read as
 * the windows-1252 characters they almost always are (smart quotes gone through a Latin-1
 * decoder), as decode.ts reads raw ones.
 */
export function scrubText(text: string): string {
  let out = SURROGATE.test(text) ? text.replace(LONE_SURROGATE, '\ufffd') : text;
  if (C0.test(out)) {
    out = out.replace(C0_RUN, (run: string, before: string, after: string, at: number, whole: string) =>
      at === 0 || at + run.length === whole.length ? '' : before || after,
    );
  }
  return C1.test(out) ? out.replace(C1_ALL, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!) : out;
}

/** Every string in `value` (own enumerable data properties, arrays, nested objects) scrubbed in place. */
export function scrubStrings<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  for (const key of Object.keys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    // (A rendering left out is an accessor that throws when read: it holds nothing to scrub.)
    if (!descriptor || !('value' in descriptor)) continue;
    const inner: unknown = descriptor.value;
    if (typeof inner === 'string') (value as Record<string, unknown>)[key] = scrubText(inner);
    else if (inner !== null && typeof inner === 'object') scrubStrings(inner);
  }
  return value;
}
