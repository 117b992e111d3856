/**
 * Requests that a second admin confirms (AC-01): the system admin asks, an admin of another kind
 * (the security admin for anything touching a person) confirms or rejects, the requester may
 * withdraw. A request that issues credentials splits the activation code: the requester saw the
 * first half when asking, the confirmer sees the second half when confirming.
 */
import type { Transaction } from 'kysely';
import type {
  AccountChangeResult,
  AccountRequest,
  Activation,
  RequestKind,
} from '../../../common/contracts/accounts.js';
import { AppError, notFound } from '../../../common/errors.js';
import type { AdminRole } from '../../../common/roles.js';
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/database.js';
import { fromJson, isUniqueViolation, toJson } from '../../db/helpers.js';
import { type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import { nowIso } from '../../platform/clock.js';
import { uuidv7 } from '../../platform/random.js';
import { activationOf, newPart, refuse } from './accounts.credentials.js';
import { apply, type RequestPayload, type RequestRow } from './accounts.apply.js';
import { confirmRefusal, issuesCredentials } from './accounts.policy.js';
import * as repo from './accounts.repository.js';

const REQUEST_LABELS: Record<RequestKind, string> = {
  link_person: '关联人员',
  unlink_person: '解除关联人员',
  reset_linked: '重置已关联人员账户',
  create_admin: '新建管理员账户',
  enable_admin: '启用管理员账户',
  disable_admin: '停用管理员账户',
  reset_admin: '重置管理员账户',
};

/**
 * Open a request inside the caller's transaction; when it issues credentials, make the first half
 * of the code now (shown to the requester once, kept as a digest). Audited with the person's name
 * and record id when a person is concerned.
 */
export async function openRequest(
  ctx: AppContext,
  trx: Transaction<Database>,
  actor: Actor,
  meta: RequestMeta,
  input: { kind: RequestKind; userId: string; username: string; personId?: string | null; payload: RequestPayload },
): Promise<{ requestId: string; activation: Activation | null }> {
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  const half = issuesCredentials(input.kind) ? newPart(ctx, input.userId) : null;
  await repo.insertRequest(trx, {
    id,
    kind: input.kind,
    status: 'pending',
    user_id: input.userId,
    username: input.username,
    person_id: input.personId ?? null,
    payload: toJson(input.payload),
    code_hash: half?.digest ?? null,
    requested_by: actor.userId,
    requested_at: nowIso(ctx.clock),
    decided_by: null,
    decided_at: null,
    reason: null,
  });
  await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
    action: 'accounts.request_created',
    entityType: 'user',
    entityId: input.userId,
    details: {
      requestId: id,
      kind: input.kind,
      label: REQUEST_LABELS[input.kind],
      username: input.username,
      adminRole: input.payload.adminRole,
      personId: input.personId ?? null,
      personName: input.payload.personName ?? null,
      unitName: input.payload.unitName ?? null,
      codeHalves: half ? 2 : 0,
      ruleId: 'AC-01',
      ip: meta.ip,
    },
  });
  return { requestId: id, activation: half ? activationOf(input.username, half.text, 1, 2, null) : null };
}

function present(r: RequestRow, viewer: Actor): AccountRequest {
  const payload = fromJson<RequestPayload>(r.payload, { displayName: r.username, adminRole: null });
  const kind = r.kind as RequestKind;
  const pending = r.status === 'pending';
  const refusal = confirmRefusal(viewer, {
    kind,
    requestedBy: r.requested_by,
    requesterRole: r.requester_role as AdminRole | null,
  });
  return {
    id: r.id,
    kind,
    status: r.status as AccountRequest['status'],
    userId: r.user_id,
    username: r.username,
    displayName: payload.displayName,
    adminRole: payload.adminRole,
    personId: r.person_id,
    personName: payload.personName ?? null,
    unitName: payload.unitName ?? null,
    requestedBy: r.requested_by,
    requestedByName: r.requested_by_name,
    requestedAt: r.requested_at,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at,
    reason: r.reason,
    canConfirm: pending && refusal === null,
    canCancel: pending && r.requested_by === viewer.userId,
  };
}

