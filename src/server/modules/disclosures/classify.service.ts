/**
 * Entering registry results and classifying them (PM-07, PM-08, PM-09), one check or a batch
 * (registry feedback often comes back as one list). Each check is compared with the report as it
 * stood when the check was opened; omissions and concealments open a case; concealment records
 * the no-promotion / no-reserve restriction while the case is open; the cadre is asked to explain.
 * A batch is all or nothing: one bad entry refuses the whole list, naming it.
 */
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import {
  CLASSIFICATION_LABELS,
  type PartialItems,
  type registryBodySchema,
} from '../../../common/contracts/disclosures.js';
import { AppError, forbidden, invalidField, notFound } from '../../../common/errors.js';
import type { Finding } from '../../../common/rules/types.js';
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/database.js';
import { chunk } from '../../db/helpers.js';
import { type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import type { AuditEventInput } from '../../platform/audit.js';
import { nowIso, today } from '../../platform/clock.js';
import { uuidv7 } from '../../platform/random.js';
import { recordInfluencePeriods, type NewInfluencePeriod } from '../eligibility/index.js';
import { finding } from '../../../common/rules/finding.js';
import { param, ruleContextsForUnits, storeFindingsMany, type RuleContext } from '../rules/index.js';
import * as checksRepo from './checks.repository.js';
import { abroadReportable, assetsClearlyAboveIncome, classifyItems, overallResult } from './disclosures.classify.js';
import * as repo from './disclosures.repository.js';
import { canEnterCheck, canViewCheck } from './disclosures.policy.js';
import { checkItems, checkPeriod, type RelativeFact } from './disclosures.rules.js';
import {
  field,
  pooledRandom,
  readEvent,
  seal,
  sealReasons,
  unseal,
  whoOf,
  type ReportPayload,
} from './disclosures.shared.js';

type Registry = z.infer<typeof registryBodySchema>;
interface Rules {
  pm02: RuleContext;
  pm07: RuleContext;
  pm08: RuleContext;
  pm09: RuleContext;
}
interface Loaded {
  c: checksRepo.CheckWithNames;
  relatives: RelativeFact[];
  base: { report: repo.ReportWithNames; payload: ReportPayload } | null;
}

/** Checks, relatives and baselines for many checks in a few queries. */
async function load(ctx: AppContext, actor: Actor, checkIds: readonly string[]): Promise<Map<string, Loaded>> {
  const rows: checksRepo.CheckWithNames[] = [];
  for (const part of chunk([...checkIds], 500)) rows.push(...(await checksRepo.findChecks(ctx.db, part)));
  const family = await checksRepo.familyOfPeople(ctx.db, [...new Set(rows.map((c) => c.person_id))]);
  const reports = new Map<string, repo.ReportWithNames>();
  for (const part of chunk([...new Set(rows.map((c) => c.report_id).filter((x): x is string => !!x))], 500)) {
    for (const r of await repo.findReports(ctx.db, part)) reports.set(r.id, r);
  }
  const out = new Map<string, Loaded>();
  for (const c of rows) {
    if (!canViewCheck(actor, { personId: c.person_id, unitId: c.person_unit_id })) continue;
    const r = c.report_id ? reports.get(c.report_id) : undefined;
    let payload: ReportPayload | null = null;
    if (r) {
      const v = Math.min(c.report_version, r.amendment_count);
      const a = v > 0 ? (await repo.amendmentsOf(ctx.db, r.id)).find((x) => x.seq === v) : undefined;
      payload = a
        ? unseal<ReportPayload>(ctx, a.payload_enc, field('disclosure_amendments', 'payload_enc', a.id))
        : unseal<ReportPayload>(ctx, r.payload_enc, field('disclosure_reports', 'payload_enc', r.id));
    }
    const relatives = family
      .filter((f) => f.person_id === c.person_id)
      .map((f) => ({ id: f.id, relation: f.relation, name: f.name }));
    out.set(c.id, { c, relatives, base: r && payload ? { report: r, payload } : null });
  }
  return out;
}

function evaluate(l: Loaded, body: Registry, rules: Rules) {
  const reported: PartialItems = l.base?.payload.items ?? {};
  const who = whoOf(l.base ? [...l.base.payload.relatives, ...l.relatives] : l.relatives);
  // PM-02: a registry stay abroad counts only when it was reportable for the period the check covers
  const period = checkPeriod(l.c.year, l.base?.report ?? null);
  const abroadContinuousYears = param<number>(rules.pm02, 'abroadContinuousYears');
  const results = classifyItems(reported, body.items, who, { period, abroadContinuousYears });
  const stays = (body.items.emigration?.entries ?? []).filter((e) => e.kind === 'abroad_1y');
  const result = overallResult(results);
  const assetsFlag = assetsClearlyAboveIncome(body.assets, param<number>(rules.pm07, 'assetsToIncomeFactor'));
  const counts = {
    omission: results.filter((r) => r.classification === 'omission').length,
    concealment: results.filter((r) => r.classification === 'concealment').length,
  };
  const findings: Finding[] = [];
  if (stays.length) {
    const counted = stays.filter((e) => abroadReportable(e, { period, abroadContinuousYears }));
    findings.push(
      finding(
        'PM-02',
        { period, abroadContinuousYears, stays: stays.length, reportable: counted.length },
        rules.pm02.params,
        {
          zh: `登记的在国（境）外连续工作、生活情况 ${stays.length} 项，其中 ${counted.length} 项与 ${period.from} 至 ${period.to} 重叠且至该期末连续满 ${abroadContinuousYears} 年，应当报告；其余不计入比对（PM-02）。`,
          en: `${counted.length} of ${stays.length} stays abroad overlap ${period.from}..${period.to} and reach ${abroadContinuousYears} year(s) by its end: reportable (PM-02).`,
          kind: 'info',
        },
      ),
    );
  }
  if (result) {
    findings.push(
      finding(rules.pm08.rule.id, { ...counts, result }, rules.pm08.params, {
        zh: `查核认定：${CLASSIFICATION_LABELS[result]}（漏报 ${counts.omission} 项，隐瞒不报 ${counts.concealment} 项）${l.base ? '' : '；该年度未提交报告，按未报告比对'}`,
        en: `Check result: ${result}`,
        kind: result === 'consistent' ? 'info' : 'warn',
      }),
    );
  }
  if (assetsFlag) {
    findings.push(
      finding(rules.pm07.rule.id, { ...body.assets }, rules.pm07.params, {
        zh: '家庭财产明显超过正常收入，应要求本人作出说明',
        en: 'Assets clearly above income: explanation required',
      }),
    );
  }
  const blocks = result === 'concealment' && param<boolean>(rules.pm09, 'concealmentBlocksPromotion');
  if (blocks) {
    findings.push(
      finding(rules.pm09.rule.id, { result }, rules.pm09.params, {
        zh: '隐瞒不报：案件办结前不得提拔使用、不列入后备干部名单',
        en: 'Concealment: no promotion or reserve listing while the case is open',
      }),
    );
  }
  return { results, result, assetsFlag, counts, findings, blocks };
}

type Planned = { l: Loaded; body: Registry; e: ReturnType<typeof evaluate> };

/** Write the classified checks: a few batched inserts, one update per check, one audit append. */
async function persist(
  trx: Transaction<Database>,
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  plan: readonly Planned[],
) {
  const d = today(ctx.clock);
  const now = nowIso(ctx.clock);
  const by = auditActorOf(actor, meta.requestId);
  const rnd = pooledRandom(ctx.random);
  const id = () => uuidv7(rnd, ctx.clock.now().getTime());
  const items = [];
  const explanations = [];
  const caseRows = [];
  const periods: NewInfluencePeriod[] = [];
  const events: AuditEventInput[] = [];
  const out = [];
  const updates = [];
  const findings = [];
  for (const {
    l: { c, base },
    body,
    e,
  } of plan) {
    const caseId = e.result === 'omission' || e.result === 'concealment' ? id() : null;
    if (base) events.push(readEvent(actor, base.report, 'check'));
    updates.push({
      id: c.id,
      registry_enc: seal(ctx, body, field('disclosure_checks', 'registry_enc', c.id)),
      result: e.result,
      assets_flag: e.assetsFlag ? 1 : 0,
    });
    items.push(
      ...e.results
        .filter((r) => r.classification !== 'not_checked')
        .map((r) => {
          const itemId = id();
          return {
            id: itemId,
            check_id: c.id,
            unit_id: c.unit_id,
            year: c.year,
            item_key: r.item,
            classification: r.classification,
            reasons_enc: sealReasons(ctx, r.reasons, itemId),
          };
        }),
    );
    for (const kind of [...(caseId ? ['discrepancy'] : []), ...(e.assetsFlag ? ['assets_income'] : [])]) {
      explanations.push({
        id: id(),
        check_id: c.id,
        person_id: c.person_id,
        kind,
        status: 'requested',
        requested_at: now,
        text_enc: null,
        filed_at: null,
      });
    }
    if (caseId && e.result) {
      caseRows.push({
        id: caseId,
        check_id: c.id,
        person_id: c.person_id,
        unit_id: c.unit_id,
        year: c.year,
        classification: e.result,
        severity: null,
        status: 'open',
        measures: '[]',
        refer_discipline: 0,
        note_enc: null,
        opened_on: d,
        opened_at: now,
        decided_at: null,
        decided_by: null,
        closed_on: null,
        closed_by: null,
      });
      if (e.blocks) {
        periods.push({
          personId: c.person_id,
          measure: 'pm_concealment_case',
          ruleId: 'PM-09',
          sourceType: 'disclosure_case',
          sourceId: caseId,
          startDate: d,
          endDate: null,
          blocks: ['promotion', 'reserve_listing'],
          note: `${c.year} 年度个人有关事项报告查核认定隐瞒不报`,
          unitId: c.unit_id,
        });
      }
    }
    findings.push({ unitId: c.unit_id, entityType: 'disclosure_check', entityId: c.id, findings: e.findings });
    events.push({
      action: 'disclosures.check_classified',
      entityType: 'disclosure_check',
      entityId: c.id,
      unitId: c.unit_id,
      details: {
        result: e.result,
        ...e.counts,
        checkedItems: e.results.filter((r) => r.classification !== 'not_checked').length,
        assetsFlag: e.assetsFlag,
        caseId,
      },
    });
    out.push({ checkId: c.id, result: e.result, caseId });
  }
  // A check classified by a concurrent request in the meantime refuses the whole batch.
  if ((await checksRepo.classifyChecks(trx, updates, actor.userId, now)) !== updates.length) {
    throw new AppError('INVALID_STATE', '部分查核已被认定，请刷新后重试');
  }
  await storeFindingsMany(trx, ctx, findings);
  await checksRepo.insertCheckItems(trx, items);
  for (const part of chunk(explanations, 200)) await checksRepo.insertExplanations(trx, part);
  for (const part of chunk(caseRows, 200)) await checksRepo.insertCases(trx, part);
  await ctx.audit.recordMany(trx, by, events);
  await recordInfluencePeriods(trx, ctx, by, periods);
  return out;
}

export interface BatchEntry extends Registry {
  checkId: string;
}

/** Enter and classify many checks in one transaction; the field of a bad entry is named as entries.N.… */
export async function enterRegistryBatch(
  ctx: AppContext,
  actor: Actor,
  entries: readonly BatchEntry[],
  meta: RequestMeta,
) {
  const loaded = await load(
    ctx,
    actor,
    entries.map((e) => e.checkId),
  );
  const d = today(ctx.clock);
  const units = [...new Set([...loaded.values()].map((l) => l.c.unit_id))];
  const [pm02, pm07, pm08, pm09] = await Promise.all(
    ['PM-02', 'PM-07', 'PM-08', 'PM-09'].map((id) => ruleContextsForUnits(ctx, id, units, d)),
  );
  const rulesOf = (unitId: string): Rules => ({
    pm02: pm02?.get(unitId) as RuleContext,
    pm07: pm07?.get(unitId) as RuleContext,
    pm08: pm08?.get(unitId) as RuleContext,
    pm09: pm09?.get(unitId) as RuleContext,
  });
  const plan: Planned[] = [];
  for (const [i, entry] of entries.entries()) {
    const l = loaded.get(entry.checkId);
    if (!l) throw new AppError('NOT_FOUND', `第 ${i + 1} 条：查核不存在或无权查看`, { field: `entries.${i}.checkId` });
    if (!canEnterCheck(actor, { personId: l.c.person_id, unitId: l.c.person_unit_id })) {
      throw forbidden('只有具有干部管理权限的人事部门可以录入查核结果');
    }
    if (l.c.status !== 'pending') {
      throw new AppError('INVALID_STATE', `第 ${i + 1} 条：该查核已认定，结果不再修改`, {
        field: `entries.${i}.checkId`,
      });
    }
    if (!Object.keys(entry.items).length) throw invalidField(`entries.${i}.items`, '请至少录入一项查核结果');
    const first = checkItems(entry.items, l.relatives, { complete: false, familyOnly: false, today: d })[0];
    if (first) throw invalidField(`entries.${i}.${first.field}`, first.message);
    const body = { items: entry.items, assets: entry.assets ?? null };
    plan.push({ l, body, e: evaluate(l, body, rulesOf(l.c.unit_id)) });
  }
  if (new Set(entries.map((e) => e.checkId)).size !== entries.length) {
    throw invalidField('entries', '同一查核不能重复录入');
  }
  return ctx.db.transaction().execute((trx) => persist(trx, ctx, actor, meta, plan));
}

/** Enter one check's registry results and classify (PM-08); once classified a check is final. */
export async function enterRegistry(ctx: AppContext, actor: Actor, id: string, body: Registry, meta: RequestMeta) {
  const loaded = await load(ctx, actor, [id]);
  if (!loaded.get(id)) throw notFound('查核');
  try {
    const [r] = await enterRegistryBatch(ctx, actor, [{ checkId: id, ...body }], meta);
    return { result: r?.result ?? null, caseId: r?.caseId ?? null };
  } catch (e) {
    // a single check's fields are named without the batch prefix
    if (e instanceof AppError && e.extra.field?.startsWith('entries.0.')) {
      throw new AppError(e.code, e.message.replace(/^第 1 条：/, ''), {
        ...e.extra,
        field: e.extra.field.slice('entries.0.'.length),
      });
    }
    throw e;
  }
}
