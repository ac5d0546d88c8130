#!/usr/bin/env node
// Runs a Node script in this process and, when it exits, writes {"maxRssKb": …} to file
// descriptor 3: the peak resident set of the whole process, worker threads included.
// Used by scripts/bench.mjs: node scripts/lib/peak-rss.mjs SCRIPT [ARGS…]
import { writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => writeSync(3, `${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`));
await import(pathToFileURL(resolve(script)).href);
