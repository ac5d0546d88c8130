/** How many threads a run uses: a pure decision over what the run knows of its inputs. */

// Worker threads cost some 25 ms each to start (the bundle loaded, the JIT warmed again): a few
// small inputs are done on this thread sooner. Big inputs (a feed of thousands of items) repay them.
export const SMALL_BATCH_INPUTS = 16;
export const SMALL_BATCH_BYTES = 4 * 2 ** 20;

export interface ThreadFacts {
  /** `-j` as given, or undefined. */
  jobs: number | undefined;
  /** `--input-format ndjson`: a line filter, one of many copies an engine runs. */
  streaming: boolean;
  /** Inputs after expanding directories (0 for a stream, whose length is unknown). */
  inputs: number;
  /** Their bytes in all, where known (stdin and pipes count as nothing). */
  bytes: number;
  /** `--timeout` was given: a limit only worker threads can keep. */
  timeoutGiven: boolean;
  cpus: number;
}

export interface ThreadPlan {
  /** The jobs asked for or chosen. */
  jobs: number;
  /** Run on a pool of worker threads (else inline, on the main thread). */
  parallel: boolean;
  /** Worker threads to start. */
  workers: number;
}

/** Fewer than 16 inputs, under 4 MiB in all. */
export function isSmallBatch(inputs: number, bytes: number): boolean {
  return inputs < SMALL_BATCH_INPUTS && bytes < SMALL_BATCH_BYTES;
}

/**
 * An NDJSON stream is one of many copies an engine (GNU parallel, Hadoop, Spark) runs, one per CPU:
 * threads inside each would oversubscribe the CPUs and multiply memory, so it takes one unless told
 * otherwise. A batch of files uses every CPU, unless it is too small to repay the workers' start-up;
 * a time limit asked for is one only workers can keep, so then even a small batch runs on them.
 * Never more workers than inputs: each costs its start-up and tens of megabytes.
 */
export function planThreads(f: ThreadFacts): ThreadPlan {
  const jobs = f.jobs ?? (f.streaming || f.inputs <= 1 || (!f.timeoutGiven && isSmallBatch(f.inputs, f.bytes)) ? 1 : f.cpus);
  const parallel = jobs > 1 && (f.streaming || f.inputs > 1);
  return { jobs, parallel, workers: !parallel ? 0 : f.streaming ? jobs : Math.min(jobs, f.inputs) };
}
