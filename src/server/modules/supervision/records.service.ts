/**
 * Supervision records (issue 10): recording a talk, reminder, inquiry letter, admonition, handling,
 * sanction or case writes the record (texts encrypted), its influence periods (eligibility's door)
 * and the audit event in one transaction; every response with decrypted texts is audited as a read.
 */
import type { CreateRecord, RecordView } from '../../../common/contracts/supervision.js';
import { AppError, forbidden, notFound } from '../../../common/errors.js';
import { RuleError } from '../../../common/rules/finding.js';
import { tierOf, type MeasureKind } from '../../../common/supervision.js';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/database.js';
import { fromBool, toJson, type Executor } from '../../db/helpers.js';
import { auditActorOf, managedUnitIds, unitsWithRole, type Actor, type RequestMeta } from '../../http/actor.js';
import { nowIso, today } from '../../platform/clock.js';
import { uuidv7 } from '../../platform/random.js';
import { influencePeriodsOfSource, recordInfluencePeriods } from '../eligibility/index.js';
import { loadPersonScope, type PersonScopeFacts } from '../people/index.js';
import { ruleContext } from '../rules/index.js';
import { canManage, canRecord, readerOf, visibleTexts, type Reader } from './supervision.policy.js';
import { periodsOf, type ParamsOf } from './supervision.periods.js';
import { present } from './supervision.presenter.js';
import * as repo from './supervision.repository.js';
import { effectsOf, misplacedField, refusalsOf, replyDue } from './supervision.rules.js';

export const SOURCE = 'supervision_record';
const RULES = [
  'TX-04',
  'IP-01',
  'IP-02',
  'IP-03',
  'IP-04',
  'IP-05',
  'IP-06',
  'IP-07',
  'IP-09',
  'NS-04',
  'KH-06',
  'SE-05',
];

/** The parameters in force for a unit on a date, for the pure rules. */
export async function paramsFor(ctx: AppContext, unitId: string, at: string, db: Executor = ctx.db): Promise<ParamsOf> {
  const contexts = await Promise.all(RULES.map((id) => ruleContext(ctx, id, unitId, at, db)));
  const byId = new Map(contexts.map((c) => [c.rule.id, c.params]));
  return (id) => byId.get(id) ?? {};
}

async function personOr404(ctx: AppContext, personId: string): Promise<PersonScopeFacts & { name: string }> {
  const p = await loadPersonScope(ctx.db, personId, today(ctx.clock));
  if (!p) throw new AppError('NOT_FOUND', '人员不存在或无权查看', { field: 'personId' });
  return p;
}

function sealText(ctx: AppContext, value: string, column: 'summary_enc' | 'allegations_enc' | 'reply_enc', id: string) {
  return ctx.crypto.encrypt(JSON.stringify(value), { table: 'supervision_records', column, rowId: id });
}

/** Write a record, its periods and its audit event in one transaction. */
export async function createRecord(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  input: CreateRecord,
): Promise<RecordView> {
  const plan = await planRecord(ctx, actor, meta, input);
  await ctx.db.transaction().execute(plan.write);
  return getRecord(ctx, actor, meta, plan.id);
}

/**
 * Check a new record (authority, then the rules: a refusal writes nothing) and return its id and
 * the writing of the record, its periods and its audit event, for the caller's transaction.
 */
