import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates.js';
import {
  addWorkingDays,
  calendarDaysDeadline,
  countWorkingDays,
  isWorkingDay,
  noticePeriodEnd,
  statutoryMonths,
  type HolidayTable,
} from './calendar.js';

// 2026 official arrangement (State Council notice), as shipped by the chinese-days package.
const table: HolidayTable = {
  holidays: new Set([
    '2026-01-01',
    '2026-01-02',
    '2026-01-03',
    '2026-02-15',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-02-21',
    '2026-02-22',
    '2026-02-23',
    '2026-04-04',
    '2026-04-05',
    '2026-04-06',
    '2026-05-01',
    '2026-05-02',
    '2026-05-03',
    '2026-05-04',
    '2026-05-05',
    '2026-06-19',
    '2026-06-20',
    '2026-06-21',
    '2026-09-25',
    '2026-09-26',
    '2026-09-27',
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ]),
  workdays: new Set(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']),
  coveredYears: new Set([2026]),
};

describe('working-day calendar (regulations.md §17a)', () => {
  it('counts a 5-working-day public notice from its posting day (SE-10): Mon 8 June 2026 ends Fri 12 June', () => {
    expect(noticePeriodEnd(table, '2026-06-08', 5)).toEqual({ ok: true, date: '2026-06-12' });
  });

  it('starts a notice posted on a rest day on the next working day', () => {
    // Sat 6 June -> starts Mon 8 June
    expect(noticePeriodEnd(table, '2026-06-06', 5)).toEqual({ ok: true, date: '2026-06-12' });
  });

  it('skips the Dragon Boat holiday: 15 working days after Mon 8 June are due Tue 30 June (TX-04)', () => {
    expect(addWorkingDays(table, '2026-06-08', 15)).toEqual({ ok: true, date: '2026-06-30' });
  });

  it('counts make-up workdays on weekends as working days (调休)', () => {
    expect(isWorkingDay(table, '2026-02-14')).toBe(true); // Saturday, make-up workday
    expect(isWorkingDay(table, '2026-02-16')).toBe(false); // Monday, Spring Festival
    expect(addWorkingDays(table, '2026-02-13', 1)).toEqual({ ok: true, date: '2026-02-14' });
  });

  it('moves a calendar-day deadline ending on a rest day to the next working day (民法典 Art. 203)', () => {
    // 30 days after 2026-09-01 is 2026-10-01 (National Day) -> first working day 2026-10-08
    expect(calendarDaysDeadline(table, '2026-09-01', 30)).toEqual({ ok: true, date: '2026-10-08' });
    // Make-up Saturday 10 Oct is a working day, so it does not move
    expect(calendarDaysDeadline(table, '2026-09-10', 30)).toEqual({ ok: true, date: '2026-10-10' });
  });

  it('counts statutory months from the effective day: 警告 effective 10 Mar 2026 ends 9 Sep 2026', () => {
    expect(statutoryMonths('2026-03-10', 6)).toEqual({ lastDay: '2026-09-09', freeFrom: '2026-09-10' });
    expect(statutoryMonths('2026-08-31', 6)).toEqual({ lastDay: '2027-02-27', freeFrom: '2027-02-28' });
  });

  it('never guesses a year it does not cover', () => {
    const r = addWorkingDays(table, '2026-12-28', 10);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.uncoveredYear).toBe(2027);
      expect(r.message_zh).toContain('2027');
    }
  });

  it('property: the n-th working day after d is a working day, with exactly n working days in (d, result]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 30 }), (offset, n) => {
        const d = addDays('2026-01-01', offset);
        const r = addWorkingDays(table, d, n);
        if (!r.ok) return r.uncoveredYear === 2027;
        return isWorkingDay(table, r.date) && countWorkingDays(table, addDays(d, 1), r.date) === n;
      }),
    );
  });

  it('property: a notice of n working days holds exactly n working days from its first working day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 330 }), fc.integer({ min: 1, max: 10 }), (offset, n) => {
        const posted = addDays('2026-01-01', offset);
        const r = noticePeriodEnd(table, posted, n);
        if (!r.ok) return true;
        return countWorkingDays(table, posted, r.date) === n && isWorkingDay(table, r.date);
      }),
    );
  });
});
