/**
 * Every route of the API, two ways: as the OpenAPI document lists it (what the matrix and the fuzz
 * enumerate, so a new route cannot slip past them) and with the zod schemas it validates with
 * (collected by registering the modules on a bare Fastify instance with an onRoute hook).
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import type { AppContext } from '../src/server/context.js';
import { MODULE_ROUTES } from '../src/server/modules/index.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** 'POST /api/meetings/{id}/publish': the key of a route, as in the OpenAPI document. */
export type RouteKey = `${Method} /api/${string}`;

export interface RouteSchemas {
  params?: ZodType;
  query?: ZodType;
  body?: ZodType;
  isPublic: boolean;
}

/** The operations of /api/openapi.json as route keys. */
export async function openApiRoutes(app: FastifyInstance): Promise<RouteKey[]> {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  const doc = res.json<{ paths: Record<string, Record<string, unknown>> }>();
  const out: RouteKey[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const m of Object.keys(ops)) out.push(`${m.toUpperCase() as Method} ${path}` as RouteKey);
  }
  return out;
}

/** The zod schemas of every module route, by route key. */
export async function routeSchemas(ctx: AppContext): Promise<Map<RouteKey, RouteSchemas>> {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const out = new Map<RouteKey, RouteSchemas>();
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    const schema = (r.schema ?? {}) as { params?: ZodType; querystring?: ZodType; body?: ZodType };
    const path = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
    for (const m of methods) {
      if (m === 'HEAD') continue;
      out.set(`${m as Method} ${path}` as RouteKey, {
        ...(schema.params ? { params: schema.params } : {}),
        ...(schema.querystring ? { query: schema.querystring } : {}),
        ...(schema.body ? { body: schema.body } : {}),
        isPublic: r.config?.public === true,
      });
    }
  });
  for (const routes of MODULE_ROUTES) await app.register(routes, { ctx });
  await app.ready();
  await app.close();
  return out;
}

/** '/api/meetings/{id}/publish' with { id: 'm1' } -> '/api/meetings/m1/publish' (values URL-encoded). */
export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{([A-Za-z]+)\}/g, (_m, k: string) => {
    const v = params[k];
    if (v === undefined) throw new Error(`no value for path parameter ${k} of ${path}`);
    return encodeURIComponent(v);
  });
}

/** A query string from values (arrays repeat the key); '' when empty. */
export function queryString(query: Record<string, unknown> = {}): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) sp.append(k, String(one));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}
