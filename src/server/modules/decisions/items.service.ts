/**
 * Agenda items (议题): proposed by a member or the office, linked to a catalogue entry (PG-02),
 * classified by the unit's thresholds (TZ-01, TZ-02), approved by the secretary (PG-05), withdrawn
 * while not yet decided. Decisions taken outside any meeting are registered here too, so the
 * detectors see them (DC-03, PG-15, ZZ-03). The meetings module moves items through their states
 * with the functions at the end (scheduled, back to the pool, decided).
 */
import {
  ITEM_KIND_LABELS,
  ITEM_STATUS_LABELS,
  type ItemBody,
  type ItemKind,
  type ItemStatus,
  type TzydCategory,
} from '../../../common/contracts/decisions.js';
import { AppError, invalidField, notFound } from '../../../common/errors.js';
import { finding } from '../../../common/rules/finding.js';
import type { Finding } from '../../../common/rules/types.js';
import type { AppContext } from '../../context.js';
import { fromBool, toBool, type Executor } from '../../db/helpers.js';
import { type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import { ruleRefusal, storeFindings, rulesFor } from '../rules/index.js';
import { nowIso, today } from '../../platform/clock.js';
import { uuidv7 } from '../../platform/random.js';
import { thresholds } from './catalogue.service.js';
import { canApproveItems, canManage, canPropose, scopeUnitIds } from './decisions.policy.js';
import * as repo from './decisions.repository.js';
import {
  classificationFinding,
  classify,
  collectiveFinding,
  readinessFindings,
  type StepFacts,
} from './decisions.rules.js';
import { invalidState, readSeats, requireSeat } from './decisions.support.js';
import type { AgendaItemRow } from './decisions.table.js';
import { fromJson } from '../../db/helpers.js';

export const READINESS_RULES = ['PG-05', 'PG-01', 'ZD-03', 'ZD-04', 'ZD-05', 'ZD-06'] as const;

/** An item the actor may read, else 404 (scoped in SQL); with the actor's seats in its unit. */
export async function getReadableItem(ctx: AppContext, actor: Actor, id: string) {
  const item = await repo.findItem(ctx.db, id, scopeUnitIds(actor));
  if (!item) throw notFound('议题');
  return { item, seats: readSeats(actor, item.unit_id, '议题') };
}

/** What putting the item on an agenda would say now. Reads the rules and the calendar: call outside transactions. */
export async function readinessOf(ctx: AppContext, item: AgendaItemRow, at = today(ctx.clock)): Promise<Finding[]> {
  const [rules, table, steps, consultations] = await Promise.all([
    rulesFor(ctx, item.unit_id, at, READINESS_RULES),
    ctx.calendar.table(),
    repo.stepsOf(ctx.db, [item.id]),
    repo.consultationsOf(ctx.db, [item.id]),
  ]);
  const experts = await repo.expertsOf(
    ctx.db,
    steps.map((s) => s.id),
  );
  const facts: StepFacts[] = steps.map((s) => ({
    kind: s.kind as StepFacts['kind'],
    result: s.result,
    completedOn: s.completed_on,
    data: fromJson(s.data, {}),
    experts: experts.filter((e) => e.step_id === s.id).length,
  }));
  return readinessFindings(
    rules,
    table,
    {
      status: item.status,
      majorDecision: toBool(item.major_decision),
      notPublic: toBool(item.not_public),
      technical: toBool(item.technical),
      stabilityRisk: toBool(item.stability_risk),
      exploratoryReform: toBool(item.exploratory_reform),
      legalRiskNote: item.legal_risk_note,
      tzydCategory: item.tzyd_category,
      important: toBool(item.important),
    },
    facts,
    consultations.length,
  );
}

export function presentListEntry(r: AgendaItemRow, catalogueName: string, sponsorName: string | null, ready: boolean) {
  return {
    id: r.id,
    unitId: r.unit_id,
    title: r.title,
    kind: r.kind as ItemKind,
    kindLabel: ITEM_KIND_LABELS[r.kind as ItemKind] ?? r.kind,
    status: r.status as ItemStatus,
    statusLabel: ITEM_STATUS_LABELS[r.status as ItemStatus] ?? r.status,
    tzydCategory: r.tzyd_category as TzydCategory | null,
    catalogueName,
    majorDecision: toBool(r.major_decision),
    proposedAt: r.proposed_at,
    approvedOn: r.approved_on,
    sponsorName,
    deferredCount: r.deferred_count,
    ready,
    decidedOn: r.decided_on,
  };
}

export async function listItems(
  ctx: AppContext,
  actor: Actor,
  q: { unitId: string; status?: ItemStatus | undefined; pool: '0' | '1'; page: number; pageSize: number },
) {
  readSeats(actor, q.unitId, '单位');
  const statuses = q.pool === '1' ? ['approved'] : q.status ? [q.status] : undefined;
  const { rows, total } = await repo.listItems(ctx.db, {
    unitId: q.unitId,
    ...(statuses ? { statuses } : {}),
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const items = [];
  for (const r of rows) {
    const ready = r.status === 'approved' && !(await readinessOf(ctx, r)).some((f) => f.kind === 'block');
    items.push(presentListEntry(r, r.catalogue_name, r.sponsor_name, ready));
  }
  return { items, total, page: q.page, pageSize: q.pageSize };
}

async function assertPersonInUnit(
  db: Executor,
  personId: string | null | undefined,
  unitId: string,
  field: string,
): Promise<void> {
  if (!personId) return;
  const p = await db.selectFrom('people').select('unit_id').where('id', '=', personId).executeTakeFirst();
  if (!p || p.unit_id !== unitId) throw invalidField(field, '人员不存在或不属于本单位');
}

/** Validate the catalogue link (PG-02) and the amendment link; classify (TZ-01, TZ-02). */
async function prepare(
  ctx: AppContext,
  body: Pick<
    ItemBody,
    'unitId' | 'catalogueId' | 'kind' | 'amountFen' | 'projectAmountFen' | 'amendsItemId' | 'amendKind'
  >,
) {
  const entry = await repo.findCatalogueEntry(ctx.db, body.catalogueId);
  if (!entry || entry.unit_id !== body.unitId) {
    throw await ruleRefusal(
      ctx,
      'PG-02',
      body.unitId,
      today(ctx.clock),
      {
        zh: '议事清单条目不存在（每个议题须对应本单位议事清单中的一项，PG-02）',
        en: 'Every item must match an entry of the unit’s decision catalogue (PG-02).',
      },
      { code: 'VALIDATION_FAILED', field: 'catalogueId', facts: { catalogueId: body.catalogueId } },
    );
  }
  if (!toBool(entry.active)) throw invalidField('catalogueId', '该议事清单条目已停用');
  const kind = (body.kind ?? entry.item_kind) as ItemKind;
  const cls = classify(
    entry.tzyd_category as TzydCategory | null,
    body.amountFen ?? null,
    body.projectAmountFen ?? null,
    await thresholds(ctx, body.unitId),
  );
  if (body.amendsItemId) {
    const orig = await ctx.db
      .selectFrom('agenda_items')
      .select(['unit_id', 'status', 'kind'])
      .where('id', '=', body.amendsItemId)
      .executeTakeFirst();
    if (!orig || orig.unit_id !== body.unitId) throw invalidField('amendsItemId', '原决定不存在');
    if (orig.status !== 'decided') throw invalidField('amendsItemId', '只能对已作出的决定提出变更、中止或复议');
    if (!body.amendKind) throw invalidField('amendKind', '请选择变更、中止或复议');
    if (body.amendKind === 'reconsider' && orig.kind !== 'personnel') {
      throw await ruleRefusal(
        ctx,
        'SE-09',
        body.unitId,
        today(ctx.clock),
        { zh: '复议适用于干部任免决定（SE-09）', en: 'Reconsideration applies to personnel decisions (SE-09).' },
        { code: 'VALIDATION_FAILED', field: 'amendKind', facts: { amendsItemId: body.amendsItemId } },
      );
    }
  }
  const findings: Finding[] = [];
  let collective: Finding | null = null;
  if (cls.category) {
    const rules = await rulesFor(ctx, body.unitId, today(ctx.clock), ['TZ-01', 'TZ-02']);
    if (cls.auto) {
      findings.push(classificationFinding(rules, cls.category, body.amountFen ?? null, body.projectAmountFen ?? null));
    }
    collective = collectiveFinding(rules, cls.category);
  }
  return { entry, kind, cls, findings, collective };
}

/** Propose an item (member or office); the office may enter a paper item with its approval date. */
export async function createItem(ctx: AppContext, actor: Actor, body: ItemBody, meta: RequestMeta) {
  const s = readSeats(actor, body.unitId, '单位');
  requireSeat(canPropose(s), '只有班子成员或党组办公室可以提出议题');
  if (body.paperApprovedOn) {
    requireSeat(canManage(s), '只有党组办公室可以补录纸质议题');
    if (body.paperApprovedOn > today(ctx.clock)) throw invalidField('paperApprovedOn', '书记确定日期不能晚于今天');
  }
  const prepared = await prepare(ctx, body);
  const { entry, kind, cls } = prepared;
  // TZ-01: a "三重一大" item is said to be decided collectively (an outside decision gets DC-03 instead)
  const findings = prepared.collective ? [...prepared.findings, prepared.collective] : prepared.findings;
  if (kind === 'personnel' && body.candidates.length === 0 && body.amendKind !== 'reconsider') {
    throw await ruleRefusal(
      ctx,
      'SE-09',
      body.unitId,
      today(ctx.clock),
      {
        zh: '干部任免议题须列明人选（逐一表决，SE-09）',
        en: 'A personnel item names its candidates, each voted on one by one (SE-09).',
      },
      { code: 'VALIDATION_FAILED', field: 'candidates' },
    );
  }
  if (kind !== 'personnel' && body.candidates.length) throw invalidField('candidates', '只有干部任免议题列明人选');
  await assertPersonInUnit(ctx.db, body.sponsorPersonId, body.unitId, 'sponsorPersonId');
  for (const [i, c] of body.candidates.entries()) {
    if (c.personId) await assertPersonInUnit(ctx.db, c.personId, body.unitId, `candidates.${i}.personId`);
  }
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('agenda_items')
      .values({
        id,
        unit_id: body.unitId,
        catalogue_id: entry.id,
        title: body.title,
        summary: body.summary,
        kind,
        tzyd_category: cls.category,
        tzyd_auto: fromBool(cls.auto),
        collective_required: entry.collective_required,
        amount_fen: body.amountFen ?? null,
        project_amount_fen: body.projectAmountFen ?? null,
        important: fromBool(toBool(entry.important) || cls.category !== null),
        major_decision: entry.major_decision,
        technical: entry.technical,
        stability_risk: entry.stability_risk,
        not_public: entry.not_public,
        exploratory_reform: fromBool(body.exploratoryReform),
        legal_risk_note: body.legalRiskNote ?? null,
        sponsor_person_id: body.sponsorPersonId ?? null,
        proposed_by: actor.userId,
        proposed_at: now,
        approved_by: body.paperApprovedOn ? actor.userId : null,
        approved_at: body.paperApprovedOn ? now : null,
        approved_on: body.paperApprovedOn ?? null,
        status: body.paperApprovedOn ? 'approved' : 'proposed',
        origin: 'agenda',
        paper_entry: fromBool(!!body.paperApprovedOn),
        deferred_count: 0,
        decided_on: null,
        outcome: null,
        decision_text: null,
        decided_how: null,
        decided_by_person_id: null,
        decided_meeting_item_id: null,
        amends_item_id: body.amendsItemId ?? null,
        amend_kind: body.amendKind ?? null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    if (body.candidates.length) {
      await trx
        .insertInto('agenda_item_candidates')
        .values(
          body.candidates.map((c, i) => ({
            id: uuidv7(ctx.random, ctx.clock.now().getTime()),
            agenda_item_id: id,
            person_id: c.personId ?? null,
            name: c.name,
            current_post: c.currentPost ?? null,
            proposed_post: c.proposedPost,
            sort_order: i,
          })),
        )
        .execute();
    }
    await storeFindings(trx, ctx, body.unitId, 'agenda_item', id, findings);
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: body.paperApprovedOn ? 'decisions.item_paper_entered' : 'decisions.item_proposed',
      entityType: 'agenda_item',
      entityId: id,
      unitId: body.unitId,
      after: {
        title: body.title,
        kind,
        catalogueId: entry.id,
        amountFen: body.amountFen ?? null,
        candidates: body.candidates.map((c) => c.name),
      },
      details: { tzydCategory: cls.category, tzydAuto: cls.auto, paperApprovedOn: body.paperApprovedOn ?? null },
    });
  });
  return { id, findings };
}

export async function patchItem(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: Partial<
    Pick<
      ItemBody,
      'title' | 'summary' | 'amountFen' | 'projectAmountFen' | 'sponsorPersonId' | 'legalRiskNote' | 'exploratoryReform'
    >
  >,
  meta: RequestMeta,
) {
  const { item, seats } = await getReadableItem(ctx, actor, id);
  requireSeat(canManage(seats) || item.proposed_by === actor.userId, '只有提出人或党组办公室可以修改议题');
  if (!['proposed', 'approved'].includes(item.status)) throw invalidState('议题已列入会议或已决定，不能修改');
  await assertPersonInUnit(ctx.db, patch.sponsorPersonId, item.unit_id, 'sponsorPersonId');
  const amountFen = patch.amountFen === undefined ? item.amount_fen : patch.amountFen;
  const projectAmountFen = patch.projectAmountFen === undefined ? item.project_amount_fen : patch.projectAmountFen;
  const { cls, findings } = await prepare(ctx, {
    unitId: item.unit_id,
    catalogueId: item.catalogue_id,
    kind: item.kind as ItemKind,
    amountFen,
    projectAmountFen,
  });
  const before = {
    title: item.title,
    summary: item.summary,
    amountFen: item.amount_fen,
    projectAmountFen: item.project_amount_fen,
    sponsorPersonId: item.sponsor_person_id,
    legalRiskNote: item.legal_risk_note,
    exploratoryReform: toBool(item.exploratory_reform),
  };
  const after = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('agenda_items')
      .set({
        title: after.title,
        summary: after.summary,
        amount_fen: after.amountFen,
        project_amount_fen: after.projectAmountFen,
        sponsor_person_id: after.sponsorPersonId,
        legal_risk_note: after.legalRiskNote,
        exploratory_reform: fromBool(after.exploratoryReform),
        tzyd_category: cls.category,
        tzyd_auto: fromBool(cls.auto),
        important: fromBool(toBool(item.important) || cls.category !== null),
        updated_at: nowIso(ctx.clock),
      })
      .where('id', '=', id)
      .execute();
    await storeFindings(trx, ctx, item.unit_id, 'agenda_item', id, findings);
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'decisions.item_updated',
      entityType: 'agenda_item',
      entityId: id,
      unitId: item.unit_id,
      before,
      after,
    });
  });
  return { findings };
}

