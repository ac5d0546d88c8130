/**
 * The data engines' contract, reproduced by a small harness (no Hadoop or Spark here): the input
 * split at line boundaries into parts, one copy of the command per part with its part on stdin,
 * the copies' stdout merged, and Hadoop Streaming's rule stream.non.zero.exit.is.failure=true (its
 * default): a copy that exits non-zero fails its task, and the job. Every copy runs with an empty
 * environment, as PySpark's RDD.pipe() runs its command, so node and the bin are named by absolute
 * path, as the README's recipes say.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, repoRoot } from '../support/fixtures.js';

const bin = join(repoRoot, 'bin', 'feedclean.cjs');
const sample = readFileSync(join(fixturesDir, 'dump', 'dw-sample', 'input.md'), 'utf8');

interface Task {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runTask(command: string[], input: string): Promise<Task> {
  return new Promise((resolve) => {
    const child = spawn(command[0]!, command.slice(1), { env: {}, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (b) => (stdout += b));
    child.stderr.setEncoding('utf8').on('data', (b) => (stderr += b));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** A map-only streaming job: `parts` tasks at once, each over its share of whole lines. */
async function streamingJob(lines: string[], parts: number, command: string[]) {
  const size = Math.ceil(lines.length / parts);
  const splits = Array.from({ length: parts }, (_, i) => lines.slice(i * size, (i + 1) * size));
  const tasks = await Promise.all(splits.map((split) => runTask(command, split.map((l) => `${l}\n`).join(''))));
  const failed = tasks.filter((t) => t.code !== 0).length;
  return {
    succeeded: failed === 0,
    failedTasks: failed,
    output: tasks.flatMap((t) => t.stdout.split('\n').filter(Boolean)),
    stderr: tasks.flatMap((t) => t.stderr.split('\n').filter(Boolean)),
  };
}

/** Twelve items, one of them a line cut short (not JSON). */
function inputLines(): string[] {
  const lines = Array.from({ length: 12 }, (_, i) =>
    JSON.stringify({ name: `item-${i}`, content: sample.replace('</p>', `</p><p>Item ${i}: café, 中文, 😀.</p>`) }),
  );
  lines[7] = lines[7]!.slice(0, 200);
  return lines;
}

const feedclean = [process.execPath, bin, '--input-format', 'ndjson', '-f', 'ndjson'];

describe('under a streaming engine (Hadoop Streaming, RDD.pipe, mrjob)', () => {
  it('one bad line fails the task, and so the job, without --tolerate-input-errors', async () => {
    const job = await streamingJob(inputLines(), 3, feedclean);
    expect(job.failedTasks).toBe(1);
    expect(job.succeeded).toBe(false);
  }, 60_000);

  it('with --tolerate-input-errors the job succeeds: every good item once, the bad line reported on stderr', async () => {
    const job = await streamingJob(inputLines(), 3, [...feedclean, '--tolerate-input-errors']);
    expect(job.succeeded).toBe(true);
    const names = job.output.map((line) => JSON.parse(line).source.input).sort();
    expect(names).toEqual(
      Array.from({ length: 12 }, (_, i) => `item-${i}`)
        .filter((n) => n !== 'item-7')
        .sort(),
    );
    // The bad line is the 4th of its part (parts of four lines): named by its number there.
    expect(job.stderr).toContainEqual(JSON.stringify({ name: '-:4', error: 'line is not JSON' }));
  }, 60_000);

  it('--ascii gives the same items in pure ASCII, for a JVM decoding pipes in a non-UTF-8 charset', async () => {
    const lines = inputLines().filter((_, i) => i !== 7);
    const plain = await streamingJob(lines, 2, feedclean);
    const ascii = await streamingJob(lines, 2, [...feedclean, '--ascii']);
    expect(ascii.succeeded).toBe(true);
    for (const line of ascii.output) expect(line).toMatch(/^[\x20-\x7e]+$/);
    expect(ascii.output.map((l) => JSON.parse(l))).toEqual(plain.output.map((l) => JSON.parse(l)));
    // Astral characters as their surrogate pair, as JSON spells them.
    expect(ascii.output[0]).toContain('\\ud83d\\ude00');
    expect(ascii.output[0]).toContain('caf\\u00e9');
  }, 60_000);
});
