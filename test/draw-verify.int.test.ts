/**
 * Verifying a spot-check draw (PM-06, issue 8 §7b): anyone who may see the drawn draw can recompute
 * it (read-only); only the office that owns it (the personnel office that ran it) records the
 * verification on the draw, with its audit event.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, loginAs, type HttpClient, type TestEnv } from './app.js';
import { changedTables, snapshot } from './db-snapshot.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';

describeEachDialect('draw verification: anyone may recompute, only the owning office records (PM-06)', (dialect) => {
  let env: TestEnv;
  let world: World;
  let rs: HttpClient;
  let drawId: string;

  const verifiedEvents = async () =>
    (
      await env.ctx.db
        .selectFrom('audit_events')
        .select('actor_user_id')
        .where('action', '=', 'disclosures.draw_verified')
        .where('entity_id', '=', drawId)
        .execute()
    ).map((e) => e.actor_user_id);
  const row = () =>
    env.ctx.db
      .selectFrom('disclosure_draws')
      .select(['verified_at', 'verified_ok'])
      .where('id', '=', drawId)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    world = await seedWorld(env.ctx);
    rs = await loginAs(env.app, 'rs');
    drawId = (await rs.post('/api/disclosures/draws', { unitId: world.units.urumqi, year: 2026, ratio: 0.5 })).json<{
      id: string;
    }>().id;
    expect((await rs.post(`/api/disclosures/draws/${drawId}/publish`)).statusCode).toBe(200);
    expect((await rs.post(`/api/disclosures/draws/${drawId}/draw`, { publicValue: '3388.88' })).statusCode).toBe(200);
  });
  afterAll(() => env.close());

  it('lets the discipline office and a reporter on the list recompute the draw without recording anything', async () => {
    for (const username of ['jj', 'altm1']) {
      const c = await loginAs(env.app, username);
      const before = await snapshot(env.ctx.db, env.dialect);
      const res = await c.post(`/api/disclosures/draws/${drawId}/verify`);
      expect(res.statusCode, res.body).toBe(200);
      expect(changedTables(before, await snapshot(env.ctx.db, env.dialect)), username).toEqual([]);
      expect(res.json()).toMatchObject({ ok: true, problems: [], recorded: false });
    }
    expect(await row()).toEqual({ verified_at: null, verified_ok: null });
    expect(await verifiedEvents()).toEqual([]);
  });

  it('records the verification of the owning personnel office on the draw, with an audit event', async () => {
    const res = await rs.post(`/api/disclosures/draws/${drawId}/verify`);
    expect(res.json()).toMatchObject({ ok: true, recorded: true });
    expect(await row()).toMatchObject({ verified_ok: 1 });
    expect((await row()).verified_at).not.toBeNull();
    expect(await verifiedEvents()).toEqual([world.users.rs]);
  });

  it('still hides the draw from whoever may not see it (404), and from the admins (403)', async () => {
    expect(
      (await (await loginAs(env.app, 'altstaff')).post(`/api/disclosures/draws/${drawId}/verify`)).statusCode,
    ).toBe(404);
    expect((await (await loginAs(env.app, 'auditor')).post(`/api/disclosures/draws/${drawId}/verify`)).statusCode).toBe(
      403,
    );
  });
});
