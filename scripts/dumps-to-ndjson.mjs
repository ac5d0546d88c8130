#!/usr/bin/env node
// Turns a directory of dumps (or feeds) into the NDJSON that `feedclean --input-format ndjson`
// reads: one {"name": <path>, "content": <text>} per file, walked recursively in name order,
// hidden entries skipped. A file that is not valid UTF-8 goes as {"content_base64": …} so its
// bytes reach feedclean's decoder untouched.
//
//   node scripts/dumps-to-ndjson.mjs DIR [DIR…] > items.ndjson
import { isUtf8 } from 'node:buffer';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const EXTENSIONS = ['.md', '.txt', '.html', '.htm', '.xml', '.rss', '.atom', '.rdf', '.json'];

function* files(dir) {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) yield path;
  }
}

const dirs = process.argv.slice(2);
if (!dirs.length) {
  process.stderr.write('usage: node scripts/dumps-to-ndjson.mjs DIR [DIR…] > items.ndjson\n');
  process.exit(2);
}
let failed = false;
for (const dir of dirs) {
  const paths = statSync(dir, { throwIfNoEntry: false })?.isDirectory() ? files(dir) : [dir];
  for (const path of paths) {
    let bytes;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      process.stderr.write(`dumps-to-ndjson: ${path}: ${error.message}\n`);
      failed = true;
      continue;
    }
    const line = isUtf8(bytes) ? { name: path, content: bytes.toString('utf8') } : { name: path, content_base64: bytes.toString('base64') };
    if (!process.stdout.write(`${JSON.stringify(line)}\n`)) await new Promise((r) => process.stdout.once('drain', r));
  }
}
process.exitCode = failed ? 1 : 0;
