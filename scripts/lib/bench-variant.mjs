// One variant of the library benchmark, alone in its worker thread (see scripts/bench.mjs): loads
// the corpus once, then times the items [from, to) it is asked for.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { parseFragment, serialize } from 'parse5';
import TurndownService from 'turndown';

const { variant, dir } = workerData;
const names = readdirSync(join(dir, 'dumps')).sort();
const dumps = names.map((n) => readFileSync(join(dir, 'dumps', n)));
const bodies = names.map((n) => readFileSync(join(dir, 'bodies', n.replace(/\.md$/, '.html')), 'utf8'));

let run;
let runStages = null;
if (variant === 'floor') {
  run = (i) => parseFragment(bodies[i]);
} else if (variant === 'naive') {
  // Our turndown options, none of our rules: what a first version would do.
  const { TURNDOWN_OPTIONS } = await import('../../dist/render/markdown.js');
  const service = new TurndownService(TURNDOWN_OPTIONS);
  run = (i) => service.turndown(serialize(parseFragment(bodies[i])));
} else if (variant === 'stages') {
  // Where an item's time goes: each item goes through the stages one after another, as the pipeline
  // runs them (so the clean stage works on a freshly parsed, cache-warm tree), each stage timed on
  // its own; the renderers each get a tree of their own, cleaned untimed.
  const { decode } = await import('../../dist/input/decode.js');
  const { parseDump } = await import('../../dist/input/dump.js');
  const { clean } = await import('../../dist/clean/index.js');
  const { toMarkdown, TURNDOWN_OPTIONS } = await import('../../dist/render/markdown.js');
  const { withTextMemo } = await import('../../dist/tree/dom.js');
  const { default: BareTurndown } = await import('turndown/lib/turndown.browser.cjs.js');
  // What turndown costs on its own, on the same cleaned tree: its own rules, no escaping, handed the
  // tree itself as toMarkdown hands it (the bound under the Markdown target; see the README's Speed).
  const bare = new BareTurndown(TURNDOWN_OPTIONS);
  bare.escape = (text) => text;
  const bareTurndown = (root) => withTextMemo(() => bare.turndown({ nodeType: root.nodeType, cloneNode: () => root }));
  const { plainText } = await import('../../dist/extract/text.js');
  const { toHtml } = await import('../../dist/tree/parse.js');
  const { packsFor, timeZoneFor } = await import('../../dist/rules/index.js');
  const cleanRaw = (raw) => {
    const packs = packsFor(raw.url);
    return clean({ body: raw.body, itemUrl: raw.url, title: raw.title, packs, timeZone: timeZoneFor(packs), keepProxies: false });
  };
  const cleanedBody = (text) => {
    const raw = parseDump(text);
    cleanRaw(raw);
    return raw.body;
  };
  const stages = { decode: 0, parse: 0, clean: 0, markdown: 0, bareTurndown: 0, text: 0, html: 0 };
  const timed = (stage, fn, x) => {
    const t0 = performance.now();
    const out = fn(x);
    stages[stage] += performance.now() - t0;
    return out;
  };
  run = null;
  runStages = (from, to) => {
    for (const k of Object.keys(stages)) stages[k] = 0;
    for (let i = from; i < to; i++) {
      const text = timed('decode', decode, dumps[i]).text;
      timed('clean', cleanRaw, timed('parse', parseDump, text));
      timed('markdown', toMarkdown, cleanedBody(text));
      timed('bareTurndown', bareTurndown, cleanedBody(text));
      timed('text', plainText, cleanedBody(text));
      timed('html', toHtml, cleanedBody(text));
    }
    return { ...stages };
  };
} else {
  const { normalize, renderMarkdown, renderNdjsonLine } = await import('../../dist/index.js');
  const render = variant === 'markdown' ? renderMarkdown : renderNdjsonLine;
  // Each output asks only for what it prints, as the CLI does.
  const options = { outputs: variant === 'markdown' ? ['markdown'] : undefined };
  run = (i) => {
    for (const item of normalize(dumps[i], options)) render(item);
  };
}

parentPort.on('message', ({ from, to }) => {
  if (runStages) return parentPort.postMessage(runStages(from, to));
  const t0 = performance.now();
  for (let i = from; i < to; i++) run(i);
  parentPort.postMessage(performance.now() - t0);
});
parentPort.postMessage('ready');
