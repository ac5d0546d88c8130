/**
 * Our Markdown through the three renderers people most often put it in front of: markdown-it
 * (raw HTML on, linkify on, its own link filter off), marked (its defaults: GFM, raw HTML passed
 * through, no URL filter) and commonmark.js (raw HTML on). Each renderer's HTML is then judged as a
 * browser would parse it (see support/hostile.ts): what any one of them lets through counts.
 */
import * as commonmark from 'commonmark';
import MarkdownIt from 'markdown-it';
import { Marked } from 'marked';
import { executableInHtml } from '../support/hostile.js';

const markdownIt = new MarkdownIt({ html: true, linkify: true });
markdownIt.validateLink = () => true; // see what our Markdown says, not what markdown-it would refuse

const marked = new Marked(); // defaults: gfm on, no sanitizing (marked has none)

const commonmarkReader = new commonmark.Parser();
const commonmarkWriter = new commonmark.HtmlRenderer({ safe: false });

export const RENDERERS: Record<string, (markdown: string) => string> = {
  'markdown-it': (markdown) => markdownIt.render(markdown),
  marked: (markdown) => marked.parse(markdown, { async: false }),
  commonmark: (markdown) => commonmarkWriter.render(commonmarkReader.parse(markdown)),
};

/** Everything executable in the HTML any of the three renderers makes of this Markdown, named by renderer. */
export function executableInAnyRenderer(markdown: string): string[] {
  return Object.entries(RENDERERS).flatMap(([name, render]) => executableInHtml(render(markdown)).map((found) => `${name}: ${found}`));
}
