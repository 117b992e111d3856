/**
 * Statutory procedures of a major administrative decision (ZD-03..ZD-06) recorded as steps with
 * evidence, experts with their conflict declarations (ZD-04), pre-consultation notes per member
 * (个别酝酿, PG-01), and files (materials and evidence, stored with their SM3 digest).
 */
import { PROCEDURE_LABELS, type ProcedureBody } from '../../../common/contracts/decisions.js';
import { AppError, invalidField, notFound } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import { fromBool, isUniqueViolation, toBool, toJson } from '../../db/helpers.js';
import { type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import { assertNoBlocking, ruleRefusal, storeFindings, rulesFor } from '../rules/index.js';
import { nowIso, today } from '../../platform/clock.js';
import { sm3Hex } from '../../platform/crypto.js';
import { uuidv7 } from '../../platform/random.js';
import { canManage, canPropose, scopeUnitIds } from './decisions.policy.js';
import {
  expertFinding,
  legalityInputFindings,
  participationFindings,
  PROCEDURE_RULE,
  requiredProcedures,
} from './decisions.rules.js';
import { invalidState, requireSeat } from './decisions.support.js';
import { getReadableItem } from './items.service.js';

const OPEN_STATUSES = ['proposed', 'approved'];

function stepResult(body: ProcedureBody): string | null {
  switch (body.kind) {
    case 'legality':
      return body.result;
    case 'risk_assessment':
      return body.conclusion;
    case 'public_participation':
    case 'expert_review':
      return 'done';
  }
}

/** Record (or replace, while the item is not yet on an agenda) one procedure step, checking its own rules. */
export async function recordStep(
  ctx: AppContext,
  actor: Actor,
  itemId: string,
  body: ProcedureBody,
  meta: RequestMeta,
) {
  const { item, seats } = await getReadableItem(ctx, actor, itemId);
  requireSeat(canManage(seats), '法定程序由党组办公室登记');
  if (!toBool(item.major_decision)) {
    throw await ruleRefusal(
      ctx,
      'ZD-01',
      item.unit_id,
      today(ctx.clock),
      {
        zh: '该议题不属于重大行政决策事项，无需履行法定程序（ZD-01）',
        en: 'Not a major administrative decision: the statutory procedures do not apply (ZD-01).',
      },
      { code: 'VALIDATION_FAILED', field: 'kind', kind: 'info' },
    );
  }
  if (!OPEN_STATUSES.includes(item.status)) throw invalidState('议题已列入会议或已决定，法定程序记录不能再修改');
  const req = requiredProcedures({
    majorDecision: true,
    notPublic: toBool(item.not_public),
    technical: toBool(item.technical),
    stabilityRisk: toBool(item.stability_risk),
  });
  if (body.kind === 'public_participation' && !req.public_participation) {
    throw await ruleRefusal(
      ctx,
      'ZD-03',
      item.unit_id,
      today(ctx.clock),
      {
        zh: '该事项依法不予公开，无需公众参与（ZD-03）',
        en: 'The matter is legally non-public: no public participation (ZD-03).',
      },
      { code: 'VALIDATION_FAILED', field: 'kind', kind: 'info' },
    );
  }
  if (body.completedOn > today(ctx.clock)) throw invalidField('completedOn', '完成日期不能晚于今天');
  const ruleId = PROCEDURE_RULE[body.kind];
  const [rules, table] = await Promise.all([
    rulesFor(ctx, item.unit_id, body.completedOn, [ruleId]),
    ctx.calendar.table(),
  ]);
  if (body.kind === 'legality' && body.completedOn < body.sentOn) {
    throw invalidField('completedOn', '审查完成日期不能早于送审日期');
  }
  const findings =
    body.kind === 'legality'
      ? legalityInputFindings(rules, table, body)
      : body.kind === 'public_participation'
        ? participationFindings(rules, table, body)
        : [];
  assertNoBlocking(findings);
  const { kind, completedOn, ...data } = body;
  const now = nowIso(ctx.clock);
  const existing = await ctx.db
    .selectFrom('procedure_steps')
    .select(['id', 'data', 'result'])
    .where('agenda_item_id', '=', itemId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  const id = existing?.id ?? uuidv7(ctx.random, ctx.clock.now().getTime());
  await ctx.db.transaction().execute(async (trx) => {
    if (existing) {
      await trx
        .updateTable('procedure_steps')
        .set({ result: stepResult(body), completed_on: completedOn, data: toJson(data), updated_at: now })
        .where('id', '=', id)
        .execute();
    } else {
      await trx
        .insertInto('procedure_steps')
        .values({
          id,
          agenda_item_id: itemId,
          kind,
          result: stepResult(body),
          completed_on: completedOn,
          data: toJson(data),
          recorded_by: actor.userId,
          recorded_at: now,
          updated_at: now,
        })
        .execute();
    }
    await storeFindings(trx, ctx, item.unit_id, 'procedure_step', id, findings);
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: existing ? 'decisions.procedure_updated' : 'decisions.procedure_recorded',
      entityType: 'procedure_step',
      entityId: id,
      unitId: item.unit_id,
      before: existing ? { result: existing.result, data: existing.data } : null,
      after: { result: stepResult(body), data: toJson(data) },
      details: { kind, label: PROCEDURE_LABELS[kind], rule: ruleId, itemId },
    });
  });
  return { id, findings };
}

