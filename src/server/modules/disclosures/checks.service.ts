/**
 * Checks (查核, PM-06..PM-08): random ones come from a draw; targeted checks (重点抽查) and
 * check-before-promotion (凡提必核) are opened one by one with a reason and never join the random
 * list. The checker enters what each registry showed; Banzi classifies each item by PM-08 against
 * the report as it stood when the check was opened (later amendments do not change the baseline),
 * opens a case for omissions and concealments, and asks the cadre to explain (PM-07 too):
 * classify.service.ts.
 */
import type { z } from 'zod';
import { ITEM_LABELS, type ItemKey, type registryBodySchema } from '../../../common/contracts/disclosures.js';
import { AppError, forbidden, invalidField, notFound } from '../../../common/errors.js';
import { yearOf } from '../../../common/dates.js';
import type { AppContext } from '../../context.js';
import { type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import { nowIso, today } from '../../platform/clock.js';
import { uuidv7 } from '../../platform/random.js';
import { findingsOf } from '../rules/index.js';
import * as checksRepo from './checks.repository.js';
import type { Reason } from './disclosures.classify.js';
import * as repo from './disclosures.repository.js';
import { canEnterCheck, canReadReport, canViewCheck, canWriteReport } from './disclosures.policy.js';
import { presentCheckSummary } from './disclosures.presenter.js';
import {
  payloadAt,
  recordRead,
  relationLabel,
  relativesOf,
  field,
  seal,
  unseal,
  unsealReasons,
} from './disclosures.shared.js';

type Registry = z.infer<typeof registryBodySchema>;

async function checkOr404(ctx: AppContext, actor: Actor, id: string) {
  const c = await checksRepo.findCheck(ctx.db, id);
  if (!c || !canViewCheck(actor, { personId: c.person_id, unitId: c.person_unit_id })) throw notFound('查核');
  return c;
}

/** A targeted check or a check before promotion, kept apart from the random list. */
export async function openCheck(
  ctx: AppContext,
  actor: Actor,
  body: {
    personId: string;
    year: number;
    kind: 'targeted' | 'pre_promotion';
    trigger?: string | null | undefined;
    reason: string;
  },
  meta: RequestMeta,
): Promise<string> {
  const p = await repo.reporterFacts(ctx.db, body.personId);
  const facts = p ? { personId: p.id, unitId: p.unit_id } : null;
  if (!p || !facts || !canReadReport(actor, facts)) throw notFound('人员');
  if (!canEnterCheck(actor, facts)) throw forbidden('只有具有干部管理权限的人事部门可以组织查核');
  if (body.kind === 'pre_promotion' && !body.trigger) throw invalidField('trigger', '请选择“凡提必核”的情形');
  if (body.year > yearOf(today(ctx.clock))) throw invalidField('year', '不能查核将来年度的报告');
  if (await checksRepo.openCheckOf(ctx.db, body.personId, body.year, body.kind)) {
    throw new AppError('CONFLICT', '该人员本年度已有未完成的同类查核', { field: 'personId' });
  }
  const report = (await repo.annualReportsOf(ctx.db, [body.personId], body.year)).find((r) => r.status === 'submitted');
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await checksRepo.insertChecks(trx, [
      {
        id,
        person_id: body.personId,
        unit_id: p.unit_id,
        year: body.year,
        kind: body.kind,
        trigger: body.kind === 'pre_promotion' ? (body.trigger ?? null) : null,
        reason_enc: seal(ctx, body.reason, field('disclosure_checks', 'reason_enc', id)),
        draw_id: null,
        report_id: report?.id ?? null,
        report_version: report?.amendment_count ?? 0,
        status: 'pending',
        registry_enc: null,
        result: null,
        assets_flag: 0,
        created_by: actor.userId,
        created_at: nowIso(ctx.clock),
        checked_by: null,
        checked_at: null,
      },
    ]);
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'disclosures.check_opened',
      entityType: 'disclosure_check',
      entityId: id,
      unitId: p.unit_id,
      details: { personId: body.personId, year: body.year, kind: body.kind, trigger: body.trigger ?? null },
    });
  });
  return id;
}

