/**
 * Running jobs on a pool of worker threads (job.ts has the inline runner).
 * A worker that crashes, runs out of memory or exceeds the per-input time limit fails only its own
 * job: it is replaced and the others go on.
 */
import { Worker } from 'node:worker_threads';
import type { Job, JobOptions, JobResult, JobRunner } from './job.js';
import { MOVED, RUNNING, UNCLAIMED, WORKER_ENV, WORKER_ROLE, type WorkerData, type WorkerMessage } from './worker.js';

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
  /** Shared with the worker: whoever claims the job first (the worker to run it, or this thread to move it) has it. */
  claim: Int32Array;
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
    // The job it was running: the last it claimed (those before it are done, their results lost on
    // the way), or the first sent when it claimed none. The others run again elsewhere.
    const claimed = slot.inFlight.filter((sent) => Atomics.load(sent.claim, 0) === RUNNING).pop();
    const running = claimed ?? slot.inFlight[0];
    const waiting = slot.inFlight.filter((sent) => sent !== running);
    const index = this.slots.indexOf(slot);
    slot.worker.removeAllListeners();
    // What it says while it goes (running out of memory on the way) concerns nobody any more.
    slot.worker.on('error', () => {});
    void slot.worker.terminate();
    for (const sent of slot.inFlight) if (sent.timer) clearTimeout(sent.timer);
    this.slots[index] = this.spawn();
    // The others (never started, or done with their results lost) go first to the next free worker.
    this.queue.unshift(...waiting.map((sent) => sent.pending));
    if (running) running.pending.resolve({ ok: false, message });
    this.dispatch();
  }

  /** Times the job this worker is running (the first sent), from now, if it is not timed yet. */
  private startTimer(slot: Slot): void {
    const running = slot.inFlight[0];
    if (!running || running.timer || !slot.online || !this.settings.timeoutMs) return;
    running.timer = setTimeout(
      () => this.replace(slot, `gave up after ${this.settings.timeoutMs / 1000} s (--timeout)`),
      this.settings.timeoutMs,
    ).unref();
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
    const claim = new Int32Array(new SharedArrayBuffer(4));
    slot.inFlight.push({ id, pending, timer: null, claim });
    this.startTimer(slot);
    slot.worker.ref();
    const message: WorkerMessage = { id, job: pending.job, claim };
    slot.worker.postMessage(message);
  }

  /**
   * A worker with nothing to do while another holds a job behind a long one: the held job moves,
   * if this thread claims it before the holder does (a worker claims each job as it starts it, so
   * the holder can be told nothing while it is busy: the claim is shared memory). A job the holder
   * has already claimed is running there and stays.
   */
  private takeBackWaiting(): void {
    for (const idle of this.slots) {
      if (idle.inFlight.length) continue;
      for (const holder of this.slots) {
        const held = holder.inFlight.length > 1 ? holder.inFlight[holder.inFlight.length - 1]! : null;
        if (!held || Atomics.compareExchange(held.claim, 0, UNCLAIMED, MOVED) !== UNCLAIMED) continue;
        holder.inFlight.pop();
        this.send(idle, held.pending);
        break;
      }
    }
  }
}
