// A stand-in pool worker for test/cli/pool.test.ts: feedclean's own message loop (serve, from the
// build), running jobs that only take time. `content: "busy:MS"` keeps the thread busy for MS
// milliseconds; the result says which thread ran it, and each run is logged to $STAND_IN_LOG.
import { appendFileSync } from 'node:fs';
import { parentPort, threadId, workerData } from 'node:worker_threads';

// The pool marks its workers as feedclean's; unmarked, the worker module does not start its own loop.
workerData.role = 'stand-in';
const { serve } = await import('../../dist/cli/worker.js');

serve(parentPort, (job) => {
  const ms = Number(/^busy:(\d+)$/.exec(String(job.content))?.[1] ?? 0);
  const until = Date.now() + ms;
  while (Date.now() < until);
  if (process.env.STAND_IN_LOG) appendFileSync(process.env.STAND_IN_LOG, `${job.name}\n`);
  return { ok: true, items: [], name: job.name, threadId };
});
