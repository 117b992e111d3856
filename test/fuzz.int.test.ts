/**
 * Fuzzing every route (issue 8 §7b): for each route of the OpenAPI document, 20 bad inputs drawn
 * with a fixed seed from its zod contract (test/fuzz-input.ts), sent by a caller the access table
 * allows (so validation, not authorization, is exercised) with a valid CSRF token, on a record in
 * scope. Every answer must be 4xx, never 2xx or 5xx, and no table may change but the audit log,
 * sessions and rate-limiter counters.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ACCESS_TABLE, type AccessRow } from './access-table.js';
import { AccessWorld, type Who } from './access/world.js';
import { createTestEnv, type TestEnv } from './app.js';
import { changedTables, snapshot } from './db-snapshot.js';
import { describeEachDialect } from './db.js';
import { casesFor, prng, seedOf } from './fuzz-input.js';
import { textFieldsAccepting } from './zod-walk.js';
import { openApiRoutes, routeSchemas, type RouteKey, type RouteSchemas } from './route-schemas.js';

const SEED = 20260608;
const CASES_PER_ROUTE = 20;

/** Query ids that only narrow a search: an unknown one matches nothing, which is not an error. */
const SEARCH_FILTERS: Partial<Record<RouteKey, string[]>> = {
  'GET /api/audit/events': ['unitId'],
  'GET /api/audit/events/export.xlsx': ['unitId'],
};

/**
 * Body strings that are never stored or shown as typed: passwords (only hashed), and values the use
 * case matches against known ones and refuses otherwise (codes, category keys, grade labels,
 * candidate and relative ids, the ID number, ballot answers).
 */
const MATCHED_TEXT = [
  /\.(password|currentPassword|newPassword)$/,
  /^body\.code$/,
  /^body\.category$/,
  /^body\.teamGrade$/,
  /\.candidateId$/,
  /^body\.idNumber$/,
  /^body\.answers/,
  /\.(relativeId|owner)$/,
];

/** A caller the row allows on the in-scope record. */
function callerOf(r: AccessRow): Who {
  if (r.allow === 'public') return 'anon';
  if (r.allow === 'any') return 'altm1';
  return r.allow[0] as Who;
}

describeEachDialect('fuzz: bad input to every route answers 4xx and changes nothing', (dialect) => {
  let env: TestEnv;
  let w: AccessWorld;
  let schemas: Map<RouteKey, RouteSchemas>;
  let routes: RouteKey[];

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    w = await AccessWorld.create(env);
    schemas = await routeSchemas(env.ctx);
    routes = await openApiRoutes(env.app);
  });
  afterAll(() => env.close());

  it('knows the contract and a valid call of every route of the OpenAPI document', () => {
    expect(routes.filter((r) => !schemas.has(r))).toEqual([]);
    expect(routes.filter((r) => !ACCESS_TABLE.some((row) => row.route === r))).toEqual([]);
  });

  it('refuses control and bidi characters in every text field of every request body (the contracts, all fields)', () => {
    const open: string[] = [];
    for (const [route, s] of schemas) {
      if (!s.body) continue;
      for (const path of textFieldsAccepting(s.body, 'a\u0000b', '\u202eab')) {
        if (!MATCHED_TEXT.some((re) => re.test(path))) open.push(`${route} ${path}`);
      }
    }
    expect(open).toEqual([]);
  });

  it.each(ACCESS_TABLE.map((r) => [r.route, r] as const))('%s', async (route, r) => {
    const s = schemas.get(route);
    if (!s) throw new Error(`no schemas for ${route}`);
    const who = callerOf(r);
    const base = await r.build(w, 'in', who);
    if (!base) throw new Error(`no call for ${route}`);
    const cases = casesFor(route, s, base, CASES_PER_ROUTE, prng(seedOf(route, SEED)), SEARCH_FILTERS[route]);
    if (!cases.length) {
      // Nothing to get wrong: a GET without parameters, query or body.
      expect(route.startsWith('GET ') && !s.params && !s.query && !s.body, route).toBe(true);
      return;
    }
    const before = await snapshot(env.ctx.db, env.dialect);
    const problems: string[] = [];
    // A few at a time: every case must be refused, so their order does not matter.
    for (let i = 0; i < cases.length; i += 4) {
      const batch = cases.slice(i, i + 4);
      const answers = await Promise.all(batch.map((c) => w.send(route, who, c.call)));
      answers.forEach((res, j) => {
        if (res.statusCode < 400 || res.statusCode >= 500) {
          problems.push(`${batch[j]?.label}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      });
    }
    const changed = changedTables(before, await snapshot(env.ctx.db, env.dialect));
    if (changed.length) problems.push(`changed ${changed.join(', ')}`);
    expect(problems).toEqual([]);
  });
});
