/**
 * What happens to a record after it is written (issue 10), each by the discipline office with
 * authority, in one transaction with its audit event: an inquiry's extension, reply and outcome
 * (TX-04), a case's conclusion (its open periods end that day, IP-09), a revocation (撤销: the
 * periods are voided from their start, history stays, 政务处分法 Art. 57) and a change (变更: a new
 * record from the original effective day replaces it, Art. 58).
 */
import type { ChangeRecord, RecordView } from '../../../common/contracts/supervision.js';
import { AppError, forbidden } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import { auditActorOf, type Actor, type RequestMeta } from '../../http/actor.js';
import type { AuditEventInput } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { closeInfluencePeriodsOf, voidInfluencePeriodsOf } from '../eligibility/index.js';
import type { Database } from '../../db/database.js';
import type { Transaction } from 'kysely';
import { canManage } from './supervision.policy.js';
import * as repo from './supervision.repository.js';
import { getRecord, planRecord, readable, SOURCE } from './records.service.js';

type Step = (
  r: repo.RecordWithNames,
  trx: Transaction<Database>,
) => Promise<Omit<AuditEventInput, 'entityType' | 'entityId' | 'unitId'>>;

async function change(ctx: AppContext, actor: Actor, meta: RequestMeta, id: string, step: Step): Promise<RecordView> {
  const { r, person } = await readable(ctx, actor, id);
  if (!canManage(actor, person)) throw forbidden('只有具有干部管理权限的纪检部门可以办理');
  await ctx.db.transaction().execute(async (trx) => {
    const ev = await step(r, trx);
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      ...ev,
      entityType: 'supervision_record',
      entityId: r.id,
      unitId: r.unit_id,
    });
  });
  return getRecord(ctx, actor, meta, id);
}

const conflict = (message: string, field?: string) => new AppError('CONFLICT', message, field ? { field } : {});

function inquiry(r: repo.RecordWithNames, status: string) {
  if (r.kind !== 'inquiry_letter') throw conflict('这不是函询记录');
  if (r.status !== status) throw conflict(status === 'issued' ? '函询已回复或已了结' : '函询尚未回复或已了结');
}

export function extendInquiry(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  b: { replyDue: string; reason: string },
) {
  return change(ctx, actor, meta, id, async (r, trx) => {
    inquiry(r, 'issued');
    if (r.reply_due !== null && b.replyDue <= r.reply_due) {
      throw new AppError('VALIDATION_FAILED', `延期后的回复期限应晚于原期限 ${r.reply_due}（TX-04）`, {
        field: 'replyDue',
      });
    }
    await repo.updateRecord(trx, r.id, {
      reply_due: b.replyDue,
      extension_reason: b.reason,
      updated_at: nowIso(ctx.clock),
    });
    return {
      action: 'supervision.inquiry_extended',
      before: { replyDue: r.reply_due },
      after: { replyDue: b.replyDue },
    };
  });
}

export function replyInquiry(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  b: { repliedOn: string; reply: string; outcome?: string },
) {
  return change(ctx, actor, meta, id, async (r, trx) => {
    inquiry(r, 'issued');
    if (b.repliedOn < (r.received_on ?? r.issued_on)) {
      throw new AppError('VALIDATION_FAILED', `回复日期 ${b.repliedOn} 早于收到函询的日期（TX-04）`, {
        field: 'repliedOn',
      });
    }
    const reply_enc = ctx.crypto.encrypt(JSON.stringify(b.reply), {
      table: 'supervision_records',
      column: 'reply_enc',
      rowId: r.id,
    });
    await repo.updateRecord(trx, r.id, {
      replied_on: b.repliedOn,
      reply_enc,
      status: b.outcome ? 'closed' : 'replied',
      outcome: b.outcome ?? null,
      updated_at: nowIso(ctx.clock),
    });
    const late = r.reply_due !== null && b.repliedOn > r.reply_due;
    return { action: 'supervision.inquiry_replied', details: { late, outcome: b.outcome ?? null } };
  });
}

