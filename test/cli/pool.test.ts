/**
 * The worker pool (the built one, as the CLI runs it) with a stand-in worker whose jobs only take
 * time: which worker runs what, when one is held up by a long job.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../dist/cli/pool.js';
import { repoRoot } from '../support/fixtures.js';

const entry = join(repoRoot, 'test', 'support', 'stand-in-worker.mjs');
const options = {
  format: 'ndjson' as const,
  frontMatter: true,
  gallery: true,
  keepProxies: false,
  fileNames: false,
  rules: [],
  explain: false,
};
type Ran = { ok: true; name: string; threadId: number };

let pool: WorkerPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

const job = (name: string, ms: number) => ({ kind: 'content' as const, name, content: `busy:${ms}` });

describe('WorkerPool', () => {
  it('moves a job held behind a long one to a worker that has run out of work', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'feedclean-pool-')), 'runs.log');
    process.env.STAND_IN_LOG = log; // workers take a copy of the environment when they start
    pool = new WorkerPool(options, { size: 2, timeoutMs: 0, maxHeapMb: 256, entry });
    // One worker gets the long job and, held behind it, the third; the other finishes the short one
    // at once and must then take the third instead of idling while it waits.
    const results = (await Promise.all([
      pool.run(job('long', 1500)),
      pool.run(job('short', 0)),
      pool.run(job('third', 0)),
    ])) as unknown as Ran[];
    expect(results.map((r) => r.name)).toEqual(['long', 'short', 'third']);
    const [long, short, third] = results;
    expect(third!.threadId).toBe(short!.threadId);
    expect(third!.threadId).not.toBe(long!.threadId);
    // The worker that held it skipped it (the pool had claimed it), so it ran once (given time to run it twice).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      readFileSync(log, 'utf8')
        .split('\n')
        .filter((name) => name === 'third'),
    ).toHaveLength(1);
    delete process.env.STAND_IN_LOG;
  });

  it('keeps every worker busy with a queue of equal jobs, and answers each job once', async () => {
    pool = new WorkerPool(options, { size: 2, timeoutMs: 0, maxHeapMb: 256, entry });
    const results = (await Promise.all(Array.from({ length: 40 }, (_, i) => pool!.run(job(`j${i}`, 5))))) as unknown as Ran[];
    expect(results.map((r) => r.name)).toEqual(Array.from({ length: 40 }, (_, i) => `j${i}`));
    expect(new Set(results.map((r) => r.threadId)).size).toBe(2);
  });
});
