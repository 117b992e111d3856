/**
 * Statistics for the unit above (on-time rate, amendments, checks, consistency, omissions and
 * concealments by item; per unit and year), read from the readable columns only: no report is
 * decrypted. Also the FB-06 in-unit publication of relatives' employment (off by default).
 */
import { sql } from 'kysely';
import { EMPLOYER_TYPE_LABELS, ITEM_KEYS, ITEM_LABELS } from '../../../common/contracts/disclosures.js';
import { notFound } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import { toCount } from '../../db/helpers.js';
import type { Actor, RequestMeta } from '../../http/actor.js';
import { today } from '../../platform/clock.js';
import { finding } from '../../../common/rules/finding.js';
import { param, ruleContext } from '../rules/index.js';
import * as repo from './disclosures.repository.js';
import { canViewPublication, canViewStats } from './disclosures.policy.js';
import { payloadAt, recordRead, relationLabel } from './disclosures.shared.js';
import { reporterCounts, reportersInUnits } from './subjects.service.js';

const rate = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 1000) / 1000 : null);

export async function statistics(ctx: AppContext, actor: Actor, unitId: string, year: number | undefined) {
  if (!canViewStats(actor, unitId)) throw notFound('单位');
  const d = today(ctx.clock);
  const y = year ?? Number(d.slice(0, 4));
  const [[unit], children] = await Promise.all([repo.unitsByIds(ctx.db, [unitId]), repo.childUnits(ctx.db, unitId)]);
  // The units below, as a subquery (700 units would otherwise be 700 parameters per query).
  const below = ctx.db.selectFrom('units').select('units.id').where('units.parent_id', '=', unitId);
  const ids = children.map((c) => c.id);
  const [expected, reports, checks, items, years, checkYears] = await Promise.all([
    reporterCounts(ctx, ctx.db, unitId, ids, d),
    ctx.db
      .selectFrom('disclosure_reports')
      .select((eb) => [
        'unit_id',
        eb.fn
          .sum<number>(sql`case when annual_key is not null and status = 'submitted' then 1 else 0 end`)
          .as('submitted'),
        eb.fn.sum<number>(sql`case when annual_key is not null and on_time = 1 then 1 else 0 end`).as('on_time'),
        eb.fn.sum<number>('amendment_count').as('amendments'),
      ])
      .where('year', '=', y)
      .where('unit_id', 'in', below)
      .groupBy('unit_id')
      .execute(),
    ctx.db
      .selectFrom('disclosure_checks')
      .select((eb) => [
        'unit_id',
        eb.fn.countAll<number>().as('checked'),
        eb.fn.sum<number>(sql`case when result = 'consistent' then 1 else 0 end`).as('consistent'),
      ])
      .where('year', '=', y)
      .where('status', '=', 'classified')
      .where('unit_id', 'in', below)
      .groupBy('unit_id')
      .execute(),
    ctx.db
      .selectFrom('disclosure_check_items')
      .select((eb) => ['unit_id', 'item_key', 'classification', eb.fn.countAll<number>().as('n')])
      .where('year', '=', y)
      .where('unit_id', 'in', below)
      .where('classification', 'in', ['omission', 'concealment'])
      .groupBy(['unit_id', 'item_key', 'classification'])
      .execute(),
    ctx.db
      .selectFrom('disclosure_reports')
      .select((eb) => [
        'year',
        eb.fn
          .sum<number>(sql`case when annual_key is not null and status = 'submitted' then 1 else 0 end`)
          .as('submitted'),
        eb.fn.sum<number>(sql`case when annual_key is not null and on_time = 1 then 1 else 0 end`).as('on_time'),
      ])
      .where('unit_id', 'in', below)
      .groupBy('year')
      .orderBy('year')
      .execute(),
    ctx.db
      .selectFrom('disclosure_checks')
      .select((eb) => [
        'year',
        eb.fn.countAll<number>().as('checked'),
        eb.fn.sum<number>(sql`case when result = 'consistent' then 1 else 0 end`).as('consistent'),
      ])
      .where('unit_id', 'in', below)
      .where('status', '=', 'classified')
      .groupBy('year')
      .execute(),
  ]);
  const repBy = new Map(reports.map((r) => [r.unit_id, r]));
  const chkBy = new Map(checks.map((r) => [r.unit_id, r]));
  const itemsBy = new Map<string, typeof items>();
  for (const r of items) itemsBy.set(r.unit_id, [...(itemsBy.get(r.unit_id) ?? []), r]);
  const rows = children.map((c) => {
    const rep = repBy.get(c.id);
    const chk = chkBy.get(c.id);
    const it = itemsBy.get(c.id) ?? [];
    const submitted = toCount(rep?.submitted);
    const onTime = toCount(rep?.on_time);
    const checked = toCount(chk?.checked);
    const consistent = toCount(chk?.consistent);
    return {
      unitId: c.id,
      unitName: c.name,
      expected: expected.get(c.id) ?? 0,
      submitted,
      onTime,
      onTimeRate: rate(onTime, expected.get(c.id) ?? 0),
      amendments: toCount(rep?.amendments),
      checked,
      consistent,
      consistencyRate: rate(consistent, checked),
      omissions: it.filter((x) => x.classification === 'omission').reduce((s, x) => s + toCount(x.n), 0),
      concealments: it.filter((x) => x.classification === 'concealment').reduce((s, x) => s + toCount(x.n), 0),
    };
  });
  const sum = (
    k: 'expected' | 'submitted' | 'onTime' | 'amendments' | 'checked' | 'consistent' | 'omissions' | 'concealments',
  ) => rows.reduce((s, r) => s + r[k], 0);
  const totals = {
    unitId,
    unitName: unit?.name ?? '',
    expected: sum('expected'),
    submitted: sum('submitted'),
    onTime: sum('onTime'),
    onTimeRate: rate(sum('onTime'), sum('expected')),
    amendments: sum('amendments'),
    checked: sum('checked'),
    consistent: sum('consistent'),
    consistencyRate: rate(sum('consistent'), sum('checked')),
    omissions: sum('omissions'),
    concealments: sum('concealments'),
  };
  const byItem = ITEM_KEYS.map((item) => ({
    item,
    label: ITEM_LABELS[item],
    omissions: items
      .filter((x) => x.item_key === item && x.classification === 'omission')
      .reduce((s, x) => s + toCount(x.n), 0),
    concealments: items
      .filter((x) => x.item_key === item && x.classification === 'concealment')
      .reduce((s, x) => s + toCount(x.n), 0),
  }));
  const allYears = [...new Set([...years.map((r) => Number(r.year)), ...checkYears.map((r) => Number(r.year))])].sort();
  return {
    unitId,
    unitName: unit?.name ?? '',
    year: y,
    rows,
    totals,
    byItem,
    years: allYears.map((yy) => {
      const r = years.find((x) => Number(x.year) === yy);
      const c = checkYears.find((x) => Number(x.year) === yy);
      return {
        year: yy,
        submitted: toCount(r?.submitted),
        onTime: toCount(r?.on_time),
        checked: toCount(c?.checked),
        consistent: toCount(c?.consistent),
      };
    }),
  };
}

