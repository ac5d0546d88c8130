#!/usr/bin/env node
'use strict';
// Shim: load the CLI and set the exit code. A closed pipe (`feedclean … | head`) ends quietly.
//
// The CLI is one bundled file (dist/feedclean.cjs) compiled with a V8 code cache made at build
// time, so a run starts about as fast as node itself. Without the bundle (a plain `tsc` build) the
// modules under dist/ are imported instead. This shim is CommonJS: an ES module entry starts
// Node's ESM loader, ~8 ms of every run.
const { existsSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const bundle = join(__dirname, '..', 'dist', 'feedclean.cjs');
const cache = `${bundle}.cache`;

function loadBundle() {
  const source = readFileSync(bundle, 'utf8');
  // V8 checks a cache against the source's length, not its content: one older than the bundle
  // (the bundle rebuilt or edited since) is not used.
  const cachedData = existsSync(cache) && statSync(cache).mtimeMs >= statSync(bundle).mtimeMs ? readFileSync(cache) : undefined;
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require('node:module').createRequire(bundle), module, bundle, dirname(bundle));
  // The build runs the bin once with this set, so the cache holds what a real run compiles.
  if (process.env.FEEDCLEAN_WRITE_CODE_CACHE) process.once('beforeExit', () => writeFileSync(cache, script.createCachedData()));
  return module.exports;
}

// One of the pool's worker threads, started from this file so that it too loads the bundle with
// its code cache (a worker started from the bundle itself compiles it all again): the bundle, or the
// worker module, starts serving jobs on its own.
if (process.env.FEEDCLEAN_WORKER === '1' && !require('node:worker_threads').isMainThread) {
  if (existsSync(bundle)) loadBundle();
  else import('../dist/cli/worker.js');
  return;
}

// Set once main() has settled, or when the process ends on purpose before that (a closed pipe).
let settled = false;
// A run whose main() never settles (waiting on something that keeps nothing open) would end with
// status 0 and output cut short; an ES module entry used to catch that (status 13), this does.
process.on('exit', (code) => {
  if (settled || code !== 0) return;
  process.stderr.write('feedclean: internal error (a bug in feedclean, please report it): the run stopped before it finished\n');
  process.exitCode = 70;
});

async function run() {
  const { main } = existsSync(bundle) ? loadBundle() : await import('../dist/cli/main.js');

  process.stdout.on('error', (error) => {
    settled = true;
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    // A full disk or a broken device: one line, and the status sysexits calls EX_IOERR.
    process.stderr.write(`feedclean: cannot write the output: ${error.code === 'ENOSPC' ? 'no space left on device' : error.message}\n`);
    process.exit(74);
  });

  try {
    process.exitCode = await main(process.argv.slice(2), {
      // Opened only when read: most runs name their inputs and never touch stdin.
      get stdin() {
        return process.stdin;
      },
      stdout: process.stdout,
      stderr: process.stderr,
      handleSignals: true,
      workerEntry: __filename,
      onFailure: () => {
        process.exitCode = 1;
      },
    });
    settled = true;
    // Everything is done and written; nothing should keep the process alive now, but a read stuck
    // in the kernel (a FIFO with no writer) would. Once stdout has taken the last bytes, give it a moment.
    const arm = () => setTimeout(() => process.exit(), 2000).unref();
    if (process.stdout.writableLength) process.stdout.once('drain', arm);
    else arm();
  } catch (error) {
    // Not the user's doing: one line, no stack trace, and the status sysexits calls EX_SOFTWARE.
    process.stderr.write(
      `feedclean: internal error (a bug in feedclean, please report it): ${String(error?.message ?? error).split('\n')[0]}\n`,
    );
    process.exitCode = 70;
  }
  settled = true;
}

run();
