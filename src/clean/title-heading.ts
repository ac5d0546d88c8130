/** A body that opens with the item's own title as a heading repeats it: the document already has `# title`. */
import { Element, type Fragment } from '../tree/dom.js';
import { isBlankText, normalizeSpace, textOf } from '../tree/text.js';

export function dropTitleHeading(root: Fragment, title: string | null): void {
  if (!title) return;
  const first = root.childNodes.find((n) => !isBlankText(n));
  if (first instanceof Element && /^h[1-3]$/.test(first.tagName) && textOf(first) === normalizeSpace(title)) first.remove();
}