/** PG-05: the secretary decides the topics. The approval date decides whether an item is "prior" (ZZ-03). */
export async function approveItem(ctx: AppContext, actor: Actor, id: string, meta: RequestMeta): Promise<void> {
  const { item, seats } = await getReadableItem(ctx, actor, id);
  requireSeat(canApproveItems(seats), '议题由书记确定（PG-05）');
  if (item.status !== 'proposed') {
    throw invalidState(`议题当前为“${ITEM_STATUS_LABELS[item.status as ItemStatus] ?? item.status}”，不能再确定`);
  }
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('agenda_items')
      .set({
        status: 'approved',
        approved_by: actor.userId,
        approved_at: now,
        approved_on: today(ctx.clock),
        updated_at: now,
      })
      .where('id', '=', id)
      .where('status', '=', 'proposed')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw invalidState('议题状态已变化，请刷新');
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'decisions.item_approved',
      entityType: 'agenda_item',
      entityId: id,
      unitId: item.unit_id,
      details: { rule: 'PG-05' },
    });
  });
}

export async function withdrawItem(ctx: AppContext, actor: Actor, id: string, meta: RequestMeta): Promise<void> {
  const { item, seats } = await getReadableItem(ctx, actor, id);
  requireSeat(
    canManage(seats) || item.proposed_by === actor.userId || canApproveItems(seats),
    '只有提出人、书记或党组办公室可以撤回议题',
  );
  if (!['proposed', 'approved'].includes(item.status)) {
    throw invalidState('议题已列入会议或已决定，不能撤回（请先从会议议程中移出）');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('agenda_items')
      .set({ status: 'withdrawn', updated_at: nowIso(ctx.clock) })
      .where('id', '=', id)
      .execute();
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'decisions.item_withdrawn',
      entityType: 'agenda_item',
      entityId: id,
      unitId: item.unit_id,
      before: { status: item.status },
      after: { status: 'withdrawn' },
    });
  });
}

