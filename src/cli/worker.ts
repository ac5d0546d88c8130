/**
 * The worker-thread side of the pool: runs jobs as the main thread sends them. Started by the
 * module's own top level when it is loaded as a feedclean worker (directly from dist/, or as part of
 * the bundled bin).
 */
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { runJob, type Job, type JobOptions, type JobResult } from './job.js';

export const WORKER_ROLE = 'feedclean-worker';
/** Set in a worker's environment, so the bundled bin knows to load this module at all. */
export const WORKER_ENV = 'FEEDCLEAN_WORKER';

/**
 * A job to run, with its claim: shared memory the worker sets to RUNNING as it starts the job, and
 * the pool to MOVED when it gives the job to another worker instead; the first to set it has it.
 */
export interface WorkerMessage {
  id: number;
  job: Job;
  claim: Int32Array;
}
export const UNCLAIMED = 0;
export const RUNNING = 1;
export const MOVED = 2;

export interface WorkerData {
  role: typeof WORKER_ROLE;
  options: JobOptions;
}

/**
 * Jobs wait in a queue of our own, each started from a fresh turn of the event loop; one the pool
 * has moved to another worker meanwhile (its claim taken) is skipped.
 */
export function serve(port: MessagePort, run: (job: Job) => JobResult): void {
  const waiting: WorkerMessage[] = [];
  let scheduled = false;
  const schedule = () => {
    if (scheduled || !waiting.length) return;
    scheduled = true;
    setImmediate(runNext);
  };
  const runNext = () => {
    scheduled = false;
    const next = waiting.shift();
    if (next && Atomics.compareExchange(next.claim, 0, UNCLAIMED, RUNNING) === UNCLAIMED)
      port.postMessage({ id: next.id, result: run(next.job) });
    schedule();
  };
  port.on('message', (message: WorkerMessage) => {
    waiting.push(message);
    schedule();
  });
}

if (!isMainThread && parentPort && (workerData as WorkerData | undefined)?.role === WORKER_ROLE) {
  const { options } = workerData as WorkerData;
  serve(parentPort, (job) => runJob(job, options));
}
