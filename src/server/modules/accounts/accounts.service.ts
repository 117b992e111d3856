/**
 * Accounts use cases: login with lockout, sessions stored in the database, the actor of a
 * session, password changes, account administration (system admin) and role grants (security
 * admin). Every write runs in one transaction with its audit event.
 */
import { hash, verify } from '@node-rs/argon2';
import { AppError, invalidField, notFound } from '../../../common/errors.js';
import { checkPassword } from '../../../common/password.js';
import { ADMIN_ROLES, type AdminRole, type GrantableRole, type UnitRole } from '../../../common/roles.js';
import type { AppContext } from '../../context.js';
import { fromBool, isUniqueViolation, toBool } from '../../db/helpers.js';
import type { Actor } from '../../http/actor.js';
import type { AuditActor } from '../../platform/audit.js';
import { nowIso, today } from '../../platform/clock.js';
import { sm3Hex } from '../../platform/crypto.js';
import { token, uuidv7 } from '../../platform/random.js';
import * as repo from './accounts.repository.js';
import { afterFailure, isLocked, isSessionAlive, sessionExpiry } from './accounts.rules.js';

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** A hash to verify against when the user does not exist, so timing does not reveal user names. */
let dummyHash: string | null = null;

export function auditActorOf(actor: Actor | null, requestId: string | null = null): AuditActor {
  return { actorUserId: actor?.userId ?? null, actorName: actor?.displayName ?? null, requestId };
}

export async function hashPassword(pw: string): Promise<string> {
  return hash(pw);
}

function assertPasswordPolicy(pw: string, username: string, field: string): void {
  const problems = checkPassword(pw, username);
  if (problems.length) throw invalidField(field, problems.join('；'));
}

/** Log in: verify the password, apply lockout, create a session. Returns the cookie token. */
export async function login(
  ctx: AppContext,
  body: { username: string; password: string },
  meta: RequestMeta,
): Promise<{ token: string; userId: string }> {
  const now = ctx.clock.now();
  const user = await repo.findUserByUsername(ctx.db, body.username);
  const fail = (message: string, details: Record<string, unknown> = {}) =>
    new AppError('LOGIN_FAILED', message, { details });
  if (!user) {
    dummyHash ??= await hash('banzi-dummy-password');
    await verify(dummyHash, body.password);
    await ctx.db.transaction().execute((trx) =>
      ctx.audit.record(
        trx,
        { actorUserId: null, actorName: null, requestId: meta.requestId },
        {
          action: 'auth.login_failed',
          entityType: 'user',
          details: { reason: 'unknown_user', ip: meta.ip },
        },
      ),
    );
    throw fail('用户名或密码错误');
  }
  if (user.status !== 'active') throw fail('账户已停用，请联系系统管理员');
  if (isLocked({ failedLogins: user.failed_logins, lockedUntil: user.locked_until }, now)) {
    throw fail(`账户因连续 5 次密码错误已锁定 15 分钟，请稍后再试`, { lockedUntil: user.locked_until });
  }
  const ok = await verify(user.password_hash, body.password);
  const auditActor: AuditActor = { actorUserId: user.id, actorName: user.display_name, requestId: meta.requestId };
  if (!ok) {
    const next = afterFailure({ failedLogins: user.failed_logins, lockedUntil: user.locked_until }, now);
    await ctx.db.transaction().execute(async (trx) => {
      await repo.updateUser(trx, user.id, { failed_logins: next.failedLogins, locked_until: next.lockedUntil });
      await ctx.audit.record(trx, auditActor, {
        action: next.justLocked ? 'auth.locked' : 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        details: { ip: meta.ip, failures: next.justLocked ? 5 : next.failedLogins },
      });
    });
    if (next.justLocked) throw fail('连续 5 次密码错误，账户已锁定 15 分钟', { lockedUntil: next.lockedUntil });
    throw fail('用户名或密码错误');
  }
  const sessionToken = token(ctx.random);
  const exp = sessionExpiry(now, ctx.config.sessionIdleMinutes, ctx.config.sessionMaxHours);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteExpiredSessions(trx, now.toISOString());
    await trx
      .insertInto('sessions')
      .values({
        id: sm3Hex(sessionToken),
        user_id: user.id,
        csrf_token: token(ctx.random, 24),
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        idle_expires_at: exp.idle,
        absolute_expires_at: exp.absolute,
        ip: meta.ip,
        user_agent: meta.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    await repo.updateUser(trx, user.id, { failed_logins: 0, locked_until: null, last_login_at: now.toISOString() });
    await ctx.audit.record(trx, auditActor, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      details: { ip: meta.ip },
    });
  });
  return { token: sessionToken, userId: user.id };
}