export async function planRecord(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  input: CreateRecord,
  replaces?: { id: string; effectiveOn: string },
): Promise<{ id: string; write: (trx: Transaction<Database>) => Promise<void> }> {
  const person = await personOr404(ctx, input.personId);
  const reader = readerOf(actor, person, { createdBy: null, confidential: false, kind: input.kind });
  if (!canRecord(actor, person, input.kind)) {
    if (reader === 'none' && !actor.ownUnitIds.includes(person.unitId)) {
      throw new AppError('NOT_FOUND', '人员不存在或无权查看', { field: 'personId' });
    }
    throw forbidden('只有具有干部管理权限的纪检部门可以登记此类监督记录；本级党组书记可以登记提醒和谈心谈话（TX-03）');
  }
  if (input.allegations && !canManage(actor, person)) {
    throw new AppError('FORBIDDEN', '问题线索只能由纪检部门登记', { field: 'allegations' });
  }
  const misplaced = misplacedField(input);
  if (misplaced) throw new AppError('VALIDATION_FAILED', misplaced.message, { field: misplaced.field });
  if (input.groupId && !(await repo.groupOfPerson(ctx.db, person.id, input.groupId))) {
    throw new AppError('NOT_FOUND', '所关联的监督记录不存在（应为同一人的记录）', { field: 'groupId' });
  }
  const now = today(ctx.clock);
  const input2: CreateRecord = replaces ? { ...input, effectiveOn: replaces.effectiveOn } : input;
  const params = await paramsFor(ctx, person.unitId, now);
  const refusals = refusalsOf(input2, now, params, { replacing: replaces !== undefined });
  const first = refusals[0];
  if (first) {
    throw new RuleError(
      refusals.map((r) => r.finding),
      { field: first.field },
    );
  }
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  const effectiveOn = input2.effectiveOn ?? input2.issuedOn;
  const kind: MeasureKind = input2.kind;
  const tier = input2.tier ?? tierOf(kind);
  if (input2.tier !== undefined && input2.tier !== tierOf(kind) && !input2.tierReason) {
    throw new AppError('VALIDATION_FAILED', '调整“四种形态”归类须说明理由（TX-01）', { field: 'tierReason' });
  }
  const due =
    kind === 'inquiry_letter' ? replyDue(await ctx.calendar.table(), input2.issuedOn, input2.receivedOn, params) : null;
  const status =
    kind === 'inquiry_letter'
      ? 'issued'
      : kind === 'case_open'
        ? 'open'
        : periodsOf({ kind, effectiveOn }, params).length
          ? 'in_force'
          : 'recorded';
  const planned = periodsOf(
    {
      kind,
      effectiveOn,
      probationMonths: input2.probationMonths,
      dutyRelated: input2.dutyRelated,
      accountability: input2.accountability,
      statedMonths: input2.statedMonths ?? null,
    },
    params,
  );
  const at = nowIso(ctx.clock);
  const by = auditActorOf(actor, meta.requestId);
  const write = async (trx: Transaction<Database>) => {
    await repo.insertRecord(trx, {
      id,
      person_id: person.id,
      unit_id: person.unitId,
      kind,
      tier,
      tier_override_reason: input2.tierReason ?? null,
      group_id: input2.groupId ?? null,
      issued_on: input2.issuedOn,
      effective_on: effectiveOn,
      issuer: input2.issuer,
      issuer_level: input2.issuerLevel,
      confidential: fromBool(input2.confidential),
      summary_enc: sealText(ctx, input2.summary, 'summary_enc', id),
      allegations_enc: input2.allegations ? sealText(ctx, input2.allegations, 'allegations_enc', id) : null,
      status,
      received_on: input2.receivedOn ?? null,
      reply_due: due,
      probation_months: input2.probationMonths ?? null,
      duty_related: input2.dutyRelated === undefined ? null : fromBool(input2.dutyRelated),
      accountability: input2.accountability === undefined ? null : fromBool(input2.accountability),
      stated_months: input2.statedMonths ?? null,
      combined_kinds: input2.combinedKinds ? toJson(input2.combinedKinds) : null,
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
    });
    await recordInfluencePeriods(
      trx,
      ctx,
      by,
      planned.map((p) => ({
        personId: person.id,
        measure: kind,
        ruleId: p.ruleId,
        sourceType: SOURCE,
        sourceId: id,
        startDate: p.start,
        endDate: p.end,
        blocks: p.blocks,
        unitId: person.unitId,
      })),
    );
    await ctx.audit.record(trx, by, {
      action: 'supervision.record_created',
      entityType: 'supervision_record',
      entityId: id,
      unitId: person.unitId,
      details: {
        personId: person.id,
        kind,
        tier,
        effectiveOn,
        periods: planned.length,
        replaces: replaces?.id ?? null,
      },
    });
  };
  return { id, write };
}

