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

/** A job to run, or word that a job sent earlier has gone to another worker and is to be skipped. */
export type WorkerMessage = { id: number; job: Job } | { skip: number };

export interface WorkerData {
  role: typeof WORKER_ROLE;
  options: JobOptions;
}

/**
 * Jobs wait in a queue of our own and each starts from a fresh turn of the event loop, after every
 * message that has arrived meanwhile is read: word to skip a job (the pool moved it to an idle
 * worker while this one was busy) is then seen before the job would start.
 */
export function serve(port: MessagePort, run: (job: Job) => JobResult): void {
  const waiting: Array<{ id: number; job: Job }> = [];
  const skipped = new Set<number>();
  let scheduled = false;
  const schedule = () => {
    if (scheduled || !waiting.length) return;
    scheduled = true;
    setImmediate(runNext);
  };
  const runNext = () => {
    scheduled = false;
    const next = waiting.shift();
    if (next && !skipped.delete(next.id)) port.postMessage({ id: next.id, result: run(next.job) });
    schedule();
  };
  port.on('message', (message: WorkerMessage) => {
    if ('skip' in message) skipped.add(message.skip);
    else {
      waiting.push(message);
      schedule();
    }
  });
}

if (!isMainThread && parentPort && (workerData as WorkerData | undefined)?.role === WORKER_ROLE) {
  const { options } = workerData as WorkerData;
  serve(parentPort, (job) => runJob(job, options));
}