export async function logout(ctx: AppContext, actor: Actor, meta: RequestMeta): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, actor.sessionId);
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'auth.logout',
      entityType: 'user',
      entityId: actor.userId,
    });
  });
}

/** The actor of a session token, or null when the session is unknown, expired or the user disabled. */
export async function resolveSession(ctx: AppContext, sessionToken: string): Promise<Actor | null> {
  const id = sm3Hex(sessionToken);
  const session = await repo.findSession(ctx.db, id);
  const now = ctx.clock.now();
  if (!session) return null;
  if (!isSessionAlive(session, now)) {
    await repo.deleteSession(ctx.db, id);
    return null;
  }
  const user = await repo.findUserById(ctx.db, session.user_id);
  if (!user || user.status !== 'active') return null;
  // Slide the idle timeout, at most once a minute to spare writes.
  if (now.getTime() - new Date(session.last_seen_at).getTime() > 60_000) {
    const exp = sessionExpiry(now, ctx.config.sessionIdleMinutes, ctx.config.sessionMaxHours);
    await ctx.db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString(), idle_expires_at: exp.idle })
      .where('id', '=', id)
      .execute();
  }
  return buildActor(ctx, user, { id, csrf: session.csrf_token });
}

async function buildActor(
  ctx: AppContext,
  user: NonNullable<Awaited<ReturnType<typeof repo.findUserById>>>,
  session: { id: string; csrf: string },
): Promise<Actor> {
  const base = {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    personId: user.person_id,
    sessionId: session.id,
    csrfToken: session.csrf,
    mustChangePassword: toBool(user.must_change_password),
  };
  if (user.admin_role) {
    return { ...base, adminRole: user.admin_role as AdminRole, roles: [], ownUnitIds: [], managed: [] };
  }
  const roles: UnitRole[] = (await repo.activeGrantsOfUser(ctx.db, user.id)).map((g) => ({
    role: g.role as GrantableRole,
    unitId: g.unit_id,
  }));
  if (user.person_id) {
    const unit = await repo.personUnitId(ctx.db, user.person_id);
    if (unit) roles.push({ role: 'staff', unitId: unit.unit_id });
    for (const p of await repo.currentTeamPosts(ctx.db, user.person_id, today(ctx.clock))) {
      roles.push({ role: 'member', unitId: p.unit_id });
      if (p.team_post === 'secretary') roles.push({ role: 'secretary', unitId: p.unit_id });
    }
  }
  const unique = [...new Map(roles.map((r) => [`${r.role}:${r.unitId}`, r])).values()];
  const authorityParents = unique.filter((r) => r.role === 'personnel' || r.role === 'discipline');
  const children = await repo.childUnits(ctx.db, [...new Set(authorityParents.map((r) => r.unitId))]);
  const managed = children.map((c) => ({
    unitId: c.id,
    roles: [
      ...new Set(
        authorityParents.filter((r) => r.unitId === c.parent_id).map((r) => r.role as 'personnel' | 'discipline'),
      ),
    ],
  }));
  return { ...base, adminRole: null, roles: unique, ownUnitIds: [...new Set(unique.map((r) => r.unitId))], managed };
}

