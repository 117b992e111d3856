/**
 * Pure rules of minutes (PG-12, ZD-07): the deadline for approved minutes, and whether the head's
 * position differs from the decision, so the minutes must state the reason.
 */
import { calendarDaysDeadline, type CalendarResult, type HolidayTable } from '../../../common/calendar.js';
import type { Choice, Result } from '../../../common/contracts/meetings.js';

/**
 * PG-12 (unit parameter minutesDeadlineDays): n calendar days after the meeting, counted from the
 * next day; a rest-day end moves to the next working day (§17a). An uncovered year gives no date.
 */
export function minutesDeadline(table: HolidayTable, meetingDate: string, days: number): CalendarResult {
  return calendarDaysDeadline(table, meetingDate, days);
}

/** True when the minutes were not approved by the end of the deadline day and that day is over. */
export function minutesLate(deadline: string, approvedOn: string | null, todayDate: string): boolean {
  return approvedOn === null ? todayDate > deadline : approvedOn > deadline;
}

/**
 * ZD-07: the head (the chair) speaks last; when the decision differs from the majority of the
 * other members, or the head's own vote went against the result, the reason must be stated.
 */
export function headDiffers(chairChoice: Choice | null, result: Result | null): boolean {
  if (!chairChoice || !result || result === 'deferred') return false;
  if (chairChoice === 'agree') return result === 'not_passed';
  if (chairChoice === 'disagree') return result === 'passed';
  return false;
}
