import { describe, expect, it } from 'vitest';
import { ProgressBar, progressLine, summaryLine, type Tally } from '../../src/cli/progress.js';

const tally = (over: Partial<Tally> = {}): Tally => ({
  inputs: 2000,
  done: 1000,
  items: 1002,
  failed: 0,
  skipped: 0,
  startedMs: 0,
  ...over,
});

describe('summaryLine', () => {
  it('says items, inputs, time, failures and kept outputs, with thousands separated', () => {
    expect(summaryLine(tally({ done: 1998, items: 2000, failed: 2 }), 900)).toBe('2,000 items from 1,998 inputs in 0.9 s, 2 failed');
    expect(summaryLine(tally({ done: 1, items: 1 }), 12_000)).toBe('1 item from 1 input in 12 s');
    expect(summaryLine(tally({ done: 3, items: 3, skipped: 3 }), 150_000)).toBe(
      '3 items from 3 inputs in 2 min 30 s, 3 already written (kept; --force rewrites)',
    );
  });
});

describe('progressLine', () => {
  it('shows a bar, done/total, rate, ETA and failures, within the width', () => {
    const line = progressLine(tally({ failed: 3 }), 2000, 80);
    expect(line).toMatch(/^\[(=+)> +\] 1,000\/2,000 · 501 items\/s · ETA 2\.0 s · 3 failed$/);
    const bar = line.slice(1, line.indexOf(']'));
    expect(bar.split('=').length - 1).toBe(Math.floor(bar.length / 2)); // half done, half the bar
    expect(line.length).toBeLessThanOrEqual(80);
  });

  it('gives no ETA before 5% of the inputs or two seconds', () => {
    expect(progressLine(tally({ done: 10, items: 10 }), 500, 100)).not.toContain('ETA');
    expect(progressLine(tally({ done: 100, items: 100 }), 500, 100)).toContain('ETA');
  });

  it('drops the bar, then truncates, on narrow terminals', () => {
    expect(progressLine(tally(), 2000, 40)).toBe('1,000/2,000 · 501 items/s · ETA 2.0 s');
    expect(progressLine(tally(), 2000, 12).length).toBeLessThanOrEqual(11);
  });
});

describe('ProgressBar', () => {
  it('redraws at most ten times a second and clears its line for other output', () => {
    const writes: string[] = [];
    const bar = new ProgressBar({ write: (s) => writes.push(s), isTTY: true, columns: 80 }, tally());
    bar.update(1000);
    bar.update(1050);
    bar.update(1101);
    expect(writes).toHaveLength(2);
    expect(writes[0]).toMatch(/^\r\x1b\[K\[=+>? *\] 1,000\/2,000/);
    bar.clear();
    expect(writes[2]).toBe('\r\x1b[K');
    bar.clear();
    expect(writes).toHaveLength(3);
  });
});
