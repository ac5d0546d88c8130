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
  // Where an item's time goes: each stage timed alone on the chunk, its input prepared untimed.
  const { decode } = await import('../../dist/input/decode.js');
  const { parseDump } = await import('../../dist/input/dump.js');
  const { clean } = await import('../../dist/clean/index.js');
  const { toMarkdown } = await import('../../dist/render/markdown.js');
  const { plainText } = await import('../../dist/extract/text.js');
  const { toHtml } = await import('../../dist/tree/parse.js');
  const { packsFor, timeZoneFor } = await import('../../dist/rules/index.js');
  const texts = dumps.map((d) => decode(d).text);
  const cleanRaw = (raw) => {
    const packs = packsFor(raw.url);
    return clean({ body: raw.body, itemUrl: raw.url, title: raw.title, packs, timeZone: timeZoneFor(packs), keepProxies: false });
  };
  const timed = (items, fn) => {
    const t0 = performance.now();
    for (const x of items) fn(x);
    return performance.now() - t0;
  };
  run = null;
  runStages = (from, to) => {
    const range = dumps.slice(from, to);
    const textRange = texts.slice(from, to);
    const stages = { decode: timed(range, decode), parse: timed(textRange, parseDump) };
    const parsed = textRange.map(parseDump);
    stages.clean = timed(parsed, cleanRaw);
    const cleaned = () =>
      textRange.map((t) => {
        const raw = parseDump(t);
        cleanRaw(raw);
        return raw.body;
      });
    stages.markdown = timed(cleaned(), toMarkdown);
    stages.text = timed(cleaned(), plainText);
    stages.html = timed(cleaned(), toHtml);
    return stages;
  };
} else {
  const { normalize, renderMarkdown, renderNdjsonLine } = await import('../../dist/index.js');
  const render = variant === 'markdown' ? renderMarkdown : renderNdjsonLine;
  run = (i) => {
    for (const item of normalize(dumps[i])) render(item);
  };
}

parentPort.on('message', ({ from, to }) => {
  if (runStages) return parentPort.postMessage(runStages(from, to));
  const t0 = performance.now();
  for (let i = from; i < to; i++) run(i);
  parentPort.postMessage(performance.now() - t0);
});
parentPort.postMessage('ready');
