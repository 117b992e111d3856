/**
 * Account administration by the system admin (AC-01, AC-02): create, change, reset, unlock.
 * Nobody chooses another account's password: every new or reset account gets an activation code.
 * What opens business access or an admin seat (a person link, an admin account) waits for a
 * second admin through a request (accounts.requests.ts); the rest is done at once.
 */
import type { AccountChangeResult, User } from '../../../common/contracts/accounts.js';
import { AppError, invalidField, notFound } from '../../../common/errors.js';
import type { AdminRole } from '../../../common/roles.js';
import type { AppContext } from '../../context.js';
import { isUniqueViolation, toCount } from '../../db/helpers.js';
import { type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import type { AuditActor } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { uuidv7 } from '../../platform/random.js';
import { credentialState, NO_PASSWORD } from './accounts.codes.js';
import {
  accountFacts,
  activationOf,
  assertPersonFree,
  issueActivation,
  newPart,
  personFacts,
  refuse,
} from './accounts.credentials.js';
import { resetKind, statusKind } from './accounts.policy.js';
import * as repo from './accounts.repository.js';
import { openRequest } from './accounts.requests.js';

const done = (userId: string, activation: AccountChangeResult['activation'] = null): AccountChangeResult => ({
  status: 'done',
  userId,
  requestId: null,
  activation,
});

async function assertUsernameFree(ctx: AppContext, username: string): Promise<void> {
  if ((await repo.findUserByUsername(ctx.db, username)) || (await repo.pendingCreateOfUsername(ctx.db, username))) {
    throw new AppError('CONFLICT', '用户名已存在，或已有以此用户名新建管理员的待确认申请', { field: 'username' });
  }
}

async function assertNoPendingRequest(ctx: AppContext, userId: string): Promise<void> {
  const pending = await repo.pendingRequestOfUser(ctx.db, userId);
  if (pending) throw new AppError('CONFLICT', '该账户已有待确认的申请，请等待确认或撤回后再提出');
}

/** A new business account without a password (it waits for its activation code). */
export function newUserRow(ctx: AppContext, id: string, username: string, displayName: string) {
  const now = nowIso(ctx.clock);
  return {
    id,
    username,
    display_name: displayName,
    password_hash: NO_PASSWORD,
    person_id: null,
    admin_role: null,
    status: 'active',
    failed_logins: 0,
    locked_until: null,
    must_change_password: 0,
    password_changed_at: now,
    last_login_at: null,
    is_demo: 0,
    created_at: now,
    updated_at: now,
  };
}

/**
 * Create an account. A business account is created at once with no password; unlinked it gets a
 * one-part code, linked it waits for the security admin (first half now). An admin account is
 * only requested: it is created when an admin of another kind confirms.
 */
export async function createAccount(
  ctx: AppContext,
  actor: Actor,
  input: { username: string; displayName: string; adminRole: AdminRole | null; personId: string | null },
  meta: RequestMeta,
): Promise<AccountChangeResult> {
  await assertUsernameFree(ctx, input.username);
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  const payload = { displayName: input.displayName, adminRole: input.adminRole };
  if (input.adminRole) {
    const req = await ctx.db
      .transaction()
      .execute((trx) =>
        openRequest(ctx, trx, actor, meta, { kind: 'create_admin', userId: id, username: input.username, payload }),
      );
    return { status: 'pending_confirmation', userId: null, ...req };
  }
  const person = input.personId ? await personFacts(ctx.db, input.personId) : null;
  if (person) await assertPersonFree(ctx.db, person.personId);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      await repo.insertUser(trx, newUserRow(ctx, id, input.username, input.displayName));
      const by = auditActorOf(actor, meta.requestId);
      await ctx.audit.record(trx, by, {
        action: 'accounts.user_created',
        entityType: 'user',
        entityId: id,
        after: { username: input.username, displayName: input.displayName, adminRole: null, personId: null },
        details: { username: input.username, adminRole: null, linkRequestedFor: person },
      });
      if (person) {
        const req = await openRequest(ctx, trx, actor, meta, {
          kind: 'link_person',
          userId: id,
          username: input.username,
          personId: person.personId,
          payload: { ...payload, personName: person.personName, unitName: person.unitName },
        });
        return { status: 'pending_confirmation' as const, userId: id, ...req };
      }
      const part = newPart(ctx, id);
      const expiresAt = await issueActivation(ctx, trx, by, { id, username: input.username }, [part.digest], {
        reason: 'created',
      });
      return done(id, activationOf(input.username, part.text, 1, 1, expiresAt));
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', '用户名已存在', { field: 'username' });
    throw e;
  }
}

/**
 * Change an account: the display name and a business account's status at once; an admin's
 * status and any person link through a request.
 */
