/**
 * The authorization matrix (issue 8 §7b): every route of the OpenAPI document has a row in the
 * access table (test/access-table.ts), and every account of the test world plus a visitor without
 * a session calls it, on a record in scope and on one out of scope. Callers the row allows get 2xx
 * (or the status the row declares); everyone else gets 401 without a session and 403 or 404 with
 * one, and the refused calls change nothing. A route without a row fails.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ACCESS_TABLE, type AccessRow } from './access-table.js';
import { AccessWorld, USERS, type Call, type Scope, type Who } from './access/world.js';
import { createTestEnv, type TestEnv } from './app.js';
import { changedTables, snapshot } from './db-snapshot.js';
import { describeEachDialect } from './db.js';
import { openApiRoutes, type RouteKey } from './route-schemas.js';

function allowedIn(r: AccessRow, scope: Scope): Set<Who> {
  if (r.allow === 'public') return new Set<Who>(['anon', ...USERS]);
  if (r.allow === 'any') return new Set<Who>(USERS);
  return new Set<Who>(scope === 'in' ? r.allow : (r.out ?? []));
}

const isRefusal = (who: Who, status: number) => (who === 'anon' ? status === 401 : status === 403 || status === 404);

/** Every call of one row; returns the problems found (empty when the row holds). */
async function checkRow(w: AccessWorld, r: AccessRow): Promise<string[]> {
  const problems: string[] = [];
  const scopes: Scope[] = r.allow === 'public' || r.allow === 'any' || r.noScope ? ['in'] : ['in', 'out'];
  const shared = new Map<Scope, Call>();
  for (const scope of scopes) {
    const call = await r.build(w, scope, null);
    if (call) shared.set(scope, call);
    else if (scope === 'in') problems.push('the row builds no in-scope call');
  }
  // Refused calls first, on records built once per scope; a refused write must change nothing.
  const writes = !r.route.startsWith('GET ');
  const before = writes ? await snapshot(w.env.ctx.db, w.env.dialect) : null;
  for (const [scope, call] of shared) {
    const allowed = allowedIn(r, scope);
    const refused = (['anon', ...USERS] as Who[]).filter((who) => !allowed.has(who));
    // A few at a time: refusals change nothing, so their order does not matter.
    for (let i = 0; i < refused.length; i += 4) {
      const batch = refused.slice(i, i + 4);
      const answers = await Promise.all(batch.map((who) => w.send(r.route, who, call)));
      answers.forEach((res, j) => {
        const who = batch[j] as Who;
        if (!isRefusal(who, res.statusCode)) {
          problems.push(
            `${scope} ${who}: ${res.statusCode}, expected ${who === 'anon' ? 401 : '403/404'} ${res.body.slice(0, 160)}`,
          );
        }
      });
    }
  }
  if (before) {
    const changed = changedTables(before, await snapshot(w.env.ctx.db, w.env.dialect));
    if (changed.length) problems.push(`refused calls changed ${changed.join(', ')}`);
  }
  // Then each allowed caller on a record of its own (a successful call may change it).
  for (const scope of shared.keys()) {
    const allowed = allowedIn(r, scope);
    for (const who of allowed) {
      const call = await r.build(w, scope, who);
      if (!call) throw new Error(`${r.route}: no ${scope} call for ${who}`);
      const res = await w.send(r.route, who, call);
      const ok = r.ok ? res.statusCode === r.ok : res.statusCode >= 200 && res.statusCode < 300;
      if (!ok) problems.push(`${scope} ${who}: ${res.statusCode}, expected ${r.ok ?? '2xx'} ${res.body.slice(0, 200)}`);
      await r.after?.(w, who);
    }
  }
  return problems;
}

describeEachDialect('authorization matrix over the OpenAPI document', (dialect) => {
  let env: TestEnv;
  let w: AccessWorld;
  let routes: RouteKey[];

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    w = await AccessWorld.create(env);
    routes = await openApiRoutes(env.app);
  });
  afterAll(() => env.close());

  it('has one row for every route of the OpenAPI document, and no row for a route that does not exist', () => {
    const keys = ACCESS_TABLE.map((r) => r.route);
    expect(routes.length).toBeGreaterThan(100);
    expect(
      routes.filter((r) => !keys.includes(r)),
      'routes without a row',
    ).toEqual([]);
    expect(
      keys.filter((k) => !routes.includes(k)),
      'rows without a route',
    ).toEqual([]);
    expect(
      keys.filter((k, i) => keys.indexOf(k) !== i),
      'routes with two rows',
    ).toEqual([]);
  });

  it.each(ACCESS_TABLE.map((r) => [r.route, r] as const))('%s', async (_route, r) => {
    expect(await checkRow(w, r)).toEqual([]);
  });
});
