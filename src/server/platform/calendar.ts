/**
 * The working-day calendar service: the official holiday table in the database (seeded from the
 * chinese-days package for the years it covers, editable by the system admin for new years),
 * held in memory and reloaded after edits.
 */
import { createRequire } from 'node:module';
import type { HolidayTable } from '../../common/calendar.js';
import type { Executor } from '../db/helpers.js';
import type { Clock } from './clock.js';

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const require = createRequire(import.meta.url);

export const CALENDAR_SOURCE = 'chinese-days 1.5.7';

/** The holiday data shipped in the chinese-days package, grouped by year. */
export function packagedHolidays(): Map<number, { date: string; kind: 'holiday' | 'workday'; name: string }[]> {
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const byYear = new Map<number, { date: string; kind: 'holiday' | 'workday'; name: string }[]>();
  const add = (date: string, kind: 'holiday' | 'workday', raw: string): void => {
    const year = Number(date.slice(0, 4));
    const name = raw.split(',')[1] ?? raw;
    const list = byYear.get(year) ?? [];
    list.push({ date, kind, name });
    byYear.set(year, list);
  };
  for (const [d, v] of Object.entries(data.holidays)) add(d, 'holiday', v);
  for (const [d, v] of Object.entries(data.workdays)) add(d, 'workday', v);
  return byYear;
}

/** Insert the packaged years that the database does not have yet; never overwrite an edited year. */
export async function seedCalendar(db: Executor, nowIsoText: string): Promise<number[]> {
  const have = new Set((await db.selectFrom('calendar_years').select('year').execute()).map((r) => Number(r.year)));
  const added: number[] = [];
  for (const [year, days] of packagedHolidays()) {
    if (have.has(year)) continue;
    if (days.length) {
      await db
        .insertInto('calendar_days')
        .values(days)
        .onConflict((oc) => oc.column('date').doNothing())
        .execute();
    }
    await db.insertInto('calendar_years').values({ year, source: CALENDAR_SOURCE, updated_at: nowIsoText }).execute();
    added.push(year);
  }
  return added;
}

export async function loadHolidayTable(db: Executor): Promise<HolidayTable> {
  const days = await db.selectFrom('calendar_days').select(['date', 'kind']).execute();
  const years = await db.selectFrom('calendar_years').select('year').execute();
  return {
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
    workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.date)),
    coveredYears: new Set(years.map((y) => Number(y.year))),
  };
}

/**
 * Cached holiday table; invalidate() after an edit. The cache also expires after a minute, so
 * several server instances on one PostgreSQL database pick up an edit made on another.
 */
export class CalendarService {
  private cached: Promise<HolidayTable> | null = null;
  private loadedAt = 0;
  constructor(
    private readonly db: Executor,
    private readonly clock: Clock,
  ) {}
  table(): Promise<HolidayTable> {
    const now = this.clock.now().getTime();
    if (!this.cached || now - this.loadedAt > 60_000) {
      this.cached = loadHolidayTable(this.db);
      this.loadedAt = now;
    }
    return this.cached;
  }
  invalidate(): void {
    this.cached = null;
  }
}
