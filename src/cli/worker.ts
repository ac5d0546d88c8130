/**
 * The worker-thread side of the pool: runs jobs as the main thread sends them. Started by the
 * module's own top level when it is loaded as a feedclean worker (directly from dist/, or as part of
 * the bundled bin).
 */
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { runJob, type Job, type JobOptions } from './job.js';

export const WORKER_ROLE = 'feedclean-worker';
/** Set in a worker's environment, so the bundled bin knows to load this module at all. */
export const WORKER_ENV = 'FEEDCLEAN_WORKER';

export interface JobMessage {
  id: number;
  job: Job;
}

export interface WorkerData {
  role: typeof WORKER_ROLE;
  options: JobOptions;
}

function serve(port: MessagePort, options: JobOptions): void {
  port.on('message', ({ id, job }: JobMessage) => {
    port.postMessage({ id, result: runJob(job, options) });
  });
}

if (!isMainThread && parentPort && (workerData as WorkerData | undefined)?.role === WORKER_ROLE) {
  serve(parentPort, (workerData as WorkerData).options);
}
