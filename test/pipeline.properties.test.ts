/**
 * Property tests (fast-check) over the whole pipeline: for arbitrary text and bytes, for generated
 * HTML full of hostile and Markdown-significant pieces, and for mutated real inputs, `normalize`
 *   - throws nothing but FeedcleanError (and terminates: every run is bounded by the test timeout),
 *   - is deterministic,
 *   - emits nothing executable (see test/support/hostile.ts),
 *   - is idempotent: its Markdown, read again, gives the same Markdown byte for byte.
 * `npm test` runs a fixed seed; `npm run fuzz` runs many more cases with a fresh seed (printed, so a
 * failure can be replayed with FUZZ_SEED=…).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFeedcleanError, normalize, renderMarkdown, type Item } from '../src/index.js';
import { fixtureCases, fixturesDir } from './support/fixtures.js';
import { executableInHtml, executableInMarkdown } from './support/hostile.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const TIMEOUT = Math.max(60_000, RUNS * 200);
const params = { numRuns: RUNS, seed: SEED };

/** The items, or [] when the input is refused with our own error; anything else is a failure. */
function run(input: string | Uint8Array): Item[] {
  try {
    return normalize(input);
  } catch (error) {
    if (isFeedcleanError(error)) return [];
    throw error;
  }
}

/** Every property at once, for one input. */
function holdsFor(input: string | Uint8Array): void {
  const items = run(input);
  expect(run(input)).toEqual(items); // deterministic
  for (const item of items) {
    expect(executableInHtml(item.html)).toEqual([]);
    const document = renderMarkdown(item);
    expect(executableInMarkdown(document)).toEqual([]);
    const again = run(document);
    expect(again.length, 'our own Markdown must read back').toBe(1);
    expect(renderMarkdown(again[0]!)).toBe(document);
  }
}

// Pieces that stress the sanitizer, the Markdown escaper and the structure repairs.
const TAGS = [
  'p',
  'div',
  'span',
  'b',
  'strong',
  'i',
  'em',
  'a',
  'img',
  'br',
  'ul',
  'ol',
  'li',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'pre',
  'code',
  'table',
  'tr',
  'td',
  'th',
  'figure',
  'figcaption',
  's',
  'sup',
  'script',
  'style',
  'svg',
  'iframe',
  'noscript',
  'template',
  'math',
  'textarea',
  'title',
  'small',
  'u',
  'hr',
  'q',
];
const ATTRS = [
  'href="https://example.com/a_b"',
  'href="javascript:alert(1)"',
  'href=" jav&#x09;ascript:alert(1)"',
  'src="https://images.weserv.nl/?url=example.com/i.jpg"',
  'src="data:image/svg+xml,x"',
  'src="x.png"',
  'onerror="alert(1)"',
  'style="x:expression(alert(1))"',
  'alt="a]b*c_d"',
  'title="t\'&quot;"',
  'class="x"',
  'start="3"',
  'colspan="2"',
];
const TEXTS = [
  'text',
  'foo_bar',
  '*star*',
  '_under_',
  '[x](y)',
  '![i](j)',
  '1. one',
  '- dash',
  '+ plus',
  '# hash',
  '> quote',
  '`tick`',
  '\\back',
  '<not a tag>',
  '&amp;',
  '&lt;b&gt;',
  '|pipe|',
  '请点击',
  '「这里」',
  '—',
  '   ',
  '\n',
  '2023-09-05',
  'javascript:alert(1)',
  '---',
  '===',
  '~~x~~',
  '<!-- c -->',
  'a  b',
  '\u00a0',
  '😀',
];

const html: fc.Arbitrary<string> = fc.letrec<{ node: string; nodes: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...TEXTS),
    fc
      .tuple(fc.constantFrom(...TAGS), fc.subarray(ATTRS, { maxLength: 3 }), tie('nodes'), fc.boolean())
      .map(([tag, attrs, inner, close]) => `<${tag}${attrs.map((a) => ` ${a}`).join('')}>${inner}${close ? `</${tag}>` : ''}`),
  ),
  nodes: fc.array(tie('node'), { maxLength: 5 }).map((parts) => parts.join('')),
})).nodes;

const asKinds = (body: string) => [
  body,
  `<!--1693878424000-->\n[Title](https://www.dw.com/zh/a-1)\n------\n\n${body}`,
  JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', url: 'https://example.com/', content_html: body }] }),
];

function realInputs(): string[] {
  return ['dump', 'feed'].flatMap((family) =>
    fixtureCases(family).map((name) => {
      const dir = join(fixturesDir, family, name);
      return readFileSync(
        join(
          dir,
          readdirSync(dir).find((f) => f.startsWith('input.'))!,
        ),
        'utf8',
      );
    }),
  );
}

/** A real input, cut short, its tags shuffled, attributes doubled, or text spliced in. */
const mutated: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...realInputs()), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 3 }), fc.constantFrom(...TEXTS, ...ATTRS))
  .map(([input, a, b, kind, piece]) => {
    const at = a % (input.length + 1);
    switch (kind) {
      case 0: // truncated
        return input.slice(0, at);
      case 1: {
        // two tags swapped
        const tags = [...input.matchAll(/<[^<>]{1,200}>/g)];
        if (tags.length < 2) return input;
        const x = tags[a % tags.length]!;
        const y = tags[b % tags.length]!;
        const [first, second] = x.index! < y.index! ? [x, y] : [y, x];
        if (first.index! + first[0].length > second.index!) return input;
        return (
          input.slice(0, first.index) +
          second[0] +
          input.slice(first.index! + first[0].length, second.index) +
          first[0] +
          input.slice(second.index! + second[0].length)
        );
      }
      case 2: {
        // an attribute doubled on one tag
        const tags = [...input.matchAll(/<([a-z][a-z0-9]*)\b/gi)];
        if (!tags.length) return input;
        const tag = tags[a % tags.length]!;
        const end = tag.index! + tag[0].length;
        return `${input.slice(0, end)} ${piece.includes('=') ? piece : 'title="x"'} ${piece.includes('=') ? piece : 'title="y"'}${input.slice(end)}`;
      }
      default:
        return input.slice(0, at) + piece + input.slice(at);
    }
  });

describe(`normalize, as properties (seed ${SEED}, ${RUNS} runs each)`, () => {
  it('arbitrary text', () => fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), holdsFor), params), TIMEOUT);
  it('arbitrary bytes', () => fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), holdsFor), params), TIMEOUT);
  it(
    'generated HTML as a bare body, a dump and a JSON Feed',
    () =>
      fc.assert(
        fc.property(html, (body) => asKinds(body).forEach(holdsFor)),
        params,
      ),
    TIMEOUT,
  );
  it(
    'mutated real inputs (truncated, tags swapped, attributes doubled, text spliced in)',
    () => fc.assert(fc.property(mutated, holdsFor), params),
    TIMEOUT,
  );
});
