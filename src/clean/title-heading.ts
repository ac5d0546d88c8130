/** A body that opens with the item's own title as a heading repeats it: the document already has `# title`. */
import { Element, type Fragment } from '../tree/dom.js';
import { isBlankText, normalizeSpace, textOf } from '../tree/text.js';

/** Returns the heading it removed, or null. */
export function dropTitleHeading(root: Fragment, title: string | null): Element | null {
  if (!title) return null;
  const first = root.childNodes.find((n) => !isBlankText(n));
  if (!(first instanceof Element && /^h[1-3]$/.test(first.tagName) && textOf(first) === normalizeSpace(title))) return null;
  first.remove();
  return first;
}
