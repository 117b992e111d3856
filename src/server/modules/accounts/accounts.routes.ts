/**
 * Accounts routes: login/logout/session (auth), account administration (system admin), role
 * grants (security admin). Thin: contract -> authenticate -> authorize -> service -> present.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changePasswordBodySchema,
  createGrantBodySchema,
  createUserBodySchema,
  grantSchema,
  loginBodySchema,
  personPickSchema,
  resetPasswordBodySchema,
  sessionStateSchema,
  updateUserBodySchema,
  userSchema,
} from '../../../common/contracts/accounts.js';
import { idParamsSchema, okSchema } from '../../../common/contracts/common.js';
import { forbidden } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import { requireActor, requireAdmin } from '../../http/actor.js';
import { cookieOptions, ensureCsrfCookie, requestMeta, SESSION_COOKIE } from '../../http/auth.js';
import * as repo from './accounts.repository.js';
import * as service from './accounts.service.js';

const tags = ['accounts'];

export const accountsRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/auth/session',
    {
      config: { public: true },
      schema: { tags, summary: '当前会话（未登录时返回 CSRF 令牌）', response: { 200: sessionStateSchema } },
    },
    async (req, reply) => {
      if (!req.actor) return { authenticated: false, csrfToken: ensureCsrfCookie(ctx, req, reply), me: null };
      return { authenticated: true, csrfToken: req.actor.csrfToken, me: await service.presentMe(ctx, req.actor) };
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: ctx.config.loginRateLimit, timeWindow: '1 minute' } },
      schema: { tags, summary: '登录', body: loginBodySchema, response: { 200: sessionStateSchema } },
    },
    async (req, reply) => {
      const { token } = await service.login(ctx, req.body, requestMeta(req));
      void reply.setCookie(SESSION_COOKIE, token, cookieOptions(ctx));
      const actor = await service.resolveSession(ctx, token);
      if (!actor) throw forbidden();
      return { authenticated: true, csrfToken: actor.csrfToken, me: await service.presentMe(ctx, actor) };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { allowPasswordChange: true },
      schema: { tags, summary: '退出登录', response: { 200: okSchema } },
    },
    async (req, reply) => {
      await service.logout(ctx, requireActor(req.actor), requestMeta(req));
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { allowPasswordChange: true },
      schema: { tags, summary: '修改本人密码', body: changePasswordBodySchema, response: { 200: okSchema } },
    },
    async (req) => {
      await service.changePassword(ctx, requireActor(req.actor), req.body, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/accounts/users',
    {
      schema: {
        tags,
        summary: '账户列表（系统管理员、安全管理员）',
        response: { 200: z.object({ items: z.array(userSchema) }) },
      },
    },
    async (req) => {
      const actor = requireActor(req.actor);
      if (actor.adminRole !== 'system_admin' && actor.adminRole !== 'security_admin') throw forbidden();
      const rows = await repo.listUsers(ctx.db);
      return {
        items: rows.map((r) => ({
          id: r.id,
          username: r.username,
          displayName: r.display_name,
          personId: r.person_id,
          personName: r.person_name,
          unitName: r.unit_name,
          adminRole: r.admin_role as never,
          status: r.status as 'active' | 'disabled',
          lockedUntil: r.locked_until && new Date(r.locked_until) > ctx.clock.now() ? r.locked_until : null,
          lastLoginAt: r.last_login_at,
          createdAt: r.created_at,
        })),
      };
    },
  );

  app.post(
    '/api/accounts/users',
    {
      schema: {
        tags,
        summary: '新建账户（系统管理员）',
        body: createUserBodySchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.actor);
      requireAdmin(actor, 'system_admin');
      const id = await service.createUser(ctx, service.auditActorOf(actor, String(req.id)), {
        ...req.body,
        mustChangePassword: true,
      });
      return reply.status(201).send({ id });
    },
  );

  app.patch(
    '/api/accounts/users/:id',
    {
      schema: {
        tags,
        summary: '修改账户（系统管理员）',
        params: idParamsSchema,
        body: updateUserBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req.actor);
      requireAdmin(actor, 'system_admin');
      await service.updateUser(ctx, actor, req.params.id, req.body, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/accounts/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: '重置密码（系统管理员）',
        params: idParamsSchema,
        body: resetPasswordBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req.actor);
      requireAdmin(actor, 'system_admin');
      await service.resetPassword(ctx, actor, req.params.id, req.body.newPassword, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/accounts/users/:id/unlock',
    {
      schema: { tags, summary: '解除锁定（系统管理员）', params: idParamsSchema, response: { 200: okSchema } },
    },
    async (req) => {
      const actor = requireActor(req.actor);
      requireAdmin(actor, 'system_admin');
      await service.unlockUser(ctx, actor, req.params.id, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/accounts/people-picker',
    {
      schema: {
        tags,
        summary: '按姓名查找人员以关联账户（系统管理员，仅姓名与单位）',
        querystring: z.object({ q: z.string().trim().min(1, '请输入姓名').max(32) }),
        response: { 200: z.object({ items: z.array(personPickSchema) }) },
      },
    },
    async (req) => {
      const actor = requireActor(req.actor);
      requireAdmin(actor, 'system_admin');
      const rows = await ctx.db
        .selectFrom('people')
        .innerJoin('units', 'units.id', 'people.unit_id')
        .select(['people.id', 'people.name', 'units.name as unit_name'])
        .where('people.name', 'like', `%${req.query.q.replace(/[%_]/g, '')}%`)
        .orderBy('people.name')
        .limit(20)
        .execute();
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
      requireAdmin(actor, 'security_admin');
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
        summary: '授予业务角色（安全管理员）',
        body: createGrantBodySchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.actor);
      requireAdmin(actor, 'security_admin');
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
      requireAdmin(actor, 'security_admin');
      await service.revokeRole(ctx, actor, req.params.id, requestMeta(req));
      return { ok: true as const };
    },
  );
};
