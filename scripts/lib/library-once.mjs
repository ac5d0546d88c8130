// The library over a directory of dumps, once, in a fresh process, as a program using it would:
// each file read, normalize(), renderMarkdown(), nothing written. The CLI's counterpart in
// scripts/bench.mjs (cliAgainstLibrary) runs `feedclean -j 1` over the same directory.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { normalize, renderMarkdown } from '../../dist/index.js';

const dir = process.argv[2];
let bytes = 0;
for (const name of readdirSync(dir).sort())
  for (const item of normalize(readFileSync(join(dir, name)), { input: join(dir, name) })) bytes += renderMarkdown(item).length;
if (!bytes) throw new Error('no output');
