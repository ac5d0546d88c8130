import { describe, expect, it } from 'vitest';
import { readWrittenDate } from '../../src/dates/written.js';

const iso = (text: string, dayFirst: boolean | null = null, timeZone = 'UTC') =>
  readWrittenDate(text, { timeZone, dayFirst }).map(
    (d) => `${new Date(d.ms).toISOString()}${d.timed ? '' : ' (date)'}${d.zoned ? ' zoned' : ''}`,
  );

describe('readWrittenDate', () => {
  it('reads numeric day-first dates with a time, in the given zone', () => {
    expect(iso('20/07/2020 - 13:56', true, 'Europe/Paris')).toEqual(['2020-07-20T11:56:00.000Z']);
    expect(iso('20.07.2020, 13:56 Uhr', null, 'Europe/Berlin')).toEqual(['2020-07-20T11:56:00.000Z']);
  });

  it('decides day and month by a part over 12, else by the known order, else gives both', () => {
    expect(iso('20/07/2020')).toEqual(['2020-07-20T00:00:00.000Z (date)']);
    expect(iso('7/20/2020')).toEqual(['2020-07-20T00:00:00.000Z (date)']);
    expect(iso('05/06/2020', true)).toEqual(['2020-06-05T00:00:00.000Z (date)']);
    expect(iso('05/06/2020', false)).toEqual(['2020-05-06T00:00:00.000Z (date)']);
    expect(iso('05/06/2020')).toEqual(['2020-06-05T00:00:00.000Z (date)', '2020-05-06T00:00:00.000Z (date)']);
    expect(iso('06/06/2020')).toEqual(['2020-06-06T00:00:00.000Z (date)']);
  });

  it('reads English month names, a.m./p.m. and zones', () => {
    expect(iso('July 20, 2020 1:56 PM')).toEqual(['2020-07-20T13:56:00.000Z']);
    expect(iso('Monday, July 20, 2020 12:05 a.m. GMT+2')).toEqual(['2020-07-19T22:05:00.000Z zoned']);
    expect(iso('20 July 2020 13:56 CEST')).toEqual(['2020-07-20T11:56:00.000Z zoned']);
    expect(iso('Mon, 20 Jul 2020 13:56:00 +0200')).toEqual(['2020-07-20T11:56:00.000Z zoned']);
  });

  it('reads CJK dates with a half-day word, a weekday and a named zone', () => {
    expect(iso('2020年7月20日 下午1:56')).toEqual(['2020-07-20T13:56:00.000Z']);
    expect(iso('2020年7月20日（星期一）13:56 北京时间')).toEqual(['2020-07-20T05:56:00.000Z zoned']);
    expect(iso('2020年07月20日')).toEqual(['2020-07-20T00:00:00.000Z (date)']);
  });

  it('reads nothing that is not wholly a date', () => {
    for (const text of ['2020年是关键的一年', '13:56', 'Page 1/2/3', '32/13/2020', 'July 20', '20/07/2020 - 25:99', '1 PM'])
      expect(iso(text), text).toEqual([]);
  });
});
