/**
 * Working-day arithmetic over the official holiday calendar, with make-up workdays (调休).
 * Pure: the holiday table is passed in. Each function serves one counting kind of
 * regulations.md §17a. A computation that touches a year the table does not cover returns no
 * date and names the year: Banzi never guesses a deadline.
 */
import { addDays, addMonths, isWeekend, yearOf, type IsoDate } from './dates.js';

export interface HolidayTable {
  /** Official rest days that fall on weekdays or weekends (法定节假日、调休休息日) */
  readonly holidays: ReadonlySet<IsoDate>;
  /** Weekend days that are working days (调休上班) */
  readonly workdays: ReadonlySet<IsoDate>;
  /** Years whose official arrangement is loaded */
  readonly coveredYears: ReadonlySet<number>;
}

export type CalendarResult =
  { ok: true; date: IsoDate } | { ok: false; uncoveredYear: number; message_zh: string; message_en: string };

export class UncoveredYearError extends Error {
  constructor(readonly year: number) {
    super(`calendar does not cover ${year}`);
  }
}

function uncovered(year: number): CalendarResult {
  return {
    ok: false,
    uncoveredYear: year,
    message_zh: `工作日历未包含 ${year} 年的节假日安排，无法计算期限；请系统管理员在“工作日历”中录入后重试。`,
    message_en: `The working-day calendar does not cover ${year}; ask the system admin to enter that year's holidays.`,
  };
}

function check(table: HolidayTable, date: IsoDate): void {
  const y = yearOf(date);
  if (!table.coveredYears.has(y)) throw new UncoveredYearError(y);
}

function guarded(fn: () => IsoDate): CalendarResult {
  try {
    return { ok: true, date: fn() };
  } catch (e) {
    if (e instanceof UncoveredYearError) return uncovered(e.year);
    throw e;
  }
}

/** A working day: a make-up workday, or a weekday that is not an official holiday. */
export function isWorkingDay(table: HolidayTable, date: IsoDate): boolean {
  check(table, date);
  if (table.workdays.has(date)) return true;
  if (table.holidays.has(date)) return false;
  return !isWeekend(date);
}

/** The first working day on or after date. */
export function nextWorkingDayOnOrAfter(table: HolidayTable, date: IsoDate): CalendarResult {
  return guarded(() => {
    let d = date;
    while (!isWorkingDay(table, d)) d = addDays(d, 1);
    return d;
  });
}

/**
 * "Within n working days" after an event (TX-04, ZD-06): counting starts the day after the
 * event; the result is the n-th working day after it.
 */
export function addWorkingDays(table: HolidayTable, date: IsoDate, n: number): CalendarResult {
  return guarded(() => {
    let d = date;
    let left = n;
    while (left > 0) {
      d = addDays(d, 1);
      if (isWorkingDay(table, d)) left -= 1;
    }
    return d;
  });
}

/** Working days in [start, end], both included. */
export function countWorkingDays(table: HolidayTable, start: IsoDate, end: IsoDate): number {
  let count = 0;
  for (let d = start; d <= end; d = addDays(d, 1)) if (isWorkingDay(table, d)) count += 1;
  return count;
}

/**
 * A public notice of n working days (公示, SE-10): the posting day counts when it is a working
 * day; a notice posted on a rest day starts on the next working day. Returns the last day.
 */
export function noticePeriodEnd(table: HolidayTable, posted: IsoDate, n: number): CalendarResult {
  const start = nextWorkingDayOnOrAfter(table, posted);
  if (!start.ok) return start;
  if (n <= 1) return start;
  return addWorkingDays(table, start.date, n - 1);
}

/**
 * n calendar days after an event (PM-05, ZD-03, PG-12): the period starts the day after the
 * event; a last day that is a rest day moves to the next working day (民法典 Art. 203).
 */
export function calendarDaysDeadline(table: HolidayTable, event: IsoDate, n: number): CalendarResult {
  return nextWorkingDayOnOrAfter(table, addDays(event, n));
}

/**
 * A statutory period of n months from an effective day, which counts (政务处分法 Art. 8):
 * the first day without the effect is the same day n months later (a day that does not exist
 * becomes the month's last day); the last day of the effect is the day before. Needs no
 * holiday table.
 */
export function statutoryMonths(effective: IsoDate, n: number): { lastDay: IsoDate; freeFrom: IsoDate } {
  const freeFrom = addMonths(effective, n);
  return { lastDay: addDays(freeFrom, -1), freeFrom };
}
