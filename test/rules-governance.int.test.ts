/**
 * Rule parameters cannot loosen the law (issue 8 §3): each parameter's governance decides who may
 * change it and how far; an override takes effect today or later; the root unit loosens only on
 * the server's CLI (logged); a closed meeting keeps the values it was held under.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOverrideFromCli } from '../src/server/modules/rules/overrides.service.js';
import { parseOverrideArgs } from '../src/server/modules/rules/rules.cli.js';
import { ruleContext } from '../src/server/modules/rules/rules.service.js';
import { createTestEnv, loginAs, type HttpClient, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';
import { altayTeam, attend, ok, schedule, type Team } from './meetings-helpers.js';

interface Refusal {
  error: {
    code: string;
    message: string;
    field?: string;
    findings?: { ruleId: string; facts: Record<string, unknown> }[];
  };
}

const TODAY = '2026-06-08';

describe('banzi rules override: arguments', () => {
  it('reads the rule, unit, values (as JSON when they parse), date and reason', () => {
    expect(
      parseOverrideArgs([
        'C-01',
        '--unit',
        'u1',
        '--set',
        'minGroupSize=6',
        '--set',
        'smallGroupPolicy=withhold',
        '--from',
        '2026-07-01',
        '--reason',
        '总署决定',
      ]),
    ).toEqual({
      ruleId: 'C-01',
      body: {
        unitId: 'u1',
        params: { minGroupSize: 6, smallGroupPolicy: 'withhold' },
        effectiveFrom: '2026-07-01',
        reason: '总署决定',
      },
    });
    expect(parseOverrideArgs(['C-01', '--unit', 'u1'])).toHaveProperty('error');
    expect(parseOverrideArgs(['C-01', '--unit', 'u', '--set', 'x', '--from', 'd', '--reason', 'r'])).toHaveProperty(
      'error',
    );
  });
});

describeEachDialect('rule parameter governance', (dialect) => {
  let env: TestEnv;
  let w: World;
  let office: HttpClient;
  let rs: HttpClient;
  const override = (c: HttpClient, ruleId: string, params: Record<string, unknown>, extra = {}) =>
    c.post(`/api/rules/${ruleId}/overrides`, {
      unitId: w.units.altay,
      params,
      effectiveFrom: TODAY,
      reason: '测试',
      ...extra,
    });
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    w = await seedWorld(env.ctx);
    office = await loginAs(env.app, 'altoffice');
    rs = await loginAs(env.app, 'rs');
  });
  afterAll(() => env.close());

  it('lists each parameter with its governance', async () => {
    const items = (await office.get('/api/rules')).json<{
      items: { id: string; params: { key: string; governance: unknown }[] }[];
    }>().items;
    const gov = (id: string, key: string) =>
      items.find((r) => r.id === id)?.params.find((p) => p.key === key)?.governance;
    expect(gov('PG-06', 'quorumNumerator')).toEqual({ kind: 'fixed' });
    expect(gov('C-01', 'minGroupSize')).toEqual({ kind: 'tighten_only', stricter: 'higher', limit: 5 });
    expect(gov('SE-09', 'reconsiderationDenominator')).toEqual({
      kind: 'free',
      options: ['all_members', 'expected_members'],
    });
  });

  it('refuses a fixed parameter (PG-06 quorum) with its rule, for the unit and for the unit above', async () => {
    for (const c of [office, rs]) {
      const r = await override(c, 'PG-06', { quorumNumerator: 1, quorumDenominator: 3 });
      expect(r.statusCode, r.body).toBe(422);
      const body = r.json<Refusal>();
      expect(body.error).toMatchObject({ code: 'RULE_VIOLATION', field: 'params.quorumNumerator' });
      expect(body.error.message).toContain('固定参数');
      expect(body.error.findings?.[0]).toMatchObject({ ruleId: 'PG-06', facts: { problem: 'fixed' } });
    }
  });

  it('lets a unit tighten its own tighten-only parameter; loosening needs the unit above, never below the limit (C-01)', async () => {
    expect(ok(await override(office, 'C-01', { minGroupSize: 7 }), 201)).toHaveProperty('id');
    const loosen = await override(office, 'C-01', { minGroupSize: 6 });
    expect(loosen.statusCode).toBe(422);
    expect(loosen.json<Refusal>().error.message).toContain('上级单位人事部门');
    expect(loosen.json<Refusal>().error.findings?.[0]?.facts).toMatchObject({ problem: 'needs_above', current: 7 });
    ok(await override(rs, 'C-01', { minGroupSize: 6 }), 201);
    const below = await override(rs, 'C-01', { minGroupSize: 4 });
    expect(below.statusCode).toBe(422);
    expect(below.json<Refusal>().error.findings?.[0]?.facts).toMatchObject({ problem: 'beyond_limit', limit: 5 });
    expect((await ruleContext(env.ctx, 'C-01', w.units.altay, TODAY)).params.minGroupSize).toBe(6);
    // PG-07 disciplineItemsToo (UNVERIFIED extension): the unit may not switch it off, the unit above may
    expect((await override(office, 'PG-07', { disciplineItemsToo: false })).statusCode).toBe(422);
    ok(await override(office, 'PG-07', { personnelQuorumInclusive: false }), 201);
  });

  it('moves a free parameter within its bounds (PG-13, SE-09, PG-18)', async () => {
    ok(await override(office, 'SE-09', { reconsiderationDenominator: 'expected_members' }), 201);
    const bad = await override(office, 'SE-09', { reconsiderationDenominator: 'present' });
    expect([bad.statusCode, bad.json<Refusal>().error.field]).toEqual([400, 'params.reconsiderationDenominator']);
    const margin = await override(office, 'PG-18', { closeVoteMargin: 6 });
    expect([margin.statusCode, margin.json<Refusal>().error.field]).toEqual([400, 'params.closeVoteMargin']);
    ok(await override(office, 'PG-13', { recusedCountInExpected: false }), 201);
  });

  it('takes effect today or later, never in the past', async () => {
    const past = await override(rs, 'PG-18', { closeVoteMargin: 2 }, { effectiveFrom: '2026-06-07' });
    expect([past.statusCode, past.json<Refusal>().error.field]).toEqual([400, 'effectiveFrom']);
    ok(await override(rs, 'PG-18', { closeVoteMargin: 2 }, { effectiveFrom: '2026-09-01' }), 201);
  });

  it('sends the root unit’s office to the CLI for loosening; the CLI loosens the root only, logged', async () => {
    const root = w.units.gac;
    await env.ctx.db
      .insertInto('role_grants')
      .values({
        id: 'grant-gac-office',
        user_id: w.users.ursec,
        role: 'office',
        unit_id: root,
        granted_by: 'test',
        granted_at: '2026-01-01T00:00:00Z',
        revoked_by: null,
        revoked_at: null,
      })
      .execute();
    const gacOffice = await loginAs(env.app, 'ursec');
    const body = (params: Record<string, unknown>) => ({
      unitId: root,
      params,
      effectiveFrom: TODAY,
      reason: '总署规定',
    });
    ok(await gacOffice.post('/api/rules/PM-06/overrides', body({ randomRatio: 0.2 })), 201);
    const loosen = await gacOffice.post('/api/rules/PM-06/overrides', body({ randomRatio: 0.15 }));
    expect(loosen.statusCode).toBe(422);
    expect(loosen.json<Refusal>().error.message).toContain('banzi rules override');
    await createOverrideFromCli(env.ctx, 'PM-06', body({ randomRatio: 0.15 }));
    expect((await ruleContext(env.ctx, 'PM-06', root, TODAY)).params.randomRatio).toBe(0.15);
    await expect(
      createOverrideFromCli(env.ctx, 'PM-06', { ...body({ randomRatio: 0.12 }), unitId: w.units.altay }),
    ).rejects.toThrow(/根单位/);
    await expect(createOverrideFromCli(env.ctx, 'PG-09', body({ passMajorityNumerator: 1 }))).rejects.toThrow(
      /固定参数/,
    );
    await expect(createOverrideFromCli(env.ctx, 'C-01', body({ minGroupSize: 3 }))).rejects.toThrow(/不能宽于/);
    const logged = await env.ctx.db
      .selectFrom('audit_events')
      .select(['actor_name', 'details'])
      .where('action', '=', 'rules.override_set')
      .where('entity_id', '=', 'PM-06')
      .execute();
    expect(logged.map((e) => e.actor_name)).toContain('cli');
    const history = (await gacOffice.get(`/api/rules/PM-06/overrides?unitId=${root}`)).json<{
      items: { setBy: string }[];
    }>().items;
    expect(history.map((h) => h.setBy)).toContain('服务器命令行（banzi rules override）');
  });

  it('answers 401 without a session and 403 to a member', async () => {
    const anon = await env.app.inject({ method: 'POST', url: '/api/rules/C-01/overrides', payload: {} });
    expect(anon.statusCode).toBe(401);
    const member = await loginAs(env.app, 'altm1');
    expect((await override(member, 'C-01', { minGroupSize: 8 })).statusCode).toBe(403);
  });
});

describeEachDialect('a closed meeting keeps the rule values it was held under (issue 8 §3)', (dialect) => {
  let env: TestEnv;
  let w: World;
  let t: Team;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    w = await seedWorld(env.ctx);
    t = await altayTeam(env);
  });
  afterAll(() => env.close());

  it('an override effective the day a meeting closed does not change that meeting’s minutes deadline', async () => {
    const deadline = async (id: string) =>
      ok<{ deadline: string | null }>(await t.office.get(`/api/meetings/${id}/minutes`)).deadline;
    const first = await schedule(t, w, TODAY, { entryMode: 'retrospective', retrospectiveReason: '纸质会议补录' });
    await attend(t, w, first);
    ok(await t.office.post(`/api/meetings/${first}/open`));
    ok(await t.office.post(`/api/meetings/${first}/close`));
    const before = await deadline(first);
    ok(
      await t.office.post('/api/rules/PG-12/overrides', {
        unitId: w.units.altay,
        params: { minutesDeadlineDays: 5 },
        effectiveFrom: TODAY,
        reason: '本关要求会后5日内审定记录',
      }),
      201,
    );
    expect(await deadline(first)).toBe(before);
    const second = await schedule(t, w, TODAY, { entryMode: 'retrospective', retrospectiveReason: '纸质会议补录' });
    await attend(t, w, second);
    ok(await t.office.post(`/api/meetings/${second}/open`));
    expect(await deadline(second)).not.toBe(before);
    const listed = ok<{ items: { id: string; minutesDeadline: string | null }[] }>(
      await t.office.get(`/api/meetings?unitId=${w.units.altay}`),
    ).items;
    expect(listed.find((m) => m.id === first)?.minutesDeadline).toBe(before);
  });
});
