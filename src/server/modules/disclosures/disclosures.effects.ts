/**
 * What a submitted report (or amendment) sets in motion, inside the same transaction:
 * - FB-01/FB-02/FB-05: relatives' business checked against the unit's prohibition matrix and its
 *   regulated sectors; a violation opens a case with a deadline (FB-03) unless one is open;
 * - PM-11: a spouse who emigrated, or with no spouse all children emigrated, records a bar on
 *   inspection candidacy (an influence-period row), and lifts it when a later report says otherwise.
 */
import type { Transaction } from 'kysely';
import type { HolidayTable } from '../../../common/calendar.js';
import { calendarDaysDeadline } from '../../../common/calendar.js';
import type { PartialItems } from '../../../common/contracts/disclosures-items.js';
import type { Finding } from '../../../common/rules/types.js';
import { highestLevel } from '../../../common/ranks.js';
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/database.js';
import type { AuditActor } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { uuidv7 } from '../../platform/random.js';
import { closeInfluencePeriodsOf, openInfluencePeriodsOf, recordInfluencePeriod } from '../eligibility/index.js';
import { finding } from '../../../common/rules/finding.js';
import { param, ruleContext, storeFindings } from '../rules/index.js';
import * as checksRepo from './checks.repository.js';
import { parseMatrix, prohibitedActivities, relativeActivities, sectorConflicts } from './disclosures.business.js';
import { levelFromParam, type RelativeFact } from './disclosures.rules.js';
import { field, seal } from './disclosures.shared.js';

export interface EffectInput {
  personId: string;
  unitId: string;
  unitType: string;
  reportId: string;
  items: PartialItems;
  relatives: RelativeFact[];
  rankCodes: string[];
  today: string;
  table: HolidayTable;
}

/** FB checks; returns the findings to keep with the report version. */
export async function businessEffects(
  trx: Transaction<Database>,
  ctx: AppContext,
  by: AuditActor,
  e: EffectInput,
): Promise<Finding[]> {
  const [fb01, fb03, fb05] = await Promise.all([
    ruleContext(ctx, 'FB-01', e.unitId, e.today, trx),
    ruleContext(ctx, 'FB-03', e.unitId, e.today, trx),
    ruleContext(ctx, 'FB-05', e.unitId, e.today, trx),
  ]);
  const findings: Finding[] = [];
  const { rows, problems } = parseMatrix(param(fb01, 'prohibitionMatrix'));
  for (const p of problems) {
    findings.push(
      finding(fb01.rule.id, { problem: p }, fb01.params, {
        zh: p,
        en: 'Malformed prohibition matrix row ignored',
        kind: 'info',
      }),
    );
  }
  const acts = relativeActivities(e.items, e.relatives);
  const violations = [
    ...prohibitedActivities(acts, {
      cadreLevel: highestLevel(e.rankCodes),
      unitType: e.unitType,
      rows,
      minApplicableLevel: levelFromParam(param(fb01, 'minApplicableLevel')),
    }),
    ...sectorConflicts(acts, param<string[]>(fb05, 'regulatedSectors')),
  ];
  if (!rows.length && acts.length) {
    findings.push(
      finding(fb01.rule.id, { activities: acts.length }, fb01.params, {
        zh: '本单位尚未配置禁业矩阵（FB-01 参数，由单位按职务层级和部门类型设定），亲属经商办企业情况未按禁业范围比对',
        en: 'No prohibition matrix configured',
        kind: 'info',
      }),
    );
  }
  const open = await checksRepo.openBusinessCasesOf(trx, e.personId);
  const days = param<number>(fb03, 'exitDeadlineDays');
  const due = calendarDaysDeadline(e.table, e.today, days);
  for (const v of violations) {
    const rc = v.ruleId === 'FB-05' ? fb05 : await ruleContext(ctx, 'FB-02', e.unitId, e.today, trx);
    findings.push(
      finding(rc.rule.id, { relation: v.relationLabel, activity: v.activity }, rc.params, {
        zh: v.message_zh,
        en: 'A relative’s business breaks a prohibition',
        kind: 'warn',
      }),
    );
    if (open.some((o) => o.relative_id === v.relativeId && o.activity === v.activity && o.rule_id === v.ruleId)) {
      continue;
    }
    const id = uuidv7(ctx.random, ctx.clock.now().getTime());
    await checksRepo.insertBusinessCase(trx, {
      id,
      person_id: e.personId,
      unit_id: e.unitId,
      report_id: e.reportId,
      relative_id: v.relativeId,
      rule_id: v.ruleId,
      activity: v.activity,
      details_enc: seal(
        ctx,
        { relativeName: v.relativeName, relationLabel: v.relationLabel, detail: v.detail, message: v.message_zh },
        field('disclosure_business_cases', 'details_enc', id),
      ),
      status: 'open',
      deadline: due.ok ? due.date : null,
      outcome: null,
      note_enc: null,
      opened_on: e.today,
      opened_at: nowIso(ctx.clock),
      resolved_on: null,
      resolved_by: null,
    });
    // FB-03: the relative exits the business or the cadre accepts an adjustment, by the unit's deadline
    await storeFindings(trx, ctx, e.unitId, 'disclosure_business_case', id, [
      finding('FB-03', { deadline: due.ok ? due.date : null, days }, fb03.params, {
        zh: due.ok
          ? `亲属应于 ${due.date} 前退出经商办企业，或本人退出现职、接受岗位调整（FB-03，期限 ${days} 日）。`
          : `亲属应退出经商办企业，或本人退出现职、接受岗位调整（FB-03）；期限无法计算：${due.message_zh}`,
        en: 'The relative exits the business or the cadre accepts an adjustment, by the deadline (FB-03).',
        kind: 'info',
      }),
    ]);
    await ctx.audit.record(trx, by, {
      action: 'disclosures.business_case_opened',
      entityType: 'disclosure_business_case',
      entityId: id,
      unitId: e.unitId,
      details: { personId: e.personId, ruleId: v.ruleId, activity: v.activity, deadline: due.ok ? due.date : null },
    });
  }
  return findings;
}

