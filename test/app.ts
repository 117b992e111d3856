/**
 * A whole Banzi for a test: a fresh database of the given dialect, migrated, with a fixed clock,
 * a fresh keyring and the Fastify app (driven by inject, no port), plus an HTTP client that logs
 * in and carries the session cookie and CSRF token like the browser does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { bootstrap } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import type { AppContext } from '../src/server/context.js';
import type { Dialect } from '../src/server/db/connect.js';
import { FixedClock } from '../src/server/platform/clock.js';
import { newKeyring } from '../src/server/platform/crypto.js';
import { onParamRead } from '../src/server/modules/rules/rules.trace.js';
import { createTestDatabase, type TestDatabase } from './db.js';
import { recordParamRead, recordResponse, TRACE_ENV } from './rule-drift.js';

/** Note the rule ids of every response and the rule parameters the code reads (rule-drift.ts). */
function traceRules(app: FastifyInstance): void {
  if (!process.env[TRACE_ENV]) return;
  onParamRead(recordParamRead);
  const inject = app.inject.bind(app) as (opts: InjectOptions | string) => Promise<LightMyRequestResponse>;
  (app as { inject: unknown }).inject = async (opts: InjectOptions | string) => {
    const res = await inject(opts);
    const url = typeof opts === 'string' ? opts : typeof opts.url === 'string' ? opts.url : '';
    recordResponse(url, res.body, expect.getState().testPath);
    return res;
  };
}

export const TEST_PASSWORD = 'Test-Passw0rd!';
/** Monday 8 June 2026, 10:00 Beijing time */
export const TEST_NOW = '2026-06-08T02:00:00.000Z';

export interface TestEnv {
  dialect: Dialect;
  ctx: AppContext;
  app: FastifyInstance;
  clock: FixedClock;
  db: TestDatabase;
  close(): Promise<void>;
}

export async function createTestEnv(
  dialect: Dialect,
  opts: { now?: string; sqliteFile?: string; loginRateLimit?: number } = {},
): Promise<TestEnv> {
  const db = await createTestDatabase(dialect, opts.sqliteFile ? { sqliteFile: opts.sqliteFile } : {});
  const clock = new FixedClock(opts.now ?? TEST_NOW);
  // Key files and the audit checkpoint file live in a fresh folder per test environment.
  const keysDir = mkdtempSync(join(tmpdir(), 'banzi-keys-'));
  const config = {
    ...loadConfig({ BANZI_DATA_DIR: keysDir }, process.cwd()),
    database: db.url,
    isDefaultDatabase: false,
    clientDir: '/nonexistent',
    loginRateLimit: opts.loginRateLimit ?? 10_000,
  };
  const { ctx } = await bootstrap(config, { handle: db.handle, clock, keyring: newKeyring() });
  const app = await buildApp(ctx);
  traceRules(app);
  return {
    dialect,
    ctx,
    app,
    clock,
    db,
    close: async () => {
      await app.close();
      await db.drop();
      rmSync(keysDir, { recursive: true, force: true });
    },
  };
}

export interface HttpClient {
  request(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  csrf: string;
  cookies: Record<string, string>;
}

function absorbCookies(jar: Record<string, string>, res: LightMyRequestResponse): void {
  for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
    if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) delete jar[c.name];
    else jar[c.name] = c.value;
  }
}

/** An anonymous client: it has fetched the session (and CSRF cookie) like the login page does. */
export async function anonymousClient(app: FastifyInstance): Promise<HttpClient> {
  const jar: Record<string, string> = {};
  const first = await app.inject({ method: 'GET', url: '/api/auth/session' });
  absorbCookies(jar, first);
  const client: HttpClient = {
    csrf: first.json<{ csrfToken: string }>().csrfToken,
    cookies: jar,
    async request(method, url, body, headers = {}) {
      const res = await app.inject({
        method,
        url,
        headers: {
          'x-csrf-token': client.csrf,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        cookies: { ...jar },
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      });
      absorbCookies(jar, res);
      return res;
    },
    get: (url) => client.request('GET', url),
    post: (url, body) => client.request('POST', url, body),
    put: (url, body) => client.request('PUT', url, body),
    patch: (url, body) => client.request('PATCH', url, body),
    delete: (url) => client.request('DELETE', url),
  };
  return client;
}

/** Log in through the API; throws if the login fails. */
export async function loginAs(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<HttpClient> {
  const client = await anonymousClient(app);
  const res = await client.post('/api/auth/login', { username, password });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  client.csrf = res.json<{ csrfToken: string }>().csrfToken;
  return client;
}
