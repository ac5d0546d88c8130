/**
 * The allowlist the sanitizer enforces (in the manner of hast-util-sanitize's schema): which
 * elements stay, which attributes each keeps, which URL schemes are allowed. Everything not listed
 * is unwrapped (its content kept) unless it is in `dropWithContent`.
 */
export interface SanitizeSchema {
  /** element → attributes it keeps */
  allow: Record<string, readonly string[]>;
  /** Synonyms folded into one name, so later stages (and adjacent-run merging) see one tag. */
  rename: Record<string, string>;
  /** Inline formatting elements whose adjacent runs (`<b>a</b><b>b</b>`) are merged into one. */
  mergeAdjacent: ReadonlySet<string>;
  /** Elements removed together with everything inside them. */
  dropWithContent: ReadonlySet<string>;
  /** Those of them the embed stage turns into links first (players, frames, their sources). */
  mediaEmbeds: ReadonlySet<string>;
  /** Attributes holding URLs, and the schemes each may use. */
  urlAttributes: Record<string, readonly string[]>;
  /** `data:` URLs allowed in image sources: raster image types only (never SVG, which can script). */
  dataImage: RegExp;
}

const none: readonly string[] = [];

export const sanitizeSchema: SanitizeSchema = {
  // prettier-ignore
  allow: {
    p: none, br: none, hr: none, h1: none, h2: none, h3: none, h4: none, h5: none, h6: none,
    blockquote: ['cite'], pre: none, code: none, ul: none, ol: ['start'], li: none,
    dl: none, dt: none, dd: none,
    strong: none, b: none, em: none, i: none, u: none, s: none, del: none, ins: none, sub: none, sup: none,
    mark: none, small: none, q: ['cite'], cite: none, abbr: ['title'], kbd: none, samp: none, var: none, time: ['datetime'],
    a: ['href', 'title'],
    img: ['src', 'alt', 'title'],
    figure: none, figcaption: none,
    table: none, caption: none, thead: none, tbody: none, tfoot: none, tr: none, th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'],
    div: none,
  },
  // Sectioning and form wrappers become plain blocks, so their text keeps its paragraph breaks.
  // prettier-ignore
  rename: {
    b: 'strong', i: 'em', strike: 's', del: 's',
    section: 'div', article: 'div', aside: 'div', header: 'div', footer: 'div', main: 'div', nav: 'div',
    address: 'div', center: 'div', details: 'div', summary: 'p', hgroup: 'div', form: 'div', fieldset: 'div',
    legend: 'p', menu: 'ul', dir: 'ul', dialog: 'div', search: 'div', listing: 'pre', xmp: 'pre', plaintext: 'pre',
  },
  mergeAdjacent: new Set(['strong', 'em', 's', 'u', 'sub', 'sup', 'code', 'mark', 'small']),
  // <object> and <applet> are not here: their content is the fallback a browser shows when the
  // plugin does not run, and we never run it, so the fallback is what the reader should get. Nor
  // are <marquee> (unwrapped: its text is shown, scrolling) and <xmp>, <plaintext> (preformatted
  // text a browser shows as written: renamed <pre>).
  // prettier-ignore
  dropWithContent: new Set([
    'script', 'style', 'template', 'iframe', 'frame', 'frameset', 'embed', 'param',
    'input', 'button', 'select', 'option', 'optgroup', 'textarea', 'datalist', 'output',
    'svg', 'math', 'canvas', 'head', 'title', 'meta', 'link', 'base', 'noembed', 'noframes',
    'video', 'audio', 'source', 'track', 'map', 'area', 'portal', 'slot',
  ]),
  mediaEmbeds: new Set(['iframe', 'frame', 'frameset', 'embed', 'param', 'video', 'audio', 'source', 'track']),
  urlAttributes: {
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https', 'data'],
    cite: ['http', 'https'],
  },
  dataImage: /^data:image\/(?:png|gif|jpe?g|webp|avif|bmp);/i,
};
