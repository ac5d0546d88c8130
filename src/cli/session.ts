/**
 * One batch under way: where its output and diagnostics go (through the emitter), its progress bar
 * and summary line, and the signals it hears (Ctrl-C and kill stop it between two inputs).
 */
import { once } from 'node:events';
import type { Entry } from './entries.js';
import { ItemEmitter } from './emit.js';
import type { CliIO } from './execute.js';
import { asciiJson } from './ascii.js';
import { orAborted } from './in-order.js';
import type { JobResult } from './job.js';
import { EXIT_INPUT_FAILED, EXIT_OK, EXIT_OUTPUT, type RunPlan } from './plan.js';
import { PROGRESS_MIN_INPUTS, ProgressBar, progressSoFar, summaryLine, type Tally } from './progress.js';
import type { OutputDir } from './write.js';

const EXIT_SIGNAL: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** Names as they appear in one-line diagnostics: control characters (a newline in a file name) escaped. */
export function displayName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1));
}

export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** One batch under way: where its output and diagnostics go, its progress, and the signals it hears. */
export class Session {
  private readonly streaming: boolean;
  private readonly bar: ProgressBar | null;
  private readonly emitter: ItemEmitter;
  private readonly json: (value: object) => string;
  private interrupted: NodeJS.Signals | null = null;
  private static readonly SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

  constructor(
    private readonly plan: RunPlan,
    private readonly io: CliIO,
    private readonly tally: Tally,
    private readonly out: OutputDir | null,
    private readonly stopReading: AbortController,
  ) {
    const { options } = plan;
    this.streaming = options.inputFormat === 'ndjson';
    // Not when the data itself goes to the terminal: the bar would be drawn into it.
    const dataOnTerminal = !out && (io.stdout as { isTTY?: boolean }).isTTY === true;
    const wantsBar = !options.quiet && !this.streaming && !dataOnTerminal && io.stderr.isTTY;
    this.bar = wantsBar && tally.inputs >= PROGRESS_MIN_INPUTS ? new ProgressBar(io.stderr, tally) : null;
    const streaming = this.streaming;
    const json = (value: object) => (options.ascii ? asciiJson(JSON.stringify(value)) : JSON.stringify(value));
    this.json = json;
    this.emitter = new ItemEmitter({
      format: options.format,
      ascii: options.ascii,
      out,
      keepDirs: options.keepDirs,
      tally,
      // With NDJSON input, stderr is machine-read too: one JSON object per diagnostic.
      report: (name, message, kind) =>
        this.say(
          streaming
            ? json({ name, [kind]: message })
            : `feedclean: ${displayName(name)}: ${kind === 'warning' ? 'warning: ' : ''}${oneLine(message)}`,
        ),
      say: (line) => this.say(line),
      write: (text) => this.write(text),
      explain: (name, line) =>
        this.say(streaming ? json({ name, explain: line.replace(/^explain: /, '') }) : `feedclean: ${displayName(name)}: ${oneLine(line)}`),
      writeNow: (text) => io.stdout.write(text),
      // With --tolerate-input-errors a failed input is reported but does not make the run fail.
      onFailure: options.tolerateInputErrors ? undefined : io.onFailure,
      stopped: stopReading.signal,
    });
  }

  say(line: string): void {
    this.bar?.clear();
    this.io.stderr.write(`${line}\n`);
  }

  /** Data to stdout; a reader that stops reading must not keep a Ctrl-C or a kill from being heard. */
  private async write(text: string): Promise<void> {
    const { stdout } = this.io;
    const stop = this.stopReading.signal;
    // With the signal, an interrupted wait leaves no 'drain' listener behind.
    if (!stdout.write(text)) await orAborted(once(stdout, 'drain', { signal: stop }), stop);
  }

  async handle(entry: Entry, result: JobResult): Promise<void> {
    await this.emitter.emit(entry, result);
    this.bar?.update();
    // A turn of the event loop between two inputs, so a Ctrl-C or a kill is heard: results already
    // at hand (inline runs, a full window of worker results) would otherwise be written one after
    // another with nothing but promise callbacks between them, and the signal heard only at the end.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  private readonly onSignal = (signal: NodeJS.Signals) => {
    if (this.interrupted) process.exit(EXIT_SIGNAL[signal] ?? 130); // a second Ctrl-C: stop now
    this.interrupted = signal;
    this.out?.removeTemp();
    this.stopReading.abort();
  };

  listen(): void {
    for (const s of Session.SIGNALS) process.on(s, this.onSignal);
  }

  unlisten(): void {
    for (const s of Session.SIGNALS) process.off(s, this.onSignal);
  }

  /** The end of a run whose output cannot be written any more: why, and how far it got. */
  stopOnOutput(message: string): number {
    const { tally } = this;
    this.bar?.clear();
    this.io.onFailure?.();
    if (this.streaming) {
      this.say(this.json({ error: message, inputs: tally.done, items: tally.items, failed: tally.failed }));
    } else {
      this.say(`feedclean: ${oneLine(message)}; stopped after ${progressSoFar(tally)}; every file written is whole`);
    }
    return EXIT_OUTPUT;
  }

  /** The end of the run: the output closed, the summary said, the exit code. */
  async finish(): Promise<number> {
    const { tally, out } = this;
    this.bar?.clear();
    if (this.interrupted) {
      this.emitter.finishInterrupted();
      const of = tally.inputs ? ` of ${tally.inputs.toLocaleString('en-US')}` : '';
      if (this.streaming)
        this.say(this.json({ interrupted: this.interrupted, inputs: tally.done, items: tally.items, failed: tally.failed }));
      else {
        const rest = out ? '; run the same command again to do the rest' : '';
        this.say(
          `feedclean: interrupted after ${tally.done.toLocaleString('en-US')}${of} inputs (${summaryLine(tally, Date.now())}); every output written is whole${rest}`,
        );
      }
      return EXIT_SIGNAL[this.interrupted] ?? 130;
    }
    await this.emitter.finish();
    if (!this.plan.options.quiet && !this.streaming && (tally.inputs > 1 || out)) this.say(`feedclean: ${summaryLine(tally, Date.now())}`);
    return tally.failed && !this.plan.options.tolerateInputErrors ? EXIT_INPUT_FAILED : EXIT_OK;
  }
}
