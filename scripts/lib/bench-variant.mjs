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
if (variant === 'floor') {
  run = (i) => parseFragment(bodies[i]);
} else if (variant === 'naive') {
  // Our turndown options, none of our rules: what a first version would do.
  const { TURNDOWN_OPTIONS } = await import('../../dist/render/markdown.js');
  const service = new TurndownService(TURNDOWN_OPTIONS);
  run = (i) => service.turndown(serialize(parseFragment(bodies[i])));
} else {
  const { normalize, renderMarkdown, renderNdjsonLine } = await import('../../dist/index.js');
  const render = variant === 'markdown' ? renderMarkdown : renderNdjsonLine;
  run = (i) => {
    for (const item of normalize(dumps[i])) render(item);
  };
}

parentPort.on('message', ({ from, to }) => {
  const t0 = performance.now();
  for (let i = from; i < to; i++) run(i);
  parentPort.postMessage(performance.now() - t0);
});
parentPort.postMessage('ready');