export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  body: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
): Promise<void> {
  const user = await repo.findUserById(ctx.db, actor.userId);
  if (!user) throw notFound('账户');
  if (!(await verify(user.password_hash, body.currentPassword))) {
    throw invalidField('currentPassword', '当前密码不正确');
  }
  assertPasswordPolicy(body.newPassword, user.username, 'newPassword');
  if (await verify(user.password_hash, body.newPassword)) throw invalidField('newPassword', '新密码不能与当前密码相同');
  const h = await hashPassword(body.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, user.id, {
      password_hash: h,
      must_change_password: 0,
      password_changed_at: nowIso(ctx.clock),
      updated_at: nowIso(ctx.clock),
    });
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).where('id', '!=', actor.sessionId).execute();
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'accounts.password_changed',
      entityType: 'user',
      entityId: user.id,
      details: { self: true },
    });
  });
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  adminRole: AdminRole | null;
  personId: string | null;
  mustChangePassword?: boolean;
  isDemo?: boolean;
}

/** Create an account. An admin account holds exactly one admin role and no person (三员分立). */
export async function createUser(ctx: AppContext, by: AuditActor, input: CreateUserInput): Promise<string> {
  if (input.adminRole && !ADMIN_ROLES.includes(input.adminRole)) throw invalidField('adminRole', '未知的管理员角色');
  if (input.adminRole && input.personId) throw invalidField('personId', '管理员账户不能关联人员档案（三员分立）');
  assertPasswordPolicy(input.password, input.username, 'password');
  const h = await hashPassword(input.password);
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  const now = nowIso(ctx.clock);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      if (input.personId) {
        const p = await trx.selectFrom('people').select('id').where('id', '=', input.personId).executeTakeFirst();
        if (!p) throw invalidField('personId', '关联的人员档案不存在');
      }
      await repo.insertUser(trx, {
        id,
        username: input.username,
        display_name: input.displayName,
        password_hash: h,
        person_id: input.personId,
        admin_role: input.adminRole,
        status: 'active',
        failed_logins: 0,
        locked_until: null,
        must_change_password: fromBool(input.mustChangePassword ?? true),
        password_changed_at: now,
        last_login_at: null,
        is_demo: fromBool(input.isDemo ?? false),
        created_at: now,
        updated_at: now,
      });
      await ctx.audit.record(trx, by, {
        action: 'accounts.user_created',
        entityType: 'user',
        entityId: id,
        after: {
          username: input.username,
          displayName: input.displayName,
          adminRole: input.adminRole,
          personId: input.personId,
        },
        details: { username: input.username, adminRole: input.adminRole },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new AppError('CONFLICT', input.personId ? '用户名已存在，或该人员已关联其他账户' : '用户名已存在', {
        field: 'username',
      });
    }
    throw e;
  }
  return id;
}

export async function updateUser(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: {
    displayName?: string | undefined;
    status?: 'active' | 'disabled' | undefined;
    personId?: string | null | undefined;
  },
  meta: RequestMeta,
): Promise<void> {
  const user = await repo.findUserById(ctx.db, id);
  if (!user) throw notFound('账户');
  if (patch.personId && user.admin_role) throw invalidField('personId', '管理员账户不能关联人员档案（三员分立）');
  if (
    patch.personId &&
    !(await ctx.db.selectFrom('people').select('id').where('id', '=', patch.personId).executeTakeFirst())
  ) {
    throw invalidField('personId', '关联的人员档案不存在');
  }
  if (id === actor.userId && patch.status === 'disabled') throw invalidField('status', '不能停用自己的账户');
  const before = { displayName: user.display_name, status: user.status, personId: user.person_id };
  const after = {
    displayName: patch.displayName ?? user.display_name,
    status: patch.status ?? user.status,
    personId: patch.personId === undefined ? user.person_id : patch.personId,
  };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.updateUser(trx, id, {
        display_name: after.displayName,
        status: after.status,
        person_id: after.personId,
        updated_at: nowIso(ctx.clock),
      });
      if (after.status === 'disabled') await repo.deleteSessionsOfUser(trx, id);
      await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
        action: 'accounts.user_updated',
        entityType: 'user',
        entityId: id,
        before,
        after,
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', '该人员已关联其他账户', { field: 'personId' });
    throw e;
  }
}