/** Register a decision taken outside any meeting (DC-03, PG-15, ZZ-03): recorded, flagged, never blocked. */
export async function registerOutside(
  ctx: AppContext,
  actor: Actor,
  body: {
    unitId: string;
    title: string;
    summary: string;
    catalogueId: string;
    amountFen?: number | null | undefined;
    decidedOn: string;
    decidedByPersonId?: string | null | undefined;
    decidedHow: string;
    decisionText: string;
  },
  meta: RequestMeta,
) {
  requireSeat(canManage(readSeats(actor, body.unitId, '单位')), '只有党组办公室可以登记会外决定事项');
  if (body.decidedOn > today(ctx.clock)) throw invalidField('decidedOn', '决定日期不能晚于今天');
  await assertPersonInUnit(ctx.db, body.decidedByPersonId, body.unitId, 'decidedByPersonId');
  const { entry, kind, cls, findings } = await prepare(ctx, {
    unitId: body.unitId,
    catalogueId: body.catalogueId,
    amountFen: body.amountFen ?? null,
  });
  const rules = await rulesFor(ctx, body.unitId, body.decidedOn, ['DC-03', 'PG-15', 'ZZ-03']);
  const collective = toBool(entry.collective_required) || cls.category !== null;
  if (collective) findings.push(outsideFinding(rules, 'DC-03', body.title, cls.category));
  if (toBool(entry.major_decision) || cls.category === 'major_matter') {
    findings.push(outsideFinding(rules, 'PG-15', body.title, cls.category));
  }
  if (kind === 'personnel') findings.push(outsideFinding(rules, 'ZZ-03', body.title, cls.category));
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('agenda_items')
      .values({
        id,
        unit_id: body.unitId,
        catalogue_id: entry.id,
        title: body.title,
        summary: body.summary,
        kind,
        tzyd_category: cls.category,
        tzyd_auto: fromBool(cls.auto),
        collective_required: entry.collective_required,
        amount_fen: body.amountFen ?? null,
        project_amount_fen: null,
        important: fromBool(toBool(entry.important) || cls.category !== null),
        major_decision: entry.major_decision,
        technical: entry.technical,
        stability_risk: entry.stability_risk,
        not_public: entry.not_public,
        exploratory_reform: 0,
        legal_risk_note: null,
        sponsor_person_id: null,
        proposed_by: actor.userId,
        proposed_at: now,
        approved_by: null,
        approved_at: null,
        approved_on: null,
        status: 'decided',
        origin: 'outside_meeting',
        paper_entry: 1,
        deferred_count: 0,
        decided_on: body.decidedOn,
        outcome: 'passed',
        decision_text: body.decisionText,
        decided_how: body.decidedHow,
        decided_by_person_id: body.decidedByPersonId ?? null,
        decided_meeting_item_id: null,
        amends_item_id: null,
        amend_kind: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await storeFindings(trx, ctx, body.unitId, 'agenda_item', id, findings);
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'decisions.outside_registered',
      entityType: 'agenda_item',
      entityId: id,
      unitId: body.unitId,
      after: { title: body.title, decidedOn: body.decidedOn, decidedHow: body.decidedHow },
      details: { rules: findings.map((f) => f.ruleId) },
    });
  });
  return { id, findings };
}

