/**
 * Entry of the bundled bin (dist/feedclean.cjs, built by scripts/build-bin.mjs): the CLI, and, when
 * this same file is loaded as one of the pool's worker threads, the worker side (worker.ts starts
 * itself). The worker module is loaded only there, so a plain run never loads worker_threads.
 */
export { main } from './main.js';

if (process.env.FEEDCLEAN_WORKER === '1') void import('./worker.js');