export async function updateAccount(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: {
    displayName?: string | undefined;
    status?: 'active' | 'disabled' | undefined;
    personId?: string | null | undefined;
  },
  meta: RequestMeta,
): Promise<AccountChangeResult> {
  const user = await repo.findUserById(ctx.db, id);
  if (!user) throw notFound('账户');
  if (patch.personId && user.admin_role) {
    throw await refuse(ctx, actor, meta, {
      ruleId: 'AC-01',
      attempt: 'link_admin_account',
      message_zh: '管理员账户不能关联人员档案（三员分立）',
      message_en: 'An admin account cannot be linked to a person',
      code: 'VALIDATION_FAILED',
      field: 'personId',
      entityId: id,
      facts: { username: user.username, personId: patch.personId },
    });
  }
  if (id === actor.userId && patch.status === 'disabled') throw invalidField('status', '不能停用自己的账户');
  const facts = await accountFacts(ctx.db, user);
  const status = patch.status && patch.status !== user.status ? patch.status : undefined;
  const statusRequest = status ? statusKind(facts, status) : null;
  const personChange = patch.personId !== undefined && patch.personId !== user.person_id && !user.admin_role;
  const person = personChange && patch.personId ? await personFacts(ctx.db, patch.personId) : null;
  if (statusRequest || personChange) await assertNoPendingRequest(ctx, id);
  if (person) await assertPersonFree(ctx.db, person.personId, id);
  const displayName = patch.displayName ?? user.display_name;
  const immediateStatus = status && !statusRequest ? status : user.status;
  return ctx.db.transaction().execute(async (trx) => {
    if (displayName !== user.display_name || immediateStatus !== user.status) {
      await repo.updateUser(trx, id, {
        display_name: displayName,
        status: immediateStatus,
        updated_at: nowIso(ctx.clock),
      });
      if (immediateStatus === 'disabled') await repo.deleteSessionsOfUser(trx, id);
      await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
        action: 'accounts.user_updated',
        entityType: 'user',
        entityId: id,
        before: { displayName: user.display_name, status: user.status },
        after: { displayName, status: immediateStatus },
        details: { username: user.username },
      });
    }
    const base = { userId: id, username: user.username };
    const payload = { displayName, adminRole: user.admin_role as AdminRole | null };
    if (statusRequest) {
      const req = await openRequest(ctx, trx, actor, meta, { ...base, kind: statusRequest, payload });
      return { status: 'pending_confirmation' as const, userId: id, ...req };
    }
    if (personChange) {
      const old = !person && user.person_id ? await personFacts(trx, user.person_id) : null;
      const shown = person ?? old;
      const req = await openRequest(ctx, trx, actor, meta, {
        ...base,
        kind: person ? 'link_person' : 'unlink_person',
        personId: shown?.personId ?? null,
        payload: { ...payload, personName: shown?.personName ?? null, unitName: shown?.unitName ?? null },
      });
      return { status: 'pending_confirmation' as const, userId: id, ...req };
    }
    return done(id);
  });
}

/**
 * Reset an account's credentials: an account that opens nothing gets a new one-part code at once;
 * an admin account or one with business access waits for a second admin (first half now).
 */
export async function resetAccount(
  ctx: AppContext,
  actor: Actor,
  id: string,
  meta: RequestMeta,
): Promise<AccountChangeResult> {
  const user = await repo.findUserById(ctx.db, id);
  if (!user) throw notFound('账户');
  const kind = resetKind(await accountFacts(ctx.db, user));
  if (kind) await assertNoPendingRequest(ctx, id);
  return ctx.db.transaction().execute(async (trx) => {
    if (kind) {
      const payload = { displayName: user.display_name, adminRole: user.admin_role as AdminRole | null };
      const req = await openRequest(ctx, trx, actor, meta, { kind, userId: id, username: user.username, payload });
      return { status: 'pending_confirmation' as const, userId: id, ...req };
    }
    const part = newPart(ctx, id);
    const by = auditActorOf(actor, meta.requestId);
    const expiresAt = await issueActivation(ctx, trx, by, user, [part.digest], { reason: 'reset' });
    return done(id, activationOf(user.username, part.text, 1, 1, expiresAt));
  });
}

/** Clear every lockout of an account (all addresses). Audited; returns how many were cleared. */
export async function unlockAccount(ctx: AppContext, by: AuditActor, id: string): Promise<number> {
  const user = await repo.findUserById(ctx.db, id);
  if (!user) throw notFound('账户');
  return ctx.db.transaction().execute(async (trx) => {
    const n = await repo.deleteLockoutsOfUser(trx, id);
    await ctx.audit.record(trx, by, {
      action: 'accounts.unlocked',
      entityType: 'user',
      entityId: id,
      details: { username: user.username, addresses: n, ruleId: 'AC-03' },
    });
    return n;
  });
}

/** Every account with its credential state, lockouts and pending request. */
export async function listAccounts(ctx: AppContext): Promise<User[]> {
  const now = ctx.clock.now();
  const [rows, locks, pending] = await Promise.all([
    repo.listUsers(ctx.db),
    repo.runningLockouts(ctx.db, now.toISOString()),
    repo.pendingRequestKinds(ctx.db),
  ]);
  const lockOf = new Map(locks.map((l) => [l.user_id, l]));
  const pendingOf = new Map(pending.map((p) => [p.user_id, p.kind as User['pendingRequest']]));
  return rows.map((r) => {
    const lock = lockOf.get(r.id);
    const credential = credentialState(r, now);
    return {
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      personId: r.person_id,
      personName: r.person_name,
      unitName: r.unit_name,
      adminRole: r.admin_role as AdminRole | null,
      status: r.status as 'active' | 'disabled',
      credential,
      activationExpiresAt:
        credential === 'code_issued' || credential === 'code_expired' ? r.activation_expires_at : null,
      lockedUntil: lock?.until ? String(lock.until) : null,
      lockedAddresses: lock ? toCount(lock.n) : 0,
      pendingRequest: pendingOf.get(r.id) ?? null,
      lastLoginAt: r.last_login_at,
      createdAt: r.created_at,
    };
  });
}