function outsideFinding(
  rules: Awaited<ReturnType<typeof rulesFor>>,
  id: 'DC-03' | 'PG-15' | 'ZZ-03',
  title: string,
  category: string | null,
): Finding {
  const rc = rules[id];
  if (!rc) throw new Error(`rule ${id} not loaded`);
  const zh = {
    'DC-03': `“${title}”属须集体决策事项，未经会议讨论表决即作出决定，涉嫌规避集体决策（DC-03）。`,
    'PG-15': `重大决策不得以文件圈阅、个别征求意见等方式代替会议决定（PG-15）：“${title}”。`,
    'ZZ-03': `干部任免事项未召开党组会议讨论决定（ZZ-03 第三项）：“${title}”。`,
  }[id];
  return finding(id, { title, category }, rc.params, {
    zh,
    en: `${id}: "${title}" was decided outside a meeting.`,
    kind: 'warn',
  });
}

// ── state changes driven by the meetings module (inside its transaction) ─────

/** The item went on a meeting's agenda. */
export async function markScheduled(trx: Executor, id: string, now: string): Promise<void> {
  await trx.updateTable('agenda_items').set({ status: 'scheduled', updated_at: now }).where('id', '=', id).execute();
}

/** Removed from an agenda, or deferred (PG-18): back to the pool of approved items. */
export async function returnToPool(trx: Executor, id: string, now: string, deferred: boolean): Promise<void> {
  const row = await trx
    .selectFrom('agenda_items')
    .select('deferred_count')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('agenda_items')
    .set({
      status: 'approved',
      decided_on: null,
      outcome: null,
      decided_meeting_item_id: null,
      updated_at: now,
      deferred_count: row.deferred_count + (deferred ? 1 : 0),
    })
    .where('id', '=', id)
    .execute();
}