/** FB-06: relatives' employment of the unit's reporters, shown inside the unit when enabled. */
export async function publication(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
  year: number | undefined,
  meta: RequestMeta,
) {
  if (!canViewPublication(actor, unitId)) throw notFound('单位');
  const d = today(ctx.clock);
  const y = year ?? Number(d.slice(0, 4));
  const unit = (await repo.unitsByIds(ctx.db, [unitId]))[0];
  const fb06 = await ruleContext(ctx, 'FB-06', unitId, d);
  const enabled = param<boolean>(fb06, 'publicationEnabled');
  const findings = [
    finding('FB-06', { enabled }, fb06.params, {
      zh: enabled
        ? '本单位已开启亲属从业情况的单位内公示（FB-06：未见全国性公示规定，属单位自定的做法）。'
        : '本单位未开启亲属从业情况公示（FB-06：未见全国性公示规定，由单位决定是否开启，默认不公示）。',
      en: enabled
        ? 'The unit publishes relatives’ employment inside the unit (FB-06, a unit choice).'
        : 'The unit does not publish relatives’ employment (FB-06, off by default).',
      kind: 'info',
    }),
  ];
  if (!enabled) return { unitId, unitName: unit?.name ?? '', year: y, enabled, rows: [], findings };
  const reporters = await reportersInUnits(ctx, ctx.db, [unitId], d);
  const reports = (
    await repo.annualReportsOf(
      ctx.db,
      reporters.map((r) => r.personId),
      y,
    )
  ).filter((r) => r.status === 'submitted');
  const rows = [];
  for (const r of reports) {
    await recordRead(ctx, actor, meta, r, 'publication');
    const { payload } = await payloadAt(ctx, ctx.db, r);
    const rel = new Map(payload.relatives.map((x) => [x.id, x]));
    for (const e of payload.items.employment?.entries ?? []) {
      rows.push({
        personName: r.person_name,
        relationLabel: relationLabel(rel.get(e.relativeId)?.relation ?? ''),
        employer: e.employer,
        post: e.post ?? null,
        employerTypeLabel: EMPLOYER_TYPE_LABELS[e.employerType],
      });
    }
  }
  return { unitId, unitName: unit?.name ?? '', year: y, enabled, rows, findings };
}
