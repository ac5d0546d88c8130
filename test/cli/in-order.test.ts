import { describe, expect, it } from 'vitest';
import { runInOrder } from '../../src/cli/in-order.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('runInOrder', () => {
  it('hands results on in input order however long each takes, never more than the window in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const seen: number[] = [];
    const delays = [30, 1, 12, 0, 25, 3, 8, 0, 17, 2, 5, 9];
    await runInOrder(
      delays.keys(),
      async (i) => {
        most = Math.max(most, ++inFlight);
        await sleep(delays[i]!);
        inFlight--;
        return i;
      },
      async (i) => void seen.push(i),
      3,
      new AbortController().signal,
    );
    expect(seen).toEqual([...delays.keys()]);
    expect(most).toBe(3);
  });

  it('hands a result on as soon as it is ready, without waiting for more input', async () => {
    const seen: string[] = [];
    async function* slowSource() {
      yield 'a';
      await sleep(100);
      seen.push('source resumed');
      yield 'b';
    }
    await runInOrder(
      slowSource(),
      async (x) => x,
      async (x) => void seen.push(x),
      16,
      new AbortController().signal,
    );
    expect(seen).toEqual(['a', 'source resumed', 'b']);
  });

  it('stops at once when aborted, even while the source or an input is still pending', async () => {
    const stop = new AbortController();
    const seen: number[] = [];
    async function* endless() {
      for (let i = 0; ; i++) {
        yield i;
        if (i === 2) await new Promise(() => undefined); // a pipe whose writer never writes again
      }
    }
    setTimeout(() => stop.abort(), 50);
    const began = Date.now();
    await runInOrder(
      endless(),
      async (i) => i,
      async (i) => void seen.push(i),
      16,
      stop.signal,
    );
    expect(seen).toEqual([0, 1, 2]);
    expect(Date.now() - began).toBeLessThan(5000);
  });

  it('passes on a failure of the handler and stops taking input', async () => {
    let taken = 0;
    function* many() {
      for (let i = 0; i < 1000; i++) {
        taken++;
        yield i;
      }
    }
    await expect(
      runInOrder(
        many(),
        async (i) => i,
        async (i) => {
          if (i === 3) throw new Error('disk full');
        },
        4,
        new AbortController().signal,
      ),
    ).rejects.toThrow('disk full');
    expect(taken).toBeLessThan(20);
  });
});