async function readable(ctx: AppContext, actor: Actor, id: string) {
  const r = await repo.findRecord(ctx.db, id);
  if (!r) throw notFound('监督记录');
  const person = await personOr404(ctx, r.person_id);
  const reader = readerOf(actor, person, {
    createdBy: r.created_by,
    confidential: r.confidential === 1,
    kind: r.kind as MeasureKind,
  });
  if (reader === 'none') throw notFound('监督记录');
  return { r, person, reader };
}

async function readEvent(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  rows: readonly repo.RecordWithNames[],
  reader: (r: repo.RecordWithNames) => Reader,
  purpose: 'view' | 'list',
) {
  const events = rows
    .filter((r) => visibleTexts(reader(r), r.kind as MeasureKind).summary)
    .map((r) => ({
      action: 'supervision.record_read',
      entityType: 'supervision_record',
      entityId: r.id,
      unitId: r.unit_id,
      details: { purpose, personId: r.person_id, self: actor.personId === r.person_id },
    }));
  if (events.length) {
    await ctx.db.transaction().execute((t) => ctx.audit.recordMany(t, auditActorOf(actor, meta.requestId), events));
  }
}

export async function getRecord(ctx: AppContext, actor: Actor, meta: RequestMeta, id: string): Promise<RecordView> {
  const { r, person, reader } = await readable(ctx, actor, id);
  const now = today(ctx.clock);
  const periods = await influencePeriodsOfSource(ctx.db, SOURCE, r.id);
  const params = await paramsFor(ctx, r.unit_id, now);
  const live = periods.filter((p) => p.voided_on === null);
  const effects = effectsOf(
    live.map((p) => ({
      ruleId: p.rule_id,
      measure: r.kind as MeasureKind,
      start: p.start_date,
      end: p.end_date,
      blocks: JSON.parse(p.blocks) as never,
    })),
    params,
  );
  await readEvent(ctx, actor, meta, [r], () => reader, 'view');
  return present(ctx, r, reader, { today: now, periods, effects, canManage: canManage(actor, person) });
}

export async function listRecords(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  q: { personId?: string; unitId?: string; kind?: string; overdue?: '1' },
): Promise<RecordView[]> {
  if (actor.adminRole !== null) throw forbidden('三员不查看监督记录');
  const unitIds = [...new Set([...managedUnitIds(actor), ...unitsWithRole(actor, ['personnel', 'discipline'])])];
  const rows = await repo.candidateRecords(ctx.db, { unitIds, userId: actor.userId, personId: actor.personId }, q);
  const now = today(ctx.clock);
  const people = new Map<string, PersonScopeFacts>();
  for (const id of new Set(rows.map((r) => r.person_id))) {
    const p = await loadPersonScope(ctx.db, id, now);
    if (p) people.set(id, p);
  }
  const readerOfRow = (r: repo.RecordWithNames): Reader => {
    const p = people.get(r.person_id);
    return p
      ? readerOf(actor, p, { createdBy: r.created_by, confidential: r.confidential === 1, kind: r.kind as MeasureKind })
      : 'none';
  };
  const visible = rows.filter((r) => readerOfRow(r) !== 'none');
  const views = visible
    .map((r) =>
      present(ctx, r, readerOfRow(r), {
        today: now,
        periods: [],
        effects: [],
        canManage: canManage(actor, people.get(r.person_id) as PersonScopeFacts),
      }),
    )
    .filter((v) => q.overdue !== '1' || v.overdue);
  await readEvent(
    ctx,
    actor,
    meta,
    visible.filter((r) => views.some((v) => v.id === r.id)),
    readerOfRow,
    'list',
  );
  return views;
}

export { readable };
