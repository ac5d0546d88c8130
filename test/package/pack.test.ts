/**
 * The package as npm publishes it: `npm pack` (its `prepack` builds from a clean dist/), the tarball
 * installed into a scratch project, and that project importing it as an ES module, requiring it
 * from CommonJS and type-checking against it in strict TypeScript (fixtures/package/consumer/).
 *
 * Offline: the pack runs in a copy of the sources that links this checkout's node_modules, and the
 * scratch project is installed by `npm ci --offline` from a lockfile made of this repository's
 * own (its production entries), so every dependency comes from npm's cache, where this checkout's
 * `npm ci` put it. Nothing else of this checkout is reachable from the scratch project: a
 * declaration that named a devDependency's types would not compile there.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir, repoRoot } from '../support/fixtures.js';

// What `npm pack` needs to build the package from scratch: the sources, the build scripts and the
// sample the bin's code cache is made on.
const BUILD_INPUTS = [
  'package.json',
  'package-lock.json',
  'README.md',
  'LICENSE',
  'tsconfig.json',
  'tsconfig.build.json',
  'bin',
  'schema',
  'scripts',
  'src',
  'fixtures/dump/dw-sample',
];
const consumerFixtures = join(fixturesDir, 'package', 'consumer');
const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');

let work = '';
let tarball = '';
let entries: string[] = [];
let project = '';

function run(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20, ...options });
  return { code: result.status, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? ''), error: result.error };
}

function mustRun(command: string, args: string[], options: SpawnSyncOptions = {}): string {
  const result = run(command, args, options);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.code}): ${result.error ?? ''}${result.stderr}`);
  return result.stdout;
}

/** The production part of this repository's lockfile, with feedclean itself as the tarball. */
function consumerLock(tarballName: string): object {
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, Record<string, unknown>>;
  };
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
  const spec = `file:${tarballName}`;
  const packages: Record<string, unknown> = {
    '': { name: 'feedclean-consumer', dependencies: { feedclean: spec } },
    'node_modules/feedclean': {
      version: manifest.version,
      resolved: spec,
      integrity: `sha512-${createHash('sha512')
        .update(readFileSync(join(project, tarballName)))
        .digest('base64')}`,
      license: manifest.license,
      dependencies: manifest.dependencies,
      bin: manifest.bin,
      engines: manifest.engines,
    },
  };
  for (const [path, entry] of Object.entries(lock.packages))
    if (path && !entry.dev && !entry.devOptional && !entry.link) packages[path] = entry;
  return { name: 'feedclean-consumer', lockfileVersion: 3, requires: true, packages };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'feedclean-pack-'));
  const source = join(work, 'source');
  for (const path of BUILD_INPUTS) cpSync(join(repoRoot, path), join(source, path), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(source, 'node_modules'), 'dir');
  // Left over from an earlier build: a module since removed, and a source map. prepack starts
  // from an empty dist/, so neither may reach the tarball.
  mkdirSync(join(source, 'dist'));
  writeFileSync(join(source, 'dist', 'removed-module.js'), 'export {};\n//# sourceMappingURL=removed-module.js.map\n');
  writeFileSync(join(source, 'dist', 'removed-module.js.map'), '{"version":3,"sources":["../src/removed-module.ts"]}');

  project = join(work, 'project');
  mkdirSync(project);
  const packed = JSON.parse(mustRun('npm', ['pack', '--json', '--pack-destination', project], { cwd: source })) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  tarball = packed[0]!.filename;
  entries = packed[0]!.files.map((file) => file.path).sort();

  for (const name of readdirSync(consumerFixtures)) cpSync(join(consumerFixtures, name), join(project, name));
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'feedclean-consumer', private: true, dependencies: { feedclean: `file:${tarball}` } }),
  );
  writeFileSync(join(project, 'package-lock.json'), JSON.stringify(consumerLock(tarball)));
  mustRun('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: project });
  // Node's own types, as any TypeScript project for Node has them (and nothing else of ours).
  mkdirSync(join(project, 'node_modules', '@types'), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules', '@types', 'node'), join(project, 'node_modules', '@types', 'node'), 'dir');
}, 600_000);

// (Removing an installed project takes a while on a loaded machine.)
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
}, 120_000);

const installed = () => join(project, 'node_modules', 'feedclean');

