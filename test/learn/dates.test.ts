/** Date lines left unread: their shape, the order they read in, and the one zone offset that fits. */
import { describe, expect, it } from 'vitest';
import { DateTally, fixedZone, readDateLine } from '../../src/learn/dates.js';

const H = 3_600_000;

describe('readDateLine', () => {
  it('reads numeric date lines, with a short label and a time, in every order they can be read in', () => {
    expect(readDateLine('20/07/2020 - 13:56')).toEqual({ shape: '#/#/#-#:#', wall: { dmy: Date.UTC(2020, 6, 20, 13, 56) }, timed: true });
    expect(readDateLine('07/08/2020')?.wall).toEqual({ dmy: Date.UTC(2020, 7, 7), mdy: Date.UTC(2020, 6, 8) });
    expect(readDateLine('日期：2024-03-05 09:30')).toMatchObject({ wall: { ymd: Date.UTC(2024, 2, 5, 9, 30) }, timed: true });
    expect(readDateLine('31/02/2020')).toBeNull();
    expect(readDateLine('The 20/07/2020 meeting was held in a hall by the harbour')).toBeNull();
    expect(readDateLine('Harbour Ledger')).toBeNull();
  });
});

describe('DateTally', () => {
  // Local wall clock at UTC+8, captured 10–50 minutes after publication (one item hours later).
  const local = [
    Date.UTC(2024, 3, 11, 9, 5),
    Date.UTC(2024, 3, 12, 10, 10),
    Date.UTC(2024, 3, 13, 11, 15),
    Date.UTC(2024, 3, 14, 12, 20),
    Date.UTC(2024, 3, 15, 13, 25),
    Date.UTC(2024, 3, 16, 14, 30),
  ];
  const lags = [20, 35, 50, 10, 45, 190];
  const line = (ms: number) => {
    const d = new Date(ms);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} - ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
  };

  it('finds the shape most items open with, the order that reads all of them, and the one offset that fits', () => {
    const t = new DateTally();
    local.forEach((ms, i) => t.add(line(ms), ms - 8 * H + lags[i]! * 60_000));
    expect(t.finding(6, 5, 5)).toEqual({ shape: '#/#/#-#:#', count: 6, example: '11/04/2024 - 09:05', order: 'dmy', offsetHours: 8 });
    expect(fixedZone(8)).toBe('Etc/GMT-8');
    expect(fixedZone(-5)).toBe('Etc/GMT+5');
    expect(fixedZone(0)).toBe('UTC');
  });

  it('proposes no offset when captures are too late to tell, and none when most items show no such line', () => {
    const late = new DateTally();
    // Captured 1 to 9 hours later: under any offset, fewer than 5 readings fall within the hour.
    local.forEach((ms, i) => late.add(line(ms), ms - 8 * H + [1, 2.5, 4, 5.5, 7, 9][i]! * H));
    expect(late.finding(6, 5, 5)).toMatchObject({ order: 'dmy', offsetHours: null });
    const few = new DateTally();
    local.slice(0, 5).forEach((ms, i) => few.add(line(ms), ms - 8 * H + lags[i]! * 60_000));
    expect(few.finding(12, 5, 5)).toBeNull(); // 5 of 12: not most
  });

  it('reads no order when day and month both fit every line', () => {
    const t = new DateTally();
    for (let d = 1; d <= 6; d++) t.add(`0${d}/0${d + 1}/2024`, null);
    expect(t.finding(6, 5, 5)).toMatchObject({ order: null, offsetHours: null });
  });
});
