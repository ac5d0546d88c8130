/**
 * Long runs of white space kept out of turndown's sight. Its last step trims the whole output with
 * `/[\t\r\n\s]+$/`, which takes time quadratic in every run of white space that does not end the
 * output (200,000 no-break spaces in one paragraph: 80 s). While toMarkdown runs, the middle of a
 * run of 32 or more white-space characters becomes a placeholder of noncharacters wherever nothing
 * but the characters next to it are read as white space — inside a text (text on both sides), at
 * a block's own start or end (past the ASCII white space turndown trims there), in a code block —
 * and toMarkdown puts it back into the finished output: the output is the same (a property test
 * holds it so). A long run at the edge of an inline element is white space to turndown's and our
 * emphasis rules, and left as it is.
 */
import { isSpaceCode } from '../tree/text.js';

// A placeholder is U+FDD4, the run's number in ASCII digits, U+FDD5: two noncharacters an input's
// own text never keeps (prepare.ts makes them U+FFFD), and digits, which no escape acts on here.
const OPEN = '\ufdd4';
const CLOSE = '\ufdd5';
const PLACEHOLDER = /\ufdd4(\d+)\ufdd5/g;
/** A placeholder, as regex source without a group (for the escapes that read white space to a line's end). */
export const PLACEHOLDER_SOURCE = String.raw`\ufdd4\d+\ufdd5`;

/** The shortest run hidden. */
let shortest = 32;
// White space but line breaks: the lines of a run's text are read by the rules (a quote's `> `, a
// list item's indentation), so a hidden run never holds one.
let LONG_RUN = /[^\S\n\r\u2028\u2029]{32,}/g;
// Inside a text: a long run with something not white space before and after it.
let INNER_RUN = /(?<=\S)[^\S\n\r\u2028\u2029]{32,}(?=\S)/g;

/** For tests: hide runs from this length on (Infinity: none), to compare the output with and without. */
export function hideRunsFrom(length: number): void {
  shortest = length;
  const n = Number.isFinite(length) ? String(length) : '1000000000';
  LONG_RUN = new RegExp(`[^\\S\\n\\r\\u2028\\u2029]{${n},}`, 'g');
  INNER_RUN = new RegExp(`(?<=\\S)[^\\S\\n\\r\\u2028\\u2029]{${n},}(?=\\S)`, 'g');
}

let runs: string[] | null = null;

/** Runs `render` with long runs hidden by hideLongRuns(), and puts them back into what it returns. */
export function withLongRunsHidden(render: () => string): string {
  const outer = runs;
  runs = [];
  try {
    const out = render();
    const hidden = runs;
    return hidden.length ? out.replace(PLACEHOLDER, (_m, digits: string) => hidden[Number(digits)] ?? '') : out;
  } finally {
    runs = outer;
  }
}

/**
 * The run with all but its first and last characters a placeholder: what reads the white space next
 * to text (the escapes' `\s` before a closing `#`, up to three before a line's marker) still reads
 * white space there, and never reaches past the placeholder to the text beyond.
 */
function hide(run: string): string {
  runs!.push(run.slice(1, -1));
  return `${run[0]}${OPEN}${runs!.length - 1}${CLOSE}${run[run.length - 1]}`;
}

/** `text` with every run of 32 or more white-space characters a placeholder (a code block's text). */
export function hideLongRuns(text: string): string {
  return runs && text.length >= shortest ? text.replace(LONG_RUN, hide) : text;
}

/** `text` with its long runs that have text on both sides placeholders (what escaping hands turndown). */
export function hideInnerRuns(text: string): string {
  return runs && text.length >= shortest + 2 ? text.replace(INNER_RUN, hide) : text;
}

/** The long run of white space at the text's start (or end), past the ASCII white space there; null when shorter than `shortest`, or when the text is all white space. */
function edgeRun(text: string, atEnd: boolean): { start: number; end: number } | null {
  const step = atEnd ? -1 : 1;
  let i = atEnd ? text.length - 1 : 0;
  // ASCII white space at a block's edge is turndown's to trim: the run hidden starts past it.
  while (i >= 0 && i < text.length && isAsciiSpace(text.charCodeAt(i))) i += step;
  const from = i;
  while (i >= 0 && i < text.length && isRunCode(text.charCodeAt(i))) i += step;
  // ... and ends before the ASCII white space next to the text (collapsed to one space, kept).
  let to = i - step;
  while ((to - from) * step >= 0 && isAsciiSpace(text.charCodeAt(to))) to -= step;
  const length = (to - from) * step + 1;
  // Too short, or the text is nothing but white space (turndown drops a block of it).
  if (length < shortest || !/\S/.test(text)) return null;
  return atEnd ? { start: to, end: from + 1 } : { start: from, end: to + 1 };
}

/**
 * `text` (a block's first or last text, which holds more than white space) with a long run at that
 * edge of the block hidden, ASCII white space in it collapsed as turndown would; `mayHide(node)` is
 * asked once a run is found (it looks up the tree: a block inside a table cell is read again by
 * our rules). The node and a plain function, not a closure: this runs for every text node.
 */
export function hideBlockEdgeRuns<N extends { data: string; previousSibling: unknown; nextSibling: unknown }>(
  node: N,
  mayHide: (node: N) => boolean,
): string {
  const text = node.data;
  if (!runs || text.length <= shortest) return text;
  const tail = node.nextSibling ? null : edgeRun(text, true);
  const head = node.previousSibling ? null : edgeRun(text, false);
  if ((!tail && !head) || !mayHide(node)) return text;
  let out = text;
  if (tail) out = out.slice(0, tail.start) + hide(collapseAscii(out.slice(tail.start, tail.end))) + out.slice(tail.end);
  // (The head is found again: hiding the tail may have shortened what comes before it.)
  const start = head ? edgeRun(out, false) : null;
  if (start) out = out.slice(0, start.start) + hide(collapseAscii(out.slice(start.start, start.end))) + out.slice(start.end);
  return out;
}

/** White space a hidden run may hold: any but a line break. */
const isRunCode = (c: number) => isSpaceCode(c) && c !== 10 && c !== 13 && c !== 0x2028 && c !== 0x2029;
/** The white space turndown collapses (space, tab, LF, CR). */
const isAsciiSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
const collapseAscii = (run: string) => run.replace(/[ \r\n\t]+/g, ' ');

/** Text with the characters that open and close placeholders, if the input had any, made U+FFFD. */
export function unmarkPlaceholders(text: string): string {
  return text.includes(OPEN) || text.includes(CLOSE) ? text.replace(/[\ufdd4\ufdd5]/g, '\ufffd') : text;
}
