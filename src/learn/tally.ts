/**
 * Counting per source, in bounded memory: for each end of the body (start, end) a map from a
 * block's short fingerprint to how many distinct items had it there. A block seen once keeps only
 * its fingerprint and the hash of its exact text; from its second sighting on it keeps one sample
 * (the text, capped) and what varied between its copies. Items themselves are never kept.
 */
import { MAX_LEARNED_TEXT, imageKey, shapeOf, shortHash, textKey, type Shape } from './fingerprint.js';
import type { Block } from './blocks.js';

export type End = 'start' | 'end';

/** A fingerprint seen in two items or more. */
export interface Sample {
  kind: 'text' | 'image';
  /** Distinct items it was seen in at this end. */
  count: number;
  /** The first text (or image address) kept for it. */
  example: string;
  shape: Shape | null;
  /** Digit runs (by index) that differed between copies. */
  digitsVary: boolean[];
  /** Positions of `shape.canon` where some copy had a space, and where every copy had one. */
  spacesSome: Set<number>;
  spacesAll: Set<number>;
  /** The first sighting differed from the sample in a way not known (only its hash was kept). */
  unknownVariant: boolean;
  /** Its family's key (see `familyOf`), or null when it is a family of its own. */
  family: string | null;
  /** Hashes of the distinct exact texts seen (at most MANY_VARIANTS kept). */
  variants: Set<string>;
}

/**
 * More distinct copies than this (and than half its count) make a block a per-item value: content.
 * A copyright line has a handful of years; a line that differs in nearly every item is the item's.
 */
export const MAX_VARIANTS = 4;
/** So many distinct copies are per-item whatever the count: no more are kept (bounded memory). */
const MANY_VARIANTS = 64;

/** Whether a block's copies differ so often (a counter, an item's own number) that it is content. */
export function isPerItem(sample: Sample): boolean {
  const n = sample.variants.size;
  return n >= MANY_VARIANTS || n > Math.max(MAX_VARIANTS, sample.count / 2);
}

// A label ends at the first of these within the first characters of a line (`译者/`, `Photo:`).
const LABEL_END = /^[^/:：|｜]{1,12}[/:：|｜]/;
const QUERY = /[?#].*$/;

/**
 * The family a block belongs to: a labelled line (`译者/何黎`, `Photo: …`) is one value of a field
 * whose other values other items hold; an image is one of the images its source puts in that
 * place when others at the same end share its address but for digits (`…/picture/9/000085029.jpg`).
 * A block that is only one value among many of its family's is content, however often it repeats.
 */
export function familyOf(kind: 'text' | 'image', value: string): string | null {
  if (kind === 'image') return shortHash(`f\0${shapeOf(value.replace(QUERY, '')).canon}`);
  const label = LABEL_END.exec(value);
  return label ? shortHash(`l\0${label[0]}`) : null;
}

/** A fingerprint seen once: the hash of its exact text, to tell whether the next copy differs. */
type Seen = string;

export class EndTally {
  readonly entries = new Map<string, Seen | Sample>();
  /** Items seen with a member of each family (at most once per item). */
  readonly families = new Map<string, number>();

  /** How many items had a member of the family (0 for a block that is its own family). */
  familyCount(family: string | null): number {
    return family === null ? 0 : (this.families.get(family) ?? 0);
  }

  countFamily(family: string | null): void {
    if (family !== null) this.families.set(family, (this.families.get(family) ?? 0) + 1);
  }

  add(kind: 'text' | 'image', value: string, shape: Shape | null): void {
    const key = kind === 'text' ? textKey(shape!) : imageKey(value);
    const found = this.entries.get(key);
    if (found === undefined) {
      this.entries.set(key, shortHash(value));
      return;
    }
    if (typeof found === 'string') {
      const sample: Sample = {
        kind,
        count: 2,
        example: value,
        shape,
        digitsVary: shape ? shape.digits.map(() => false) : [],
        spacesSome: new Set(shape?.spaces),
        spacesAll: new Set(shape?.spaces),
        unknownVariant: found !== shortHash(value),
        family: familyOf(kind, value),
        variants: new Set([found, shortHash(value)]),
      };
      this.entries.set(key, sample);
      return;
    }
    found.count++;
    if (found.variants.size < MANY_VARIANTS) found.variants.add(shortHash(value));
    if (!shape || !found.shape || value === found.example) return;
    shape.digits.forEach((d, i) => {
      if (d !== found.shape!.digits[i]) found.digitsVary[i] = true;
    });
    const here = new Set(shape.spaces);
    for (const p of here) found.spacesSome.add(p);
    for (const p of found.spacesAll) if (!here.has(p)) found.spacesAll.delete(p);
  }

  /** The fingerprints seen in two items or more. */
  samples(): Sample[] {
    const out: Sample[] = [];
    for (const v of this.entries.values()) if (typeof v !== 'string') out.push(v);
    return out;
  }
}

/**
 * The first and the last `edge` blocks of a body; in a short body each block belongs to one end
 * only (the first half to the start), so that no block is counted twice.
 */
export function endsOf<T>(blocks: readonly T[], edge: number): Record<End, readonly T[]> {
  const start = blocks.slice(0, Math.min(edge, Math.ceil(blocks.length / 2)));
  return { start, end: blocks.slice(Math.max(start.length, blocks.length - edge)) };
}

/** What one item contributes at one end: each distinct text block and image once. */
export function tallyEnd(tally: EndTally, blocks: readonly Block[]): void {
  const done = new Set<string>();
  const families = new Set<string>();
  for (const block of blocks) {
    if (block.heading || block.caption) continue;
    for (const src of block.images) {
      families.add(familyOf('image', src)!);
      if (done.has(`i${src}`)) continue;
      done.add(`i${src}`);
      tally.add('image', src, null);
    }
    // A block holding an image is spared by text rules: only its images can be learned.
    if (block.images.length || !block.text || block.text.length > MAX_LEARNED_TEXT) continue;
    const family = familyOf('text', block.text);
    if (family) families.add(family);
    const shape = shapeOf(block.text);
    if (done.has(`t${shape.canon}`)) continue;
    done.add(`t${shape.canon}`);
    tally.add('text', block.text, shape);
  }
  for (const family of families) tally.countFamily(family);
}
