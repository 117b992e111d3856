/**
 * Accounts routes, part 2: account administration (system admin) and business role grants
 * (security admin). A refusal of an admin reaching for another admin's work is logged (AC-01).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accountChangeResultSchema,
  createGrantBodySchema,
  createUserBodySchema,
  grantSchema,
  personPickSchema,
  updateUserBodySchema,
  userSchema,
} from '../../../common/contracts/accounts.js';
import { idParamsSchema, okSchema } from '../../../common/contracts/common.js';
import type { AppContext } from '../../context.js';
import { requireActor, auditActorOf } from '../../http/actor.js';
import { requestMeta } from '../../http/auth.js';
import { createAccount, listAccounts, resetAccount, unlockAccount, updateAccount } from './accounts.admin.js';
import { requireAdminRole } from './accounts.credentials.js';
import * as repo from './accounts.repository.js';
import * as service from './accounts.service.js';

const tags = ['accounts'];

export const usersRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/accounts/users',
    {
      schema: {
        tags,
        summary: '账户列表（系统管理员、安全管理员）：激活状态、锁定、待确认申请',
        response: { 200: z.object({ items: z.array(userSchema) }) },
      },
    },
    async (req) => {
      const actor = requireActor(req.actor);
      await requireAdminRole(ctx, actor, requestMeta(req), ['system_admin', 'security_admin'], 'list_accounts');
      return { items: await listAccounts(ctx) };
    },
  );

  app.post(
    '/api/accounts/users',
    {
      schema: {
        tags,
        summary:
          '新建账户（系统管理员）：返回一次性激活码；关联人员须安全管理员确认，管理员账户须另一类管理员确认（202 待确认）',
        body: createUserBodySchema,
        response: { 201: accountChangeResultSchema, 202: accountChangeResultSchema },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.actor);
      await requireAdminRole(ctx, actor, requestMeta(req), ['system_admin'], 'create_account');
      const { username, displayName, adminRole, personId } = req.body;
      const r = await createAccount(ctx, actor, { username, displayName, adminRole, personId }, requestMeta(req));
      return reply.status(r.userId ? 201 : 202).send(r);
    },
  );

  app.patch(
    '/api/accounts/users/:id',
    {
      schema: {
        tags,
        summary: '修改账户（系统管理员）：姓名、业务账户启停即时生效；关联人员、管理员启停须确认',
        params: idParamsSchema,
        body: updateUserBodySchema,
        response: { 200: accountChangeResultSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req.actor);
      await requireAdminRole(ctx, actor, requestMeta(req), ['system_admin'], 'update_account');
      return updateAccount(ctx, actor, req.params.id, req.body, requestMeta(req));
    },
  );

  app.post(
    '/api/accounts/users/:id/reset',
    {
      schema: {
        tags,
        summary: '重置账户（系统管理员）：签发新激活码；管理员或已关联人员的账户须另一名管理员确认',
        params: idParamsSchema,
        response: { 200: accountChangeResultSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req.actor);
      await requireAdminRole(ctx, actor, requestMeta(req), ['system_admin'], 'reset_account');
      return resetAccount(ctx, actor, req.params.id, requestMeta(req));
    },
  );

  app.post(
    '/api/accounts/users/:id/unlock',
    {
      schema: {
        tags,
        summary: '解除锁定（系统管理员）：清除该账户在所有地址的登录锁定',
        params: idParamsSchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req.actor);
      await requireAdminRole(ctx, actor, requestMeta(req), ['system_admin'], 'unlock_account');
      await unlockAccount(ctx, auditActorOf(actor, String(req.id)), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/accounts/people-picker',
    {
      schema: {
        tags,
        summary: '按姓名查找人员以申请关联账户（系统管理员，仅姓名与单位）',
        querystring: z.object({ q: z.string().trim().min(1, '请输入姓名').max(32) }),
        response: { 200: z.object({ items: z.array(personPickSchema) }) },
      },
    },
    async (req) => {
      const actor = requireActor(req.actor);
      await requireAdminRole(ctx, actor, requestMeta(req), ['system_admin'], 'pick_person');
      const rows = await repo.pickPeople(ctx.db, req.query.q);
      return { items: rows.map((r) => ({ id: r.id, name: r.name, unitName: r.unit_name })) };
    },
  );

  app.get(
    '/api/accounts/grants',
    {
      schema: {
        tags,
        summary: '业务角色授权列表（安全管理员）',
        response: { 200: z.object({ items: z.array(grantSchema) }) },
      },
    },
    async (req) => {
      const actor = requireActor(req.actor);
      await requireAdminRole(ctx, actor, requestMeta(req), ['security_admin'], 'list_grants');
      const rows = await repo.listActiveGrants(ctx.db);
      return {
        items: rows.map((r) => ({
          id: r.id,
          userId: r.user_id,
          username: r.username,
          displayName: r.display_name,
          role: r.role as never,
          unitId: r.unit_id,
          unitName: r.unit_name,
          grantedAt: r.granted_at,
          grantedBy: r.granted_by,
        })),
      };
    },
  );

  app.post(
    '/api/accounts/grants',
    {
      schema: {
        tags,
        summary: '授予业务角色（安全管理员；只授予已关联人员的账户）',
        body: createGrantBodySchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.actor);
      await requireAdminRole(ctx, actor, requestMeta(req), ['security_admin'], 'grant_role');
      const id = await service.grantRole(ctx, actor, req.body, requestMeta(req));
      return reply.status(201).send({ id });
    },
  );

  app.delete(
    '/api/accounts/grants/:id',
    {
      schema: { tags, summary: '撤销业务角色（安全管理员）', params: idParamsSchema, response: { 200: okSchema } },
    },
    async (req) => {
      const actor = requireActor(req.actor);
      await requireAdminRole(ctx, actor, requestMeta(req), ['security_admin'], 'revoke_role');
      await service.revokeRole(ctx, actor, req.params.id, requestMeta(req));
      return { ok: true as const };
    },
  );
};
