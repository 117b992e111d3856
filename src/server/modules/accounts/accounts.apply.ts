/**
 * Carrying out a confirmed request (AC-01), inside the confirming transaction: create the admin
 * account, link or unlink the person (an unlinked account keeps no business role), enable or
 * disable, and issue the two-part activation code where the request opens access.
 */
import type { Transaction } from 'kysely';
import type { Activation, RequestKind } from '../../../common/contracts/accounts.js';
import { AppError, notFound } from '../../../common/errors.js';
import type { AdminRole } from '../../../common/roles.js';
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/database.js';
import { fromJson } from '../../db/helpers.js';
import { type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import { nowIso } from '../../platform/clock.js';
import { activationOf, issueActivation, newPart, NO_PASSWORD, personFacts } from './accounts.credentials.js';
import { issuesCredentials } from './accounts.policy.js';
import * as repo from './accounts.repository.js';

/** What a request carries besides its columns (display facts kept as they were when asked). */
export interface RequestPayload {
  displayName: string;
  adminRole: AdminRole | null;
  personName?: string | null;
  unitName?: string | null;
}

export type RequestRow = NonNullable<Awaited<ReturnType<typeof repo.findRequest>>>;

/** Carry out a confirmed request inside the transaction; returns the second half when one is issued. */
export async function apply(
  ctx: AppContext,
  trx: Transaction<Database>,
  actor: Actor,
  meta: RequestMeta,
  r: RequestRow,
): Promise<Activation | null> {
  const by = auditActorOf(actor, meta.requestId);
  const kind = r.kind as RequestKind;
  const payload = fromJson<RequestPayload>(r.payload, { displayName: r.username, adminRole: null });
  const now = nowIso(ctx.clock);
  const common = { requestId: r.id, requestedBy: r.requested_by, ruleId: 'AC-01' };
  if (kind === 'create_admin') {
    if (await repo.findUserByUsername(trx, r.username)) {
      throw new AppError('CONFLICT', `用户名 ${r.username} 已被占用，请驳回此申请`, { field: 'username' });
    }
    await repo.insertUser(trx, {
      id: r.user_id,
      username: r.username,
      display_name: payload.displayName,
      password_hash: NO_PASSWORD,
      person_id: null,
      admin_role: payload.adminRole,
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
      entityId: r.user_id,
      after: { username: r.username, displayName: payload.displayName, adminRole: payload.adminRole, personId: null },
      details: { username: r.username, adminRole: payload.adminRole, ...common },
    });
  }
  const user = await repo.findUserById(trx, r.user_id);
  if (!user) throw notFound('账户');
  if (kind === 'link_person' || kind === 'unlink_person') {
    const personId = kind === 'link_person' ? r.person_id : user.person_id;
    if (user.admin_role) throw new AppError('CONFLICT', '管理员账户不能关联人员档案（三员分立）');
    if (!personId) throw new AppError('CONFLICT', '该账户未关联人员，无需解除');
    const person = await personFacts(trx, personId);
    if (kind === 'link_person') {
      const holder = await repo.accountOfPerson(trx, personId);
      if (holder && holder.id !== user.id) throw new AppError('CONFLICT', `该人员已关联账户 ${holder.username}`);
    }
    await repo.updateUser(trx, user.id, { person_id: kind === 'link_person' ? personId : null, updated_at: now });
    if (kind === 'unlink_person') {
      // Business roles belong to the linked person: an unlinked account keeps none.
      for (const g of await repo.activeGrantsOfUser(trx, user.id)) {
        await trx
          .updateTable('role_grants')
          .set({ revoked_at: now, revoked_by: actor.userId })
          .where('user_id', '=', user.id)
          .where('role', '=', g.role)
          .where('unit_id', '=', g.unit_id)
          .where('revoked_at', 'is', null)
          .execute();
        await ctx.audit.record(trx, by, {
          action: 'accounts.role_revoked',
          entityType: 'user',
          entityId: user.id,
          unitId: g.unit_id,
          details: { userId: user.id, role: g.role, reason: 'unlinked', ...common },
        });
      }
    }
    await ctx.audit.record(trx, by, {
      action: kind === 'link_person' ? 'accounts.person_linked' : 'accounts.person_unlinked',
      entityType: 'user',
      entityId: user.id,
      before: { personId: user.person_id },
      after: { personId: kind === 'link_person' ? personId : null },
      details: { username: user.username, ...person, ...common },
    });
  }
  if (kind === 'enable_admin' || kind === 'disable_admin') {
    const status = kind === 'enable_admin' ? 'active' : 'disabled';
    await repo.updateUser(trx, user.id, { status, updated_at: now });
    if (status === 'disabled') await repo.deleteSessionsOfUser(trx, user.id);
    await ctx.audit.record(trx, by, {
      action: 'accounts.user_updated',
      entityType: 'user',
      entityId: user.id,
      before: { status: user.status },
      after: { status },
      details: { username: user.username, ...common },
    });
  }
  if (!issuesCredentials(kind)) return null;
  const second = newPart(ctx, user.id);
  const expiresAt = await issueActivation(ctx, trx, by, user, [r.code_hash ?? '', second.digest], {
    reason: kind,
    firstHalfTo: r.requested_by,
    secondHalfTo: actor.userId,
    ...common,
  });
  return activationOf(user.username, second.text, 2, 2, expiresAt);
}
