/**
 * Creating the accounts of a confirmed batch, inside the confirming transaction: each account is
 * linked to its person at once (business roles come only from the person's posts) and waits,
 * without a password, for its activation code (issued when the confirmer takes the second halves).
 * A person who meanwhile got an account, or whose username is now taken, is skipped with the reason.
 */
import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/database.js';
import type { AuditActor } from '../../platform/audit.js';
import { newUserRow } from './accounts.admin.js';
import * as brepo from './accounts.batches.repository.js';
import type { BatchItemRow, BatchRow } from './accounts.batches.table.js';
import * as repo from './accounts.repository.js';

async function skipReason(trx: Transaction<Database>, item: BatchItemRow): Promise<string | null> {
  const person = await repo.personSummary(trx, item.person_id);
  if (!person) return '人员档案已不存在';
  const holder = await repo.accountOfPerson(trx, item.person_id);
  if (holder) return `该人员已关联账户 ${holder.username}，未重复开设`;
  if (await repo.findUserByUsername(trx, item.username)) return `用户名 ${item.username} 已被占用`;
  return null;
}

export async function createBatchAccounts(
  ctx: AppContext,
  trx: Transaction<Database>,
  by: AuditActor,
  b: BatchRow,
  items: BatchItemRow[],
): Promise<{ created: number; skipped: number }> {
  let created = 0;
  let skipped = 0;
  for (const item of items) {
    if (item.outcome !== 'pending') continue;
    const reason = await skipReason(trx, item);
    if (reason) {
      skipped++;
      await brepo.updateItem(trx, b.id, item.seq, { outcome: 'skipped', note: reason });
      continue;
    }
    await repo.insertUser(trx, {
      ...newUserRow(ctx, item.user_id, item.username, item.person_name),
      person_id: item.person_id,
    });
    const common = { batchId: b.id, requestedBy: b.requested_by_name, ruleId: 'AC-01' };
    await ctx.audit.record(trx, by, {
      action: 'accounts.user_created',
      entityType: 'user',
      entityId: item.user_id,
      after: { username: item.username, displayName: item.person_name, adminRole: null, personId: item.person_id },
      details: { username: item.username, adminRole: null, ...common },
    });
    await ctx.audit.record(trx, by, {
      action: 'accounts.person_linked',
      entityType: 'user',
      entityId: item.user_id,
      before: { personId: null },
      after: { personId: item.person_id },
      details: {
        username: item.username,
        personId: item.person_id,
        personName: item.person_name,
        unitName: item.unit_name,
        ...common,
      },
    });
    await brepo.updateItem(trx, b.id, item.seq, { outcome: 'created' });
    created++;
  }
  return { created, skipped };
}
