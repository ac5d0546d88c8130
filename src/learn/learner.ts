/**
 * `feedclean learn`: a source's boilerplate learned from the archive itself. Items are added one
 * by one (cleaned by the packs in force), grouped by source — the item URL's host, else the
 * feed's — and fingerprinted at the two ends of their body; nothing of an item is kept but counts
 * and short fingerprints. `sources()` turns the counts into proposals, deterministically.
 */
import { hostOf } from '../urls.js';
import type { Item } from '../types.js';
import { blocksOfHtml } from './blocks.js';
import { DateTally, type DateFinding } from './dates.js';
import { shortHash } from './fingerprint.js';
import { DEFAULT_THRESHOLDS, proposeFor, threshold, type Proposal, type Thresholds } from './propose.js';
import { EndTally, endsOf, tallyEnd, type End } from './tally.js';

/** How many blocks count as each end of the body. */
export const EDGE_BLOCKS = 3;

export interface LearnedSource {
  host: string;
  /** Distinct items (a second copy of one, by URL or by text, is not counted again). */
  items: number;
  proposals: Proposal[];
  date: DateFinding | null;
}

class SourceTally {
  items = 0;
  readonly seen = new Set<string>();
  readonly ends: Record<End, EndTally> = { start: new EndTally(), end: new EndTally() };
  readonly dates = new DateTally();
}

export class Learner {
  private readonly bySource = new Map<string, SourceTally>();
  /** Items with neither an item URL nor a feed URL: no source to learn for. */
  unsourced = 0;

  constructor(readonly thresholds: Thresholds = DEFAULT_THRESHOLDS) {}

  /** The source an item belongs to: its URL's host, else its feed's, else none. */
  static sourceOf(item: Pick<Item, 'url' | 'feed'>): string | null {
    return hostOf(item.url) ?? hostOf(item.feed?.url ?? null);
  }

  add(item: Pick<Item, 'url' | 'feed' | 'html' | 'published' | 'captured'>): void {
    const host = Learner.sourceOf(item);
    if (!host) {
      this.unsourced++;
      return;
    }
    let source = this.bySource.get(host);
    if (!source) this.bySource.set(host, (source = new SourceTally()));
    // Another capture of the same article would count its own paragraphs as repeating.
    const byUrl = item.url ? shortHash(`u\0${item.url}`) : null;
    const byBody = shortHash(`b\0${item.html}`);
    if ((byUrl && source.seen.has(byUrl)) || source.seen.has(byBody)) return;
    if (byUrl) source.seen.add(byUrl);
    source.seen.add(byBody);
    source.items++;
    const blocks = blocksOfHtml(item.html);
    const ends = endsOf(blocks, EDGE_BLOCKS);
    tallyEnd(source.ends.start, ends.start);
    tallyEnd(source.ends.end, ends.end);
    const first = blocks.find((b) => b.text);
    if (item.published === null && first && !first.images.length) {
      source.dates.add(first.text, item.captured === null ? null : Date.parse(item.captured));
    }
  }

  /** Every source with something to propose, by host name. */
  sources(): LearnedSource[] {
    const out: LearnedSource[] = [];
    for (const host of [...this.bySource.keys()].sort()) {
      const s = this.bySource.get(host)!;
      const proposals = proposeFor(s.items, s.ends, this.thresholds);
      const date =
        s.items >= this.thresholds.minItems
          ? s.dates.finding(s.items, this.thresholds.minItems, threshold(s.items, this.thresholds))
          : null;
      if (proposals.length || date) out.push({ host, items: s.items, proposals, date });
    }
    return out;
  }

  /** Sources seen, and items counted, in all. */
  get totals(): { sources: number; items: number } {
    let items = 0;
    for (const s of this.bySource.values()) items += s.items;
    return { sources: this.bySource.size, items };
  }
}