/** A meeting settled the item. A passed suspension suspends the original decision's open tasks (ZD-09). */
export async function recordOutcome(
  trx: Executor,
  id: string,
  o: { result: string; meetingItemId: string; decidedOn: string; now: string },
): Promise<void> {
  // Every candidate deferred (缓议 leading, SE-09): the item goes back to a later agenda.
  if (o.result === 'deferred') return returnToPool(trx, id, o.now, true);
  const status = o.result === 'passed' || o.result === 'partial' ? 'decided' : 'not_passed';
  await trx
    .updateTable('agenda_items')
    .set({
      status,
      outcome: o.result,
      decided_on: o.decidedOn,
      decided_meeting_item_id: o.meetingItemId,
      updated_at: o.now,
    })
    .where('id', '=', id)
    .execute();
  const item = await trx
    .selectFrom('agenda_items')
    .select(['amends_item_id', 'amend_kind', 'title'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  if (status === 'decided' && item.amends_item_id && item.amend_kind === 'suspend') {
    await trx
      .updateTable('decision_tasks')
      .set({ status: 'suspended', suspended_reason: `经会议决定中止执行：${item.title}`, updated_at: o.now })
      .where('agenda_item_id', '=', item.amends_item_id)
      .where('status', 'in', ['not_started', 'in_progress'])
      .execute();
  }
}

/**
 * SE-09: a passed reconsideration puts the original personnel item back to a vote as a new item
 * (the original decision stays as it was recorded).
 */
export async function createRevoteItem(
  ctx: AppContext,
  trx: Executor,
  reconsiderationItemId: string,
  userId: string,
  now: string,
): Promise<string | null> {
  const rec = await trx
    .selectFrom('agenda_items')
    .select(['amends_item_id'])
    .where('id', '=', reconsiderationItemId)
    .executeTakeFirstOrThrow();
  if (!rec.amends_item_id) return null;
  const orig = await trx
    .selectFrom('agenda_items')
    .selectAll()
    .where('id', '=', rec.amends_item_id)
    .executeTakeFirstOrThrow();
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  await trx
    .insertInto('agenda_items')
    .values({
      ...orig,
      id,
      title: `（复议）${orig.title}`,
      proposed_by: userId,
      proposed_at: now,
      approved_by: userId,
      approved_at: now,
      approved_on: today(ctx.clock),
      status: 'approved',
      origin: 'agenda',
      paper_entry: 0,
      deferred_count: 0,
      decided_on: null,
      outcome: null,
      decision_text: null,
      decided_how: null,
      decided_by_person_id: null,
      decided_meeting_item_id: null,
      amends_item_id: orig.id,
      amend_kind: 'change',
      created_at: now,
      updated_at: now,
    })
    .execute();
  const cands = await trx
    .selectFrom('agenda_item_candidates')
    .selectAll()
    .where('agenda_item_id', '=', orig.id)
    .execute();
  if (cands.length) {
    await trx
      .insertInto('agenda_item_candidates')
      .values(cands.map((c) => ({ ...c, id: uuidv7(ctx.random, ctx.clock.now().getTime()), agenda_item_id: id })))
      .execute();
  }
  return id;
}

export function assertItemExists<T>(x: T | undefined, what = '议题'): T {
  if (!x) throw new AppError('NOT_FOUND', `${what}不存在或无权查看`);
  return x;
}
