/**
 * Dates as feeds and mirrors write them, read without `new Date(string)` (which accepts and misreads
 * too much). Each form is an explicit pattern; anything else is null, never a guess.
 *
 * Zone-less times are wall-clock times in the source's zone (a rule-pack fact), passed in.
 */
import { parseOtherForms } from './forms.js';
import { toEnglishNames } from './names.js';
import { wallClockToUtc } from './zone.js';

export interface ParsedDate {
  ms: number;
  /** Whether the text named its zone; false means it was read in the given zone. */
  zoned: boolean;
  /** Whether the text had a time of day (a bare date is a calendar date, read as midnight UTC). */
  timed: boolean;
}

export const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

// RFC 822 / 2822 zone names (and the US ones feeds use); values in minutes east of UTC.
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  // Unambiguous abbreviations feeds use beyond RFC 822's list.
  BST: 60,
  CET: 60,
  CEST: 120,
  MET: 60,
  MEST: 120,
  EET: 120,
  EEST: 180,
  WET: 0,
  WEST: 60,
  MSK: 180,
  HKT: 480,
  SGT: 480,
  JST: 540,
  KST: 540,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
// Also `Thu,01 Jan 2004`, `01-Jan-2004`, `1:2:3` (single-digit time parts).
const RFC822 =
  /^(?:[A-Za-z]{3,9},?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{2,4})(?:\s+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?$/;
// 2023/05/02, 2023.05.02 14:30 — numeric dates with slashes or dots, always zone-less.
const NUMERIC = /^(\d{4})([/.])(\d{1,2})\2(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const CJK =
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*(\d{1,2})\s*[:：时時点點]\s*(\d{1,2})\s*分?(?:\s*[:：]?\s*(\d{1,2})\s*秒?)?)?$/;

function offsetMinutes(zone: string): number | null {
  if (/^z$/i.test(zone)) return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  const named = ZONES[zone.toUpperCase()];
  if (named !== undefined) return named;
  // RFC 822 military zones: A–I, K–M east (+1…+12), N–Y west (−1…−12), Z is UTC.
  if (/^[A-IK-Za-ik-z]$/.test(zone)) {
    const c = zone.toUpperCase().charCodeAt(0);
    if (c <= 73) return (c - 64) * 60;
    if (c <= 77) return (c - 65) * 60;
    if (c <= 89) return -(c - 77) * 60;
  }
  return null;
}

/** Date.UTC without its quirk of reading years 0–99 as 1900–1999. */
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

export function build(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  frac: string | undefined,
  zone: string | undefined,
  timeZone: string,
  hasTime = true,
): ParsedDate | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return null;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  const wall = utc(y, mo - 1, d, h, mi, s, ms);
  if (new Date(utc(y, mo - 1, d)).getUTCDate() !== d) return null; // 31 February and friends
  if (!hasTime && zone === undefined) {
    // A calendar date with no time is that date, not midnight somewhere: shifting it into the
    // source's zone would move it to the day before.
    return { ms: wall, zoned: false, timed: false };
  }
  if (zone !== undefined) {
    const offset = offsetMinutes(zone);
    if (offset === null) return null;
    return { ms: wall - offset * 60_000, zoned: true, timed: hasTime };
  }
  return { ms: wallClockToUtc(wall, timeZone), zoned: false, timed: true };
}

export function fullYear(text: string): number {
  const y = Number(text);
  if (text.length > 2) return y;
  return y < 50 ? 2000 + y : 1900 + y; // RFC 2822 §4.3
}

/**
 * Spellings that say the same as the forms below, brought to them: a trailing comment (RFC 822's
 * `+0000 (UTC)`, JavaScript's `GMT+0100 (Central European Standard Time)`), a zone written
 * `GMT+0100` / `UTC+5:30`, and 12-hour times (`12:00:00 PM`).
 */
function canonical(text: string): string {
  let out = text.replace(/\s*\([^()]*\)$/, '');
  out = out.replace(
    /(\d)\s*(?:GMT|UTC|UT)\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i,
    (_m, digit: string, sign: string, h: string, mm?: string) => `${digit} ${sign}${h.padStart(2, '0')}${mm ?? '00'}`,
  );
  out = out.replace(/\b(\d{1,2})(:\d{2}(?::\d{2})?)\s*([AaPp])\.?[Mm]\.?(?=\s|$)/, (m, h: string, rest: string, half: string) => {
    const hour = Number(h);
    if (hour < 1 || hour > 12) return m;
    return `${String((hour % 12) + (/p/i.test(half) ? 12 : 0)).padStart(2, '0')}${rest}`;
  });
  return out;
}

