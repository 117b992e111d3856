/**
 * Who reports (PM-01), per unit: derived from rank (副处 and above including non-leading ranks,
 * the level a unit parameter) plus special cases the managing personnel office adds with a
 * reason; with each reporter's report for the year and its deadline (PM-04, PM-05).
 */
import { getRankDef, levelOrdinal } from '../../../common/ranks.js';
import { AppError, forbidden, invalidField, notFound } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/helpers.js';
import { isManaging, type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import { nowIso, today } from '../../platform/clock.js';
import { uuidv7 } from '../../platform/random.js';
import { currentPosts } from '../people/index.js';
import { ruleParamsForUnits } from '../rules/index.js';
import * as repo from './disclosures.repository.js';
import { canManageSubjects, canViewUnit } from './disclosures.policy.js';
import { presentReportSummary } from './disclosures.presenter.js';
import { deadlineStatus, levelFromParam, subjectStatus, type SubjectStatus } from './disclosures.rules.js';
import { codesAtLeast, deadlineParams, expectedReport } from './disclosures.shared.js';

export interface Reporter extends SubjectStatus {
  personId: string;
  name: string;
  unitId: string;
  unitName: string;
}

/**
 * Every reporter now in the units, by each unit's PM-01 level (one query for ranks, one for the
 * special cases, one for names): the population of the lists and of the draw.
 */
export async function reportersInUnits(
  ctx: AppContext,
  db: Executor,
  unitIds: readonly string[],
  date: string,
): Promise<Reporter[]> {
  if (!unitIds.length) return [];
  const params = await ruleParamsForUnits(ctx, 'PM-01', unitIds, date, db);
  const levels = new Map(
    [...params].map(([u, p]) => [u, levelFromParam(p.minReportingLevel) ?? ('division_deputy' as const)]),
  );
  const lowest = [...levels.values()].sort((a, b) => levelOrdinal(a) - levelOrdinal(b))[0] ?? 'division_deputy';
  const [ranks, specials] = await Promise.all([
    repo.qualifyingRanksInUnits(db, unitIds, codesAtLeast(lowest)),
    repo.specialsInUnits(db, unitIds),
  ]);
  const ids = [...new Set([...ranks.map((r) => r.person_id), ...specials.map((s) => s.person_id)])];
  const people = await repo.peopleByIds(db, ids);
  const group = <T extends { person_id: string }>(rows: readonly T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.person_id, [...(m.get(r.person_id) ?? []), r]);
    return m;
  };
  const ranksOf = group(ranks);
  const specialsOf = group(specials);
  const out: Reporter[] = [];
  for (const p of people) {
    const s = subjectStatus(
      ranksOf.get(p.id) ?? [],
      specialsOf.get(p.id) ?? [],
      levels.get(p.unit_id) ?? 'division_deputy',
      date,
    );
    if (s.isSubject) out.push({ ...s, personId: p.id, name: p.name, unitId: p.unit_id, unitName: p.unit_name });
  }
  const zh = new Intl.Collator('zh');
  return out.sort((a, b) => zh.compare(a.unitName, b.unitName) || zh.compare(a.name, b.name));
}

/** The number of reporters per child unit of a parent (statistics): counted in SQL, by each unit's PM-01 level. */
export async function reporterCounts(
  ctx: AppContext,
  db: Executor,
  parentId: string,
  unitIds: readonly string[],
  date: string,
): Promise<Map<string, number>> {
  const params = await ruleParamsForUnits(ctx, 'PM-01', unitIds, date, db);
  const byLevel = new Map<string, string[]>();
  for (const [unitId, p] of params) {
    const level = levelFromParam(p.minReportingLevel) ?? 'division_deputy';
    byLevel.set(level, [...(byLevel.get(level) ?? []), unitId]);
  }
  const out = new Map<string, number>();
  for (const [level, units] of byLevel) {
    // One level for every child (the usual case): select the children by their parent.
    const filter = byLevel.size === 1 ? { parentId } : { unitIds: units };
    for (const r of await repo.reporterCountsByUnit(db, filter, date, codesAtLeast(level as never))) {
      out.set(r.unit_id, Number(r.n));
    }
  }
  return out;
}