/** What a consumer script printed (one JSON object), after checking it ran cleanly. */
function consumerRun(args: string[]): Record<string, unknown> {
  const result = run(process.execPath, args, { cwd: project });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

const PUBLIC_API = [
  'FeedcleanError',
  'builtInPacks',
  'isFeedcleanError',
  'loadRulePacks',
  'normalize',
  'normalizeEach',
  'normalizeFeed',
  'packsFor',
  'parseDate',
  'renderJson',
  'renderJsonFeed',
  'renderMarkdown',
  'renderNdjsonLine',
];

function expectWorkingConsumer(seen: Record<string, unknown>): void {
  expect(seen.exports).toEqual(PUBLIC_API);
  // Importing the library loads no DOM for turndown and sets no V8 flag in the host process.
  expect(seen.afterImport).toEqual({ domino: false, linearRegExp: false });
  expect(seen.afterRender).toEqual({ domino: false });
  expect(seen.markdown).toMatch(/^---\ntitle: Hello\n[\s\S]*\n---\n\n# Hello\n\nSome \*text\*\.\n$/);
  expect(seen.error).toEqual({ isFeedcleanError: true, instance: true, message: 'input is empty' });
  expect(seen.schemaTitle).toBe('feedclean item');
  expect(seen.rulesSchemaTitle).toBe('feedclean rule pack file');
  expect(seen.version).toBe(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version);
}

describe('the packed package', () => {
  it('holds the builds, declarations, schemas, README and LICENSE, and nothing stale', () => {
    for (const path of [
      'LICENSE',
      'README.md',
      'package.json',
      'bin/feedclean.cjs',
      'dist/feedclean.cjs',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cjs/index.js',
      'dist/cjs/index.d.ts',
      'dist/cjs/package.json',
      'schema/item.schema.json',
      'schema/rules.schema.json',
    ])
      expect(entries).toContain(path);
    expect(entries).not.toContain('dist/removed-module.js');
    expect(entries.filter((path) => path.endsWith('.map'))).toEqual([]);
    expect(entries.filter((path) => /^(src|test|fixtures|scripts)\//.test(path))).toEqual([]);
    expect(readFileSync(join(installed(), 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
  });

  it('points no file at a source map', () => {
    const scripts = filesUnder(installed()).filter((path) => /\.(c|m)?js$/.test(path));
    expect(scripts.length).toBeGreaterThan(10);
    expect(scripts.filter((path) => readFileSync(join(installed(), path), 'utf8').includes('sourceMappingURL'))).toEqual([]);
  });

  it('builds on pack, not on install', () => {
    const manifest = JSON.parse(readFileSync(join(installed(), 'package.json'), 'utf8')) as {
      license: string;
      scripts: Record<string, string>;
    };
    expect(manifest.license).toBe('MIT');
    expect(manifest.scripts.prepack).toBeDefined();
    expect(manifest.scripts.prepare).toBeUndefined();
    expect(manifest.scripts.install ?? manifest.scripts.postinstall).toBeUndefined();
  });

  it('imports as an ES module', () => {
    expectWorkingConsumer(consumerRun(['esm.mjs']));
  });

  it('requires from CommonJS, through its CommonJS build', () => {
    // Node 20.19+ can require() an ES module; turned off, the answer must come from the CommonJS build.
    const flag = process.allowedNodeEnvironmentFlags.has('--no-experimental-require-module') ? ['--no-experimental-require-module'] : [];
    const seen = consumerRun([...flag, 'cjs.cjs']);
    expect(seen.resolved).toBe(join(installed(), 'dist', 'cjs', 'index.js'));
    expectWorkingConsumer(seen);
  });

  it('type-checks in strict TypeScript, libraries checked too, as an ES module and as CommonJS', () => {
    for (const config of ['tsconfig.esm.json', 'tsconfig.cjs.json']) {
      const result = run(process.execPath, [tsc, '-p', config], { cwd: project });
      expect(result.stdout + result.stderr, config).toBe('');
      expect(result.code, config).toBe(0);
    }
  }, 240_000);

  it('reports a type error in the consumer (the check above checks)', () => {
    const result = run(process.execPath, [tsc, '-p', 'tsconfig.bad.json'], { cwd: project });
    expect(result.stdout).toMatch(/bad\.mts\(4,14\): error TS2322: Type 'Item\[\]' is not assignable to type 'number'/);
    expect(result.code).not.toBe(0);
  }, 120_000);

  it('runs its bin', () => {
    const bin = join(project, 'node_modules', '.bin', 'feedclean');
    expect(existsSync(bin)).toBe(true);
    const result = run(process.execPath, [bin, '-'], { cwd: project, input: '---\ntitle: From the bin\n---\n\nBody.\n' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^---\ntitle: From the bin\n[\s\S]*# From the bin\n\nBody\.\n$/);
  });
});
