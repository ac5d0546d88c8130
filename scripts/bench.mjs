#!/usr/bin/env node
// feedclean's benchmark (npm run bench). One run, same inputs throughout:
//   1. library: parse5 parse-only (the floor), feedclean dump → Markdown and dump → JSON, and a
//      naive parse5 → serialize → turndown pipeline; each in its own worker thread of this
//      process, run one after another in chunks of 100 items, interleaved, several passes; the
//      ratios are medians of the per-pass ratios; and each stage of the pipeline alone;
//   2. the CLI on the corpus directory with --jobs 1 and --jobs 2 (wall, items/s, startup included),
//      and how many cores --jobs 1 already keeps busy (with GNU time);
//   3. one small file through the CLI against `node -e 0` (startup), NODE_EXTRA_CA_CERTS unset;
//   4. peak RSS of the NDJSON streaming filter over 5,000, 10,000 and 20,000 items.
// Targets are checked at the end; `--check` exits 1 when one is missed. Options: --items N (2000),
// --passes N (7), --only library|cli|cli-vs-library|startup|memory (repeatable).
//   (cli-vs-library: the CLI against the library doing the same work, each a fresh process over the
//   batch once, CPU time of all threads.)
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'feedclean.cjs');
const generator = join(root, '..', 'shared', 'bench', 'gen-corpus.mjs');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const ITEMS = Number(arg('items', 2000));
const PASSES = Number(arg('passes', 7));
const only = process.argv.flatMap((a, i) => (a === '--only' ? [process.argv[i + 1]] : []));
const wanted = (part) => !only.length || only.includes(part);
const CHUNK = 100;
// Startup is compared without the CA bundle this machine preloads into every node process.
const cleanEnv = { ...process.env };
delete cleanEnv.NODE_EXTRA_CA_CERTS;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (n, digits = 2) => n.toFixed(digits);

