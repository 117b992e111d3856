/**
 * The bad inputs the fuzz found (issue 8 §7b), pinned down one by one: each answers 4xx naming the
 * field, and nothing is written.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, loginAs, type HttpClient, type TestEnv } from './app.js';
import { changedTables, snapshot } from './db-snapshot.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';

describeEachDialect('bad input found by the fuzz', (dialect) => {
  let env: TestEnv;
  let world: World;
  let sysadmin: HttpClient;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    world = await seedWorld(env.ctx);
    sysadmin = await loginAs(env.app, 'sysadmin');
  });
  afterAll(() => env.close());

  /** The call's answer, and the tables it changed (audit events and sessions aside). */
  async function attempt(call: () => Promise<{ statusCode: number; json: () => unknown }>) {
    const before = await snapshot(env.ctx.db, env.dialect);
    const res = await call();
    return {
      res,
      body: res.json() as { error?: { field?: string } },
      changed: changedTables(before, await snapshot(env.ctx.db, env.dialect)),
    };
  }

  it('refuses to link an account to a person who does not exist (400 naming personId, was 500 from the foreign key)', async () => {
    for (const personId of ['019ea4f5-0000-7000-8000-00000000dead', 'no-such-person']) {
      const { res, body, changed } = await attempt(() =>
        sysadmin.patch(`/api/accounts/users/${world.users.altstaff}`, { personId }),
      );
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(body.error?.field).toBe('personId');
      expect(changed).toEqual([]);
    }
  });

  it('refuses a malformed record id in a body before looking it up', async () => {
    const { res, body, changed } = await attempt(() =>
      sysadmin.patch(`/api/accounts/users/${world.users.altstaff}`, { personId: "1' OR '1'='1" }),
    );
    expect(res.statusCode).toBe(400);
    expect(body.error?.field).toBe('personId');
    expect(changed).toEqual([]);
  });

  it('refuses control and bidi characters in stored text, naming the field', async () => {
    for (const displayName of ['a\u0000b', '\u202egnp.exe']) {
      const { res, body, changed } = await attempt(() =>
        sysadmin.patch(`/api/accounts/users/${world.users.altstaff}`, { displayName }),
      );
      expect(res.statusCode).toBe(400);
      expect(body.error?.field).toBe('displayName');
      expect(changed).toEqual([]);
    }
  });

  it('refuses an account change that changes nothing (a body of unknown keys is not an edit)', async () => {
    const { res, changed } = await attempt(() =>
      sysadmin.patch(`/api/accounts/users/${world.users.altstaff}`, { a: { a: 1 } }),
    );
    expect(res.statusCode).toBe(400);
    expect(changed).toEqual([]);
  });
});
