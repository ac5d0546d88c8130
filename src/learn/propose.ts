/**
 * From counts to rules: a block that stands at the same end of the body in at least the threshold
 * share of a source's items (and in at least `minItems` of them) becomes the narrowest rule of an
 * existing kind — a `dropText` pattern anchored on the whole block (the literal text, digits and
 * spaces generalized only where its copies differed there), or, for an image, a `decorativeImages`
 * pattern of its exact address. Headings and blocks holding images never become text rules.
 */
import { DIGITS, type Shape } from './fingerprint.js';
import { readDateLine } from './dates.js';
import { isPerItem, type End, type EndTally, type Sample } from './tally.js';

/** A block is its family's usual member (see tally.ts familyOf) when it holds this share of it. */
const FAMILY_SHARE = 0.8;

export interface Thresholds {
  /** Share of a source's items a block must be seen in (0–1). */
  minShare: number;
  /** Items a block must be seen in, whatever the share. */
  minItems: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { minShare: 0.3, minItems: 5 };

export interface Proposal {
  kind: 'dropText' | 'decorativeImages';
  pattern: string;
  /** Distinct items the block was seen in (at `end`). */
  count: number;
  end: End;
  /** What it removes, as first seen. */
  example: string;
}

const SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

export function escapeLiteral(text: string): string {
  return text.replace(SYNTAX, '\\$&');
}

/** The anchored pattern for a text block's shape, generalized where its copies varied. */
export function textPattern(shape: Shape, sample: Pick<Sample, 'digitsVary' | 'spacesSome' | 'spacesAll' | 'unknownVariant'>): string {
  let out = '^';
  let digit = 0;
  let literal = '';
  const flush = () => {
    out += escapeLiteral(literal);
    literal = '';
  };
  for (let i = 0; i <= shape.canon.length; i++) {
    if (sample.spacesSome.has(i)) {
      if (sample.spacesAll.has(i) && !sample.unknownVariant) literal += ' ';
      else {
        flush();
        out += ' ?';
      }
    }
    if (i === shape.canon.length) break;
    const c = shape.canon[i]!;
    if (c !== DIGITS) {
      literal += c;
      continue;
    }
    if (sample.digitsVary[digit] || sample.unknownVariant) {
      flush();
      out += '\\d+';
    } else literal += shape.digits[digit]!;
    digit++;
  }
  flush();
  return `${out}$`;
}

/** The count an item must reach in a source of `items` items. */
export function threshold(items: number, t: Thresholds): number {
  return Math.max(t.minItems, Math.ceil(t.minShare * items - 1e-9));
}

function proposalOf(sample: Sample, end: End): Proposal {
  if (sample.kind === 'image') {
    return { kind: 'decorativeImages', pattern: `^${escapeLiteral(sample.example)}$`, count: sample.count, end, example: sample.example };
  }
  return { kind: 'dropText', pattern: textPattern(sample.shape!, sample), count: sample.count, end, example: sample.example };
}

/**
 * The rules for one source: each pattern once (where it qualifies at both ends, the end where it
 * was seen most), text rules before image rules, then by end (start first), count (most first)
 * and pattern, so that the same counts always give the same list.
 */
export function proposeFor(items: number, ends: Record<End, EndTally>, t: Thresholds): Proposal[] {
  if (items < t.minItems) return [];
  const least = threshold(items, t);
  const best = new Map<string, Proposal>();
  for (const end of ['start', 'end'] as const) {
    for (const sample of ends[end].samples()) {
      if (sample.count < least) continue;
      // One value of a field other items fill differently (a translator, a lead photo): content.
      if (sample.count < FAMILY_SHARE * ends[end].familyCount(sample.family)) continue;
      // Copies that differ from item to item (digits only, but nearly each its own): an item's own text.
      if (isPerItem(sample)) continue;
      // A date line is read (or to be read) for the item's date, not thrown away unread.
      if (sample.kind === 'text' && readDateLine(sample.example)) continue;
      const p = proposalOf(sample, end);
      const key = `${p.kind}\0${p.pattern}`;
      const had = best.get(key);
      if (!had || p.count > had.count) best.set(key, p);
    }
  }
  const order = { dropText: 0, decorativeImages: 1, start: 0, end: 1 };
  return [...best.values()].sort(
    (a, b) =>
      order[a.kind] - order[b.kind] ||
      order[a.end] - order[b.end] ||
      b.count - a.count ||
      (a.pattern < b.pattern ? -1 : a.pattern > b.pattern ? 1 : 0),
  );
}