export async function listRequests(ctx: AppContext, viewer: Actor, status: 'pending' | 'all') {
  const rows = await repo.listRequests(ctx.db, status === 'pending');
  return rows.map((r) => present(r, viewer));
}

async function loadPending(ctx: AppContext, id: string): Promise<RequestRow> {
  const r = await repo.findRequest(ctx.db, id);
  if (!r) throw notFound('申请');
  if (r.status !== 'pending') {
    const zh = { confirmed: '已确认', rejected: '已驳回', cancelled: '已撤回' }[r.status] ?? r.status;
    throw new AppError('INVALID_STATE', `该申请已处理（${zh}），不能再确认、驳回或撤回`);
  }
  return r;
}

async function assertMayDecide(ctx: AppContext, actor: Actor, meta: RequestMeta, r: RequestRow): Promise<void> {
  const refusal = confirmRefusal(actor, {
    kind: r.kind as RequestKind,
    requestedBy: r.requested_by,
    requesterRole: r.requester_role as AdminRole | null,
  });
  if (refusal) {
    throw await refuse(ctx, actor, meta, {
      ruleId: 'AC-01',
      ...refusal,
      entityId: r.user_id,
      facts: { requestId: r.id, kind: r.kind, username: r.username, requestedBy: r.requested_by },
    });
  }
}

export async function confirmRequest(
  ctx: AppContext,
  actor: Actor,
  id: string,
  meta: RequestMeta,
): Promise<AccountChangeResult> {
  const r = await loadPending(ctx, id);
  await assertMayDecide(ctx, actor, meta, r);
  try {
    const activation = await ctx.db.transaction().execute(async (trx) => {
      const second = await apply(ctx, trx, actor, meta, r);
      await repo.updateRequest(trx, r.id, {
        status: 'confirmed',
        decided_by: actor.userId,
        decided_at: nowIso(ctx.clock),
      });
      await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
        action: 'accounts.request_confirmed',
        entityType: 'user',
        entityId: r.user_id,
        details: { requestId: r.id, kind: r.kind, label: REQUEST_LABELS[r.kind as RequestKind], username: r.username },
      });
      return second;
    });
    return { status: 'done', userId: r.user_id, requestId: r.id, activation };
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', '用户名或人员已被其他账户占用，请驳回此申请');
    throw e;
  }
}

export async function rejectRequest(
  ctx: AppContext,
  actor: Actor,
  id: string,
  reason: string | undefined,
  meta: RequestMeta,
): Promise<void> {
  const r = await loadPending(ctx, id);
  await assertMayDecide(ctx, actor, meta, r);
  await decide(ctx, actor, meta, r, 'rejected', reason ?? null);
}

export async function cancelRequest(ctx: AppContext, actor: Actor, id: string, meta: RequestMeta): Promise<void> {
  const r = await loadPending(ctx, id);
  if (r.requested_by !== actor.userId) {
    throw await refuse(ctx, actor, meta, {
      ruleId: 'AC-01',
      attempt: 'cancel_request',
      message_zh: '只有申请人本人可以撤回申请',
      message_en: 'Only the requester may withdraw a request',
      entityId: r.user_id,
      facts: { requestId: r.id, kind: r.kind },
    });
  }
  await decide(ctx, actor, meta, r, 'cancelled', null);
}

async function decide(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  r: RequestRow,
  status: 'rejected' | 'cancelled',
  reason: string | null,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateRequest(trx, r.id, { status, decided_by: actor.userId, decided_at: nowIso(ctx.clock), reason });
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: status === 'rejected' ? 'accounts.request_rejected' : 'accounts.request_cancelled',
      entityType: 'user',
      entityId: r.user_id,
      details: {
        requestId: r.id,
        kind: r.kind,
        label: REQUEST_LABELS[r.kind as RequestKind],
        username: r.username,
        reason,
      },
    });
  });
}
