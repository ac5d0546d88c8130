/**
 * What counts as executable in our output, checked the way a browser would see it: HTML is parsed
 * by parse5 (the HTML standard's parser), Markdown is rendered by markdown-it with raw HTML allowed
 * and its own link filter turned off, so that only what *we* wrote decides the outcome.
 */
import MarkdownIt from 'markdown-it';
import { parseFragment } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];

/** Elements that run code, load active content, restyle the page or re-target its links. */
const ACTIVE_ELEMENTS = new Set([
  'script',
  'style',
  'base',
  'meta',
  'link',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'param',
  'svg',
  'math',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'template',
  'noscript',
  'noembed',
  'noframes',
  'xmp',
  'plaintext',
  'portal',
  'video',
  'audio',
  'source',
  'track',
  'bgsound',
  'layer',
  'ilayer',
  'xml',
  'import',
]);

/** Attributes whose value is fetched or followed as a URL. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'data',
  'xlink:href',
  'poster',
  'background',
  'lowsrc',
  'dynsrc',
  'cite',
  'longdesc',
  'usemap',
  'codebase',
  'manifest',
  'ping',
  'profile',
  'srcdoc',
  'classid',
  'archive',
]);

// Browsers drop these inside a scheme (`java\tscript:`, `java&#x09;script:` once decoded).
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g;
const RASTER_DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|avif|bmp);/i;

/** Why a URL in attribute `attr` would run code or load active content, or null when it is safe. */
export function unsafeUrl(value: string, attr = 'href'): string | null {
  const compact = value.replace(IGNORED_IN_SCHEME, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
  if (!scheme) return null;
  if (['javascript', 'vbscript', 'livescript', 'mocha', 'jscript', 'feed', 'view-source', 'file'].includes(scheme))
    return `${scheme}: URL in ${attr}`;
  if (scheme === 'data' && !(attr === 'src' && RASTER_DATA_IMAGE.test(compact))) return `data: URL in ${attr} (${compact.slice(0, 40)})`;
  return null;
}

/** Every executable thing in an HTML string, described; empty when it is safe. */
export function executableInHtml(html: string): string[] {
  const found: string[] = [];
  const visit = (node: Node): void => {
    if ('tagName' in node) {
      if (ACTIVE_ELEMENTS.has(node.tagName)) found.push(`<${node.tagName}>`);
      for (const { name, value } of node.attrs) {
        const lower = name.toLowerCase();
        if (lower.startsWith('on')) found.push(`${lower}= on <${node.tagName}>`);
        else if (lower === 'style') found.push(`style= on <${node.tagName}>`);
        else if (lower === 'http-equiv') found.push(`http-equiv on <${node.tagName}>`);
        else if (URL_ATTRIBUTES.has(lower)) {
          const why = unsafeUrl(value, lower === 'src' && node.tagName === 'img' ? 'src' : lower);
          if (why) found.push(`${why} on <${node.tagName}>`);
        } else if (lower === 'srcset') {
          for (const candidate of value.split(',')) {
            const why = unsafeUrl(candidate.trim().split(/\s+/)[0] ?? '', 'srcset');
            if (why) found.push(`${why} on <${node.tagName}>`);
          }
        }
      }
    }
    const children = 'content' in node && node.content ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
    for (const child of children as Node[]) visit(child);
  };
  visit(parseFragment(html) as unknown as Node);
  return found;
}

const markdownIt = new MarkdownIt({ html: true, linkify: false });
markdownIt.validateLink = () => true; // see what our Markdown says, not what markdown-it would refuse

/** Markdown rendered as a CommonMark reader would (raw HTML on), and what in it is executable. */
export function executableInMarkdown(markdown: string): string[] {
  return executableInHtml(markdownIt.render(markdown));
}

export function renderCommonMark(markdown: string): string {
  return markdownIt.render(markdown);
}
