/**
 * The annual, first and change reports (PM-02..PM-05): drafted by the reporter (prefilled from the
 * last report), signed and frozen on submission, corrected only by dated amendments. Contents are
 * one encrypted payload; every read of them is audited (disclosures.shared recordRead).
 */
import type { z } from 'zod';
import type {
  amendmentBodySchema,
  createReportBodySchema,
  submitReportBodySchema,
  updateReportBodySchema,
} from '../../../common/contracts/disclosures.js';
import {
  DECLARATION_TEXT,
  emptyItems,
  itemsSchema,
  type PartialItems,
  type ReportItems,
} from '../../../common/contracts/disclosures.js';
import { AppError, forbidden, invalidField, notFound } from '../../../common/errors.js';
import { yearOf } from '../../../common/dates.js';
import type { AppContext } from '../../context.js';
import { isUniqueViolation } from '../../db/helpers.js';
import { type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import { nowIso, today } from '../../platform/clock.js';
import { uuidv7 } from '../../platform/random.js';
import { findingsOf, ruleRefusal, storeFindings } from '../rules/index.js';
import { lateFinding, refuse } from './reports.findings.js';
import * as repo from './disclosures.repository.js';
import { businessEffects, emigrationEffects } from './disclosures.effects.js';
import { canReadReport, canWriteReport } from './disclosures.policy.js';
import { presentReportSummary } from './disclosures.presenter.js';
import { changedItems, checkItems, daysAfterDeadline } from './disclosures.rules.js';
import {
  deadlineParams,
  expectedReport,
  namedRelatives,
  payloadAt,
  payloadHash,
  recordRead,
  relationLabel,
  relativesOf,
  field,
  seal,
  subjectOf,
  unseal,
  type ReportPayload,
} from './disclosures.shared.js';

type CreateBody = z.infer<typeof createReportBodySchema>;

/** A report the actor may see (else 404), with the reporter's facts. */
export async function visibleReport(ctx: AppContext, actor: Actor, id: string) {
  const r = await repo.findReport(ctx.db, id);
  if (!r || !canReadReport(actor, { personId: r.person_id, unitId: r.person_unit_id })) {
    throw notFound('个人有关事项报告');
  }
  return r;
}

async function ownReport(ctx: AppContext, actor: Actor, id: string) {
  const r = await visibleReport(ctx, actor, id);
  if (!canWriteReport(actor, { personId: r.person_id, unitId: r.person_unit_id })) {
    throw forbidden('只有报告人本人可以填写、提交或更正报告');
  }
  return r;
}

/** Items of a full report: the saved ones with the form's changes on top. */
function merged(base: PartialItems, change: PartialItems): ReportItems {
  return itemsSchema.parse({ ...emptyItems(), ...base, ...change });
}

export async function createReport(
  ctx: AppContext,
  actor: Actor,
  body: CreateBody,
  meta: RequestMeta,
): Promise<string> {
  if (!actor.personId || actor.adminRole) throw forbidden('账户未关联干部档案，不能填写个人有关事项报告');
  const personId = actor.personId;
  const facts = await repo.reporterFacts(ctx.db, personId);
  if (!facts) throw forbidden('账户未关联干部档案');
  const d = today(ctx.clock);
  if (body.year > yearOf(d)) throw invalidField('year', '不能填写将来年度的报告');
  const subject = await subjectOf(ctx, ctx.db, personId, facts.unit_id, d);
  if (!subject.isSubject) {
    throw await ruleRefusal(
      ctx,
      'PM-01',
      facts.unit_id,
      d,
      {
        zh: '您目前不在个人有关事项报告范围内（PM-01：县处级副职以上含相应职级，或经组织确定的特殊情形）',
        en: 'Not among those who report personal matters (PM-01).',
      },
      { code: 'FORBIDDEN', field: 'year' },
    );
  }
  const [table, params, relatives] = await Promise.all([
    ctx.calendar.table(),
    deadlineParams(ctx, ctx.db, facts.unit_id, d),
    relativesOf(ctx.db, personId),
  ]);
  let kind: 'annual' | 'first' | 'change' = 'change';
  let deadline;
  let items: PartialItems;
  let prefilledFrom: string | null = null;
  if (body.kind === 'change') {
    if (!body.eventDate) throw invalidField('eventDate', '请填写事项发生日期');
    if (body.eventDate > d) throw invalidField('eventDate', '事项发生日期不能晚于今天');
    if (yearOf(body.eventDate) !== body.year) throw invalidField('eventDate', '事项发生日期应在报告年度内');
    items = body.items ?? {};
    await refuse(ctx, facts.unit_id, checkItems(items, relatives, { complete: false, familyOnly: true, today: d }));
    deadline = daysAfterDeadline(table, body.eventDate, params.pm05.changeReportDays);
  } else {
    const expected = expectedReport(subject, body.year, params, table);
    if (!expected) throw invalidField('year', `${body.year} 年您尚未纳入报告范围（自 ${subject.since ?? '—'} 起）`);
    kind = expected.kind;
    deadline = expected.deadline;
    let base: PartialItems = {};
    if (body.prefill) {
      const last = await repo.lastSubmittedBefore(ctx.db, personId, body.year);
      if (last) {
        base = (await payloadAt(ctx, ctx.db, last)).payload.items;
        prefilledFrom = last.id;
      }
    }
    if (body.items) {
      await refuse(
        ctx,
        facts.unit_id,
        checkItems(body.items, relatives, { complete: false, familyOnly: false, today: d }),
      );
    }
    items = merged(base, body.items ?? {});
  }
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  const now = nowIso(ctx.clock);
  const payload: ReportPayload = { items, relatives: namedRelatives(items, relatives), notes: body.notes ?? null };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      if (prefilledFrom) {
        const src = await repo.findReport(trx, prefilledFrom);
        if (src) await recordRead(ctx, actor, meta, src, 'prefill', trx);
      }
      await repo.insertReport(trx, {
        id,
        person_id: personId,
        unit_id: facts.unit_id,
        year: body.year,
        kind,
        event_date: kind === 'change' ? (body.eventDate ?? null) : null,
        annual_key: kind === 'change' ? null : `${personId}:${body.year}`,
        status: 'draft',
        due_date: deadline.dueDate,
        reminder_from: deadline.reminderFrom,
        payload_enc: seal(ctx, payload, field('disclosure_reports', 'payload_enc', id)),
        payload_hash: null,
        signature: null,
        submitted_at: null,
        submitted_on: null,
        on_time: null,
        amendment_count: 0,
        created_at: now,
        updated_at: now,
      });
      await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
        action: 'disclosures.report_created',
        entityType: 'disclosure_report',
        entityId: id,
        unitId: facts.unit_id,
        details: { year: body.year, kind, prefilledFrom, dueDate: deadline.dueDate },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new AppError('CONFLICT', `${body.year} 年度的报告已存在，请打开该报告继续填写或提交更正`, {
        field: 'year',
      });
    }
    throw e;
  }
  return id;
}

