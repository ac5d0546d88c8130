/** The rarer forms of feedparser's date tests, read exactly (never guessed). */
import { describe, expect, it } from 'vitest';
import { parseDate, toIso } from '../../src/dates/parse.js';

const iso = (text: string) => toIso(parseDate(text)?.ms ?? null);

describe('feedparser date forms', () => {
  it.each([
    ['asctime with zone', 'Sun Jan  4 16:29:06 PST 2004', '2004-01-05T00:29:06.000Z'],
    ['asctime without zone', 'Sun Jan 4 16:29:06 2004', '2004-01-04T16:29:06.000Z'],
    ['ISO basic', '20031231T101455Z', '2003-12-31T10:14:55.000Z'],
    ['ISO basic date', '20031231', '2003-12-31T00:00:00.000Z'],
    ['ISO ordinal', '2003-335', '2003-12-01T00:00:00.000Z'],
    ['ISO week date', '2003-W01-3', '2003-01-01T00:00:00.000Z'],
    ['ISO week with time', '2004-W53-7T10:00Z', '2005-01-02T10:00:00.000Z'],
    ['W3C-DTF year-month', '2003-12', '2003-12-01T00:00:00.000Z'],
    ['W3C-DTF year', '2003', '2003-01-01T00:00:00.000Z'],
    ['two-digit year ISO', '03-12-31T10:14:55Z', '2003-12-31T10:14:55.000Z'],
    ['comma fraction', '2003-12-31T10:14:55,5Z', '2003-12-31T10:14:55.500Z'],
    ['Perforce', 'Fri, 2006/09/15 08:19:53 EDT', '2006-09-15T12:19:53.000Z'],
    ['Korean Nate (PM)', '2004-05-25 오후 11:23:17', '2004-05-25T14:23:17.000Z'],
    ['Korean Nate (AM, 12)', '2004-05-25 오전 12:23:17', '2004-05-24T15:23:17.000Z'],
    ['Korean OnBlog', '2004년 05월 28일 01:31:15', '2004-05-27T16:31:15.000Z'],
    ['Greek', 'Κυρ, 11 Ιούλ 2004 12:00:00 EST', '2004-07-11T17:00:00.000Z'],
    ['Hungarian', '2004-július-13T9:15-05:00', '2004-07-13T14:15:00.000Z'],
    ['RFC 822 without the space after the comma', 'Thu,01 Jan 2004 19:48:21 GMT', '2004-01-01T19:48:21.000Z'],
    ['RFC 822 with dashes', 'Thu, 01-Jan-2004 19:48:21 GMT', '2004-01-01T19:48:21.000Z'],
    ['RFC 822 with one-digit time parts', 'Sun, 16 Dec 2012 1:2:3 +0000', '2012-12-16T01:02:03.000Z'],
    ['epoch seconds', '1071000000', '2003-12-09T20:00:00.000Z'],
  ])('%s: %s', (_label, text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it.each(['2003-W54-1', '2003-366', '2003-13', '12345', 'Sun Foo 4 16:29:06 2004', '2004-juliusz-13T9:15Z'])('refuses %s', (text) => {
    expect(parseDate(text)).toBeNull();
  });
});
