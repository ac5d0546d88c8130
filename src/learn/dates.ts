/**
 * Date lines at the top that the general reader left unread (`published` is null and the first
 * block is a numeric date, perhaps after a short label): counted per source by their shape, each
 * shape read day-first and month-first as wall-clock times, and for each reading how long before
 * its capture it falls, in whole hours. Bounded: a few shapes per source, a histogram of hours each.
 */
import { DIGITS, shapeOf } from './fingerprint.js';

const HOUR = 3_600_000;
/** Whole-hour zone offsets considered (UTC−12 … UTC+14). */
const OFFSETS = Array.from({ length: 27 }, (_, i) => i - 12);
const MAX_SHAPES = 16;
const MAX_DATE_LINE = 60;

// An optional short label, then D/M/Y, M/D/Y or Y/M/D with `/`, `.` or `-`, then an optional time.
const NUMERIC_DATE = /^(\D{0,12}?)\s*(\d{1,4})([/.-])(\d{1,2})\3(\d{1,4})(?:\s*(?:-|,|T|\s)\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

export type Order = 'dmy' | 'mdy' | 'ymd';

export interface DateReading {
  shape: string;
  /** Wall-clock time as if it were UTC, for each order it can be read in. */
  wall: Partial<Record<Order, number>>;
  timed: boolean;
}

function wallClock(y: number, m: number, d: number, hh: number, mm: number, ss: number): number | undefined {
  if (y < 1970 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 59) return undefined;
  const ms = Date.UTC(y, m - 1, d, hh, mm, ss);
  return new Date(ms).getUTCDate() === d ? ms : undefined;
}

/** The readings of a line that is a numeric date (and nothing more), or null. */
export function readDateLine(text: string): DateReading | null {
  if (text.length > MAX_DATE_LINE) return null;
  const m = NUMERIC_DATE.exec(text);
  if (!m) return null;
  const [a, b, c] = [m[2]!, m[4]!, m[5]!];
  const [hh, mm, ss] = [Number(m[6] ?? 0), Number(m[7] ?? 0), Number(m[8] ?? 0)];
  const wall: Partial<Record<Order, number>> = {};
  if (a.length === 4) {
    const t = wallClock(+a, +b, +c, hh, mm, ss);
    if (t !== undefined) wall.ymd = t;
  } else if (c.length === 4) {
    const dmy = wallClock(+c, +b, +a, hh, mm, ss);
    const mdy = wallClock(+c, +a, +b, hh, mm, ss);
    if (dmy !== undefined) wall.dmy = dmy;
    if (mdy !== undefined) wall.mdy = mdy;
  }
  if (!Object.keys(wall).length) return null;
  return { shape: shapeOf(text).canon.replaceAll(DIGITS, '#'), wall, timed: m[6] !== undefined };
}

interface OrderTally {
  count: number;
  /** Smallest capture − wall clock seen (ms). */
  minLag: number;
  /** floor((capture − wall clock) / 1 h) → readings. */
  hours: Map<number, number>;
}

interface ShapeTally {
  count: number;
  example: string;
  orders: Partial<Record<Order, OrderTally>>;
}

export interface DateFinding {
  shape: string;
  count: number;
  example: string;
  /** The order the lines are read in, when only one fits every line. */
  order: Order | null;
  /** The one whole-hour offset that fits (see `zoneOffset`), or null. */
  offsetHours: number | null;
}

export class DateTally {
  private readonly shapes = new Map<string, ShapeTally>();

  add(text: string, captured: number | null): void {
    const reading = readDateLine(text);
    if (!reading) return;
    let tally = this.shapes.get(reading.shape);
    if (!tally) {
      if (this.shapes.size >= MAX_SHAPES) return;
      this.shapes.set(reading.shape, (tally = { count: 0, example: text, orders: {} }));
    }
    tally.count++;
    for (const order of ['dmy', 'mdy', 'ymd'] as const) {
      const wall = reading.wall[order];
      if (wall === undefined) continue;
      const o = (tally.orders[order] ??= { count: 0, minLag: Infinity, hours: new Map() });
      o.count++;
      if (!reading.timed || captured === null) continue;
      const lag = captured - wall;
      o.minLag = Math.min(o.minLag, lag);
      const hour = Math.floor(lag / HOUR);
      o.hours.set(hour, (o.hours.get(hour) ?? 0) + 1);
    }
  }

  /** The shape covering more than half of `items` and at least `minItems`, if one does. */
  finding(items: number, minItems: number, least: number): DateFinding | null {
    let best: [string, ShapeTally] | null = null;
    for (const entry of this.shapes) if (!best || entry[1].count > best[1].count) best = entry;
    if (!best || best[1].count * 2 <= items || best[1].count < minItems) return null;
    const [shape, tally] = best;
    // An order fits when every line of the shape reads as a valid date in it.
    const fitting = (['ymd', 'dmy', 'mdy'] as const).filter((o) => tally.orders[o]?.count === tally.count);
    const order = fitting.length === 1 ? fitting[0]! : null;
    const offsetHours = order ? zoneOffset(tally.orders[order]!, least) : null;
    return { shape, count: tally.count, example: tally.example, order, offsetHours };
  }
}

/**
 * The offset (whole hours east of UTC) under which every reading falls at or before its capture
 * and at least `least` readings fall within the hour before it (a mirror captures much of what it
 * carries soon after publication); null unless exactly one offset does.
 */
export function zoneOffset(o: OrderTally, least: number): number | null {
  if (!Number.isFinite(o.minLag)) return null;
  const fits = OFFSETS.filter((h) => o.minLag + h * HOUR >= 0 && (o.hours.get(-h) ?? 0) >= least);
  return fits.length === 1 ? fits[0]! : null;
}

/** The IANA name of a fixed offset (`Etc/GMT-2` is UTC+2: the Etc names count westward). */
export function fixedZone(hours: number): string {
  return hours === 0 ? 'UTC' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}
