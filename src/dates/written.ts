/**
 * Dates as articles write them in their lead block (`20/07/2020 - 13:56`, `July 20, 2020 1:56 PM`,
 * `2020年7月20日 下午1:56`, `Mon, 20 Jul 2020 13:56 GMT`), besides the feed forms parseDate reads.
 * Numeric day-month order is only decided where it can be: a part over 12, the source's known
 * order, or else both readings are returned and the caller weighs them (against the capture time).
 */
import { MONTHS, build, fullYear, parseDate, type ParsedDate } from './parse.js';

export interface WrittenDateOptions {
  /** The zone zone-less times are read in. */
  timeZone: string;
  /** Numeric dates put the day first (true), the month first (false), or it is not known (null). */
  dayFirst: boolean | null;
}

// A time of day after the date: `- 13:56`, `, 1:56 PM`, `at 13h56`, `13:56:02`, then maybe a zone
// (`GMT`, `UTC+8`, `+0200`, `(CEST)`).
const TIME =
  String.raw`(?:\s*(?:[-–—|,@·]|at|um|à|às|alle|a las)?\s*(\d{1,2})[:h.](\d{2})(?::(\d{2}))?(?:\s*([ap])\.?\s?m\.?)?(?:\s*(?:Uhr|h|heures?))?)?` +
  String.raw`(?:\s*\(?\s*((?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|[A-Z]{1,5})\s*\)?)?`;
const NUMERIC_DMY_OR_MDY = new RegExp(String.raw`^(?:[^\d\s,]+,?\s+)?(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`, 'i');
const MONTH_NAME_FIRST = new RegExp(
  String.raw`^(?:[A-Za-z]+\.?,?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}$`,
  'i',
);
const DAY_FIRST_NAME = new RegExp(
  String.raw`^(?:[A-Za-z]+\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\.?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})${TIME}$`,
  'i',
);
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([./-])(\d{1,2})\2(\d{1,2})${TIME}$`, 'i');
const CJK = new RegExp(
  String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:[(（]?(?:星期|周|週|礼拜|禮拜)[一二三四五六日天][)）]?)?\s*` +
    String.raw`(?:(上午|下午|早上|晚上|凌晨|中午)?\s*(\d{1,2})\s*[:：时時点點]\s*(\d{1,2})\s*分?(?:\s*[:：]?\s*(\d{1,2})\s*秒?)?)?` +
    String.raw`\s*(?:[(（]?\s*((?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?|北京时间|北京時間|台北时间|台北時間|香港时间|香港時間)\s*[)）]?)?$`,
  'i',
);

/** `GMT+2`, `UTC+08:00`, `+0200`, `CEST`, `北京时间` → what build() reads (`+02:00`, the name). */
function zoneOf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  if (/^(?:北京|台北|香港)(?:时间|時間)$/.test(text)) return '+08:00';
  const m = /^(?:UTC|GMT)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(text);
  if (m) return `${m[1]}${m[2]!.padStart(2, '0')}:${m[3] ?? '00'}`;
  return text.toUpperCase();
}

function hour24(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  const pm = /^p/i.test(meridiem) || /下午|晚上/.test(meridiem);
  const am = /^a/i.test(meridiem) || /上午|早上|凌晨/.test(meridiem);
  if (pm && hour < 12) return hour + 12;
  if (am && hour === 12) return 0;
  return hour;
}

function at(
  y: number,
  mo: number,
  d: number,
  time: { h?: string; mi?: string; s?: string; meridiem?: string; zone?: string },
  timeZone: string,
): ParsedDate | null {
  if (time.h === undefined && time.zone !== undefined) return null; // a zone without a time is not a form
  const h = time.h === undefined ? 0 : hour24(Number(time.h), time.meridiem);
  if (time.meridiem && Number(time.h) > 12) return null;
  return build(y, mo, d, h, Number(time.mi ?? 0), Number(time.s ?? 0), undefined, zoneOf(time.zone), timeZone, time.h !== undefined);
}

/**
 * The readings of `text` as a written date: none, one, or two (day-first and month-first) when a
 * numeric date could be either and the order is not known.
 */
export function readWrittenDate(input: string, options: WrittenDateOptions): ParsedDate[] {
  const text = input.replace(/\s+/g, ' ').trim();
  if (!text || text.length > 80 || !/\d/.test(text)) return [];
  const { timeZone, dayFirst } = options;
  let m = NUMERIC_DMY_OR_MDY.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = fullYear(m[4]!);
    const time = { h: m[5], mi: m[6], s: m[7], meridiem: m[8], zone: m[9] };
    const dmy = at(y, b, a, time, timeZone);
    const mdy = at(y, a, b, time, timeZone);
    if (!dmy || !mdy || a === b) return [dmy ?? mdy].filter((r): r is ParsedDate => r !== null);
    if (dayFirst === true) return [dmy];
    if (dayFirst === false) return [mdy];
    return [dmy, mdy];
  }
  m = YEAR_FIRST.exec(text);
  if (m) {
    const reading = at(Number(m[1]), Number(m[3]), Number(m[4]), { h: m[5], mi: m[6], s: m[7], meridiem: m[8], zone: m[9] }, timeZone);
    return reading ? [reading] : [];
  }
  m = MONTH_NAME_FIRST.exec(text);
  if (m && MONTHS[m[1]!.toLowerCase()]) {
    const time = { h: m[4], mi: m[5], s: m[6], meridiem: m[7], zone: m[8] };
    const reading = at(Number(m[3]), MONTHS[m[1]!.toLowerCase()]!, Number(m[2]), time, timeZone);
    return reading ? [reading] : [];
  }
  m = DAY_FIRST_NAME.exec(text);
  if (m && MONTHS[m[2]!.toLowerCase()]) {
    const time = { h: m[4], mi: m[5], s: m[6], meridiem: m[7], zone: m[8] };
    const reading = at(Number(m[3]), MONTHS[m[2]!.toLowerCase()]!, Number(m[1]), time, timeZone);
    if (reading) return [reading];
  }
  m = CJK.exec(text);
  if (m) {
    const reading = at(Number(m[1]), Number(m[2]), Number(m[3]), { meridiem: m[4], h: m[5], mi: m[6], s: m[7], zone: m[8] }, timeZone);
    return reading ? [reading] : [];
  }
  const feedForm = parseDate(text, timeZone);
  return feedForm ? [feedForm] : [];
}
