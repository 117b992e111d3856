/**
 * Logging in and activating an account (AC-02, AC-03). Lockout is per account and client address:
 * 5 failures from one address stop that address trying that account for 15 minutes, and nobody
 * else. Every failure answers the same words, whatever the reason (unknown account, disabled,
 * locked, not yet activated, wrong password); the real reason goes to the audit log.
 */
import { hash, verify } from '@node-rs/argon2';
import { AppError, invalidField } from '../../../common/errors.js';
import { checkPassword } from '../../../common/password.js';
import { finding } from '../../../common/rules/finding.js';
import type { AppContext } from '../../context.js';
import type { AuditActor } from '../../platform/audit.js';
import { sm3Hex } from '../../platform/crypto.js';
import { token } from '../../platform/random.js';
import { codeMatches, credentialState, NO_PASSWORD } from './accounts.codes.js';
import type { RequestMeta } from '../../http/actor.js';
import * as repo from './accounts.repository.js';
import { afterFailure, isLocked, LOCKOUT_THRESHOLD, sessionExpiry } from './accounts.rules.js';

export const LOGIN_FAILED_MESSAGE = '用户名或密码错误';
export const ACTIVATION_FAILED_MESSAGE = '用户名或激活码不正确，或激活码已失效（请联系管理员重新签发）';

/**
 * The finding every failed login carries (AC-03). It is the same for every cause (unknown account,
 * wrong password, lockout), so it tells a guesser nothing the message does not.
 */
const loginFinding = () =>
  finding(
    'AC-03',
    {},
    {},
    {
      zh: '登录失败处理：同一账户在同一地址连续 5 次失败，该地址对该账户暂停 15 分钟（AC-03）',
      en: 'Login failure handling: 5 failures of one account from one address pause that address for 15 minutes (AC-03).',
    },
  );

/** The finding every failed activation carries (AC-02), the same for every cause. */
const activationFinding = () =>
  finding(
    'AC-02',
    {},
    {},
    {
      zh: '鉴别信息由持有人本人设定：激活码只能使用一次，过期须由管理员重新签发（AC-02）',
      en: 'Credentials are set by their holder: an activation code works once and expires (AC-02).',
    },
  );

/** A hash to verify against when there is no real one, so timing does not tell accounts apart. */
let dummyHash: string | null = null;
async function burnTime(password: string): Promise<void> {
  dummyHash ??= await hash('banzi-dummy-password');
  await verify(dummyHash, password);
}

const anonymous = (meta: RequestMeta): AuditActor => ({
  actorUserId: null,
  actorName: null,
  requestId: meta.requestId,
});

async function recordFailure(
  ctx: AppContext,
  actor: AuditActor,
  action: 'auth.login_failed' | 'auth.locked' | 'auth.activation_failed',
  entityId: string | null,
  details: Record<string, unknown>,
): Promise<void> {
  await ctx.db
    .transaction()
    .execute((trx) => ctx.audit.record(trx, actor, { action, entityType: 'user', entityId, details }));
}

