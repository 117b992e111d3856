/**
 * Account work done on the server's command line (AC-01: "or done only with the CLI on the
 * server, which is logged"): creating the first admins, issuing a new activation code, enabling
 * or disabling an account, clearing lockouts. Whoever runs these holds the server and its
 * database; every use is written to the audit log as 'cli (<os user>)'.
 */
import { hash } from '@node-rs/argon2';
import { AppError, invalidField } from '../../../common/errors.js';
import { checkPassword } from '../../../common/password.js';
import type { AdminRole } from '../../../common/roles.js';
import type { AppContext } from '../../context.js';
import { isUniqueViolation } from '../../db/helpers.js';
import { nowIso } from '../../platform/clock.js';
import { uuidv7 } from '../../platform/random.js';
import { NO_PASSWORD } from './accounts.codes.js';
import { activationOf, cliActor, issueActivation, newPart } from './accounts.credentials.js';
import type { Activation } from '../../../common/contracts/accounts.js';
import * as repo from './accounts.repository.js';
import { unlockAccount } from './accounts.admin.js';

async function userByName(ctx: AppContext, username: string) {
  const user = await repo.findUserByUsername(ctx.db, username);
  if (!user) throw new AppError('NOT_FOUND', `没有这个账户 no such account: ${username}`);
  return user;
}

/**
 * Create an admin account. Without a password it gets a one-part activation code (printed once);
 * with one (typed by the holder at the server's terminal) it is ready to log in.
 */
export async function cliCreateAdmin(
  ctx: AppContext,
  input: { username: string; displayName: string; adminRole: AdminRole; password: string | null },
): Promise<{ id: string; activation: Activation | null }> {
  if (!/^[a-zA-Z0-9._-]{3,64}$/.test(input.username)) {
    throw invalidField('username', '用户名为 3-64 位字母、数字、点、下划线或连字符');
  }
  if (input.password !== null) {
    const problems = checkPassword(input.password, input.username);
    if (problems.length) throw invalidField('password', problems.join('；'));
  }
  const passwordHash = input.password === null ? NO_PASSWORD : await hash(input.password);
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  const now = nowIso(ctx.clock);
  const by = cliActor();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      await repo.insertUser(trx, {
        id,
        username: input.username,
        display_name: input.displayName,
        password_hash: passwordHash,
        person_id: null,
        admin_role: input.adminRole,
        status: 'active',
        failed_logins: 0,
        locked_until: null,
        must_change_password: 0,
        password_changed_at: now,
        last_login_at: null,
        is_demo: 0,
        created_at: now,
        updated_at: now,
      });
      await ctx.audit.record(trx, by, {
        action: 'accounts.user_created',
        entityType: 'user',
        entityId: id,
        after: { username: input.username, displayName: input.displayName, adminRole: input.adminRole, personId: null },
        details: {
          username: input.username,
          adminRole: input.adminRole,
          via: 'cli',
          passwordTypedAtServer: input.password !== null,
          ruleId: 'AC-01',
        },
      });
      if (input.password !== null) return { id, activation: null };
      const part = newPart(ctx, id);
      const expiresAt = await issueActivation(ctx, trx, by, { id, username: input.username }, [part.digest], {
        reason: 'created',
        via: 'cli',
      });
      return { id, activation: activationOf(input.username, part.text, 1, 1, expiresAt) };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', `用户名已存在 username taken: ${input.username}`);
    throw e;
  }
}

/** A new one-part activation code for any account (the old password and code stop working). */
export async function cliReset(ctx: AppContext, username: string): Promise<Activation> {
  const user = await userByName(ctx, username);
  const part = newPart(ctx, user.id);
  const expiresAt = await ctx.db
    .transaction()
    .execute((trx) => issueActivation(ctx, trx, cliActor(), user, [part.digest], { reason: 'reset', via: 'cli' }));
  return activationOf(user.username, part.text, 1, 1, expiresAt);
}

export async function cliUnlock(ctx: AppContext, username: string): Promise<number> {
  const user = await userByName(ctx, username);
  return unlockAccount(ctx, cliActor(), user.id);
}

export async function cliSetStatus(ctx: AppContext, username: string, status: 'active' | 'disabled'): Promise<void> {
  const user = await userByName(ctx, username);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, user.id, { status, updated_at: nowIso(ctx.clock) });
    if (status === 'disabled') await repo.deleteSessionsOfUser(trx, user.id);
    await ctx.audit.record(trx, cliActor(), {
      action: 'accounts.user_updated',
      entityType: 'user',
      entityId: user.id,
      before: { status: user.status },
      after: { status },
      details: { username: user.username, via: 'cli' },
    });
  });
}
