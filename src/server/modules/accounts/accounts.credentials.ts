/**
 * Shared steps of account administration: issuing activation codes (AC-02), refusing under an
 * account rule with the refusal written to the audit log (so the auditor sees the attempt), and
 * the facts about a person or an account that the policies and the audit log need.
 */
import type { Transaction } from 'kysely';
import type { Activation } from '../../../common/contracts/accounts.js';
import { AppError, type ErrorCode } from '../../../common/errors.js';
import { finding } from '../../../common/rules/finding.js';
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/database.js';
import type { Executor } from '../../db/helpers.js';
import { auditActorOf, type Actor, type RequestMeta } from '../../http/actor.js';
import type { AuditActor } from '../../platform/audit.js';
import { formatPart, newCodePart, NO_PASSWORD, partDigest, storedDigests } from './accounts.codes.js';
import * as repo from './accounts.repository.js';
import { pendingBatchItemOf } from './accounts.batches.repository.js';
import type { AccountFacts } from './accounts.policy.js';
import type { AdminRole } from '../../../common/roles.js';

export type AccountRuleId = 'AC-01' | 'AC-02' | 'AC-03';

/** The server's command line acts as 'cli' (no account), with the operating-system user. */
export function cliActor(): AuditActor {
  return {
    actorUserId: null,
    actorName: `cli (${process.env.USER ?? process.env.USERNAME ?? 'unknown'})`,
    requestId: null,
  };
}

/** A new code part for an account: the text to hand over and the digest to keep. */
export function newPart(ctx: AppContext, userId: string): { text: string; digest: string } {
  const part = newCodePart(ctx.random);
  return { text: formatPart(part), digest: partDigest(userId, part) };
}

export function activationOf(
  username: string,
  text: string,
  part: number,
  parts: number,
  expiresAt: string | null,
): Activation {
  return { username, code: text, part, parts, expiresAt };
}

/**
 * Open a new activation code on an account: the old password, any older code, the sessions and
 * the lockouts go; the holder sets a password with the code before it expires. Audited.
 */
export async function issueActivation(
  ctx: AppContext,
  trx: Transaction<Database>,
  by: AuditActor,
  target: { id: string; username: string },
  digests: string[],
  details: Record<string, unknown>,
): Promise<string> {
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + ctx.config.activationHours * 3_600_000).toISOString();
  await repo.updateUser(trx, target.id, {
    password_hash: NO_PASSWORD,
    must_change_password: 0,
    activation_hash: storedDigests(digests),
    activation_expires_at: expiresAt,
    updated_at: now.toISOString(),
  });
  await repo.deleteSessionsOfUser(trx, target.id);
  await repo.deleteLockoutsOfUser(trx, target.id);
  await ctx.audit.record(trx, by, {
    action: 'accounts.activation_issued',
    entityType: 'user',
    entityId: target.id,
    details: { username: target.username, parts: digests.length, expiresAt, ruleId: 'AC-02', ...details },
  });
  return expiresAt;
}

/**
 * Refuse under an account rule: the error carries the rule's finding (citation, label), and the
 * attempt goes to the audit log in its own transaction, so it is kept although the action fails.
 */
export async function refuse(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  r: {
    ruleId: AccountRuleId;
    attempt: string;
    message_zh: string;
    message_en: string;
    code?: ErrorCode;
    field?: string;
    entityId?: string | null;
    facts?: Record<string, unknown>;
  },
): Promise<AppError> {
  const facts = { attempt: r.attempt, ...(r.facts ?? {}) };
  const f = finding(r.ruleId, facts, {}, { zh: r.message_zh, en: r.message_en });
  await ctx.db.transaction().execute((trx) =>
    ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'accounts.refused',
      entityType: 'user',
      entityId: r.entityId ?? null,
      details: { ruleId: r.ruleId, ...facts, ip: meta.ip, message: r.message_zh },
    }),
  );
  return new AppError(r.code ?? 'FORBIDDEN', r.message_zh, {
    ...(r.field ? { field: r.field } : {}),
    findings: [f],
  });
}

/** Name and unit of a person for requests and the audit log; 400 naming the field when unknown. */
export async function personFacts(db: Executor, personId: string, field = 'personId') {
  const p = await repo.personSummary(db, personId);
  if (!p) throw new AppError('VALIDATION_FAILED', '关联的人员档案不存在', { field });
  return { personId: p.id, personName: p.name, unitName: p.unit_name };
}

/** Refuses a link to a person who already has an account or a pending link (409, naming the field). */
export async function assertPersonFree(db: Executor, personId: string, exceptUserId?: string): Promise<void> {
  const holder = await repo.accountOfPerson(db, personId);
  if (holder && holder.id !== exceptUserId) {
    throw new AppError('CONFLICT', `该人员已关联账户 ${holder.username}`, { field: 'personId' });
  }
  const pending = await repo.pendingLinkOfPerson(db, personId);
  if (pending) {
    throw new AppError('CONFLICT', `该人员已有待确认的关联申请（账户 ${pending.username}）`, { field: 'personId' });
  }
  const inBatch = await pendingBatchItemOf(db, personId);
  if (inBatch) {
    throw new AppError('CONFLICT', `该人员已在待确认的批量开设申请中（账户 ${inBatch.username}）`, {
      field: 'personId',
    });
  }
}

/** What the policies need to know of an account: admin role, person, business grants. */
export async function accountFacts(
  db: Executor,
  user: { id: string; admin_role: string | null; person_id: string | null },
): Promise<AccountFacts> {
  const grants = await repo.activeGrantsOfUser(db, user.id);
  return {
    adminRole: user.admin_role as AccountFacts['adminRole'],
    personId: user.person_id,
    hasGrants: grants.length > 0,
  };
}

export { NO_PASSWORD };

const ROLE_ZH: Record<AdminRole, string> = {
  system_admin: '系统管理员',
  security_admin: '安全管理员',
  auditor: '安全审计员',
};

/**
 * The admin roles that own an account endpoint; anyone else is refused under AC-01, and the
 * attempt is logged (an admin reaching for another admin's work is what the auditor looks for).
 */
export async function requireAdminRole(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  roles: readonly AdminRole[],
  attempt: string,
): Promise<void> {
  if (actor.adminRole && roles.includes(actor.adminRole)) return;
  throw await refuse(ctx, actor, meta, {
    ruleId: 'AC-01',
    attempt,
    message_zh: `此操作由${roles.map((r) => ROLE_ZH[r]).join('或')}办理（三员分立）`,
    message_en: `Only ${roles.join(' or ')} may do this (three separated admins)`,
    facts: { role: actor.adminRole ?? 'business' },
  });
}
