/** Weeks of a month for a calendar grid, Monday first; null pads days outside the month. */
import { daysInMonth, weekday } from '../../common/dates.js';

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function monthWeeks(year: number, month1: number): (string | null)[][] {
  const first = `${year}-${pad2(month1)}-01`;
  const lead = (weekday(first) + 6) % 7; // Monday = 0
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= daysInMonth(year, month1); d++) cells.push(`${year}-${pad2(month1)}-${pad2(d)}`);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
