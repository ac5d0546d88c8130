import { describe, expect, it } from 'vitest';
import { isSmallBatch, planThreads, type ThreadFacts } from '../../src/cli/threads.js';

const facts = (over: Partial<ThreadFacts>): ThreadFacts => ({
  jobs: undefined,
  streaming: false,
  inputs: 100,
  bytes: 0,
  timeoutGiven: false,
  cpus: 8,
  ...over,
});

describe('planThreads', () => {
  it('uses every CPU for a batch big enough to repay the workers, never more workers than inputs', () => {
    expect(planThreads(facts({ inputs: 100 }))).toEqual({ jobs: 8, parallel: true, workers: 8 });
    expect(planThreads(facts({ inputs: 20 }))).toEqual({ jobs: 8, parallel: true, workers: 8 });
    expect(planThreads(facts({ inputs: 3, jobs: 8 }))).toEqual({ jobs: 8, parallel: true, workers: 3 });
  });

  it('runs a few small inputs on the main thread, unless a time limit (kept only by workers) is asked for', () => {
    expect(planThreads(facts({ inputs: 15, bytes: 1000 }))).toEqual({ jobs: 1, parallel: false, workers: 0 });
    expect(planThreads(facts({ inputs: 15, bytes: 5 * 2 ** 20 }))).toEqual({ jobs: 8, parallel: true, workers: 8 });
    expect(planThreads(facts({ inputs: 2, bytes: 10, timeoutGiven: true }))).toEqual({ jobs: 8, parallel: true, workers: 2 });
  });

  it('runs one input inline whatever -j says (there is nothing to share out)', () => {
    expect(planThreads(facts({ inputs: 1 }))).toEqual({ jobs: 1, parallel: false, workers: 0 });
    expect(planThreads(facts({ inputs: 1, jobs: 4 }))).toEqual({ jobs: 4, parallel: false, workers: 0 });
  });

  it('gives an NDJSON stream one thread by default (the engine runs a copy per CPU), and -j workers when asked', () => {
    expect(planThreads(facts({ streaming: true, inputs: 0 }))).toEqual({ jobs: 1, parallel: false, workers: 0 });
    expect(planThreads(facts({ streaming: true, inputs: 0, jobs: 2 }))).toEqual({ jobs: 2, parallel: true, workers: 2 });
  });

  it('counts a batch as small below 16 inputs and 4 MiB', () => {
    expect(isSmallBatch(15, 4 * 2 ** 20 - 1)).toBe(true);
    expect(isSmallBatch(16, 0)).toBe(false);
    expect(isSmallBatch(2, 4 * 2 ** 20)).toBe(false);
  });
});
