/** A bare HTML fragment (input that is not a dump): the body is the whole input; the title is its first top-level heading. */
import { FeedcleanError } from '../errors.js';
import { Element } from '../tree/dom.js';
import { parseBody } from '../tree/parse.js';
import { isBlankText, textOf } from '../tree/text.js';
import type { RawItem } from '../types.js';

export function parseHtmlFragment(text: string): RawItem {
  const { root, truncation } = parseBody(text);
  if (!root.childNodes.some((n) => n instanceof Element)) {
    throw new FeedcleanError(
      'UNSUPPORTED_INPUT',
      'input is neither a feed dump nor HTML (no markup found; Markdown is read when it opens with YAML front matter)',
    );
  }
  // Bare HTML is an input like any other: reading it as such is no warning.
  const warnings: string[] = [];
  if (truncation.length) warnings.push(`HTML looks truncated (${[...new Set(truncation)].join(', ')}); output is best effort`);
  let title: string | null = null;
  const first = root.childNodes.find((n) => !isBlankText(n));
  if (first instanceof Element && /^h[1-2]$/.test(first.tagName)) {
    title = textOf(first) || null;
    first.remove();
  }
  return { format: 'html', title, url: null, captured: null, body: root, warnings };
}
