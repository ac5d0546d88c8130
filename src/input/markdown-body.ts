/**
 * A Markdown body rendered to HTML in pieces, so memory stays bounded whatever its length.
 *
 * markdown-it holds every token of a document at once, and some shapes need hundreds of times
 * the text (4 MB of `a**b` took 1.7 GB). A long body is therefore cut between top-level blocks,
 * where CommonMark's parse starts afresh: markdown-it's own block parser, run on a window of the
 * text, says where each top-level block starts, and the text before the last start in the window
 * is a piece whose blocks the rest of the document can no longer change. The pieces share one
 * `env`, in which a first pass collects the link reference definitions of the whole body (a
 * definition may come after its use), so the HTML is the one the whole body would give.
 */
import type MarkdownIt from 'markdown-it';
import { FeedcleanError } from '../errors.js';

/** Bodies up to this size are rendered at once; longer ones in pieces of about this size. */
export const PIECE_CHARS = 256 * 1024;
/** A top-level block (a paragraph, a list, a quote, a code block) longer than this is refused. */
export const MAX_BLOCK_CHARS = 2 ** 20;

const LINE_HEAD = 1024;

type Token = ReturnType<MarkdownIt['parse']>[number];
type Env = Record<string, unknown>;

/** Offsets of the lines of `text`, the first line's (0) first. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

const BLANK = /^[ \t]*\r?$/;

/**
 * Where the piece starting at `from` ends: before the last top-level block that starts, after a
 * blank line, in a window of `size` characters or more (grown while it holds no such start). Only
 * after a blank line: cut short by the window, a block can read as two (a link definition whose
 * title goes on in the next line), but none that goes on past a blank line (code, a list) can.
 */
function pieceEnd(md: MarkdownIt, text: string, from: number, size: number): number {
  for (let window = Math.min(size, MAX_BLOCK_CHARS); ; window = Math.min(window * 2, MAX_BLOCK_CHARS)) {
    if (text.length - from <= window) return text.length;
    // A line may be megabytes long: the window ends within the line it reaches, at least
    // LINE_HEAD characters into it, enough for what decides whether a block starts there.
    const lineStart = text.lastIndexOf('\n', from + window - 1) + 1;
    const lineEnd = text.indexOf('\n', lineStart);
    const to = Math.min(lineEnd < 0 ? text.length : lineEnd + 1, Math.max(from + window, lineStart + LINE_HEAD));
    {
      const source = text.slice(from, to);
      const starts = lineStarts(source);
      const line = (n: number) => source.slice(starts[n], starts[n + 1] ?? source.length).replace(/\n$/, '');
      const tokens: Token[] = [];
      md.block.parse(source, md, {}, tokens);
      let cut = 0;
      for (const token of tokens) {
        const start = token.level === 0 && token.map ? token.map[0] : 0;
        if (start > cut && BLANK.test(line(start - 1))) cut = start;
      }
      if (cut > 0) return from + starts[cut]!;
    }
    if (window >= MAX_BLOCK_CHARS) {
      const at = text.slice(0, from).split('\n').length;
      throw new FeedcleanError('INPUT_TOO_LARGE', `Markdown block at line ${at} of the body is over 1 MiB (the limit for one block)`);
    }
  }
}

/** The body's HTML, as `md.render(text)` gives it, in pieces of about `size` characters. */
export function renderBody(md: MarkdownIt, text: string, size = PIECE_CHARS): string {
  if (text.length <= size) return md.render(text);
  const pieces: string[] = [];
  for (let from = 0; from < text.length;) {
    const to = pieceEnd(md, text, from, size);
    pieces.push(text.slice(from, to));
    from = to;
  }
  const env: Env = {};
  for (const piece of pieces) md.block.parse(piece, md, env, []);
  return pieces.map((piece) => md.render(piece, env)).join('');
}
