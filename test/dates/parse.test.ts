import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_ISO_MS, MIN_ISO_MS, parseDate, readFeedDate, toIso } from '../../src/dates/parse.js';
import { isValidTimeZone, wallClockToUtc, zoneOffset } from '../../src/dates/zone.js';

/** parseDate → ISO string (or null), the form every other stage sees. */
function iso(input: string, timeZone?: string): string | null {
  const parsed = parseDate(input, timeZone);
  return parsed ? toIso(parsed.ms) : null;
}

const HOUR = 3_600_000;

describe('parseDate: ISO 8601', () => {
  it.each([
    ['2020-07-17T07:14:53Z', '2020-07-17T07:14:53.000Z'],
    ['2020-07-17t07:14:53z', '2020-07-17T07:14:53.000Z'],
    ['2020-07-17T15:14:53+08:00', '2020-07-17T07:14:53.000Z'],
    ['2020-07-17T15:14:53+0800', '2020-07-17T07:14:53.000Z'],
    ['2020-07-17T15:14:53+08', '2020-07-17T07:14:53.000Z'],
    ['2020-07-17T02:14:53-05', '2020-07-17T07:14:53.000Z'],
    ['2020-07-17T01:44:53-05:30', '2020-07-17T07:14:53.000Z'],
    ['2020-07-17T07:14:53+00:00', '2020-07-17T07:14:53.000Z'],
    ['2020-07-17 07:14:53Z', '2020-07-17T07:14:53.000Z'],
    ['2020-07-17 15:14:53 +08:00', '2020-07-17T07:14:53.000Z'],
  ])('%s is %s', (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it('crosses the date line when the offset says so', () => {
    expect(iso('2020-07-18T03:00:00+08:00')).toBe('2020-07-17T19:00:00.000Z');
    expect(iso('2020-12-31T22:30:00-05:00')).toBe('2021-01-01T03:30:00.000Z');
  });

  it('reads fractions written with a dot or a comma', () => {
    expect(iso('2020-07-17T07:14:53.5Z')).toBe('2020-07-17T07:14:53.500Z');
    expect(iso('2020-07-17T07:14:53,25Z')).toBe('2020-07-17T07:14:53.250Z');
    expect(iso('2020-07-17T07:14:53.123+00:00')).toBe('2020-07-17T07:14:53.123Z');
    expect(iso('2020-07-17T15:14:53,123+08:00')).toBe('2020-07-17T07:14:53.123Z');
    // Nanosecond precision is rounded to milliseconds.
    expect(iso('2020-07-17T07:14:53.123456789Z')).toBe('2020-07-17T07:14:53.123Z');
    expect(iso('2020-07-17T07:14:53.0006Z')).toBe('2020-07-17T07:14:53.001Z');
  });

  it('accepts times without seconds', () => {
    expect(iso('2020-07-17T15:14+08:00')).toBe('2020-07-17T07:14:00.000Z');
    expect(iso('2020-07-17 07:14Z')).toBe('2020-07-17T07:14:00.000Z');
    expect(iso('2020-07-17T07:14')).toBe('2020-07-17T07:14:00.000Z');
  });

  // A date without a time is a calendar date: the zone does not move it to another day.
  it('reads a date alone as that calendar date (midnight UTC), whatever the zone', () => {
    expect(iso('2020-07-17')).toBe('2020-07-17T00:00:00.000Z');
    expect(iso('2020-07-17', 'Asia/Shanghai')).toBe('2020-07-17T00:00:00.000Z');
    expect(iso('2020-01-15', 'America/New_York')).toBe('2020-01-15T00:00:00.000Z');
    expect(iso('0001-01-01T00:00:00Z')).toBe('0001-01-01T00:00:00.000Z');
    expect(iso('2020-02-29')).toBe('2020-02-29T00:00:00.000Z');
  });

  it('marks whether the text named its zone', () => {
    expect(parseDate('2020-07-17T07:14:53Z')).toEqual({ ms: Date.UTC(2020, 6, 17, 7, 14, 53), zoned: true, timed: true });
    expect(parseDate('2020-07-17 15:14:53', 'Asia/Shanghai')).toEqual({ ms: Date.UTC(2020, 6, 17, 7, 14, 53), zoned: false, timed: true });
    expect(parseDate('2020-07-17', 'Asia/Shanghai')).toEqual({ ms: Date.UTC(2020, 6, 17), zoned: false, timed: false });
  });

  it('ignores the given zone when the text names its own', () => {
    expect(iso('2020-07-17T07:14:53Z', 'Asia/Shanghai')).toBe('2020-07-17T07:14:53.000Z');
    expect(iso('2020-07-17T15:14:53+08:00', 'America/New_York')).toBe('2020-07-17T07:14:53.000Z');
  });

  it('tolerates surrounding and repeated white space', () => {
    expect(iso('  2020-07-17   15:14:53 \n', 'Asia/Shanghai')).toBe('2020-07-17T07:14:53.000Z');
  });
});

describe('parseDate: zone-less times read in an IANA zone', () => {
  it('reads Asia/Shanghai wall-clock times (UTC+8, no DST)', () => {
    expect(iso('2020-07-17 15:14:53', 'Asia/Shanghai')).toBe('2020-07-17T07:14:53.000Z');
    expect(iso('2020-07-17T15:14:53', 'Asia/Shanghai')).toBe('2020-07-17T07:14:53.000Z');
    expect(iso('2020-01-17 15:14:53', 'Asia/Shanghai')).toBe('2020-01-17T07:14:53.000Z');
    // Early morning in Shanghai is the previous day in UTC.
    expect(iso('2020-07-18 03:00:00', 'Asia/Shanghai')).toBe('2020-07-17T19:00:00.000Z');
  });

  it('applies Asia/Shanghai historical DST (China observed DST 1986–1991)', () => {
    // 1990-07-01 was in Chinese summer time, UTC+9.
    expect(iso('1990-07-01 12:00:00', 'Asia/Shanghai')).toBe('1990-07-01T03:00:00.000Z');
    expect(iso('1990-12-01 12:00:00', 'Asia/Shanghai')).toBe('1990-12-01T04:00:00.000Z');
  });

  it('reads UTC by default', () => {
    expect(iso('2020-07-17 15:14:53')).toBe('2020-07-17T15:14:53.000Z');
  });

  it('uses EST in winter and EDT in summer in America/New_York', () => {
    expect(iso('2020-01-15 12:00:00', 'America/New_York')).toBe('2020-01-15T17:00:00.000Z');
    expect(iso('2020-07-15 12:00:00', 'America/New_York')).toBe('2020-07-15T16:00:00.000Z');
  });

  it('gets the spring-forward edge in America/New_York right (2021-03-14, 02:00 EST → 03:00 EDT)', () => {
    expect(iso('2021-03-14 01:59:59', 'America/New_York')).toBe('2021-03-14T06:59:59.000Z');
    expect(iso('2021-03-14 03:00:00', 'America/New_York')).toBe('2021-03-14T07:00:00.000Z');
    expect(iso('2021-03-14 03:30:00', 'America/New_York')).toBe('2021-03-14T07:30:00.000Z');
  });

  it('gets the fall-back edge in America/New_York right (2021-11-07, 02:00 EDT → 01:00 EST)', () => {
    expect(iso('2021-11-07 00:59:59', 'America/New_York')).toBe('2021-11-07T04:59:59.000Z');
    // 01:30 happens twice; the first (EDT) occurrence is taken.
    expect(iso('2021-11-07 01:30:00', 'America/New_York')).toBe('2021-11-07T05:30:00.000Z');
    expect(iso('2021-11-07 02:30:00', 'America/New_York')).toBe('2021-11-07T07:30:00.000Z');
  });
});

describe('parseDate: RFC 822 / 2822', () => {
  it.each([
    ['Fri, 17 Jul 2020 07:14:53 GMT', '2020-07-17T07:14:53.000Z'],
    ['Fri, 17 Jul 2020 07:14:53 UT', '2020-07-17T07:14:53.000Z'],
    ['Fri, 17 Jul 2020 07:14:53 UTC', '2020-07-17T07:14:53.000Z'],
    ['Fri, 17 Jul 2020 03:14:53 EDT', '2020-07-17T07:14:53.000Z'],
    ['Fri, 17 Jul 2020 02:14:53 EST', '2020-07-17T07:14:53.000Z'],
    ['Fri, 17 Jul 2020 02:14:53 CDT', '2020-07-17T07:14:53.000Z'],
    ['Fri, 17 Jul 2020 00:14:53 PDT', '2020-07-17T07:14:53.000Z'],
    ['Wed, 15 Jan 2020 10:00:00 PST', '2020-01-15T18:00:00.000Z'],
    ['Fri, 17 Jul 2020 07:14:53 +0000', '2020-07-17T07:14:53.000Z'],
    ['Fri, 17 Jul 2020 15:14:53 +0800', '2020-07-17T07:14:53.000Z'],
    ['Fri, 17 Jul 2020 01:44:53 -0530', '2020-07-17T07:14:53.000Z'],
    ['Fri, 17 Jul 2020 07:14:53 gmt', '2020-07-17T07:14:53.000Z'],
  ])('%s is %s', (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it('makes the weekday optional (and does not need a comma after it)', () => {
    expect(iso('17 Jul 2020 07:14:53 GMT')).toBe('2020-07-17T07:14:53.000Z');
    expect(iso('Friday, 17 Jul 2020 07:14:53 GMT')).toBe('2020-07-17T07:14:53.000Z');
    expect(iso('Fri 17 Jul 2020 07:14:53 GMT')).toBe('2020-07-17T07:14:53.000Z');
  });

  it('accepts a single-digit day, no seconds, and "Sept"', () => {
    expect(iso('Sat, 4 Jul 2020 12:00 GMT')).toBe('2020-07-04T12:00:00.000Z');
    expect(iso('1 Sept 2020 08:00:00 +0000')).toBe('2020-09-01T08:00:00.000Z');
    expect(iso('1 Sep 2020 08:00:00 +0000')).toBe('2020-09-01T08:00:00.000Z');
    expect(iso('1 JUL 2020 08:00:00 +0000')).toBe('2020-07-01T08:00:00.000Z');
  });

  it('reads military single-letter zones (A–I, K–M east; N–Y west; Z is UTC)', () => {
    expect(iso('17 Jul 2020 07:14:53 Z')).toBe('2020-07-17T07:14:53.000Z');
    expect(iso('17 Jul 2020 08:14:53 A')).toBe('2020-07-17T07:14:53.000Z'); // +1
    expect(iso('17 Jul 2020 16:14:53 I')).toBe('2020-07-17T07:14:53.000Z'); // +9
    expect(iso('17 Jul 2020 17:14:53 K')).toBe('2020-07-17T07:14:53.000Z'); // +10
    expect(iso('17 Jul 2020 19:14:53 M')).toBe('2020-07-17T07:14:53.000Z'); // +12
    expect(iso('17 Jul 2020 06:14:53 N')).toBe('2020-07-17T07:14:53.000Z'); // -1
    expect(iso('17 Jul 2020 02:14:53 R')).toBe('2020-07-17T07:14:53.000Z'); // -5
    expect(iso('16 Jul 2020 19:14:53 Y')).toBe('2020-07-17T07:14:53.000Z'); // -12
  });

  it('refuses J (not a military zone) and unknown zone names', () => {
    expect(parseDate('17 Jul 2020 07:14:53 J')).toBeNull();
    expect(parseDate('17 Jul 2020 07:14:53 XYZ')).toBeNull();
  });

  it('expands two-digit years: below 50 is 20xx, 50 and above is 19xx', () => {
    expect(iso('Fri, 17 Jul 20 07:14:53 GMT')).toBe('2020-07-17T07:14:53.000Z');
    expect(iso('17 Jul 49 00:00:00 GMT')).toBe('2049-07-17T00:00:00.000Z');
    expect(iso('17 Jul 50 00:00:00 GMT')).toBe('1950-07-17T00:00:00.000Z');
    expect(iso('Sat, 17 Jul 99 07:14:53 GMT')).toBe('1999-07-17T07:14:53.000Z');
    expect(iso('17 Jul 00 00:00:00 GMT')).toBe('2000-07-17T00:00:00.000Z');
  });

  it('reads a zone-less RFC 822 time in the given zone', () => {
    const parsed = parseDate('17 Jul 2020 15:14:53', 'Asia/Shanghai');
    expect(parsed).toEqual({ ms: Date.UTC(2020, 6, 17, 7, 14, 53), zoned: false, timed: true });
  });

  it('refuses impossible days and unknown months', () => {
    expect(parseDate('31 Feb 2020 07:14:53 GMT')).toBeNull();
    expect(parseDate('32 Jul 2020 07:14:53 GMT')).toBeNull();
    expect(parseDate('17 Foo 2020 07:14:53 GMT')).toBeNull();
    expect(parseDate('17 Jul 2020 25:14:53 GMT')).toBeNull();
  });
});

describe('parseDate: numeric dates with slashes or dots', () => {
  it('reads year/month/day as that calendar date', () => {
    expect(iso('2023/05/02')).toBe('2023-05-02T00:00:00.000Z');
    expect(iso('2023/5/2', 'Asia/Shanghai')).toBe('2023-05-02T00:00:00.000Z');
    expect(iso('2023.05.02')).toBe('2023-05-02T00:00:00.000Z');
  });

  it('reads a time after the date, zone-less', () => {
    expect(iso('2023.05.02 14:30', 'Asia/Shanghai')).toBe('2023-05-02T06:30:00.000Z');
    expect(iso('2023/05/02 14:30:15', 'America/New_York')).toBe('2023-05-02T18:30:15.000Z');
    expect(parseDate('2023/05/02 14:30')?.zoned).toBe(false);
  });
});

describe('parseDate: CJK dates', () => {
  it('reads `2020年 7月 18日` as that calendar date', () => {
    expect(iso('2020年 7月 18日')).toBe('2020-07-18T00:00:00.000Z');
    expect(iso('2020年 7月 18日', 'Asia/Shanghai')).toBe('2020-07-18T00:00:00.000Z');
    expect(iso('2020年7月18日', 'Asia/Shanghai')).toBe('2020-07-18T00:00:00.000Z');
    expect(parseDate('2020年 7月 18日', 'Asia/Shanghai')?.zoned).toBe(false);
  });

  it('reads a time after the date', () => {
    expect(iso('2020年 7月 17日 15:14', 'Asia/Shanghai')).toBe('2020-07-17T07:14:00.000Z');
    expect(iso('2020年7月17日 15:14:53', 'Asia/Shanghai')).toBe('2020-07-17T07:14:53.000Z');
    expect(iso('2020年7月17日 15：14', 'Asia/Shanghai')).toBe('2020-07-17T07:14:00.000Z');
    expect(iso('2020年7月17日15时14分53秒', 'Asia/Shanghai')).toBe('2020-07-17T07:14:53.000Z');
    expect(iso('2020年7月17日 15時14分53秒', 'Asia/Shanghai')).toBe('2020-07-17T07:14:53.000Z');
  });

  it('reads hour and minute written with 时/時 and 分', () => {
    expect(iso('2020年7月17日 15时14分', 'Asia/Shanghai')).toBe('2020-07-17T07:14:00.000Z');
    expect(iso('2020年7月17日 15時14分', 'Asia/Shanghai')).toBe('2020-07-17T07:14:00.000Z');
  });

  it('refuses impossible CJK dates', () => {
    expect(parseDate('2020年 2月 30日')).toBeNull();
    expect(parseDate('2020年 13月 1日')).toBeNull();
  });
});

describe('parseDate: more zone names', () => {
  it('reads BST, CEST, JST and HKT', () => {
    expect(iso('Mon, 06 Jul 2020 10:00:00 BST')).toBe('2020-07-06T09:00:00.000Z');
    expect(iso('Mon, 06 Jul 2020 10:00:00 CEST')).toBe('2020-07-06T08:00:00.000Z');
    expect(iso('Mon, 06 Jul 2020 10:00:00 JST')).toBe('2020-07-06T01:00:00.000Z');
    expect(iso('Mon, 06 Jul 2020 10:00:00 HKT')).toBe('2020-07-06T02:00:00.000Z');
  });
});

describe('parseDate: RFC 822 with full month names', () => {
  it('reads "17 September 2020 08:00:00 GMT" and "Friday, 3 July 2020"', () => {
    expect(iso('17 September 2020 08:00:00 GMT')).toBe('2020-09-17T08:00:00.000Z');
    expect(iso('Friday, 3 July 2020')).toBe('2020-07-03T00:00:00.000Z');
    expect(parseDate('17 Septembre 2020')).toBeNull();
  });
});

describe('parseDate: refusals', () => {
  it.each([
    ['garbage', 'not a date'],
    ['empty', ''],
    ['white space only', '   \n\t'],
    ['31 days in February', '2023-02-30'],
    ['29 February in a common year', '2023-02-29'],
    ['month 13', '2023-13-01'],
    ['month 0', '2023-00-10'],
    ['day 0', '2023-01-00'],
    ['day 32', '2023-01-32'],
    ['hour 25', '2020-07-17T25:00:00Z'],
    ['minute 60', '2020-07-17T12:60:00Z'],
    ['second 61', '2020-07-17T12:00:61Z'],
    ['month-first slashes', '07/04/2020'],
    ['day-first slashes', '04/07/2020'],
    ['mixed slash and dot', '2020/07.04'],
    ['impossible slashed date', '2023/02/30'],
    ['epoch number', '1593820800000'],
    ['unknown zone suffix', '2020-07-17T07:14:53 EST5EDT'],
    ['trailing garbage', '2020-07-17T07:14:53Z tomorrow'],
  ])('%s: %j is null', (_label, input) => {
    expect(parseDate(input)).toBeNull();
  });
});

describe('toIso', () => {
  it('writes ISO 8601 UTC with milliseconds', () => {
    expect(toIso(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(toIso(Date.UTC(2020, 6, 17, 7, 14, 53, 5))).toBe('2020-07-17T07:14:53.005Z');
    expect(toIso(-1)).toBe('1969-12-31T23:59:59.999Z');
  });

  it('writes every instant of the four-digit years as Date#toISOString does (leap days, centuries, year 0)', () => {
    for (const ms of [
      MIN_ISO_MS,
      MAX_ISO_MS,
      Date.UTC(2000, 1, 29),
      Date.UTC(1900, 1, 28, 23, 59, 59, 999),
      Date.UTC(2100, 2, 1),
      -1.5,
      1.5,
    ]) {
      expect(toIso(ms), String(ms)).toBe(new Date(ms).toISOString());
    }
    fc.assert(
      fc.property(fc.double({ min: MIN_ISO_MS, max: MAX_ISO_MS, noNaN: true }), (ms) => {
        expect(toIso(ms)).toBe(new Date(ms).toISOString());
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: MIN_ISO_MS, max: MAX_ISO_MS }), (ms) => {
        expect(toIso(ms)).toBe(new Date(ms).toISOString());
      }),
    );
  });

  it('gives null for null, NaN, infinities and out-of-range times', () => {
    expect(toIso(null)).toBeNull();
    expect(toIso(Number.NaN)).toBeNull();
    expect(toIso(Number.POSITIVE_INFINITY)).toBeNull();
    expect(toIso(8.64e15 + 1)).toBeNull();
  });
});

describe('zone helpers', () => {
  it('zoneOffset gives the offset east of UTC at an instant', () => {
    expect(zoneOffset(Date.UTC(2020, 6, 17, 7, 14, 53), 'Asia/Shanghai')).toBe(8 * HOUR);
    expect(zoneOffset(Date.UTC(2020, 0, 15, 12), 'America/New_York')).toBe(-5 * HOUR);
    expect(zoneOffset(Date.UTC(2020, 6, 15, 12), 'America/New_York')).toBe(-4 * HOUR);
    expect(zoneOffset(Date.UTC(2020, 6, 15, 12), 'Asia/Kolkata')).toBe(5.5 * HOUR);
    expect(zoneOffset(Date.UTC(2020, 6, 15, 12), 'UTC')).toBe(0);
  });

  it('zoneOffset ignores sub-second parts of the instant', () => {
    expect(zoneOffset(Date.UTC(2020, 6, 17, 7, 14, 53, 999), 'Asia/Shanghai')).toBe(8 * HOUR);
    expect(zoneOffset(-1, 'Asia/Tokyo')).toBe(9 * HOUR);
  });

  it('zoneOffset flips exactly at the New York transition instant', () => {
    expect(zoneOffset(Date.UTC(2021, 2, 14, 6, 59, 59), 'America/New_York')).toBe(-5 * HOUR);
    expect(zoneOffset(Date.UTC(2021, 2, 14, 7, 0, 0), 'America/New_York')).toBe(-4 * HOUR);
  });

  it('wallClockToUtc keeps milliseconds of the wall time', () => {
    expect(wallClockToUtc(Date.UTC(2020, 6, 17, 15, 14, 53, 250), 'Asia/Shanghai')).toBe(Date.UTC(2020, 6, 17, 7, 14, 53, 250));
  });

  it('isValidTimeZone accepts IANA names and refuses others', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});

describe('parseDate: offsets, comments, JavaScript and 12-hour forms', () => {
  const iso = (text: string) => toIso(parseDate(text)?.ms ?? null);

  it.each([
    ['Tue, 05 Mar 2024 14:30:00 +05:30', '2024-03-05T09:00:00.000Z'],
    ['Tue, 05 Mar 2024 14:30:00 +0530', '2024-03-05T09:00:00.000Z'],
    ['2024-03-05T14:30:00+05:30', '2024-03-05T09:00:00.000Z'],
    ['Tue, 05 Mar 2024 14:30:00 -03:30', '2024-03-05T18:00:00.000Z'],
    ['Tue, 05 Mar 2024 14:30:00 +0000 (UTC)', '2024-03-05T14:30:00.000Z'],
    ['Tue, 5 Mar 2024 14:30:00 -0500 (EST)', '2024-03-05T19:30:00.000Z'],
    ['Tue, 05 Mar 2024 14:30:00 GMT+0100', '2024-03-05T13:30:00.000Z'],
    ['Tue Mar 05 2024 14:30:00 GMT+0100 (Central European Standard Time)', '2024-03-05T13:30:00.000Z'],
    ['Sat Aug 10 2024 09:05:07 GMT-0700 (Pacific Daylight Time)', '2024-08-10T16:05:07.000Z'],
    ['Tue, 05 Mar 2024 12:00:00 PM +0000', '2024-03-05T12:00:00.000Z'],
    ['Tue, 05 Mar 2024 12:30:00 AM +0000', '2024-03-05T00:30:00.000Z'],
    ['Tue, 05 Mar 2024 02:30 p.m. GMT', '2024-03-05T14:30:00.000Z'],
    ['March 5, 2024 2:30 PM', '2024-03-05T14:30:00.000Z'],
    ['Mar 5th, 2024', '2024-03-05T00:00:00.000Z'],
    // A month name is a month name, whichever comes first (numeric month-first dates stay refused).
    ['July 4 2020', '2020-07-04T00:00:00.000Z'],
    ['Jul 4, 2020', '2020-07-04T00:00:00.000Z'],
    ['Sat Jul 04 2020 00:00:00 GMT+0000 (Coordinated Universal Time)', '2020-07-04T00:00:00.000Z'],
  ])('%s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('still refuses what is not a time: 13 PM, a made-up month', () => {
    expect(parseDate('Tue, 05 Mar 2024 13:00:00 PM +0000')).toBeNull();
    expect(parseDate('Smarch 5, 2024')).toBeNull();
  });
});

describe('readFeedDate: why a date is left empty', () => {
  it('an ambiguous zone abbreviation says so', () => {
    const warnings: string[] = [];
    expect(readFeedDate('Tue, 05 Mar 2024 14:30:00 IST', warnings, {}, 'published')).toBeNull();
    expect(warnings).toEqual([
      'date "Tue, 05 Mar 2024 14:30:00 IST" is not read: its zone "IST" is ambiguous (India, Ireland or Israel); left empty',
    ]);
  });

  it('RFC 822 zone names are read as RFC 822 defines them; the rest is in no known form', () => {
    const warnings: string[] = [];
    expect(toIso(readFeedDate('Tue, 05 Mar 2024 14:30:00 CST', warnings, {}, 'published'))).toBe('2024-03-05T20:30:00.000Z');
    expect(readFeedDate('next Tuesday', warnings, {}, 'published')).toBeNull();
    expect(warnings).toEqual(['date "next Tuesday" is in no known form; left empty']);
  });
});