/**
 * Zone abbreviations that stand for several zones (IST: India, Ireland, Israel …): a time written
 * with one is not read, and the warning says why. RFC 822's own names (EST, CST …) are not here:
 * in a feed date they mean what RFC 822 says.
 */
const AMBIGUOUS_ZONES: Record<string, string> = {
  IST: 'India, Ireland or Israel',
  AST: 'Atlantic or Arabia',
  ADT: 'Atlantic or Arabia daylight',
  ACT: 'Acre or Australian Central',
  AMT: 'Amazon or Armenia',
  BDT: 'Bangladesh or Brunei',
  ECT: 'Ecuador or Eastern Caribbean',
  GST: 'Gulf or South Georgia',
  SST: 'Samoa or Singapore',
  CAT: 'Central Africa or Central Alaska',
};

/** Why a date that parseDate() cannot read is unreadable, when there is more to say than "no known form". */
export function unreadableReason(input: string): string | null {
  const text = canonical(input.replace(/\s+/g, ' ').trim());
  const m = /\b([A-Z]{3})$/.exec(text);
  const zones = m && Object.hasOwn(AMBIGUOUS_ZONES, m[1]!) ? AMBIGUOUS_ZONES[m[1]!] : undefined;
  // Only when the rest is a date we read: then the zone alone is what stops it.
  if (!m || !zones || !parseDate(`${text.slice(0, m.index)}+0000`)) return null;
  return `its zone "${m[1]}" is ambiguous (${zones})`;
}

/** Reads a date; zone-less forms are read in `timeZone`. Returns null for anything unrecognised. */
export function parseDate(input: string, timeZone = 'UTC'): ParsedDate | null {
  const text = canonical(toEnglishNames(input.replace(/\s+/g, ' ').trim()));
  if (!text) return null;
  let m = ISO.exec(text);
  if (m) return build(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), m[7], m[8], timeZone, m[4] !== undefined);
  m = RFC822.exec(text);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    if (!month) return null;
    return build(fullYear(m[3]!), month, +m[1]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), undefined, m[7], timeZone, m[4] !== undefined);
  }
  m = NUMERIC.exec(text);
  if (m) return build(+m[1]!, +m[3]!, +m[4]!, +(m[5] ?? 0), +(m[6] ?? 0), +(m[7] ?? 0), undefined, undefined, timeZone, m[5] !== undefined);
  m = CJK.exec(text);
  if (m) return build(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), undefined, undefined, timeZone, m[4] !== undefined);
  return parseOtherForms(text, timeZone);
}

/** ISO 8601 UTC with milliseconds, the one form feedclean writes. */
/** The instants ISO 8601's four-digit years can write: 0000-01-01 to 9999-12-31. */
export const MIN_ISO_MS = -62167219200000;
export const MAX_ISO_MS = 253402300799999;

export function toIso(ms: number | null): string | null {
  if (ms === null || !Number.isFinite(ms) || ms < MIN_ISO_MS || ms > MAX_ISO_MS) return null;
  // Written out by arithmetic: Date#toISOString costs about a microsecond a call in V8, and every
  // item writes two or three dates. Whole milliseconds, as a Date would hold them.
  const whole = Math.trunc(ms);
  const days = Math.floor(whole / DAY_MS);
  const inDay = whole - days * DAY_MS;
  // Days since 1970-01-01 → the proleptic Gregorian date (Hinnant's civil_from_days).
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(Math.floor(inDay / 3_600_000), 2)}:${pad(Math.floor(inDay / 60_000) % 60, 2)}:${pad(Math.floor(inDay / 1000) % 60, 2)}.${pad(inDay % 1000, 3)}Z`;
}

const DAY_MS = 86_400_000;
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * A feed's date field: epoch ms (zone-less times read as UTC for now, their text kept in `local`
 * under `key` to be read again in the source's zone), or null with a warning when unreadable.
 */
export function readFeedDate(text: string | null, warnings: string[], local: Record<string, string>, key: string): number | null {
  if (!text) return null;
  const parsed = parseDate(text);
  if (!parsed) {
    const reason = unreadableReason(text);
    warnings.push(reason ? `date "${text}" is not read: ${reason}; left empty` : `date "${text}" is in no known form; left empty`);
  } else if (!parsed.zoned && parsed.timed) local[key] = text;
  return parsed?.ms ?? null;
}