export async function updateDraft(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof updateReportBodySchema>,
  meta: RequestMeta,
): Promise<void> {
  const r = await ownReport(ctx, actor, id);
  if (r.status !== 'draft') throw new AppError('INVALID_STATE', '报告已签名提交并冻结，如需修改请提交更正');
  const d = today(ctx.clock);
  const relatives = await relativesOf(ctx.db, r.person_id);
  const before = unseal<ReportPayload>(ctx, r.payload_enc, field('disclosure_reports', 'payload_enc', r.id));
  const change = r.kind === 'change';
  await refuse(ctx, r.unit_id, checkItems(body.items, relatives, { complete: false, familyOnly: change, today: d }));
  const items = change ? body.items : merged(before.items, body.items);
  const payload: ReportPayload = {
    items,
    relatives: namedRelatives(items, relatives),
    notes: body.notes === undefined ? before.notes : body.notes,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateReport(trx, id, {
      payload_enc: seal(ctx, payload, field('disclosure_reports', 'payload_enc', id)),
      updated_at: nowIso(ctx.clock),
    });
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'disclosures.report_saved',
      entityType: 'disclosure_report',
      entityId: id,
      unitId: r.unit_id,
      before: { ...before.items },
      after: { ...items },
    });
  });
}

/** Sign and submit: the full content is checked, hashed and frozen; effects run in the same transaction. */
export async function submitReport(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof submitReportBodySchema>,
  meta: RequestMeta,
): Promise<void> {
  const r = await ownReport(ctx, actor, id);
  if (r.status !== 'draft') throw new AppError('INVALID_STATE', '报告已提交');
  if (body.signature.trim() !== r.person_name) throw invalidField('signature', '签名应与本人姓名一致');
  const d = today(ctx.clock);
  const [relatives, table, facts] = await Promise.all([
    relativesOf(ctx.db, r.person_id),
    ctx.calendar.table(),
    repo.reporterFacts(ctx.db, r.person_id),
  ]);
  const payload = unseal<ReportPayload>(ctx, r.payload_enc, field('disclosure_reports', 'payload_enc', r.id));
  const change = r.kind === 'change';
  await refuse(
    ctx,
    r.unit_id,
    checkItems(payload.items, relatives, { complete: !change, familyOnly: change, today: d }),
  );
  const frozen: ReportPayload = { ...payload, relatives: namedRelatives(payload.items, relatives) };
  const hash = payloadHash(frozen);
  const onTime = r.due_date ? (d <= r.due_date ? 1 : 0) : null;
  const late = await lateFinding(ctx, r, d);
  const rankCodes = (await repo.ranksOf(ctx.db, r.person_id))
    .filter((x) => x.start_date <= d && (x.end_date === null || x.end_date >= d))
    .map((x) => x.rank_code);
  await ctx.db.transaction().execute(async (trx) => {
    const by = auditActorOf(actor, meta.requestId);
    await repo.updateReport(trx, id, {
      status: 'submitted',
      payload_enc: seal(ctx, frozen, field('disclosure_reports', 'payload_enc', id)),
      payload_hash: hash,
      signature: body.signature.trim(),
      submitted_at: nowIso(ctx.clock),
      submitted_on: d,
      on_time: onTime,
      updated_at: nowIso(ctx.clock),
    });
    const effect = {
      personId: r.person_id,
      unitId: r.unit_id,
      unitType: facts?.unit_level ?? '',
      reportId: id,
      items: frozen.items,
      relatives,
      rankCodes,
      today: d,
      table,
    };
    const findings = [
      ...late,
      ...(await businessEffects(trx, ctx, by, effect)),
      ...(await emigrationEffects(trx, ctx, by, effect)),
    ];
    await storeFindings(trx, ctx, r.unit_id, 'disclosure_report', `${id}@0`, findings);
    await ctx.audit.record(trx, by, {
      action: 'disclosures.report_submitted',
      entityType: 'disclosure_report',
      entityId: id,
      unitId: r.unit_id,
      details: {
        year: r.year,
        kind: r.kind,
        onTime: onTime === null ? null : onTime === 1,
        payloadHash: hash,
        declaration: DECLARATION_TEXT,
      },
    });
  });
}

