/**
 * Accounts routes, part 1: session, login, activation, logout, own password (public or any
 * account). Account administration and role grants: accounts.users.routes.ts; requests that a
 * second admin confirms: accounts.requests.routes.ts. Thin: contract -> authenticate ->
 * authorize -> service -> present.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  activateBodySchema,
  changePasswordBodySchema,
  loginBodySchema,
  sessionStateSchema,
} from '../../../common/contracts/accounts.js';
import { okSchema } from '../../../common/contracts/common.js';
import { AppError, forbidden } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/actor.js';
import { cookieOptions, ensureCsrfCookie, requestMeta, SESSION_COOKIE } from '../../http/auth.js';
import { FailedLoginLimiter } from './accounts.limiter.js';
import { activate, login } from './accounts.login.js';
import { requestsRoutes } from './accounts.requests.routes.js';
import { batchesRoutes } from './accounts.batches.routes.js';
import * as service from './accounts.service.js';
import { usersRoutes } from './accounts.users.routes.js';

const tags = ['accounts'];

export const accountsRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const limiter = new FailedLoginLimiter(ctx.config.loginRateLimit);

  /**
   * AC-03: refuse while the client address is over its failure limit; count failures only (a
   * success costs nothing), and note in the audit log when an address reaches its limit.
   */
  async function counted<T>(req: FastifyRequest, fn: () => Promise<T>): Promise<T> {
    const address = req.ip;
    const wait = limiter.blockedFor(address, ctx.clock.now().getTime());
    if (wait > 0) {
      throw new AppError('RATE_LIMITED', `该地址登录失败次数过多，请 ${Math.ceil(wait / 1000)} 秒后再试`, {
        details: { retryAfterSeconds: Math.ceil(wait / 1000) },
      });
    }
    try {
      return await fn();
    } catch (e) {
      if (e instanceof AppError && e.code === 'LOGIN_FAILED') {
        if (limiter.recordFailure(address, ctx.clock.now().getTime())) {
          await ctx.db.transaction().execute((trx) =>
            ctx.audit.record(
              trx,
              { actorUserId: null, actorName: null, requestId: String(req.id) },
              {
                action: 'auth.address_throttled',
                entityType: 'address',
                details: { ip: address, failuresPerMinute: ctx.config.loginRateLimit, ruleId: 'AC-03' },
              },
            ),
          );
        }
      }
      throw e;
    }
  }

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
      config: { public: true },
      schema: {
        tags,
        summary: '登录（失败答复一律相同；同一账户在同一地址连续 5 次失败暂停 15 分钟）',
        body: loginBodySchema,
        response: { 200: sessionStateSchema },
      },
    },
    async (req, reply) => {
      const { token } = await counted(req, () => login(ctx, req.body, requestMeta(req)));
      void reply.setCookie(SESSION_COOKIE, token, cookieOptions(ctx));
      const actor = await service.resolveSession(ctx, token);
      if (!actor) throw forbidden();
      return { authenticated: true, csrfToken: actor.csrfToken, me: await service.presentMe(ctx, actor) };
    },
  );

  app.post(
    '/api/auth/activate',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '激活账户：持有人凭激活码（两段时两段都输入）本人设定密码',
        body: activateBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await counted(req, () => activate(ctx, req.body, requestMeta(req)));
      return { ok: true as const };
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

  await fastify.register(usersRoutes, { ctx });
  await fastify.register(requestsRoutes, { ctx });
  await fastify.register(batchesRoutes, { ctx });
};
