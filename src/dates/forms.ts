/**
 * The rarer date forms feeds use (those feedparser's date tests name), tried after the common ones:
 * asctime, ISO 8601 basic/ordinal/week/reduced forms, W3C-DTF year and year-month, Perforce, Korean
 * (Nate, OnBlog) and epoch seconds. Each is an explicit pattern; anything else stays null.
 */
import type { ParsedDate } from './parse.js';
import { MONTHS, build } from './parse.js';

type Reader = (m: RegExpExecArray, timeZone: string) => ParsedDate | null;

const n = (value: string | undefined, fallback = 0) => (value === undefined ? fallback : Number(value));

/** Day `day` of ISO week `week` of `year` (1 = Monday) as year/month/day. */
function isoWeekDate(year: number, week: number, day: number): [number, number, number] | null {
  if (week < 1 || week > 53 || day < 1 || day > 7) return null;
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayOfWeek1 = Date.UTC(year, 0, 4) - ((jan4.getUTCDay() + 6) % 7) * 86_400_000;
  const date = new Date(mondayOfWeek1 + ((week - 1) * 7 + (day - 1)) * 86_400_000);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

function ordinalDate(year: number, dayOfYear: number): [number, number, number] | null {
  if (dayOfYear < 1 || dayOfYear > 366) return null;
  const date = new Date(Date.UTC(year, 0, dayOfYear));
  return date.getUTCFullYear() === year ? [year, date.getUTCMonth() + 1, date.getUTCDate()] : null;
}

const TIME = '(?:T?(\\d{2}):?(\\d{2})(?::?(\\d{2})(?:[.,](\\d{1,9}))?)?)?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?';

const FORMS: Array<[RegExp, Reader]> = [
  // asctime: Sun Jan  4 16:29:06 PST 2004 / Sun Jan 4 16:29:06 2004
  [
    /^(?:[A-Za-z]{3},?\s+)?([A-Za-z]{3,9})\s+(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(?:([A-Za-z]{1,5}|[+-]\d{4})\s+)?(\d{4})$/,
    (m, tz) => {
      const month = MONTHS[m[1]!.toLowerCase()];
      return month ? build(n(m[7]), month, n(m[2]), n(m[3]), n(m[4]), n(m[5]), undefined, m[6], tz) : null;
    },
  ],
  // Month first, as JavaScript's Date.toString() and US prose write it: Tue Mar 05 2024 14:30:00 +0100,
  // March 5, 2024 2:30 PM (12-hour times are already 24-hour here)
  [
    /^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2}))?$/,
    (m, tz) => {
      const month = MONTHS[m[1]!.toLowerCase()];
      return month ? build(n(m[3]), month, n(m[2]), n(m[4]), n(m[5]), n(m[6]), undefined, m[7], tz, m[4] !== undefined) : null;
    },
  ],
  // ISO 8601 basic: 20031231T101455Z, 20031231
  [
    new RegExp(`^(\\d{4})(\\d{2})(\\d{2})${TIME}$`, 'i'),
    (m, tz) => build(n(m[1]), n(m[2]), n(m[3]), n(m[4]), n(m[5]), n(m[6]), m[7], m[8], tz, m[4] !== undefined),
  ],
  // ISO 8601 ordinal: 2003-335, 2003335T10:14:55Z
  [
    new RegExp(`^(\\d{4})-?(\\d{3})${TIME}$`, 'i'),
    (m, tz) => {
      const d = ordinalDate(n(m[1]), n(m[2]));
      return d ? build(d[0], d[1], d[2], n(m[3]), n(m[4]), n(m[5]), m[6], m[7], tz, m[3] !== undefined) : null;
    },
  ],
  // ISO 8601 week: 2003-W01-3, 2003W013T10:14Z, 2003-W01 (its Monday)
  [
    new RegExp(`^(\\d{4})-?W(\\d{2})(?:-?(\\d))?${TIME}$`, 'i'),
    (m, tz) => {
      const d = isoWeekDate(n(m[1]), n(m[2]), n(m[3], 1));
      return d ? build(d[0], d[1], d[2], n(m[4]), n(m[5]), n(m[6]), m[7], m[8], tz, m[4] !== undefined) : null;
    },
  ],
  // W3C-DTF reduced precision: 2003-12, 2003 (the first day of the month or year)
  [/^(\d{4})(?:-(\d{2}))?$/, (m, tz) => build(n(m[1]), n(m[2], 1), 1, 0, 0, 0, undefined, undefined, tz, false)],
  // ISO with a two-digit year: 03-12-31T10:14:55Z
  [
    new RegExp(`^(\\d{2})-(\\d{2})-(\\d{2})${TIME}$`, 'i'),
    (m, tz) => build(2000 + n(m[1]), n(m[2]), n(m[3]), n(m[4]), n(m[5]), n(m[6]), m[7], m[8], tz, m[4] !== undefined),
  ],
  // Perforce: Fri, 2006/09/15 08:19:53 EDT
  [
    /^(?:[A-Za-z]{3},\s*)?(\d{4})\/(\d{2})\/(\d{2})\s+(\d{2}):(\d{2}):(\d{2})\s+([A-Za-z]{1,5}|[+-]\d{4})$/,
    (m, tz) => build(n(m[1]), n(m[2]), n(m[3]), n(m[4]), n(m[5]), n(m[6]), undefined, m[7], tz),
  ],
  // Korean (Nate): 2004-05-25 오후 11:23:17 — Korea Standard Time
  [
    /^(\d{4})-(\d{2})-(\d{2})\s+(오전|오후)\s+(\d{1,2}):(\d{2}):(\d{2})$/,
    (m, tz) => build(n(m[1]), n(m[2]), n(m[3]), (n(m[5]) % 12) + (m[4] === '오후' ? 12 : 0), n(m[6]), n(m[7]), undefined, '+09:00', tz),
  ],
  // Korean (OnBlog): 2004년 05월 28일 01:31:15 — Korea Standard Time
  [
    /^(\d{4})년\s*(\d{1,2})월\s*(\d{1,2})일\s+(\d{1,2}):(\d{2}):(\d{2})$/,
    (m, tz) => build(n(m[1]), n(m[2]), n(m[3]), n(m[4]), n(m[5]), n(m[6]), undefined, '+09:00', tz),
  ],
  // Epoch seconds (nine or ten digits; shorter numbers are years or garbage)
  [/^(\d{9,10})$/, (m) => ({ ms: n(m[1]) * 1000, zoned: true, timed: true })],
];

export function parseOtherForms(text: string, timeZone: string): ParsedDate | null {
  for (const [pattern, read] of FORMS) {
    const m = pattern.exec(text);
    if (m) return read(m, timeZone);
  }
  return null;
}