/** A dated correction of a submitted report: the corrected content is frozen as a new version. */
export async function amendReport(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof amendmentBodySchema>,
  meta: RequestMeta,
): Promise<number> {
  const r = await ownReport(ctx, actor, id);
  if (r.status !== 'submitted') throw new AppError('INVALID_STATE', '报告尚未提交，可直接修改草稿');
  const d = today(ctx.clock);
  const [relatives, table, facts] = await Promise.all([
    relativesOf(ctx.db, r.person_id),
    ctx.calendar.table(),
    repo.reporterFacts(ctx.db, r.person_id),
  ]);
  const { payload: current } = await payloadAt(ctx, ctx.db, r);
  const change = r.kind === 'change';
  await refuse(ctx, r.unit_id, checkItems(body.items, relatives, { complete: false, familyOnly: change, today: d }));
  const items = change ? { ...current.items, ...body.items } : merged(current.items, body.items);
  await refuse(ctx, r.unit_id, checkItems(items, relatives, { complete: !change, familyOnly: change, today: d }));
  const diff = changedItems(current.items, items);
  if (!diff.length && (body.notes ?? current.notes) === current.notes) {
    throw invalidField('items', '更正内容与现有报告相同');
  }
  const next: ReportPayload = {
    items,
    relatives: namedRelatives(items, relatives),
    notes: body.notes === undefined ? current.notes : body.notes,
  };
  const seq = r.amendment_count + 1;
  const rankCodes = (await repo.ranksOf(ctx.db, r.person_id))
    .filter((x) => x.start_date <= d && (x.end_date === null || x.end_date >= d))
    .map((x) => x.rank_code);
  await ctx.db.transaction().execute(async (trx) => {
    const by = auditActorOf(actor, meta.requestId);
    const amendmentId = uuidv7(ctx.random, ctx.clock.now().getTime());
    await repo.insertAmendment(trx, {
      id: amendmentId,
      report_id: id,
      seq,
      amended_on: d,
      amended_at: nowIso(ctx.clock),
      reason_enc: seal(ctx, body.reason, field('disclosure_amendments', 'reason_enc', amendmentId)),
      payload_enc: seal(ctx, next, field('disclosure_amendments', 'payload_enc', amendmentId)),
      payload_hash: payloadHash(next),
      changed_items: JSON.stringify(diff),
      created_by: actor.userId,
    });
    await repo.updateReport(trx, id, { amendment_count: seq, updated_at: nowIso(ctx.clock) });
    const effect = {
      personId: r.person_id,
      unitId: r.unit_id,
      unitType: facts?.unit_level ?? '',
      reportId: id,
      items,
      relatives,
      rankCodes,
      today: d,
      table,
    };
    const findings = [
      ...(await businessEffects(trx, ctx, by, effect)),
      ...(await emigrationEffects(trx, ctx, by, effect)),
    ];
    await storeFindings(trx, ctx, r.unit_id, 'disclosure_report', `${id}@${seq}`, findings);
    await ctx.audit.record(trx, by, {
      action: 'disclosures.report_amended',
      entityType: 'disclosure_report',
      entityId: id,
      unitId: r.unit_id,
      before: { ...current.items },
      after: { ...items },
      details: { seq, amendedOn: d, changedItems: diff },
    });
  });
  return seq;
}

