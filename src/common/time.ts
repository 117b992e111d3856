/**
 * Beijing time. Every calendar date, "today" and deadline in Banzi is computed in one time zone
 * (Asia/Shanghai), never the server's. Instants are stored as ISO-8601 UTC text.
 */
import type { IsoDate } from './dates.js';

export const BANZI_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function parts(instant: Date, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) out[p.type] = p.value;
  return out;
}

/** The calendar date of an instant in the given zone (default Beijing). */
export function dateIn(instant: Date, timeZone: string = BANZI_TIME_ZONE): IsoDate {
  const p = parts(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** 'YYYY-MM-DD HH:mm' in the given zone, for display. */
export function formatInstant(iso: string, timeZone: string = BANZI_TIME_ZONE): string {
  const p = parts(new Date(iso), timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/**
 * The instant at which a deadline day ends: 24:00 Beijing time of that date, which is the first
 * instant of the next day. Asia/Shanghai has had no daylight saving since 1991 (UTC+8).
 */
export function endOfDayInstant(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1) - 8 * 3_600_000);
}

/** True when an instant is after the end of the deadline day (Beijing time). */
export function isPastDeadline(deadline: IsoDate, now: Date): boolean {
  return now.getTime() >= endOfDayInstant(deadline).getTime();
}
