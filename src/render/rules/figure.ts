/** `<figure>`: its images, any text beside them as a paragraph, and its caption emphasized (its links kept). */
import { Element } from '../../tree/dom.js';
import { normalizeSpace, textOf } from '../../tree/text.js';
import { escapeMarkdown, linkDestination } from '../escape.js';
import { imageMarkdown } from './image.js';
import { asElement, type MarkdownRule } from './types.js';

/** The caption as Markdown: its text escaped, its links (the figures stage leaves only those) as links. */
function captionMarkdown(caption: Element): string {
  let out = '';
  for (const node of caption.childNodes) {
    const href = node instanceof Element && node.tagName === 'a' ? node.getAttribute('href') : null;
    out += href ? `[${escapeMarkdown(normalizeSpace(node.textContent))}](${linkDestination(href)})` : escapeMarkdown(node.textContent);
  }
  return out.replace(/\s+/g, ' ').trim();
}

export const figure: MarkdownRule = {
  filter: 'figure',
  replacement: (_content, node) => {
    const figure = asElement(node);
    const caption = figure.children.find((c) => c.tagName === 'figcaption');
    const captionText = caption ? textOf(caption) : '';
    // An image that was a link (to a larger version, say) stays one.
    const images = figure.getElementsByTagName('img').map((img) => {
      const image = imageMarkdown(img, captionText);
      const link = img.parentNode instanceof Element && img.parentNode.tagName === 'a' ? img.parentNode.getAttribute('href') : null;
      return link ? `[${image}](${linkDestination(link)})` : image;
    });
    const parts = [images.join('\n\n')];
    // Text in the figure besides its caption (a credit beside the image) stays, as a paragraph.
    const besides = normalizeSpace(
      figure.childNodes
        .filter((c) => c !== caption)
        .map((c) => c.textContent)
        .join(' '),
    );
    if (besides) parts.push(escapeMarkdown(besides));
    if (caption && captionText) parts.push(`*${captionMarkdown(caption)}*`);
    return `\n\n${parts.filter(Boolean).join('\n\n')}\n\n`;
  },
};
