/**
 * Where each input's items go: files under `-o`, or stdout in the output format (a streamed JSON
 * array, Markdown documents a blank line apart, NDJSON lines, one JSON Feed at the end). Counts
 * them in the tally and reports each failure, warning and explanation as main.ts says to.
 */
import { isFeedcleanError } from '../errors.js';
import { asciiJson } from './ascii.js';
import { MARKDOWN_DOCUMENT_SEPARATOR } from '../render/document.js';
import { renderJsonFeed } from '../render/jsonfeed.js';
import type { Item } from '../types.js';
import type { Entry } from './entries.js';
import { failure, type JobResult, type OutputFormat, type RenderedItem } from './job.js';
import type { Tally } from './progress.js';
import { explainLines } from './rules-command.js';
import type { OutputDir } from './write.js';

export interface EmitSettings {
  format: OutputFormat;
  /** JSON in ASCII alone (--ascii). */
  ascii: boolean;
  /** With -o: the output directory, and whether it mirrors the input tree (--keep-dirs). */
  out: OutputDir | null;
  keepDirs: boolean;
  tally: Tally;
  /** A diagnostic about one input, in the run's style (one line, or one JSON object). */
  report: (name: string, message: string, kind: 'error' | 'warning') => void;
  /** A line on stderr as it is (the progress bar cleared first). */
  say: (line: string) => void;
  /** A line of explanation about one input. */
  explain: (name: string, line: string) => void;
  /** Data to stdout, waiting while the reader is behind. */
  write: (text: string) => Promise<void>;
  /** Data to stdout at once (closing what an interrupted run wrote). */
  writeNow: (text: string) => void;
  onFailure?: () => void;
  /** Set when the run is stopped: a feed being streamed stops between two of its items. */
  stopped: AbortSignal;
}

const ITEMS_PER_TURN = 32;

export class ItemEmitter {
  private emitted = 0;
  private readonly jsonFeedItems: Item[] = [];

  constructor(private readonly settings: EmitSettings) {}

  /** One input's result: its items written, or its failure reported. */
  async emit(entry: Entry, result: JobResult): Promise<void> {
    const { tally, report } = this.settings;
    tally.done++;
    if (!result.ok || 'error' in entry) {
      tally.failed++;
      this.settings.onFailure?.();
      report(entry.name, 'error' in entry ? entry.error : (result as { message: string }).message, 'error');
      return;
    }
    let inputFailed = false;
    const fail = (message: string) => {
      if (!inputFailed) tally.failed++; // the summary counts failed inputs
      inputFailed = true;
      this.settings.onFailure?.();
      report(entry.name, message, 'error');
    };
    const items = result.items[Symbol.iterator]();
    for (;;) {
      // Interrupted: a feed being streamed stops here, between two of its items.
      if (this.settings.stopped.aborted) break;
      let next: IteratorResult<RenderedItem>;
      try {
        next = items.next(); // a streamed input renders (and may fail) here
      } catch (error) {
        fail(failure(error));
        break;
      }
      if (next.done) break;
      const rendered = next.value;
      if (rendered.error !== undefined) {
        fail(rendered.error); // one entry of a feed; the others are still written
        continue;
      }
      tally.items++;
      for (const warning of rendered.warnings) report(entry.name, warning, 'warning');
      if (rendered.explain)
        for (const line of explainLines(rendered.explain.title, rendered.explain.lines)) this.settings.explain(entry.name, line);
      if (this.place(entry, rendered, fail)) await this.print(rendered);
      // Now and then a turn of the event loop, so a Ctrl-C is heard inside a feed of many items.
      if (tally.items % ITEMS_PER_TURN === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** Writes the item's file under -o; true when the item goes to stdout instead. */
  private place(entry: Entry, rendered: RenderedItem, fail: (message: string) => void): boolean {
    const { out, tally } = this.settings;
    if (!out) return true;
    try {
      if ('skipped' in out.write(this.settings.keepDirs ? entry.relDir : '', rendered.fileName, rendered.text)) tally.skipped++;
    } catch (error) {
      if (isFeedcleanError(error) && error.code === 'OUTPUT_DIR_ERROR') {
        // Nothing more can be written (a full disk, a read-only directory): this input is not done.
        tally.items--;
        tally.done--;
        throw error;
      }
      // This item cannot be written (an input in the way, a link planted on its way …); the others still can.
      if (!isFeedcleanError(error) || error.code !== 'OUTPUT_ERROR') throw error;
      fail(error.message);
    }
    return false;
  }

  private async print(rendered: RenderedItem): Promise<void> {
    const { format, write } = this.settings;
    if (format === 'jsonfeed') this.jsonFeedItems.push(rendered.item!);
    // A streamed array: each item indented as JSON.stringify(items, null, 2) would.
    else if (format === 'json') await write(`${this.emitted ? ',\n' : '[\n'}  ${rendered.text.trimEnd().replace(/\n/g, '\n  ')}`);
    // Markdown documents are separated as render/document.ts says, so feedclean reads them back as documents.
    else await write(`${format === 'md' && this.emitted ? MARKDOWN_DOCUMENT_SEPARATOR : ''}${rendered.text}`);
    this.emitted++;
  }

  private jsonFeed(): string {
    const text = renderJsonFeed(this.jsonFeedItems);
    return this.settings.ascii ? asciiJson(text) : text;
  }

  /** What ends the output on stdout: the JSON array closed, the JSON Feed written. */
  async finish(): Promise<void> {
    const { format, out, write } = this.settings;
    if (out) return;
    if (format === 'json') await write(this.emitted ? '\n]\n' : '[]\n');
    if (format === 'jsonfeed') await write(this.jsonFeed());
  }

  /**
   * An interrupted run: what was written stays usable, a JSON array closed after its last whole
   * item, a JSON Feed written with the items done so far.
   */
  finishInterrupted(): void {
    const { format, out, writeNow } = this.settings;
    if (out) return;
    if (format === 'json') writeNow(this.emitted ? '\n]\n' : '[]\n');
    if (format === 'jsonfeed') writeNow(this.jsonFeed());
  }
}