export function closeInquiry(ctx: AppContext, actor: Actor, meta: RequestMeta, id: string, b: { outcome: string }) {
  return change(ctx, actor, meta, id, async (r, trx) => {
    inquiry(r, 'replied');
    await repo.updateRecord(trx, r.id, { status: 'closed', outcome: b.outcome, updated_at: nowIso(ctx.clock) });
    return { action: 'supervision.inquiry_closed', details: { outcome: b.outcome } };
  });
}

export function concludeCase(ctx: AppContext, actor: Actor, meta: RequestMeta, id: string, b: { concludedOn: string }) {
  return change(ctx, actor, meta, id, async (r, trx) => {
    if (r.kind !== 'case_open' || r.status !== 'open') throw conflict('这不是审查调查中的案件');
    if (b.concludedOn < r.effective_on) {
      throw new AppError('VALIDATION_FAILED', `结案日期 ${b.concludedOn} 早于立案日期 ${r.effective_on}（IP-09）`, {
        field: 'concludedOn',
      });
    }
    await repo.updateRecord(trx, r.id, {
      status: 'concluded',
      concluded_on: b.concludedOn,
      updated_at: nowIso(ctx.clock),
    });
    await closeInfluencePeriodsOf(trx, ctx, auditActorOf(actor, meta.requestId), {
      type: SOURCE,
      id: r.id,
      endDate: b.concludedOn,
      unitId: r.unit_id,
    });
    return { action: 'supervision.case_concluded', details: { concludedOn: b.concludedOn } };
  });
}

export function revokeRecord(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  b: { revokedOn: string; reason: string },
) {
  return change(ctx, actor, meta, id, async (r, trx) => {
    if (r.status !== 'in_force') throw conflict('只有执行中的处分、处理可以撤销');
    const voided = await voidInfluencePeriodsOf(trx, ctx, auditActorOf(actor, meta.requestId), {
      type: SOURCE,
      id: r.id,
      on: b.revokedOn,
      unitId: r.unit_id,
    });
    await repo.updateRecord(trx, r.id, {
      status: 'revoked',
      revoked_on: b.revokedOn,
      revoke_reason: b.reason,
      updated_at: nowIso(ctx.clock),
    });
    return { action: 'supervision.record_revoked', details: { periodsVoided: voided.length } };
  });
}

/** 变更: the new decision replaces the old one from the original effective day (Art. 58), in one transaction. */
export async function changeRecord(ctx: AppContext, actor: Actor, meta: RequestMeta, id: string, b: ChangeRecord) {
  const { r, person } = await readable(ctx, actor, id);
  if (!canManage(actor, person)) throw forbidden('只有具有干部管理权限的纪检部门可以办理');
  if (r.status !== 'in_force') throw conflict('只有执行中的处分、处理可以变更');
  const next = await planRecord(
    ctx,
    actor,
    meta,
    { ...b, personId: r.person_id, groupId: r.group_id ?? r.id },
    {
      id,
      effectiveOn: r.effective_on,
    },
  );
  const by = auditActorOf(actor, meta.requestId);
  await ctx.db.transaction().execute(async (trx) => {
    const voided = await voidInfluencePeriodsOf(trx, ctx, by, {
      type: SOURCE,
      id,
      on: r.effective_on,
      unitId: r.unit_id,
    });
    await repo.updateRecord(trx, id, { status: 'changed', replaced_by: next.id, updated_at: nowIso(ctx.clock) });
    await next.write(trx);
    await ctx.audit.record(trx, by, {
      action: 'supervision.record_changed',
      entityType: 'supervision_record',
      entityId: id,
      unitId: r.unit_id,
      details: { replacedBy: next.id, periodsVoided: voided.length },
    });
  });
  return getRecord(ctx, actor, meta, next.id);
}
