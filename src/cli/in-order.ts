/**
 * Running a stream of inputs with up to `window` of them in flight, and handing the results on in
 * input order, each as soon as it and every input before it are done. A stream's output therefore
 * never waits for more input (a filter in a pipeline answers line by line), and memory is bounded
 * by the window however long the stream.
 */
export const ABORTED: unique symbol = Symbol('aborted');

/**
 * `promise`, or ABORTED as soon as `stop` is aborted. Unlike a race with one shared "aborted"
 * promise, nothing is left behind per call (a long stream would pile up one reaction per line).
 */
export function orAborted<T>(promise: Promise<T>, stop: AbortSignal): Promise<T | typeof ABORTED> {
  if (stop.aborted) return Promise.resolve(ABORTED);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(ABORTED);
    stop.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        stop.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        stop.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

export async function runInOrder<E, R>(
  entries: AsyncIterable<E> | Iterable<E>,
  start: (entry: E) => Promise<R>,
  handle: (result: R) => Promise<void>,
  window: number,
  stop: AbortSignal,
): Promise<void> {
  const queue: Array<Promise<R>> = [];
  let producing = true;
  let consumerDone = false;
  let wakeConsumer: (() => void) | null = null;
  let wakeProducer: (() => void) | null = null;
  const wake = (which: 'consumer' | 'producer') => {
    const resolve = which === 'consumer' ? wakeConsumer : wakeProducer;
    if (which === 'consumer') wakeConsumer = null;
    else wakeProducer = null;
    resolve?.();
  };

  const consumer = (async () => {
    while (!stop.aborted) {
      if (!queue.length) {
        if (!producing) return;
        await orAborted(new Promise<void>((resolve) => (wakeConsumer = resolve)), stop);
        continue;
      }
      const result = await orAborted(queue[0]!, stop);
      if (result === ABORTED) return;
      void queue.shift(); // settled: awaited just above
      wake('producer');
      await handle(result as R);
    }
  })();
  // Marks the end without leaving the consumer's own failure unhandled; it is rethrown below.
  void consumer.then(
    () => {
      consumerDone = true;
      wake('producer');
    },
    () => {
      consumerDone = true;
      wake('producer');
    },
  );

  try {
    for await (const entry of untilAborted(entries, stop)) {
      if (stop.aborted || consumerDone) break;
      queue.push(start(entry));
      wake('consumer');
      while (queue.length >= window && !consumerDone && !stop.aborted) {
        await orAborted(new Promise<void>((resolve) => (wakeProducer = resolve)), stop);
      }
    }
  } finally {
    producing = false;
    wake('consumer');
  }
  await consumer;
}

/** The values of `source` until it ends or `stop` is aborted, whichever comes first. */
export async function* untilAborted<T>(source: AsyncIterable<T> | Iterable<T>, stop: AbortSignal): AsyncGenerator<T> {
  const iterator: AsyncIterator<T> | Iterator<T> =
    Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  try {
    for (;;) {
      const next = await orAborted(Promise.resolve(iterator.next()), stop);
      if (next === ABORTED || next.done) return;
      yield next.value;
    }
  } finally {
    // Not awaited: a source stuck waiting (an open pipe) would never answer.
    Promise.resolve(iterator.return?.()).catch(() => undefined);
  }
}
