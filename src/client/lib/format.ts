/** Display helpers: empty values, Beijing instants, dayjs <-> contract dates. */
import dayjs, { type Dayjs } from 'dayjs';
import { dateIn, formatInstant } from '../../common/time.js';

export const DASH = '—';

export function show(v: string | number | null | undefined): string {
  return v === null || v === undefined || v === '' ? DASH : String(v);
}

export function instant(iso: string | null | undefined): string {
  return iso ? formatInstant(iso) : DASH;
}

/** 'YYYY-MM-DD' or null from a DatePicker value. */
export function toDate(d: Dayjs | null | undefined): string | null {
  return d ? d.format('YYYY-MM-DD') : null;
}

/** 'YYYY-MM' or null from a month picker value. */
export function toMonth(d: Dayjs | null | undefined): string | null {
  return d ? d.format('YYYY-MM') : null;
}

/** A DatePicker value from 'YYYY-MM-DD' or 'YYYY-MM'. */
export function fromDate(s: string | null | undefined): Dayjs | null {
  if (!s) return null;
  const d = dayjs(s.length === 7 ? `${s}-01` : s);
  return d.isValid() ? d : null;
}

/** 'YYYY.MM' as on the 任免审批表, from 'YYYY-MM' or 'YYYY-MM-DD'. */
export function dotMonth(s: string | null | undefined): string {
  return s ? s.slice(0, 7).replace('-', '.') : DASH;
}

/** Empty strings become null, so optional contract fields are not sent as ''. */
export function blankToNull<T extends Record<string, unknown>>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = typeof v === 'string' && v.trim() === '' ? null : v;
  return out as T;
}

/** Today in Beijing as a DatePicker value (never the browser's own time zone). */
export function todayBeijing(): Dayjs {
  return dayjs(dateIn(new Date()));
}

/** This year in Beijing (the browser's own zone may still be in the old year). */
export function thisYearBeijing(): number {
  return Number(dateIn(new Date()).slice(0, 4));
}

/** The Beijing date of an instant ('YYYY-MM-DD'); never cut the ISO text, whose date is the UTC one. */
export function beijingDate(iso: string | null | undefined): string {
  return iso ? dateIn(new Date(iso)) : DASH;
}

/**
 * A date-time picker value showing an instant's Beijing wall-clock time, whatever the browser's
 * zone (the picker itself works in the browser's zone); `instantOfBeijing` turns it back.
 */
export function beijingWallTime(iso?: string): Dayjs {
  return dayjs(formatInstant(iso ?? new Date().toISOString()));
}

/** The instant of a Beijing wall-clock picker value (see beijingWallTime). */
export function instantOfBeijing(d: Dayjs): string {
  return new Date(`${d.format('YYYY-MM-DDTHH:mm:ss')}+08:00`).toISOString();
}
