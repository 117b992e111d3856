/**
 * Builds the Fastify app (no listening here: tests use inject). Registers security headers,
 * cookies, rate limits, zod validation, OpenAPI, authentication and every module, and serves
 * the built UI with a single-page fallback.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from './context.js';
import { pingDatabase } from './db/helpers.js';
import { registerAuth } from './http/auth.js';
import { notFoundBody, registerErrorHandler } from './http/errors.js';
import { registerNoStore } from './http/no-store.js';
import { MODULE_ROUTES, OPENAPI_TAGS } from './modules/index.js';

z.config(z.locales.zhCN());

export interface BuildOptions {
  /** Log requests (off in tests) */
  logger?: boolean | object;
  /** Trust X-Forwarded-For from a reverse proxy (default: the config's BANZI_TRUST_PROXY) */
  trustProxy?: boolean | string[];
}

export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: opts.trustProxy ?? ctx.config.trustProxy,
    bodyLimit: 5 * 1024 * 1024,
    genReqId: () => ctx.random.bytes(8).toString('hex'),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes its styles at run time (CSS-in-JS)
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: ctx.config.secureCookies ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: ctx.config.secureCookies,
  });
  registerNoStore(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Banzi 班子 API',
        version: '0.1.0',
        description:
          '党组班子工作系统接口。除登录等公开接口外均需会话 Cookie；所有修改请求需携带 X-CSRF-Token 请求头。',
      },
      tags: OPENAPI_TAGS,
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'banzi_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
  });
  registerAuth(app, ctx);

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', { config: { public: true }, schema: { hide: true } }, async () => {
    await pingDatabase(ctx.db);
    return { ok: true, dialect: ctx.dialect };
  });

  for (const routes of MODULE_ROUTES) await app.register(routes, { ctx });

  const indexHtml = join(ctx.config.clientDir, 'index.html');
  if (existsSync(indexHtml)) {
    await app.register(fastifyStatic, {
      root: ctx.config.clientDir,
      wildcard: false,
      index: false,
      cacheControl: false,
      // No access line for the UI's files either: the voting page's scripts, fetched with an
      // address and a time, would tell who opened a voting page when (the pages log nothing).
      logLevel: 'silent',
      setHeaders: (res, path) => {
        // Vite puts a content hash in every asset name, so assets never change.
        res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    const sendIndex = (reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile('index.html');
    app.get('/', { schema: { hide: true } }, (_req, reply) => sendIndex(reply));
    // The light public voting pages (src/client/vote), at the addresses the slips' QR codes carry;
    // silent like the public ballot API.
    const sendVote = (reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile('vote/index.html');
    const vote = { schema: { hide: true }, logLevel: 'silent' } as const;
    app.get('/vote/:id', vote, (_req, reply) => sendVote(reply));
    app.get('/vote/:id/receipts', vote, (_req, reply) => sendVote(reply));
    app.setNotFoundHandler((req, reply) => {
      // The UI's own routes (/people/123 …) load the single page; unknown API routes are JSON 404s.
      if (req.method === 'GET' && !req.url.startsWith('/api/')) return sendIndex(reply);
      return reply.status(404).send(notFoundBody(req.method, req.url));
    });
  } else {
    app.setNotFoundHandler((req, reply) => reply.status(404).send(notFoundBody(req.method, req.url)));
  }
  return app;
}
