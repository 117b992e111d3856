/**
 * The working-day calendar: years loaded from the chinese-days package, editable by the system
 * admin for new years (a year counts as covered once entered). Deadline arithmetic for every
 * module goes through common/calendar.ts with the table from ctx.calendar.
 */
import {
  addWorkingDays,
  calendarDaysDeadline,
  countWorkingDays,
  noticePeriodEnd,
  statutoryMonths,
  UncoveredYearError,
  type CalendarResult,
} from '../../../common/calendar.js';
import { isWeekend } from '../../../common/dates.js';
import { invalidField, notFound } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import { type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import { nowIso } from '../../platform/clock.js';

export async function listYears(ctx: AppContext) {
  const years = await ctx.db.selectFrom('calendar_years').selectAll().orderBy('year', 'desc').execute();
  const days = await ctx.db.selectFrom('calendar_days').select(['date', 'kind']).execute();
  return years.map((y) => {
    const inYear = days.filter((d) => d.date.startsWith(`${y.year}-`));
    return {
      year: Number(y.year),
      source: y.source,
      updatedAt: y.updated_at,
      holidayCount: inYear.filter((d) => d.kind === 'holiday').length,
      workdayCount: inYear.filter((d) => d.kind === 'workday').length,
    };
  });
}

export async function getYear(ctx: AppContext, year: number) {
  const y = await ctx.db.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst();
  if (!y) throw notFound(`${year} 年工作日历`);
  const days = await ctx.db
    .selectFrom('calendar_days')
    .selectAll()
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .orderBy('date')
    .execute();
  return {
    year,
    source: y.source,
    updatedAt: y.updated_at,
    days: days.map((d) => ({ date: d.date, kind: d.kind as 'holiday' | 'workday', name: d.name })),
  };
}

/** Replace one year's official arrangement (system admin). */
export async function putYear(
  ctx: AppContext,
  actor: Actor,
  year: number,
  days: { date: string; kind: 'holiday' | 'workday'; name: string }[],
  meta: RequestMeta,
): Promise<void> {
  const seen = new Set<string>();
  days.forEach((d, i) => {
    if (!d.date.startsWith(`${year}-`)) throw invalidField(`days.${i}.date`, `${d.date} 不属于 ${year} 年`);
    if (seen.has(d.date)) throw invalidField(`days.${i}.date`, `${d.date} 重复`);
    seen.add(d.date);
    if (d.kind === 'workday' && !isWeekend(d.date)) {
      throw invalidField(`days.${i}.kind`, `${d.date} 不是周末，不能设为调休上班日`);
    }
  });
  const before = await ctx.db
    .selectFrom('calendar_days')
    .selectAll()
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .orderBy('date')
    .execute();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('calendar_days')
      .where('date', '>=', `${year}-01-01`)
      .where('date', '<=', `${year}-12-31`)
      .execute();
    if (days.length) await trx.insertInto('calendar_days').values(days).execute();
    await trx.deleteFrom('calendar_years').where('year', '=', year).execute();
    await trx
      .insertInto('calendar_years')
      .values({ year, source: 'admin', updated_at: nowIso(ctx.clock) })
      .execute();
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'calendar.year_set',
      entityType: 'calendar_year',
      entityId: String(year),
      before: { days: before.map((d) => `${d.date}:${d.kind}`) },
      after: { days: days.map((d) => `${d.date}:${d.kind}`) },
      details: {
        year,
        holidays: days.filter((d) => d.kind === 'holiday').length,
        workdays: days.filter((d) => d.kind === 'workday').length,
      },
    });
  });
  ctx.calendar.invalidate();
}

export type ComputeKind =
  'notice_working_days' | 'working_days_after' | 'calendar_days_after' | 'statutory_months' | 'count_working_days';

/** The calculator behind every deadline, exposed for the UI. */
export async function compute(
  ctx: AppContext,
  q: { kind: ComputeKind; from: string; n?: number | undefined; to?: string | undefined },
) {
  const table = await ctx.calendar.table();
  const wrap = (r: CalendarResult) =>
    r.ok
      ? { ok: true, date: r.date, count: null, message_zh: null }
      : { ok: false, date: null, count: null, message_zh: r.message_zh };
  const n = q.n ?? 0;
  switch (q.kind) {
    case 'notice_working_days':
      return wrap(noticePeriodEnd(table, q.from, n));
    case 'working_days_after':
      return wrap(addWorkingDays(table, q.from, n));
    case 'calendar_days_after':
      return wrap(calendarDaysDeadline(table, q.from, n));
    case 'statutory_months':
      return { ok: true, date: statutoryMonths(q.from, n).lastDay, count: null, message_zh: null };
    case 'count_working_days': {
      if (!q.to) throw invalidField('to', '请填写截止日期');
      if (q.to < q.from) throw invalidField('to', '截止日期不能早于起始日期');
      try {
        return { ok: true, date: null, count: countWorkingDays(table, q.from, q.to), message_zh: null };
      } catch (e) {
        if (e instanceof UncoveredYearError) {
          return { ok: false, date: null, count: null, message_zh: `工作日历未包含 ${e.year} 年的节假日安排` };
        }
        throw e;
      }
    }
  }
}
