/**
 * Accounts use cases: sessions stored in the database, the actor of a session, password changes
 * and role grants (security admin). Logging in and activation: accounts.login.ts; account
 * administration: accounts.admin.ts and accounts.requests.ts. Every write runs in one
 * transaction with its audit event.
 */
import { hash, verify } from '@node-rs/argon2';
import { AppError, invalidField, notFound } from '../../../common/errors.js';
import { checkPassword } from '../../../common/password.js';
import { finding } from '../../../common/rules/finding.js';
import type { AdminRole, GrantableRole, UnitRole } from '../../../common/roles.js';
import type { AppContext } from '../../context.js';
import { toBool } from '../../db/helpers.js';
import { type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import { nowIso, today } from '../../platform/clock.js';
import { sm3Hex } from '../../platform/crypto.js';
import { uuidv7 } from '../../platform/random.js';
import * as repo from './accounts.repository.js';
import { isSessionAlive, sessionExpiry } from './accounts.rules.js';

export async function hashPassword(pw: string): Promise<string> {
  return hash(pw);
}

function assertPasswordPolicy(pw: string, username: string, field: string): void {
  const problems = checkPassword(pw, username);
  if (problems.length) throw invalidField(field, problems.join('；'));
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
  // The root unit has no unit above it in the system: its own personnel office holds the authority
  // over its team that the unit above would (issue 16 §1).
  const roots = await repo.rootUnitIdsAmong(
    ctx.db,
    unique.filter((r) => r.role === 'personnel').map((r) => r.unitId),
  );
  for (const id of roots) managed.push({ unitId: id, roles: ['personnel'] });
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

/** Grant a business role in a unit (security admin). Admin accounts cannot hold business roles. */
export async function grantRole(
  ctx: AppContext,
  actor: Actor,
  input: { userId: string; role: GrantableRole; unitId: string },
  meta: RequestMeta,
): Promise<string> {
  const user = await repo.findUserById(ctx.db, input.userId);
  if (!user) throw invalidField('userId', '账户不存在');
  if (user.admin_role || !user.person_id) {
    // AC-01: business roles belong to the person an account is linked to; an admin account holds
    // none, and an unlinked account (whose credentials the system admin may have set alone) none.
    const zh = user.admin_role
      ? '管理员账户不能持有业务角色（三员分立）'
      : '业务角色只授予已关联人员的账户：请先由系统管理员申请关联人员、经安全管理员确认';
    const f = finding('AC-01', { userId: user.id }, {}, { zh, en: 'Business roles go to linked accounts only' });
    throw new AppError('VALIDATION_FAILED', zh, { field: 'userId', findings: [f] });
  }
  if (!(await repo.findUnit(ctx.db, input.unitId))) throw invalidField('unitId', '单位不存在');
  if (await repo.findActiveGrant(ctx.db, input.userId, input.role, input.unitId)) {
    throw new AppError('CONFLICT', '该账户在该单位已有此角色');
  }
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

/** Logging in lives in accounts.login.ts (kept here too for existing callers, e.g. the benchmarks). */
export { login } from './accounts.login.js';
