#!/usr/bin/env node
// Builds the bin as one file, dist/feedclean.cjs, and a V8 code cache for it. A run then loads one
// file instead of ~200 modules, compiles nothing it has compiled before, and never loads
// turndown's own HTML parser (feedclean gives turndown parsed trees). Run by `npm run build`.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist', 'feedclean.cjs');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

await build({
  entryPoints: [join(root, 'src', 'cli', 'bundle.ts')],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  keepNames: false,
  legalComments: 'linked',
  alias: {
    '@mixmark-io/domino': join(root, 'src', 'cli', 'domino-stub.ts'),
    // commander loads child_process (and with it net, dgram …) for executable subcommands, which
    // feedclean does not have.
    'node:child_process': join(root, 'src', 'cli', 'child-process-stub.ts'),
  },
  // The bundle is its own worker entry; import.meta.url means the bundle's own address.
  define: { __FEEDCLEAN_WORKER_ENTRY__: '__filename', 'import.meta.url': '__feedcleanUrl', __FEEDCLEAN_VERSION__: JSON.stringify(version) },
  banner: { js: 'const __feedcleanUrl = require("url").pathToFileURL(__filename).href;' },
  // Loaded at run time from node_modules only when needed: iconv-lite and chardet for legacy
  // encodings (see src/input/decode.ts), the YAML parser and the schema validator for --rules (src/rules/load.ts),
  // markdown-it and the YAML parser for Markdown documents as input (src/input/markdown.ts).
  external: ['iconv-lite', 'chardet', 'yaml', 'ajv', 'markdown-it'],
  logLevel: 'warning',
});

// The code cache is written by running the bin once on the sample, so functions compiled lazily
// during a real run are in it too (bin/feedclean.cjs writes it when FEEDCLEAN_WRITE_CODE_CACHE is set).
rmSync(`${out}.cache`, { force: true });
execFileSync(process.execPath, [join(root, 'bin', 'feedclean.cjs'), join(root, 'fixtures', 'dump', 'dw-sample', 'input.md')], {
  env: { ...process.env, FEEDCLEAN_WRITE_CODE_CACHE: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
