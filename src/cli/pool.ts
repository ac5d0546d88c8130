/**
 * Running jobs on a pool of worker threads (job.ts has the inline runner).
 * A worker that crashes, runs out of memory or exceeds the per-input time limit fails only its own
 * job: it is replaced and the others go on.
 */
import { Worker } from 'node:worker_threads';
import type { Job, JobOptions, JobResult, JobRunner } from './job.js';
import { WORKER_ENV, WORKER_ROLE, type WorkerData, type WorkerMessage } from './worker.js';

// Set by the bundler to the bundled file, which serves as its own worker entry.
declare const __FEEDCLEAN_WORKER_ENTRY__: string | undefined;

function workerEntry(): string | URL {
  return typeof __FEEDCLEAN_WORKER_ENTRY__ === 'string' ? __FEEDCLEAN_WORKER_ENTRY__ : new URL('./worker.js', import.meta.url);
}

interface Pending {
  job: Job;
  resolve: (result: JobResult) => void;
}

interface InFlight {
  id: number;
  pending: Pending;
  timer: NodeJS.Timeout | null;
}

interface Slot {
  worker: Worker;
  /** Started: the time limit of a job runs from here, not from the worker's own start-up. */
  online: boolean;
  /**
   * Jobs sent to this worker, in the order it runs them: the first is running, the next waits in
   * the worker's own message queue, so it starts the moment the first is done instead of after a
   * round trip through this thread (workers sat idle a fifth of the time without it).
   */
  inFlight: InFlight[];
}

/** Jobs sent to a worker ahead of its results: one running, one waiting. */
const DEPTH = 2;

export interface PoolSettings {
  size: number;
  /** Per-input time limit in ms (0 = none); past it the worker is replaced and the input fails. */
  timeoutMs: number;
  /** Heap limit of each worker, so one huge input fails alone instead of taking the process down. */
  maxHeapMb: number;
  /** The worker script, when not feedclean's own (the pool's tests run a stand-in). */
  entry?: string | URL;
}

export class WorkerPool implements JobRunner {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly options: JobOptions,
    private readonly settings: PoolSettings,
  ) {
    for (let i = 0; i < settings.size; i++) this.slots.push(this.spawn());
  }

  run(job: Job): Promise<JobResult> {
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const slot of this.slots) for (const sent of slot.inFlight) if (sent.timer) clearTimeout(sent.timer);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const data: WorkerData = { role: WORKER_ROLE, options: this.options };
    const worker = new Worker(this.settings.entry ?? workerEntry(), {
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: this.settings.maxHeapMb },
      env: { ...process.env, [WORKER_ENV]: '1' },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    const slot: Slot = { worker, online: false, inFlight: [] };
    worker.once('online', () => {
      slot.online = true;
      this.startTimer(slot);
    });
    worker.on('message', ({ id, result }: { id: number; result: JobResult }) => {
      if (slot.inFlight[0]?.id !== id) return;
      this.finish(slot, result);
    });
    // A crash (out of memory, a native error) fails the job in hand; the slot gets a new worker.
    worker.on('error', (error) => this.replace(slot, `worker failed: ${error.message}`));
    worker.on('exit', () => this.replace(slot, 'worker stopped unexpectedly'));
    return slot;
  }

  private finish(slot: Slot, result: JobResult): void {
    const done = slot.inFlight.shift()!;
    if (done.timer) clearTimeout(done.timer);
    // The next one sent to this worker starts now.
    this.startTimer(slot);
    done.pending.resolve(result);
    this.dispatch();
  }

  private replace(slot: Slot, message: string): void {
    if (this.closed || !this.slots.includes(slot)) return;
    const [running, ...waiting] = slot.inFlight;
    const index = this.slots.indexOf(slot);
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    for (const sent of slot.inFlight) if (sent.timer) clearTimeout(sent.timer);
    this.slots[index] = this.spawn();
    // Jobs that were only waiting in that worker never ran: they go first to the next free one.
    this.queue.unshift(...waiting.map((sent) => sent.pending));
    if (running) running.pending.resolve({ ok: false, message });
    this.dispatch();
  }

  /** Times the job this worker is running (the first sent), from now, if it is not timed yet. */
  private startTimer(slot: Slot): void {
    const running = slot.inFlight[0];
    if (!running || running.timer || !slot.online || !this.settings.timeoutMs) return;
    running.timer = setTimeout(() => this.replace(slot, `gave up after ${this.settings.timeoutMs / 1000} s (--timeout)`), this.settings.timeoutMs).unref();
  }

  private dispatch(): void {
    // The least loaded worker first, so work spreads before any worker gets a second job.
    for (let depth = 0; depth < DEPTH && this.queue.length; depth++) {
      for (const slot of this.slots) {
        if (slot.inFlight.length > depth || !this.queue.length) continue;
        this.send(slot, this.queue.shift()!);
      }
    }
    if (!this.queue.length) this.takeBackWaiting();
    // Idle workers must not keep the process alive.
    for (const slot of this.slots) if (!slot.inFlight.length) slot.worker.unref();
  }

  private send(slot: Slot, pending: Pending): void {
    const id = this.nextId++;
    slot.inFlight.push({ id, pending, timer: null });
    this.startTimer(slot);
    slot.worker.ref();
    const message: WorkerMessage = { id, job: pending.job };
    slot.worker.postMessage(message);
  }

  /**
   * A worker with nothing to do while another holds a job behind a long one: the held job moves.
   * The holder is told to skip it (it has not started it: a worker reads its messages before it
   * starts the next job); should it have started after all, its result is simply not waited for.
   */
  private takeBackWaiting(): void {
    for (const idle of this.slots) {
      if (idle.inFlight.length) continue;
      const holder = this.slots.find((s) => s.inFlight.length > 1);
      if (!holder) return;
      const held = holder.inFlight.pop()!;
      const skip: WorkerMessage = { skip: held.id };
      holder.worker.postMessage(skip);
      this.send(idle, held.pending);
    }
  }
}
