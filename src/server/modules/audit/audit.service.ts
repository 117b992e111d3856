/**
 * Audit log queries for the auditor. Dates are Beijing dates; instants are stored in UTC.
 */
import { endOfDayInstant } from '../../../common/time.js';
import { addDays } from '../../../common/dates.js';
import type { AppContext } from '../../context.js';
import { fromJson, type Executor } from '../../db/helpers.js';
import { type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import { AppError, invalidField } from '../../../common/errors.js';
import { readAuditHead } from '../../platform/audit.js';
import type { AuditHead } from '../../platform/audit-commit.js';
import { readCheckpointFile } from '../../platform/audit-checkpoints.js';
import { RESTORE_ACTION, verifyAuditLog, type AuditVerifyResult } from '../../platform/audit-verify.js';
import * as repo from './audit.repository.js';

export async function searchEvents(
  ctx: AppContext,
  q: {
    actor?: string | undefined;
    unitId?: string | undefined;
    action?: string | undefined;
    entityId?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  const { total, rows } = await repo.searchEvents(ctx.db, {
    actor: q.actor,
    unitId: q.unitId,
    action: q.action,
    entityId: q.entityId,
    // A Beijing date runs from 00:00 to 24:00 Beijing time.
    fromInstant: q.from ? endOfDayInstant(addDays(q.from, -1)).toISOString() : undefined,
    toInstant: q.to ? endOfDayInstant(q.to).toISOString() : undefined,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    items: rows.map((r) => ({
      seq: r.seq,
      id: r.id,
      at: r.at,
      actorUserId: r.actor_user_id,
      actorName: r.actor_name,
      unitId: r.unit_id,
      unitName: r.unit_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      changedFields: fromJson<string[]>(r.changed_fields, []),
      beforeMac: r.before_mac,
      afterMac: r.after_mac,
      details: fromJson<Record<string, unknown>>(r.details, {}),
      requestId: r.request_id,
      hash: r.hash,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Verify the chain and the checkpoints: the server's checkpoint file, or the files given (an auditor's copy). */
export function verifyLog(ctx: AppContext, checkpointFiles?: readonly string[]): Promise<AuditVerifyResult> {
  return verifyAuditLog(ctx.db, {
    key: ctx.auditKey,
    checkpointFiles: checkpointFiles?.length ? checkpointFiles : [ctx.config.auditCheckpointFile],
  });
}

export async function verify(ctx: AppContext, actor: Actor, meta: RequestMeta) {
  const result = await verifyLog(ctx);
  if (ctx.checkpoints.lastError) {
    result.warnings.push(
      `服务器最近一次写检查点失败：${ctx.checkpoints.lastError}（请检查 ${ctx.checkpoints.file} 能否写入）`,
    );
  }
  // The verification itself is recorded (after the check, so it does not change what was checked).
  await ctx.db.transaction().execute((trx) =>
    ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'audit.verified',
      entityType: 'audit_log',
      details: {
        ok: result.ok,
        checked: result.checked,
        brokenAt: result.broken?.seq ?? null,
        checkpoint: result.checkpoint.status,
      },
    }),
  );
  return result;
}

/**
 * After restoring a backup (an operator on the server, who holds the audit key): the database is
 * behind the checkpoints. Record that as a declared gap, so verify reports it as declared and not
 * as truncation: a keyed restore line in the checkpoint file, then an `audit.restored` event naming
 * the backup's head and the last head lost. Refused when the database is not behind, when its chain
 * is broken, or when its head is not the head a checkpoint recorded at that seq (not a backup of
 * this log).
 */
export async function declareRestore(ctx: AppContext, note: string): Promise<{ restored: AuditHead; lost: AuditHead }> {
  if (!note.trim()) throw invalidField('note', '请说明恢复的原因和所用备份');
  const check = await verifyLog(ctx);
  if (check.broken && check.broken.kind !== 'truncated') {
    throw new AppError(
      'INVALID_STATE',
      `审计日志本身已断裂（第 ${check.broken.seq} 条：${check.broken.reason}），不能声明为恢复`,
    );
  }
  if (check.checkpoint.problems.length) {
    throw new AppError('INVALID_STATE', `检查点文件有问题，不能声明恢复：${check.checkpoint.problems.join('；')}`);
  }
  const head = await readAuditHead(ctx.db);
  const cps = readCheckpointFile(ctx.config.auditCheckpointFile, ctx.auditKey);
  let lost: AuditHead | null = null;
  for (const [seq, e] of cps.effective) if (!lost || seq > lost.seq) lost = { seq, hash: e.hash };
  if (!lost || lost.seq <= head.seq) {
    throw new AppError('INVALID_STATE', '数据库没有落后于检查点：无需声明恢复');
  }
  const atHead = cps.effective.get(head.seq);
  if (atHead && atHead.hash !== head.hash) {
    throw new AppError('INVALID_STATE', `恢复后的数据库第 ${head.seq} 条与检查点不符：不是本系统审计日志的备份`);
  }
  const restored = { seq: head.seq, hash: head.hash };
  // The line first: the event's own commit checkpoint must come after it in the file.
  ctx.checkpoints.appendRestore(restored, lost, note.trim());
  await ctx.db.transaction().execute((trx) =>
    ctx.audit.record(
      trx,
      { actorUserId: null, actorName: 'cli', requestId: null },
      {
        action: RESTORE_ACTION,
        entityType: 'audit_log',
        details: {
          restoredHeadSeq: restored.seq,
          restoredHeadHash: restored.hash,
          lostThroughSeq: lost.seq,
          lostThroughHash: lost.hash,
          matchedCheckpoint: !!atHead,
          note: note.trim(),
        },
      },
    ),
  );
  return { restored, lost };
}

/**
 * The events of some records with some actions, oldest first (for modules that show a record's
 * own trail, e.g. who read a personal-matters report). Callers decide who may see them.
 */
export async function eventsOfEntities(
  db: Executor,
  entityType: string,
  entityIds: readonly string[],
  actions: readonly string[],
) {
  if (!entityIds.length || !actions.length) return [];
  const rows = await repo.eventsOfEntities(db, entityType, entityIds, actions);
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actorUserId: r.actor_user_id,
    actorName: r.actor_name,
    action: r.action,
    entityId: r.entity_id,
    details: fromJson<Record<string, unknown>>(r.details, {}),
  }));
}