export async function resetPassword(
  ctx: AppContext,
  actor: Actor,
  id: string,
  newPassword: string,
  meta: RequestMeta,
): Promise<void> {
  const user = await repo.findUserById(ctx.db, id);
  if (!user) throw notFound('账户');
  assertPasswordPolicy(newPassword, user.username, 'newPassword');
  const h = await hashPassword(newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, id, {
      password_hash: h,
      must_change_password: 1,
      failed_logins: 0,
      locked_until: null,
      password_changed_at: nowIso(ctx.clock),
      updated_at: nowIso(ctx.clock),
    });
    await repo.deleteSessionsOfUser(trx, id);
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'accounts.password_reset',
      entityType: 'user',
      entityId: id,
      details: { by: 'system_admin' },
    });
  });
}

export async function unlockUser(ctx: AppContext, actor: Actor, id: string, meta: RequestMeta): Promise<void> {
  const user = await repo.findUserById(ctx.db, id);
  if (!user) throw notFound('账户');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, id, { failed_logins: 0, locked_until: null, updated_at: nowIso(ctx.clock) });
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'accounts.unlocked',
      entityType: 'user',
      entityId: id,
    });
  });
}

/** Grant a business role in a unit (security admin). Admin accounts cannot hold business roles. */
export async function grantRole(
  ctx: AppContext,
  actor: Actor,
  input: { userId: string; role: GrantableRole; unitId: string },
  meta: RequestMeta,
): Promise<string> {
  const user = await repo.findUserById(ctx.db, input.userId);
  if (!user) throw invalidField('userId', '账户不存在');
  if (user.admin_role) throw invalidField('userId', '管理员账户不能持有业务角色（三员分立）');
  const unit = await ctx.db.selectFrom('units').select('id').where('id', '=', input.unitId).executeTakeFirst();
  if (!unit) throw invalidField('unitId', '单位不存在');
  const existing = await ctx.db
    .selectFrom('role_grants')
    .select('id')
    .where('user_id', '=', input.userId)
    .where('role', '=', input.role)
    .where('unit_id', '=', input.unitId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (existing) throw new AppError('CONFLICT', '该账户在该单位已有此角色');
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('role_grants')
      .values({
        id,
        user_id: input.userId,
        role: input.role,
        unit_id: input.unitId,
        granted_by: actor.userId,
        granted_at: nowIso(ctx.clock),
        revoked_by: null,
        revoked_at: null,
      })
      .execute();
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'accounts.role_granted',
      entityType: 'role_grant',
      entityId: id,
      unitId: input.unitId,
      details: { userId: input.userId, role: input.role },
    });
  });
  return id;
}

export async function revokeRole(ctx: AppContext, actor: Actor, grantId: string, meta: RequestMeta): Promise<void> {
  const grant = await ctx.db
    .selectFrom('role_grants')
    .selectAll()
    .where('id', '=', grantId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!grant) throw notFound('角色授权');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('role_grants')
      .set({ revoked_at: nowIso(ctx.clock), revoked_by: actor.userId })
      .where('id', '=', grantId)
      .execute();
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'accounts.role_revoked',
      entityType: 'role_grant',
      entityId: grantId,
      unitId: grant.unit_id,
      details: { userId: grant.user_id, role: grant.role },
    });
  });
}

export async function presentMe(ctx: AppContext, actor: Actor) {
  const names = new Map(
    (
      await repo.unitNames(
        ctx.db,
        actor.roles.map((r) => r.unitId),
      )
    ).map((u) => [u.id, u.name]),
  );
  const user = await repo.findUserById(ctx.db, actor.userId);
  return {
    userId: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    personId: actor.personId,
    adminRole: actor.adminRole,
    roles: actor.roles.map((r) => ({ ...r, unitName: names.get(r.unitId) ?? '' })),
    ownUnitIds: actor.ownUnitIds,
    managedUnitIds: actor.managed.map((m) => m.unitId),
    csrfToken: actor.csrfToken,
    mustChangePassword: actor.mustChangePassword,
    idleMinutes: ctx.config.sessionIdleMinutes,
    isDemo: toBool(user?.is_demo ?? 0),
  };
}