/** PM-11 from the emigration item (skipped when the payload does not carry it). */
export async function emigrationEffects(
  trx: Transaction<Database>,
  ctx: AppContext,
  by: AuditActor,
  e: EffectInput,
): Promise<Finding[]> {
  if (!e.items.emigration) return [];
  const emigrated = new Set(e.items.emigration.entries.filter((x) => x.kind === 'emigrated').map((x) => x.relativeId));
  const spouse = e.relatives.filter((r) => r.relation === 'spouse');
  const children = e.relatives.filter((r) => r.relation === 'son' || r.relation === 'daughter');
  const barred = spouse.length
    ? spouse.some((s) => emigrated.has(s.id))
    : children.length > 0 && children.every((c) => emigrated.has(c.id));
  const source = { type: 'disclosure_pm11', id: e.personId, endDate: e.today, unitId: e.unitId };
  if (!barred) {
    await closeInfluencePeriodsOf(trx, ctx, by, source);
    return [];
  }
  const rc = await ruleContext(ctx, 'PM-11', e.unitId, e.today, trx);
  const open = (await openInfluencePeriodsOf(trx, source.type, source.id)).length;
  if (!open) {
    await recordInfluencePeriod(trx, ctx, by, {
      personId: e.personId,
      measure: 'pm11_emigration',
      ruleId: 'PM-11',
      sourceType: source.type,
      sourceId: source.id,
      startDate: e.today,
      endDate: null,
      blocks: ['inspection_candidate'],
      note: '依据个人有关事项报告第6项',
      unitId: e.unitId,
    });
  }
  const msg = spouse.length
    ? '配偶已移居国（境）外：不得列为考察对象（特殊岗位除外）'
    : '没有配偶，子女均已移居国（境）外：不得列为考察对象（特殊岗位除外）';
  return [
    finding(rc.rule.id, { spouse: spouse.length > 0, emigrated: emigrated.size }, rc.params, {
      zh: msg,
      en: 'Emigrated spouse or children: not eligible as an inspection candidate',
    }),
  ];
}
