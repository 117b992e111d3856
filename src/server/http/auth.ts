/**
 * Authentication and CSRF for every /api request, in the onRequest hook (before validation):
 * - the session cookie resolves to an Actor (sessions live in the database);
 * - a route is private unless its config says `public: true`; no actor -> 401;
 * - every state change (not GET/HEAD/OPTIONS) needs the X-CSRF-Token header: the session's token,
 *   or for public routes the double-submit cookie's value;
 * - an account that must change its password can only reach routes marked `allowPasswordChange`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../common/errors.js';
import type { AppContext } from '../context.js';
import { resolveSession } from '../modules/accounts/index.js';
import type { RequestMeta, Actor } from './actor.js';
import { token } from '../platform/random.js';

export const SESSION_COOKIE = 'banzi_session';
export const CSRF_COOKIE = 'banzi_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session */
    public?: boolean;
    /** Reachable by an account that must change its password first */
    allowPasswordChange?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function cookieOptions(ctx: AppContext, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: ctx.config.secureCookies,
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  };
}

/** The double-submit CSRF cookie for requests made before login; created when missing. */
export function ensureCsrfCookie(ctx: AppContext, req: FastifyRequest, reply: FastifyReply): string {
  const existing = req.cookies[CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{20,}$/.test(existing)) return existing;
  const t = token(ctx.random, 24);
  void reply.setCookie(CSRF_COOKIE, t, { ...cookieOptions(ctx), httpOnly: false });
  return t;
}

export function requestMeta(req: FastifyRequest): RequestMeta {
  const ua = req.headers['user-agent'];
  return { ip: req.ip ?? null, userAgent: typeof ua === 'string' ? ua : null, requestId: String(req.id) };
}

export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    const sessionToken = req.cookies[SESSION_COOKIE];
    if (sessionToken) {
      req.actor = await resolveSession(ctx, sessionToken);
      if (!req.actor) void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    const config = req.routeOptions.config;
    if (!config.public && !req.actor) throw new AppError('UNAUTHENTICATED', '请先登录（会话不存在或已超时）');
    if (!SAFE_METHODS.has(req.method)) {
      const header = req.headers[CSRF_HEADER];
      const expected = req.actor ? req.actor.csrfToken : req.cookies[CSRF_COOKIE];
      if (!expected || typeof header !== 'string' || header !== expected) {
        throw new AppError('CSRF_FAILED', '缺少或错误的 CSRF 令牌，请刷新页面后重试');
      }
    }
    if (req.actor?.mustChangePassword && !config.public && !config.allowPasswordChange) {
      throw new AppError('FORBIDDEN', '请先修改初始密码', { details: { mustChangePassword: true } });
    }
  });
}
