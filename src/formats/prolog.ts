/**
 * An XML document's prolog — declaration, processing instructions, comments, DOCTYPE — read by
 * plain searches, not a regex: a pattern of "any of these, any number of times" has so many ways
 * to cut `<?a?><?a?>…` that it takes time doubling with each one (30 of them: minutes), and a
 * pattern run on the first few KiB only missed a root after a long comment (the feed then read as
 * HTML). Each construct ends where XML says it does: at its first `?>`, `-->`, or `>` after the
 * internal subset's `]`.
 */
import { isSpaceCode } from '../tree/text.js';

export interface Prolog {
  /** Where the root element's `<` stands, or -1 when the prolog is not followed by an element. */
  root: number;
  /** Where the DOCTYPE's internal subset starts (just after its `[`), or -1 when it has none. */
  subset: number;
}

const NOT_FOUND: Prolog = { root: -1, subset: -1 };

function startsWithDoctype(text: string, at: number): boolean {
  return text.startsWith('<!', at) && text.slice(at + 2, at + 9).toUpperCase() === 'DOCTYPE';
}

/** The end (just past the `>`) of a DOCTYPE starting at `at`, and where its internal subset starts. */
function doctypeEnd(text: string, at: number): { end: number; subset: number } | null {
  let subset = -1;
  for (let i = at + 9; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3e) return { end: i + 1, subset }; // >
    if (c === 0x5b) {
      // [: the internal subset, which may hold `>` (`<!ENTITY x "…">`), runs to its `]`.
      if (subset < 0) subset = i + 1;
      const close = text.indexOf(']', i + 1);
      if (close < 0) return null;
      i = close;
    }
  }
  return null;
}

/** Reads the prolog of `text`: where its root element starts, and its DOCTYPE's internal subset. */
export function readProlog(text: string): Prolog {
  let i = 0;
  let subset = -1;
  for (;;) {
    // (White space as `\s` means it, as the patterns this replaces read it.)
    while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
    if (text.startsWith('<?', i)) {
      const close = text.indexOf('?>', i + 2);
      if (close < 0) return NOT_FOUND;
      i = close + 2;
    } else if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close < 0) return NOT_FOUND;
      i = close + 3;
    } else if (startsWithDoctype(text, i)) {
      const doctype = doctypeEnd(text, i);
      if (!doctype) return NOT_FOUND;
      if (subset < 0) subset = doctype.subset;
      i = doctype.end;
    } else break;
  }
  return { root: text.charCodeAt(i) === 0x3c ? i : -1, subset };
}
