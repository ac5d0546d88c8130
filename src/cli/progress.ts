/**
 * Batch accounting: the progress bar (stderr, TTY only, redrawn at most ten times a second) and
 * the one-line summary at the end. Formatting is pure so tests can check it without a terminal.
 */
export interface Tally {
  inputs: number;
  done: number;
  items: number;
  failed: number;
  skipped: number;
  startedMs: number;
}

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;

function seconds(ms: number): string {
  const s = ms / 1000;
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 120) return `${Math.round(s)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

/** `2,000 items from 1,998 inputs in 0.9 s, 2 failed` (and how many existing outputs were kept). */
export function summaryLine(t: Tally, nowMs: number): string {
  let line = `${plural(t.items, 'item')} from ${plural(t.done, 'input')} in ${seconds(nowMs - t.startedMs)}`;
  if (t.failed) line += `, ${count(t.failed)} failed`;
  if (t.skipped) line += `, ${count(t.skipped)} already written (kept; --force rewrites)`;
  return line;
}

/** How far a run got that had to stop: `3 of 10 inputs, 2 items written, 1 already there`. */
export function progressSoFar(t: Tally): string {
  let line = `${count(t.done)}${t.inputs ? ` of ${count(t.inputs)}` : ''} inputs, ${plural(t.items - t.skipped, 'item')} written`;
  if (t.skipped) line += `, ${count(t.skipped)} already there`;
  if (t.failed) line += `, ${count(t.failed)} failed`;
  return line;
}

/** `[=========>          ] 1,234/2,000 · 850 items/s · ETA 1.0 s · 2 failed`, fitted to `width`. */
export function progressLine(t: Tally, nowMs: number, width: number): string {
  const elapsed = Math.max(1, nowMs - t.startedMs);
  const rate = (t.items * 1000) / elapsed;
  // Early rates swing (start-up, the first slow inputs): no ETA before 5% or two seconds.
  const settled = t.done * 20 >= t.inputs || elapsed >= 2000;
  const eta = t.done && settled ? ((t.inputs - t.done) * elapsed) / t.done : null;
  const facts = [`${count(t.done)}/${count(t.inputs)}`, `${count(Math.round(rate))} items/s`];
  if (eta !== null) facts.push(`ETA ${seconds(eta)}`);
  if (t.failed) facts.push(`${count(t.failed)} failed`);
  const text = facts.join(' · ');
  const barWidth = Math.max(0, Math.min(30, width - text.length - 4));
  if (barWidth < 5) return text.slice(0, Math.max(0, width - 1));
  const filled = t.inputs ? Math.floor((t.done / t.inputs) * barWidth) : 0;
  const bar = '='.repeat(filled) + (filled < barWidth ? '>' : '') + ' '.repeat(Math.max(0, barWidth - filled - 1));
  return `[${bar}] ${text}`;
}

export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Batches smaller than this finish before a bar would help. */
export const PROGRESS_MIN_INPUTS = 20;

export class ProgressBar {
  private lastDraw = 0;
  private shown = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly tally: Tally,
  ) {}

  update(nowMs = Date.now()): void {
    if (nowMs - this.lastDraw < 100) return;
    this.lastDraw = nowMs;
    // A terminal that does not say its width (0) gets the usual 80.
    this.stream.write(`\r\x1b[K${progressLine(this.tally, nowMs, this.stream.columns || 80)}`);
    this.shown = true;
  }

  /** Clears the bar so a diagnostic or the summary gets a clean line. */
  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\x1b[K');
    this.shown = false;
    this.lastDraw = 0;
  }
}