/** ZD-04: add an expert to the review; one who declares a direct interest is refused. */
export async function addExpert(
  ctx: AppContext,
  actor: Actor,
  itemId: string,
  body: {
    name: string;
    organization: string;
    field?: string | null | undefined;
    hasInterest: boolean;
    interestNote?: string | null | undefined;
    opinionSigned: boolean;
  },
  meta: RequestMeta,
) {
  const { item, seats } = await getReadableItem(ctx, actor, itemId);
  requireSeat(canManage(seats), '专家论证由党组办公室登记');
  if (!OPEN_STATUSES.includes(item.status)) throw invalidState('议题已列入会议或已决定，不能再增加论证专家');
  const step = await ctx.db
    .selectFrom('procedure_steps')
    .select('id')
    .where('agenda_item_id', '=', itemId)
    .where('kind', '=', 'expert_review')
    .executeTakeFirst();
  if (!step) throw invalidState('请先登记专家论证的方式与结论');
  if (body.hasInterest) {
    assertNoBlocking([expertFinding(await rulesFor(ctx, item.unit_id, today(ctx.clock), ['ZD-04']), body.name)]);
  }
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('procedure_experts')
      .values({
        id,
        step_id: step.id,
        name: body.name,
        organization: body.organization,
        field: body.field ?? null,
        opinion_signed: fromBool(body.opinionSigned),
        recorded_by: actor.userId,
        recorded_at: nowIso(ctx.clock),
      })
      .execute();
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'decisions.expert_added',
      entityType: 'procedure_step',
      entityId: step.id,
      unitId: item.unit_id,
      after: { name: body.name, organization: body.organization, hasInterest: false },
      details: { rule: 'ZD-04', itemId },
    });
  });
  return id;
}

/** PG-01: a pre-consultation note for one member; a member records their own, the office anyone's. */
export async function addConsultation(
  ctx: AppContext,
  actor: Actor,
  itemId: string,
  body: { personId: string; note: string; consultedOn: string },
  meta: RequestMeta,
) {
  const { item, seats } = await getReadableItem(ctx, actor, itemId);
  requireSeat(canPropose(seats), '只有班子成员或党组办公室可以记录个别酝酿');
  if (!canManage(seats) && body.personId !== actor.personId) {
    throw new AppError('FORBIDDEN', '班子成员只能记录本人的酝酿意见');
  }
  if (body.consultedOn > today(ctx.clock)) throw invalidField('consultedOn', '酝酿日期不能晚于今天');
  const member = await ctx.db
    .selectFrom('team_members')
    .select('id')
    .where('unit_id', '=', item.unit_id)
    .where('person_id', '=', body.personId)
    .where('is_party_group_member', '=', 1)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', body.consultedOn)]))
    .executeTakeFirst();
  if (!member) throw invalidField('personId', '酝酿对象应为本单位党组成员');
  if (['decided', 'not_passed', 'withdrawn'].includes(item.status)) {
    throw invalidState('议题已办结，不能再记录酝酿意见');
  }
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('item_consultations')
      .values({
        id,
        agenda_item_id: itemId,
        person_id: body.personId,
        note: body.note,
        consulted_on: body.consultedOn,
        recorded_by: actor.userId,
        recorded_at: nowIso(ctx.clock),
      })
      .execute();
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'decisions.consultation_recorded',
      entityType: 'agenda_item',
      entityId: itemId,
      unitId: item.unit_id,
      after: { personId: body.personId, note: body.note },
      details: { rule: 'PG-01' },
    });
  });
  return id;
}

const MAX_FILE_BYTES = 3 * 1024 * 1024;

/** Upload a material or evidence file (base64); stored with its SM3 digest. */
export async function uploadFile(
  ctx: AppContext,
  actor: Actor,
  itemId: string,
  body: {
    name: string;
    mime: string;
    contentBase64: string;
    owner: 'item' | 'procedure' | 'progress';
    ownerId?: string | undefined;
  },
  meta: RequestMeta,
) {
  const { item, seats } = await getReadableItem(ctx, actor, itemId);
  requireSeat(canPropose(seats), '只有班子成员或党组办公室可以上传材料');
  const bytes = Buffer.from(body.contentBase64, 'base64');
  if (bytes.length === 0) throw invalidField('contentBase64', '文件为空');
  if (bytes.length > MAX_FILE_BYTES) throw invalidField('contentBase64', '文件不能超过 3 MB');
  let ownerId = itemId;
  if (body.owner === 'procedure') {
    const step = body.ownerId
      ? await ctx.db
          .selectFrom('procedure_steps')
          .select('id')
          .where('id', '=', body.ownerId)
          .where('agenda_item_id', '=', itemId)
          .executeTakeFirst()
      : undefined;
    if (!step) throw invalidField('ownerId', '法定程序记录不存在');
    ownerId = step.id;
  } else if (body.owner === 'progress') {
    ownerId = itemId;
  }
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  const digest = sm3Hex(bytes);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('decision_files')
        .values({
          id,
          unit_id: item.unit_id,
          agenda_item_id: itemId,
          owner_type: body.owner,
          owner_id: ownerId,
          name: body.name,
          mime: body.mime,
          size: bytes.length,
          sm3: digest,
          content: bytes.toString('base64'),
          uploaded_by: actor.userId,
          uploaded_at: nowIso(ctx.clock),
        })
        .execute();
      await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
        action: 'decisions.file_uploaded',
        entityType: 'decision_file',
        entityId: id,
        unitId: item.unit_id,
        details: { itemId, owner: body.owner, size: bytes.length, sm3: digest },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', '文件已存在');
    throw e;
  }
  return { id, sm3: digest, size: bytes.length };
}

export async function getFile(ctx: AppContext, actor: Actor, fileId: string) {
  const f = await ctx.db
    .selectFrom('decision_files')
    .selectAll()
    .where('id', '=', fileId)
    .where('unit_id', 'in', [...scopeUnitIds(actor), '-'])
    .executeTakeFirst();
  if (!f) throw notFound('文件');
  await getReadableItem(ctx, actor, f.agenda_item_id);
  return { name: f.name, mime: f.mime, content: Buffer.from(f.content, 'base64') };
}
