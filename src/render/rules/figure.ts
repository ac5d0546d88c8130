/** `<figure>`: its images, any text beside them as a paragraph, and its caption emphasized. */
import { Element } from '../../tree/dom.js';
import { normalizeSpace, textOf } from '../../tree/text.js';
import { escapeMarkdown, linkDestination } from '../escape.js';
import { imageMarkdown } from './image.js';
import { asElement, type MarkdownRule } from './types.js';

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
    if (captionText) parts.push(`*${escapeMarkdown(captionText)}*`);
    return `\n\n${parts.filter(Boolean).join('\n\n')}\n\n`;
  },
};
