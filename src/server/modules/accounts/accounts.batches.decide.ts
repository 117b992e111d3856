/**
 * Deciding an account batch (issue 16 §1; AC-01): the security admin confirms or rejects it as a
 * whole, never the requester (for the CLI: not the same operating-system user); the requester may
 * withdraw it. Confirmation creates the accounts linked to their people (business roles come only
 * from the person's posts); a person who meanwhile got an account, or whose username was taken, is
 * skipped with the reason. Audited in the same transaction.
 */
import type { AccountBatchDetail } from '../../../common/contracts/account-batches.js';
import { AppError, notFound } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import { nowIso } from '../../platform/clock.js';
import { getBatch, isRequester, refuseBatch, type BatchWho } from './accounts.batches.js';
import { createBatchAccounts } from './accounts.batches.create.js';
import * as brepo from './accounts.batches.repository.js';
import type { BatchRow } from './accounts.batches.table.js';

async function loadPending(ctx: AppContext, id: string): Promise<BatchRow> {
  const b = await brepo.findBatch(ctx.db, id);
  if (!b) throw notFound('批量申请');
  if (b.status !== 'pending') {
    const zh = { confirmed: '已确认', rejected: '已驳回', cancelled: '已撤回' }[b.status] ?? b.status;
    throw new AppError('INVALID_STATE', `该批量申请已处理（${zh}），不能再确认、驳回或撤回`);
  }
  return b;
}

/** Only the security admin decides, never the requester (for the CLI: not the same operating-system user). */
async function assertMayDecide(ctx: AppContext, who: BatchWho, b: BatchRow): Promise<void> {
  if (who.adminRole !== 'security_admin') {
    throw await refuseBatch(
      ctx,
      who,
      b.id,
      'confirm_batch',
      '批量开设关联人员的账户须由安全管理员确认或驳回（三员分立）',
      'Only the security admin confirms or rejects a batch of linked accounts',
    );
  }
  if (isRequester(b, who)) {
    throw await refuseBatch(
      ctx,
      who,
      b.id,
      'confirm_batch',
      '不能确认本人提出的批量申请：须由另一类管理员确认（三员分立）',
      'You cannot confirm your own batch',
    );
  }
}

/** Confirm the batch: create the accounts linked to their people, skipping any that cannot be. */
export async function confirmBatch(ctx: AppContext, who: BatchWho, id: string): Promise<AccountBatchDetail> {
  const b = await loadPending(ctx, id);
  await assertMayDecide(ctx, who, b);
  if (!b.first_issued_at) {
    throw new AppError('INVALID_STATE', '申请人尚未下载第 1 段激活码，暂不能确认：请申请人先下载后再确认');
  }
  await ctx.db.transaction().execute(async (trx) => {
    const items = await brepo.itemsOf(trx, id);
    const { created, skipped } = await createBatchAccounts(ctx, trx, who.audit, b, items);
    const now = nowIso(ctx.clock);
    await brepo.updateBatch(trx, id, {
      status: 'confirmed',
      decided_by: who.userId,
      decided_by_name: who.name,
      decided_at: now,
    });
    await ctx.audit.record(trx, who.audit, {
      action: 'accounts.batch_confirmed',
      entityType: 'account_batch',
      entityId: id,
      details: { created, skipped, requestedBy: b.requested_by_name, ruleId: 'AC-01' },
    });
  });
  return getBatch(ctx, who, id);
}

export async function rejectBatch(ctx: AppContext, who: BatchWho, id: string, reason: string | null): Promise<void> {
  const b = await loadPending(ctx, id);
  await assertMayDecide(ctx, who, b);
  await close(ctx, who, b, 'rejected', reason);
}

export async function cancelBatch(ctx: AppContext, who: BatchWho, id: string): Promise<void> {
  const b = await loadPending(ctx, id);
  if (!isRequester(b, who)) {
    throw await refuseBatch(
      ctx,
      who,
      id,
      'cancel_batch',
      '只有申请人本人可以撤回批量申请',
      'Only the requester may withdraw a batch',
    );
  }
  await close(ctx, who, b, 'cancelled', null);
}

async function close(
  ctx: AppContext,
  who: BatchWho,
  b: BatchRow,
  status: 'rejected' | 'cancelled',
  reason: string | null,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await brepo.updateBatch(trx, b.id, {
      status,
      decided_by: who.userId,
      decided_by_name: who.name,
      decided_at: nowIso(ctx.clock),
      reason,
    });
    await ctx.audit.record(trx, who.audit, {
      action: status === 'rejected' ? 'accounts.batch_rejected' : 'accounts.batch_cancelled',
      entityType: 'account_batch',
      entityId: b.id,
      details: { reason, requestedBy: b.requested_by_name, ruleId: 'AC-01' },
    });
  });
}