/** The reporters of a unit (or everyone in it, all=1) with the year's report and deadline. */
export async function listSubjects(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
  year: number | undefined,
  all: boolean,
) {
  if (!canViewUnit(actor, unitId)) throw notFound('单位');
  const d = today(ctx.clock);
  const y = year ?? Number(d.slice(0, 4));
  const [reporters, table, params, posts, ranks] = await Promise.all([
    reportersInUnits(ctx, ctx.db, [unitId], d),
    ctx.calendar.table(),
    deadlineParams(ctx, ctx.db, unitId, d),
    repo.peopleInUnit(ctx.db, unitId).then((ps) =>
      currentPosts(
        ctx.db,
        ps.map((p) => p.id),
        d,
      ),
    ),
    repo.currentRanksInUnit(ctx.db, unitId, d),
  ]);
  const unit = (await repo.unitsByIds(ctx.db, [unitId]))[0];
  const everyone = all ? await repo.peopleInUnit(ctx.db, unitId) : [];
  const reports = await repo.annualReportsOf(
    ctx.db,
    [...reporters.map((r) => r.personId), ...everyone.map((p) => p.id)],
    y,
  );
  const byId = new Map(reporters.map((r) => [r.personId, r]));
  const rows = [...reporters.map((r) => r.personId), ...everyone.map((p) => p.id).filter((id) => !byId.has(id))].map(
    (personId) => {
      const s = byId.get(personId);
      const name = s?.name ?? everyone.find((p) => p.id === personId)?.name ?? '';
      const top = ranks
        .filter((x) => x.person_id === personId)
        .map((x) => getRankDef(x.rank_code))
        .filter((x) => !!x)
        .sort((a, b) => levelOrdinal(b.level) - levelOrdinal(a.level))[0];
      const report = reports.find((x) => x.person_id === personId);
      const expected = s ? expectedReport(s, y, params, table) : null;
      const deadline = report
        ? presentReportSummary(report, d).deadline
        : expected
          ? { ...expected.deadline, status: deadlineStatus(expected.deadline, null, d) }
          : null;
      return {
        personId,
        personName: name,
        unitId,
        unitName: unit?.name ?? '',
        post: posts.find((x) => x.person_id === personId)?.title ?? null,
        rankLabel: top?.zh ?? null,
        isSubject: !!s,
        basis: s?.basis ?? null,
        since: s?.since ?? null,
        specialId: s?.specialId ?? null,
        specialReason: s?.specialReason ?? null,
        report: report ? presentReportSummary(report, d) : null,
        deadline: deadline
          ? {
              dueDate: deadline.dueDate,
              reminderFrom: deadline.reminderFrom,
              status: deadline.status,
              message: deadline.message,
            }
          : null,
      };
    },
  );
  return { unitId, unitName: unit?.name ?? '', year: y, canManage: canManageSubjects(actor, unitId), items: rows };
}

export async function addSpecialSubject(
  ctx: AppContext,
  actor: Actor,
  body: { personId: string; reason: string; startDate: string },
  meta: RequestMeta,
): Promise<string> {
  const p = await repo.reporterFacts(ctx.db, body.personId);
  if (!p || !canViewUnit(actor, p.unit_id)) throw notFound('人员');
  if (!canManageSubjects(actor, p.unit_id)) throw forbidden('只有具有干部管理权限的人事部门可以确定报告范围');
  const open = (await repo.specialsOf(ctx.db, body.personId)).find(
    (s) => s.end_date === null || s.end_date >= body.startDate,
  );
  if (open) throw new AppError('CONFLICT', '该人员已有未结束的特殊情形记录', { field: 'personId' });
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertSpecial(trx, {
      id,
      person_id: body.personId,
      reason: body.reason,
      start_date: body.startDate,
      end_date: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'disclosures.special_subject_added',
      entityType: 'disclosure_special_subject',
      entityId: id,
      unitId: p.unit_id,
      after: { reason: body.reason, startDate: body.startDate },
      details: { personId: body.personId, startDate: body.startDate },
    });
  });
  return id;
}

export async function endSpecialSubject(
  ctx: AppContext,
  actor: Actor,
  id: string,
  endDate: string,
  meta: RequestMeta,
): Promise<void> {
  const s = await repo.findSpecial(ctx.db, id);
  const p = s ? await repo.reporterFacts(ctx.db, s.person_id) : undefined;
  if (!s || !p || !canViewUnit(actor, p.unit_id)) throw notFound('特殊情形记录');
  if (!isManaging(actor, p.unit_id, 'personnel')) throw forbidden('只有具有干部管理权限的人事部门可以确定报告范围');
  if (s.end_date !== null) throw new AppError('INVALID_STATE', '该记录已结束');
  if (endDate < s.start_date) throw invalidField('endDate', '结束日期不能早于开始日期');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateSpecial(trx, id, { end_date: endDate, updated_at: nowIso(ctx.clock) });
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'disclosures.special_subject_ended',
      entityType: 'disclosure_special_subject',
      entityId: id,
      unitId: p.unit_id,
      before: { endDate: null },
      after: { endDate },
    });
  });
}
