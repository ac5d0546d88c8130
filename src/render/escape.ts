/**
 * Markdown escaping for text nodes: only what could otherwise become syntax. `foo_bar` stays as it
 * is (intraword underscores never make emphasis), `1.` is escaped only at the start of a line.
 *
 * Text is escaped a node at a time, and a node does not know whether it starts a line: `<sup>`
 * text comes after `^(`, a caption after `*`. So an escape that only a line start needs (`- `,
 * `1. `, `# `, `>` …) is written with a mark before it, and `resolveLineStarts` keeps it only where
 * the finished line has nothing before it but container markup (indentation, `>`, a list marker).
 * Likewise an escape only a line end needs (closing `#`s, a setext `===` or `---` line) gets a
 * second mark and stays only where the finished line ends after its run.
 * The output then depends on the text and its place, never on how the text was cut into nodes —
 * which is what makes reading our own Markdown back give the same Markdown.
 */

import { PLACEHOLDER_SOURCE, hideInnerRuns } from './space-runs.js';

const INLINE = /[\\`*[\]<~]|_(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])_|&(?=#?[A-Za-z0-9]+;)/gu;
// (A hidden run of white space, see space-runs.ts, is white space to the line's end too.)
const LINE_START = new RegExp(
  String.raw`^(\s{0,3})(#{1,6}(?=\s|$)|[-+](?=\s|$)|(=+|-{2,})(?=(?:\s|${PLACEHOLDER_SOURCE})*$)|>|(\d{1,9})([.)])(?=\s|$))`,
  'gm',
);

// `#`s ending a line after a space would close an ATX heading (`## Ranked #` loses its `#`).
const CLOSING_HASHES = /(\s)(#+)(?=[ \t]*$)/gm;

// Where a GFM autolink literal starts: marked takes `https://`, `ftp://` and `www.` anywhere in text,
// markdown-it's linkify a scheme before `://`. The mark goes before the `:` or the `.` (see AUTOLINK_MARK).
const AUTOLINK_START = /(?:https?|ftp)(?=:\/\/)|www(?=\.)/gi;

// Any character one of the patterns above could act on anywhere (and our marks), or a line start
// with what LINE_START acts on; most text nodes have neither and skip them. (A digit, `-` or `=`
// is common in text, but needs an escape only where a line starts with it.)
const MAY_NEED_ESCAPING = /[\\`*[\]<~_&#!\ufdd0-\ufdd3]|(?:^|[\n\r\u2028\u2029])\s{0,3}[-+=>\d]/;
const MAY_HOLD_AUTOLINK = /:\/\/|www\./i;
/** Noncharacters: they mark escapes that only a line start, or a line end, needs (see resolveLineStarts). */
const LINE_START_MARK = '\ufdd0';
const LINE_END_MARK = '\ufdd1';
/** After a text's final `!`: what comes next may be a link, and `![` would make it an image. */
const BANG_MARK = '\ufdd2';
/**
 * Inside an autolink literal's start (`https\ufdd3://`, `www\ufdd3.`). An autolink literal runs to
 * the next space or `<` and takes everything on the way, escapes included: the `\` of `\<` (then the
 * `<` opens a tag) or the backtick that opens a code span (whose text, never escaped, is then
 * read as Markdown and HTML). What follows is known only on the finished line, where
 * resolveAutolinks makes the mark a `\` (`https\://`, `www\.`: no renderer starts a link there,
 * the text reads the same) when the literal's run would take such a character, else nothing.
 */
const AUTOLINK_MARK = '\ufdd3';
export const LINE_MARKS = /[\ufdd0-\ufdd3]/g;

// Text cut into pieces this long for the inline escapes (see escapeInline); most text is one piece.
const PIECE = 1 << 22;
const WORD = /[\p{L}\p{N}#&]/u;
const WORD_AFTER = /^[\p{L}\p{N}]/u;

/**
 * The inline escapes, a few million characters at a time: V8 aborts the whole process (it is not
 * an exception) when one `replace` makes more than about 33 million replacements, which 40 MB of
 * `*` would. Pieces are cut only where no pattern looks across the cut: not after a letter, digit,
 * `#`, `&` or half a surrogate pair, and not between `_` and a letter.
 */
export function escapeInline(text: string, piece = PIECE): string {
  if (text.length <= piece) return text.replace(INLINE, '\\$&');
  let out = '';
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + piece, text.length);
    while (end < text.length && !canCut(text, end)) end++;
    out += text.slice(start, end).replace(INLINE, '\\$&');
    start = end;
  }
  return out;
}

function canCut(text: string, at: number): boolean {
  const before = text[at - 1]!;
  const code = before.charCodeAt(0);
  if ((code >= 0xd800 && code <= 0xdbff) || WORD.test(before)) return false;
  return !(before === '_' && WORD_AFTER.test(text.slice(at, at + 2)));
}

/**
 * Does the text hold one of our marks' characters? Four plain searches: V8 looks for one character
 * many times faster than a regex scans for a class (this runs for every text node and attribute).
 */
function hasMark(text: string): boolean {
  return text.includes(LINE_START_MARK) || text.includes(LINE_END_MARK) || text.includes(BANG_MARK) || text.includes(AUTOLINK_MARK);
}

/** Text with our marks' characters, if the input had any, made U+FFFD (they are noncharacters). */
export function unmark(text: string): string {
  return hasMark(text) ? text.replace(LINE_MARKS, '\ufffd') : text;
}

/** Each autolink literal's start marked (see AUTOLINK_MARK); resolveLineStarts settles the marks. */
function markAutolinks(text: string): string {
  return MAY_HOLD_AUTOLINK.test(text) ? text.replace(AUTOLINK_START, `$&${AUTOLINK_MARK}`) : text;
}

export function escapeMarkdown(text: string): string {
  return MAY_NEED_ESCAPING.test(text) || MAY_HOLD_AUTOLINK.test(text) ? escapeAllShapes(text) : text;
}

/** A text node as turndown writes it: escaped, its long runs of white space hidden (see space-runs.ts). */
export function escapeTextNode(text: string): string {
  // Most text nodes hold nothing any of the looks below would find: one scan for all of them says so.
  if (!MAY_NEED_ANYTHING.test(text)) return text;
  // A long run is made of white space turndown does not collapse; the two of it text has most.
  const mayHoldRun = text.length >= 34 && (text.includes('\u00a0') || text.includes('\u3000'));
  if (!mayHoldRun && !MAY_NEED_ESCAPING.test(text) && !MAY_HOLD_AUTOLINK.test(text)) return text;
  const escaped = escapeAllShapes(text);
  // (Looked for only in text that has such white space: the search for a run is a slow scan.)
  return NOT_COLLAPSED_SPACE.test(text) ? hideInnerRuns(escaped) : escaped;
}

// What MAY_NEED_ESCAPING, MAY_HOLD_AUTOLINK or the look for a long run can find, in one pattern: a
// text node is scanned once, not three times (V8 scans one pattern of alternatives about as fast
// as one of them; this runs for every text node).
const MAY_NEED_ANYTHING = new RegExp(`${MAY_NEED_ESCAPING.source}|${MAY_HOLD_AUTOLINK.source}|[\u00a0\u3000]`, 'i');

// White space turndown does not collapse.
const NOT_COLLAPSED_SPACE = /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\f\v]/;

/** escapeMarkdown without its first look (which only spares texts this would hand back as they are). */
export function escapeAllShapes(text: string): string {
  // Marks never occur in real text (noncharacters), so text is never taken for one.
  const escaped = markAutolinks(escapeInline(unmark(text)))
    .replace(CLOSING_HASHES, `$1${LINE_END_MARK}\\$2`)
    .replace(LINE_START, (_m, indent: string, mark: string, rule?: string, digits?: string, delimiter?: string) => {
      if (digits) return `${indent}${digits}${LINE_START_MARK}\\${delimiter}`;
      return `${indent}${LINE_START_MARK}${rule ? LINE_END_MARK : ''}\\${mark}`;
    });
  return escaped.endsWith('!') ? `${escaped}${BANG_MARK}` : escaped;
}

// What may stand before a block's first text on its line: indentation, quote markers, list markers.
// A list marker counts only with the white space that makes it one (`*text` is not a list).
const CONTAINER_PREFIX = /^[ \t]*(?:>[ \t]*|(?:[-+*]|\d{1,9}[.)])[ \t]+)*$/;
// A marked escape (a number's digits come before its mark: `1\ufdd0\.`).
const MARKED = /(\d*)(\ufdd0?)(\ufdd1?)\\/g;
// What may follow a line-end escape's `\` on its line: the run it escapes, then white space.
const RUN_TO_LINE_END = /^(?:#+|=+|-+)[ \t]*$/;

/** Keeps each marked escape where its line really starts (or ends) there; drops it elsewhere. */
export function resolveLineStarts(markdown: string): string {
  if (markdown.includes(BANG_MARK)) markdown = markdown.replace(/!\ufdd2(?=(\[)?)/g, (_m, bracket?: string) => (bracket ? '\\!' : '!'));
  if (markdown.includes(LINE_START_MARK) || markdown.includes(LINE_END_MARK)) markdown = resolveEdgeEscapes(markdown);
  return markdown.includes(AUTOLINK_MARK) ? resolveAutolinks(markdown) : markdown;
}

// Where an autolink literal's run ends: at a space or `<` (marked's rule, the widest of the three).
const RUN_END = /[\s<]/g;

/**
 * Each autolink mark made a `\` where the literal after it would take a backtick or the `\` of
 * `\<`, else dropped. One pass however many marks and however long the line: the next run end and
 * the next backtick are each searched for again only once a mark has passed them.
 */
function resolveAutolinks(markdown: string): string {
  let out = '';
  let from = 0;
  let runEnd = -1;
  let backtick = -1;
  for (let mark = markdown.indexOf(AUTOLINK_MARK); mark >= 0; mark = markdown.indexOf(AUTOLINK_MARK, mark + 1)) {
    if (runEnd <= mark) {
      RUN_END.lastIndex = mark;
      runEnd = RUN_END.exec(markdown)?.index ?? markdown.length;
    }
    if (backtick <= mark) backtick = markdown.indexOf('`', mark) >>> 0; // none: as far as can be
    const takesEscapedLt = markdown[runEnd] === '<' && markdown[runEnd - 1] === '\\';
    out += markdown.slice(from, mark) + (backtick < runEnd || takesEscapedLt ? '\\' : '');
    from = mark + 1;
  }
  return out + markdown.slice(from);
}

function resolveEdgeEscapes(markdown: string): string {
  return markdown.replace(MARKED, (m, digits: string, start: string, end: string, offset: number, whole: string) => {
    if (!start && !end) return m; // an ordinary escape
    const lineStart = whole.lastIndexOf('\n', offset - 1) + 1;
    const lineEnd = whole.indexOf('\n', offset);
    const before = whole.slice(lineStart, offset).replace(LINE_MARKS, '');
    const after = whole.slice(offset + m.length, lineEnd < 0 ? whole.length : lineEnd).replace(LINE_MARKS, '');
    const keep = (!start || CONTAINER_PREFIX.test(before)) && (!end || RUN_TO_LINE_END.test(after));
    return keep ? `${digits}\\` : digits;
  });
}

// An address without anything linkDestination encodes, escapes, or wraps in `<…>` for (nor our marks).
const PLAIN_DESTINATION = /^[^<>\u0000-\u0020\u007f\\`&()\s\ufdd0-\ufdd3]*$/;

/**
 * A link or image destination: bare when safe, in `<…>` when it has spaces or parentheses. Nothing
 * in it may stop the link from being read as one (its text and title would then be read as text):
 * ASCII control characters, which no destination may hold, are percent-encoded.
 */
export function linkDestination(url: string): string {
  // Most addresses hold nothing any step below acts on but the autolink mark: one look for them.
  return PLAIN_DESTINATION.test(url) ? markAutolinks(url) : encodedDestination(url);
}

/** linkDestination without its first look (which only spares addresses this would hand back marked alone). */
export function encodedDestination(url: string): string {
  // A backslash or `&copy;` in a URL would be read as an escape or an entity, a backtick as the
  // start of a code span if the link failed after all: each is escaped.
  const clean = unmark(url)
    .replace(/[<>\u0000-\u001f\u007f]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
    .replace(/[\\`]|&(?=#?[A-Za-z0-9]+;)/g, '\\$&');
  // Should a renderer read the link as text after all, the address is an autolink literal there.
  const marked = markAutolinks(clean);
  return /[\s()]/.test(clean) ? `<${marked}>` : marked;
}

// In a title: `"` and `\` escaped; `<`, `[`, `]` and the backtick as character references, which a
// title reads as the character and, should the link not be read as one, text reads as text (a
// backslash before them could be taken by an autolink literal in the title).
const TITLE_SPECIAL = /["\\]|&(?=#?[A-Za-z0-9]+;)|[<>[\]`]/g;
const TITLE_REFERENCES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '[': '&#91;', ']': '&#93;', '`': '&#96;' };

/**
 * A link title, quoted: inert as a title, and as text should a renderer not read the link (where an
 * autolink literal in it could run on past the closing quote: its start is marked as in text).
 */
export function linkTitle(title: string): string {
  return `"${markAutolinks(unmark(title).replace(TITLE_SPECIAL, (c) => TITLE_REFERENCES[c] ?? `\\${c}`))}"`;
}