export async function listChecks(
  ctx: AppContext,
  actor: Actor,
  q: { unitId?: string | undefined; year?: number | undefined; kind?: string | undefined; drawId?: string | undefined },
) {
  const managed = actor.adminRole ? [] : actor.managed.map((m) => m.unitId);
  if (q.unitId && !managed.includes(q.unitId)) throw notFound('单位');
  const rows = await checksRepo.listChecks(ctx.db, {
    unitIds: q.unitId ? [q.unitId] : managed,
    selfId: q.unitId || actor.adminRole ? null : actor.personId,
    ...q,
  });
  return rows.map(presentCheckSummary);
}

/** The baseline: the report as it stood when the check was opened; empty when none was submitted. */
async function baseline(ctx: AppContext, reportId: string | null, version: number) {
  if (!reportId) return null;
  const r = await repo.findReport(ctx.db, reportId);
  if (!r) return null;
  const at = await payloadAt(ctx, ctx.db, r, version);
  return { report: r, version: at.version, payload: at.payload };
}

export async function getCheck(ctx: AppContext, actor: Actor, id: string, meta: RequestMeta) {
  const c = await checkOr404(ctx, actor, id);
  const base = await baseline(ctx, c.report_id, c.report_version);
  if (base) await recordRead(ctx, actor, meta, base.report, 'check');
  const stored = await checksRepo.checkItemsOf(ctx.db, id);
  const results = (Object.keys(ITEM_LABELS) as ItemKey[]).map((item) => {
    const s = stored.find((x) => x.item_key === item);
    const reasons = s ? unsealReasons<Reason>(ctx, s.reasons_enc, s.id) : [];
    return { item, label: ITEM_LABELS[item], classification: (s?.classification ?? 'not_checked') as never, reasons };
  });
  const registry = c.registry_enc
    ? unseal<Registry>(ctx, c.registry_enc, field('disclosure_checks', 'registry_enc', c.id))
    : null;
  const explanations = (await checksRepo.explanationsOf(ctx.db, id)).map((e) => ({
    id: e.id,
    kind: e.kind as 'discrepancy' | 'assets_income',
    status: e.status as 'requested' | 'filed',
    requestedAt: e.requested_at,
    text: e.text_enc ? unseal<string>(ctx, e.text_enc, field('disclosure_explanations', 'text_enc', e.id)) : null,
    filedAt: e.filed_at,
  }));
  const relatives = base?.payload.relatives ?? (await relativesOf(ctx.db, c.person_id));
  const facts = { personId: c.person_id, unitId: c.person_unit_id };
  return {
    ...presentCheckSummary(c),
    reason: c.reason_enc ? unseal<string>(ctx, c.reason_enc, field('disclosure_checks', 'reason_enc', c.id)) : null,
    report: base ? { id: base.report.id, version: base.version, items: base.payload.items } : null,
    relatives: relatives.map((r) => ({ ...r, relationLabel: relationLabel(r.relation) })),
    registry: registry ? { items: registry.items, assets: registry.assets ?? null } : null,
    results,
    findings: await findingsOf(ctx.db, 'disclosure_check', id),
    explanations,
    caseId: (await checksRepo.caseOfCheck(ctx.db, id))?.id ?? null,
    canEnter: canEnterCheck(actor, facts) && c.status === 'pending',
    canExplain: canWriteReport(actor, facts) && explanations.some((e) => e.status === 'requested'),
  };
}

/** The cadre's explanation (of a discrepancy, or of assets above income). */
export async function fileExplanation(
  ctx: AppContext,
  actor: Actor,
  id: string,
  text: string,
  meta: RequestMeta,
): Promise<void> {
  const c = await checkOr404(ctx, actor, id);
  if (!canWriteReport(actor, { personId: c.person_id, unitId: c.person_unit_id })) {
    throw forbidden('只有本人可以作出说明');
  }
  const open = (await checksRepo.explanationsOf(ctx.db, id)).filter((e) => e.status === 'requested');
  if (!open.length) throw new AppError('INVALID_STATE', '没有需要作出说明的事项');
  await ctx.db.transaction().execute(async (trx) => {
    for (const e of open) {
      await checksRepo.updateExplanation(trx, e.id, {
        status: 'filed',
        text_enc: seal(ctx, text, field('disclosure_explanations', 'text_enc', e.id)),
        filed_at: nowIso(ctx.clock),
      });
    }
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'disclosures.explanation_filed',
      entityType: 'disclosure_check',
      entityId: id,
      unitId: c.unit_id,
      details: { kinds: open.map((e) => e.kind) },
    });
  });
}
