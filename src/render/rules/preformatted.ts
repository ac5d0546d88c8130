/**
 * `<pre>` (with or without `<code>`): a fenced block whose fence no line inside can close.
 *
 * A closing fence is a backtick run at least as long as the opening one, indented up to three
 * spaces — after a CR as well as an LF, and counted from the container's own indentation in a list
 * or quote. The text inside is never escaped, so a line that closes the block early turns the rest
 * (`<img onerror>` written as code) into raw HTML. The fence is therefore longer than every backtick
 * run in the text wherever it stands, and CR line ends become LF so that the list or quote prefix
 * is put before every line the renderer sees (turndown's own rule looks only at runs at a line's
 * very start, and only at LF).
 */
import { hideLongRuns } from '../space-runs.js';
import { asElement, type MarkdownRule } from './types.js';

/** The shortest backtick fence (three at least) that no run of backticks in `text` can close. */
export function fenceFor(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return '`'.repeat(Math.max(3, longest + 1));
}

export const preformatted: MarkdownRule = {
  filter: 'pre',
  replacement: (_content, node) => {
    // No info string: the sanitizer has taken the classes that named a language.
    const text = asElement(node).textContent.replace(/\r\n?/g, '\n').replace(/\n$/, '');
    const fence = fenceFor(text);
    return `\n\n${fence}\n${hideLongRuns(text)}\n${fence}\n\n`;
  },
};