/** Log in; returns the session token for the cookie. Throws LOGIN_FAILED with one message for every failure. */
export async function login(
  ctx: AppContext,
  body: { username: string; password: string },
  meta: RequestMeta,
): Promise<{ token: string; userId: string }> {
  const now = ctx.clock.now();
  const address = meta.ip ?? 'unknown';
  const failed = () => new AppError('LOGIN_FAILED', LOGIN_FAILED_MESSAGE, { findings: [loginFinding()] });
  const user = await repo.findUserByUsername(ctx.db, body.username);
  if (!user) {
    await burnTime(body.password);
    await recordFailure(ctx, anonymous(meta), 'auth.login_failed', null, {
      reason: 'unknown_user',
      username: body.username.slice(0, 64),
      ip: meta.ip,
      ruleId: 'AC-03',
    });
    throw failed();
  }
  const actor: AuditActor = { actorUserId: user.id, actorName: user.display_name, requestId: meta.requestId };
  const lock = await repo.findLockout(ctx.db, user.id, address);
  const lockState = { failedLogins: lock?.failures ?? 0, lockedUntil: lock?.locked_until ?? null };
  if (isLocked(lockState, now)) {
    // Not even checked: a locked address learns nothing about the password.
    await burnTime(body.password);
    await recordFailure(ctx, actor, 'auth.login_failed', user.id, {
      reason: 'locked',
      lockedUntil: lockState.lockedUntil,
      ip: meta.ip,
      ruleId: 'AC-03',
    });
    throw failed();
  }
  const hasPassword = user.password_hash !== NO_PASSWORD;
  if (!hasPassword) await burnTime(body.password);
  const ok = hasPassword && (await verify(user.password_hash, body.password));
  if (ok && user.status === 'active') return openSession(ctx, user, meta);
  if (ok) {
    // Only someone who knows the password learns that the account is disabled.
    await recordFailure(ctx, actor, 'auth.login_failed', user.id, { reason: 'disabled', ip: meta.ip, ruleId: 'AC-03' });
    throw new AppError('LOGIN_FAILED', '账户已停用，请联系系统管理员', { findings: [loginFinding()] });
  }
  const next = afterFailure(lockState, now);
  const reason = !hasPassword ? 'not_activated' : user.status !== 'active' ? 'disabled' : 'wrong_password';
  await ctx.db.transaction().execute(async (trx) => {
    await repo.saveLockout(trx, {
      user_id: user.id,
      address,
      failures: next.failedLogins,
      locked_until: next.lockedUntil,
      last_failure_at: now.toISOString(),
    });
    await ctx.audit.record(trx, actor, {
      action: next.justLocked ? 'auth.locked' : 'auth.login_failed',
      entityType: 'user',
      entityId: user.id,
      details: {
        reason,
        ip: meta.ip,
        failures: next.justLocked ? LOCKOUT_THRESHOLD : next.failedLogins,
        ...(next.justLocked ? { lockedUntil: next.lockedUntil } : {}),
        ruleId: 'AC-03',
      },
    });
  });
  throw failed();
}

async function openSession(
  ctx: AppContext,
  user: { id: string; display_name: string },
  meta: RequestMeta,
): Promise<{ token: string; userId: string }> {
  const now = ctx.clock.now();
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
    await repo.deleteLockout(trx, user.id, meta.ip ?? 'unknown');
    await repo.updateUser(trx, user.id, { last_login_at: now.toISOString() });
    await ctx.audit.record(
      trx,
      { actorUserId: user.id, actorName: user.display_name, requestId: meta.requestId },
      { action: 'auth.login', entityType: 'user', entityId: user.id, details: { ip: meta.ip } },
    );
  });
  return { token: sessionToken, userId: user.id };
}

/**
 * Activate an account: the holder sets the password with the whole activation code (both halves
 * where two admins handed one over each). Single use; expired codes, wrong codes and unknown
 * accounts answer alike. The password policy is checked first and names the field.
 */
export async function activate(
  ctx: AppContext,
  body: { username: string; code: string; newPassword: string },
  meta: RequestMeta,
): Promise<void> {
  const problems = checkPassword(body.newPassword, body.username);
  if (problems.length) throw invalidField('newPassword', problems.join('；'));
  const now = ctx.clock.now();
  const user = await repo.findUserByUsername(ctx.db, body.username);
  const state = user ? credentialState(user, now) : 'none';
  const matches =
    user !== undefined && state === 'code_issued' && codeMatches(user.id, body.code, user.activation_hash);
  if (!user || !matches || user.status !== 'active') {
    const reason = !user
      ? 'unknown_user'
      : state === 'code_expired'
        ? 'code_expired'
        : state !== 'code_issued'
          ? 'no_open_code'
          : !matches
            ? 'wrong_code'
            : 'disabled';
    await recordFailure(ctx, anonymous(meta), 'auth.activation_failed', user?.id ?? null, {
      reason,
      username: body.username.slice(0, 64),
      ip: meta.ip,
      ruleId: 'AC-02',
    });
    throw new AppError('LOGIN_FAILED', ACTIVATION_FAILED_MESSAGE, { findings: [activationFinding()] });
  }
  const h = await hash(body.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    const consumed = await repo.consumeActivation(trx, user.id, user.activation_hash ?? '', {
      password_hash: h,
      must_change_password: 0,
      password_changed_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    if (!consumed) throw new AppError('LOGIN_FAILED', ACTIVATION_FAILED_MESSAGE, { findings: [activationFinding()] });
    await repo.deleteLockoutsOfUser(trx, user.id);
    await repo.deleteSessionsOfUser(trx, user.id);
    await ctx.audit.record(
      trx,
      { actorUserId: user.id, actorName: user.display_name, requestId: meta.requestId },
      {
        action: 'accounts.activated',
        entityType: 'user',
        entityId: user.id,
        details: { username: user.username, ip: meta.ip, ruleId: 'AC-02' },
      },
    );
  });
}