function corpus() {
  if (!existsSync(generator)) throw new Error(`the corpus generator is missing: ${generator}`);
  const dir = join(tmpdir(), `feedclean-bench-seed1-${ITEMS}`);
  const dumps = join(dir, 'dumps');
  if (!existsSync(dumps) || readdirSync(dumps).length !== ITEMS) {
    rmSync(dir, { recursive: true, force: true });
    execFileSync(process.execPath, [generator, '--items', String(ITEMS), '--out', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return dir;
}

// ---------------------------------------------------------------- library, in worker threads

function startVariant(variant, dir) {
  const worker = new Worker(join(root, 'scripts', 'lib', 'bench-variant.mjs'), { workerData: { variant, dir } });
  const ready = new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const time = (from, to) =>
    new Promise((resolve) => {
      worker.once('message', resolve);
      worker.postMessage({ from, to });
    });
  return { variant, worker, ready, time };
}

async function library(dir) {
  const variants = ['floor', 'markdown', 'json', 'naive', 'stages'].map((v) => startVariant(v, dir));
  await Promise.all(variants.map((v) => v.ready));
  const perPass = [];
  for (let pass = 0; pass <= PASSES; pass++) {
    const totals = Object.fromEntries(variants.map((v) => [v.variant, 0]));
    for (let from = 0, k = 0; from < ITEMS; from += CHUNK, k++) {
      // Rotate who goes first in each chunk, so no variant always runs on a cold cache.
      for (let j = 0; j < variants.length; j++) {
        const v = variants[(j + k) % variants.length];
        const took = await v.time(from, Math.min(ITEMS, from + CHUNK));
        // The stage breakdown answers with one time per stage.
        if (typeof took === 'number') totals[v.variant] += took;
        else for (const [stage, ms] of Object.entries(took)) totals[`stage:${stage}`] = (totals[`stage:${stage}`] ?? 0) + ms;
      }
    }
    if (pass > 0) perPass.push(totals); // pass 0 warms the JITs
  }
  await Promise.all(variants.map((v) => v.worker.terminate()));
  const ms = (v) => median(perPass.map((t) => t[v] / ITEMS));
  const ratio = (v) => median(perPass.map((t) => t[v] / t.floor));
  const stages = Object.keys(perPass[0])
    .filter((k) => k.startsWith('stage:'))
    .map((k) => ({ stage: k.slice(6), ms: ms(k), ratio: ratio(k) }));
  return {
    msPerItem: { floor: ms('floor'), markdown: ms('markdown'), json: ms('json'), naive: ms('naive') },
    ratio: { markdown: ratio('markdown'), json: ratio('json'), naive: ratio('naive') },
    stages,
  };
}

// ---------------------------------------------------------------- the CLI

function wallMs(args, env = process.env, input) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { env, input, stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

// GNU time, where installed, tells how much CPU a run used besides its wall time.
const GNU_TIME = '/usr/bin/time';

/** Cores a run keeps busy (CPU time over wall time, all its threads), or null without GNU time. */
function coresBusy(args) {
  if (!existsSync(GNU_TIME)) return null;
  const r = spawnSync(GNU_TIME, ['-f', '%e %U %S', process.execPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const [wall, user, sys] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return r.status === 0 && wall > 0 ? (user + sys) / wall : null;
}

/** Wall time of several CLI runs started together. */
async function concurrentWallMs(argLists) {
  const t0 = performance.now();
  await Promise.all(
    argLists.map(
      (args) =>
        new Promise((resolve, reject) => {
          const child = spawn(process.execPath, args, { stdio: 'ignore' });
          child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}`))));
        }),
    ),
  );
  return performance.now() - t0;
}

async function cli(dir) {
  const out = mkdtempSync(join(tmpdir(), 'feedclean-bench-out-'));
  const runs = { 1: [], 2: [], halves: [] };
  // The machine's own ceiling: the same corpus as two halves, two single-threaded processes at once.
  const names = readdirSync(join(dir, 'dumps')).sort();
  const halves = [0, 1].map((h) => {
    const half = join(out, `half${h}`);
    mkdirSync(half);
    for (const name of names.slice(h * (names.length >> 1), h ? names.length : names.length >> 1))
      symlinkSync(join(dir, 'dumps', name), join(half, name));
    return half;
  });
  try {
    for (let i = 0; i < 3; i++) {
      for (const jobs of [1, 2]) {
        runs[jobs].push(wallMs([bin, '-q', '--force', '-j', String(jobs), '-o', join(out, String(jobs)), join(dir, 'dumps')]));
      }
      runs.halves.push(await concurrentWallMs(halves.map((half, h) => [bin, '-q', '--force', '-j', '1', '-o', join(out, `h${h}`), half])));
    }
    for (let i = 0; i < 3; i++)
      runs.cores = [...(runs.cores ?? []), coresBusy([bin, '-q', '--force', '-j', '1', '-o', join(out, 'c'), join(dir, 'dumps')])];
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const j1 = median(runs[1]);
  const j2 = median(runs[2]);
  const cores = runs.cores.includes(null) ? null : median(runs.cores);
  return {
    j1Ms: j1,
    j2Ms: j2,
    j1ItemsPerS: (ITEMS * 1000) / j1,
    j2ItemsPerS: (ITEMS * 1000) / j2,
    speedup: j1 / j2,
    ceiling: j1 / median(runs.halves),
    cores,
  };
}

// ---------------------------------------------------------------- the CLI against the library

/** CPU time (ms, all threads) of one node run of `args`, read back from scripts/lib/cpu-report.mjs. */
function cpuMs(args) {
  const report = join(tmpdir(), `feedclean-bench-cpu-${process.pid}.json`);
  rmSync(report, { force: true });
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(root, 'scripts', 'lib', 'cpu-report.mjs')).href, ...args], {
    env: { ...process.env, FEEDCLEAN_CPU_REPORT: report },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(readFileSync(report, 'utf8')).cpuMs;
}

/**
 * What the CLI costs per item against the library doing the same work as a program would: each a
 * fresh process over the batch once (start-up and warm-up included on both sides), CPU time of all
 * threads (the machine may be loaded: wall time would measure the neighbours), runs alternated,
 * medians. Library: read each file, normalize(), renderMarkdown() (scripts/lib/library-once.mjs).
 * CLI: `-j 1` to stdout (the same work through the CLI), and `-j 1 -o` (files written too).
 */
function cliAgainstLibrary(dir) {
  const dumps = join(dir, 'dumps');
  const out = mkdtempSync(join(tmpdir(), 'feedclean-bench-vs-'));
  const runs = { library: [], stdout: [], files: [] };
  try {
    for (let i = 0; i < 3; i++) {
      runs.library.push(cpuMs([join(root, 'scripts', 'lib', 'library-once.mjs'), dumps]));
      runs.stdout.push(cpuMs([bin, '-q', '-j', '1', dumps]));
      rmSync(join(out, 'o'), { recursive: true, force: true });
      runs.files.push(cpuMs([bin, '-q', '-j', '1', '-o', join(out, 'o'), dumps]));
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const perItem = (xs) => median(xs) / ITEMS;
  return { library: perItem(runs.library), stdout: perItem(runs.stdout), files: perItem(runs.files) };
}

function startup() {
  const small = join(root, 'fixtures', 'dump', 'dw-sample', 'input.md');
  const node = [];
  const ours = [];
  for (let i = 0; i < 21; i++) {
    node.push(wallMs(['-e', '0'], cleanEnv));
    ours.push(wallMs([bin, small], cleanEnv));
  }
  return { nodeMs: median(node), cliMs: median(ours), ratio: median(ours) / median(node) };
}

// ---------------------------------------------------------------- streaming memory

function ndjsonLines(dir, count) {
  const names = readdirSync(join(dir, 'dumps')).sort();
  const lines = names.map((n) => readFileSync(join(dir, 'dumps', n), 'utf8'));
  let i = 0;
  return () => (i < count ? `${JSON.stringify({ name: `item-${i}`, content: lines[i++ % lines.length] })}\n` : null);
}

async function peakRss(dir, count) {
  const probe = join(root, 'scripts', 'lib', 'peak-rss.mjs');
  const child = spawn(process.execPath, [probe, bin, '--input-format', 'ndjson', '-f', 'ndjson'], {
    stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
  });
  let outLines = 0;
  child.stdout.on('data', (b) => {
    for (const byte of b) if (byte === 10) outLines++;
  });
  let report = '';
  child.stdio[3].on('data', (b) => (report += b));
  let stderr = '';
  child.stderr.on('data', (b) => (stderr += b));
  const next = ndjsonLines(dir, count);
  const t0 = performance.now();
  for (let line = next(); line !== null; line = next()) {
    if (!child.stdin.write(line)) await new Promise((r) => child.stdin.once('drain', r));
  }
  child.stdin.end();
  const code = await new Promise((r) => child.on('close', r));
  if (code !== 0) throw new Error(`streaming run exited ${code}: ${stderr.slice(0, 500)}`);
  if (outLines !== count) throw new Error(`streaming run gave ${outLines} lines for ${count} items`);
  return { count, peakMb: JSON.parse(report).maxRssKb / 1024, seconds: (performance.now() - t0) / 1000 };
}

// ---------------------------------------------------------------- report

const dir = corpus();
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.versions.node}`;
console.log(`feedclean bench — ${new Date().toISOString().slice(0, 10)}, ${machine}, ${ITEMS} items (${dir})\n`);
const misses = [];
const target = (ok, what) => {
  if (!ok) misses.push(what);
  return ok ? 'met' : 'MISSED';
};

if (wanted('library')) {
  const lib = await library(dir);
  console.log(`| library, per item (median of ${PASSES} interleaved passes) | ms/item | × parse5 floor | target |`);
  console.log('| --- | --- | --- | --- |');
  console.log(`| parse5 parse only (floor) | ${fmt(lib.msPerItem.floor, 3)} | 1.00 | |`);
  console.log(
    `| feedclean dump → Markdown | ${fmt(lib.msPerItem.markdown, 3)} | ${fmt(lib.ratio.markdown)} | ≤ 3.5: ${target(lib.ratio.markdown <= 3.5, 'library Markdown ≤ 3.5× floor')} |`,
  );
  console.log(
    `| feedclean dump → JSON | ${fmt(lib.msPerItem.json, 3)} | ${fmt(lib.ratio.json)} | ≤ 4.0: ${target(lib.ratio.json <= 4, 'library JSON ≤ 4× floor')} |`,
  );
  console.log(`| naive parse5 → serialize → turndown | ${fmt(lib.msPerItem.naive, 3)} | ${fmt(lib.ratio.naive)} | (comparison) |\n`);
  // Each stage timed item by item in one worker, as the pipeline runs it: what a target has to fit in.
  const STAGE_NAMES = {
    decode: 'decode the bytes',
    parse: 'parse (dump header, parse5 into the light DOM)',
    clean: 'clean (all cleaners)',
    markdown: 'Markdown (turndown and our rules) of the cleaned tree',
    bareTurndown: 'of which bare turndown would take (its own rules, no escaping)',
    text: 'plain text',
    html: 'HTML (serializer)',
  };
  // The clean stage's own target (issue 11): what the cleaners cost on a freshly parsed tree.
  const STAGE_TARGETS = { clean: 0.8 };
  console.log('| each stage, per item (timed item by item, as the pipeline runs them) | ms/item | × parse5 floor | target |');
  console.log('| --- | --- | --- | --- |');
  for (const s of lib.stages) {
    const limit = STAGE_TARGETS[s.stage];
    const check = limit === undefined ? '' : `≤ ${limit}: ${target(s.ratio <= limit, `${s.stage} stage ≤ ${limit}× floor`)}`;
    console.log(`| ${STAGE_NAMES[s.stage] ?? s.stage} | ${fmt(s.ms, 3)} | ${fmt(s.ratio)} | ${check} |`);
  }
  console.log('');
}
if (wanted('cli')) {
  const c = await cli(dir);
  console.log('| CLI on the corpus directory (-o, median of 3) | wall | items/s | target |');
  console.log('| --- | --- | --- | --- |');
  console.log(`| --jobs 1 | ${fmt(c.j1Ms / 1000)} s | ${Math.round(c.j1ItemsPerS)} | |`);
  console.log(
    `| --jobs 2 | ${fmt(c.j2Ms / 1000)} s | ${Math.round(c.j2ItemsPerS)} | ${fmt(c.speedup)}× --jobs 1, ≥ 1.7: ${target(c.speedup >= 1.7, '--jobs 2 ≥ 1.7× --jobs 1')} |`,
  );
  console.log(`| (the machine's ceiling: two --jobs 1 processes on halves, at once) | | | ${fmt(c.ceiling)}× --jobs 1 |`);
  // A single-threaded run already keeps more than one core busy (V8's compiler and GC threads):
  // with all of the machine's cores, the most any number of jobs can gain is cores / that.
  if (c.cores !== null)
    console.log(
      `| (--jobs 1 keeps ${fmt(c.cores)} cores busy: on ${cpus().length} cores no --jobs can beat ${fmt(cpus().length / c.cores)}× it) | | | |`,
    );
  console.log('');
}
if (wanted('cli-vs-library')) {
  const v = cliAgainstLibrary(dir);
  const ratio = (x) => x / v.library;
  console.log(
    '| CLI against the library, one pass in a fresh process (CPU of all threads, median of 3 alternated) | ms/item | × library | target |',
  );
  console.log('| --- | --- | --- | --- |');
  console.log(`| library: read, normalize(), renderMarkdown() | ${fmt(v.library, 3)} | 1.00 | |`);
  console.log(
    `| CLI -j 1, Markdown to stdout | ${fmt(v.stdout, 3)} | ${fmt(ratio(v.stdout))} | ≤ 1.25: ${target(ratio(v.stdout) <= 1.25, 'CLI ≤ 1.25× the library')} |`,
  );
  console.log(`| CLI -j 1 -o (one file per item) | ${fmt(v.files, 3)} | ${fmt(ratio(v.files))} | (file creation is kernel time) |\n`);
}
if (wanted('startup')) {
  const s = startup();
  console.log('| startup (median of 21, NODE_EXTRA_CA_CERTS unset) | wall | target |');
  console.log('| --- | --- | --- |');
  console.log(`| node -e 0 | ${fmt(s.nodeMs, 1)} ms | |`);
  console.log(
    `| feedclean sample-dump.md | ${fmt(s.cliMs, 1)} ms | ${fmt(s.ratio)}× node, ≤ 2.0: ${target(s.ratio <= 2, 'startup ≤ 2× node -e 0')} |\n`,
  );
}
if (wanted('memory')) {
  const runs = [];
  for (const count of [5000, 10000, 20000]) runs.push(await peakRss(dir, count));
  const [small, , large] = runs;
  const flat = large.peakMb <= small.peakMb * 1.25 + 10;
  console.log('| --input-format ndjson -f ndjson | peak RSS | wall | target |');
  console.log('| --- | --- | --- | --- |');
  for (const r of runs) console.log(`| ${r.count.toLocaleString('en-US')} items | ${fmt(r.peakMb, 0)} MB | ${fmt(r.seconds, 1)} s | |`);
  console.log(
    `| 20,000 vs 5,000 | | | ≤ 150 MB: ${target(large.peakMb <= 150, 'streaming peak RSS ≤ 150 MB')}; flat: ${target(flat, 'streaming RSS flat as the count grows')} |\n`,
  );
}
if (misses.length) console.log(`missed: ${misses.join('; ')}`);
else console.log('all targets met');
if (process.argv.includes('--check') && misses.length) process.exit(1);