/** The report with its contents; the read is audited first. */
export async function getReport(
  ctx: AppContext,
  actor: Actor,
  id: string,
  version: number | undefined,
  meta: RequestMeta,
) {
  const r = await visibleReport(ctx, actor, id);
  if (version !== undefined && version > r.amendment_count) throw notFound(`第 ${version} 版`);
  await recordRead(ctx, actor, meta, r, 'view');
  const d = today(ctx.clock);
  const at = await payloadAt(ctx, ctx.db, r, version);
  const amendments = await repo.amendmentsOf(ctx.db, id);
  const self = canWriteReport(actor, { personId: r.person_id, unitId: r.person_unit_id });
  return {
    ...presentReportSummary(r, d),
    version: at.version,
    items: at.payload.items,
    notes: at.payload.notes,
    relatives: at.payload.relatives.map((x) => ({ ...x, relationLabel: relationLabel(x.relation) })),
    amendments: amendments.map((a) => ({
      id: a.id,
      seq: a.seq,
      amendedOn: a.amended_on,
      amendedAt: a.amended_at,
      reason: unseal<string>(ctx, a.reason_enc, field('disclosure_amendments', 'reason_enc', a.id)),
      changedItems: JSON.parse(a.changed_items) as never,
      by: a.by_name ?? '',
    })),
    declarationText: r.status === 'submitted' ? DECLARATION_TEXT : null,
    signature: r.signature,
    payloadHash: at.version === 0 ? r.payload_hash : at.hash,
    findings: await findingsOf(ctx.db, 'disclosure_report', `${id}@${at.version}`),
    canEdit: self && r.status === 'draft',
    canAmend: self && r.status === 'submitted',
  };
}

export async function listReports(
  ctx: AppContext,
  actor: Actor,
  q: { unitId?: string | undefined; year?: number | undefined; personId?: string | undefined },
) {
  const managed = actor.managed.map((m) => m.unitId);
  if (q.unitId && !managed.includes(q.unitId)) throw notFound('单位');
  const rows = await repo.listReports(ctx.db, {
    unitIds: actor.adminRole ? [] : managed,
    selfId: actor.adminRole ? null : actor.personId,
    ...q,
  });
  const d = today(ctx.clock);
  return rows.map((r) => presentReportSummary(r, d));
}
