#!/usr/bin/env node
// Builds the CommonJS form of the library, dist/cjs/, for `require('feedclean')` (package.json's
// `require` condition): one bundled file, dist/cjs/index.js, with the declarations beside it and a
// package.json saying `"type": "commonjs"`, so TypeScript reads those declarations as CommonJS.
// Run by `npm run build`, after tsc has written dist/.
//
// Dependencies that can be required stay external, loaded from node_modules as by the ES module
// build (one copy each in a process that uses both). Those published only as ES modules (parse5,
// entities) are bundled in: before Node 20.19, require() cannot load an ES module at all.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const out = join(dist, 'cjs');
const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function requirable(name) {
  const manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));
  const entry = typeof manifest.exports === 'object' && manifest.exports !== null ? (manifest.exports['.'] ?? manifest.exports) : null;
  return manifest.type !== 'module' || (entry !== null && typeof entry === 'object' && 'require' in entry);
}

const external = Object.keys(dependencies).filter(requirable);

await build({
  entryPoints: [join(root, 'src', 'index.ts')],
  outfile: join(out, 'index.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Subpaths too (turndown/lib/…): every import of an external package stays an import.
  external: external.flatMap((name) => [name, `${name}/*`]),
  // The lazy loaders resolve their modules from the bundle's own address (createRequire(import.meta.url)).
  define: { 'import.meta.url': '__feedcleanUrl' },
  banner: { js: '"use strict";\nconst __feedcleanUrl = require("url").pathToFileURL(__filename).href;' },
  legalComments: 'inline',
  logLevel: 'warning',
});

writeFileSync(join(out, 'package.json'), '{ "type": "commonjs" }\n');

// The declarations tsc wrote for the ES module build, again under dist/cjs/: the same types, read
// as CommonJS there because of the package.json above (a CommonJS consumer may not import ESM types).
function copyDeclarations(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    // (The CLI's modules are no part of the library's surface.)
    if (path === out || path === join(dist, 'cli')) continue;
    if (entry.isDirectory()) copyDeclarations(path);
    else if (entry.name.endsWith('.d.ts')) {
      const target = join(out, relative(dist, path));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(path, target);
    }
  }
}
copyDeclarations(dist);
