import { afterAll, beforeAll, expect, it } from 'vitest';
import { ruleContext } from '../src/server/modules/rules/rules.service.js';
import { createTestEnv, loginAs, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';

interface RuleView {
  id: string;
  kind: string;
  label: string;
  params: { key: string; effective: unknown; source: { unitName: string } | null }[];
}

describeEachDialect('rules registry and working-day calendar', (dialect) => {
  let env: TestEnv;
  let w: World;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    w = await seedWorld(env.ctx);
  });
  afterAll(() => env.close());

  it('lists every rule with citation, label, kind and parameters', async () => {
    const c = await loginAs(env.app, 'altm1');
    const items = (await c.get('/api/rules')).json<{ items: RuleView[] }>().items;
    expect(items.length).toBeGreaterThanOrEqual(120);
    const pg06 = items.find((r) => r.id === 'PG-06');
    expect(pg06).toMatchObject({ kind: 'block', label: 'VERIFIED-SECONDARY' });
    expect(items.filter((r) => r.label === 'UNVERIFIED').every((r) => r.kind !== 'block')).toBe(true);
  });

  it('applies an override from its effective date to the unit and the units below; an old date keeps the old value', async () => {
    const rs = await loginAs(env.app, 'rs');
    // rs is personnel of 乌鲁木齐海关, so it may set parameters of the units below it
    const r = await rs.post('/api/rules/PG-18/overrides', {
      unitId: w.units.altay,
      params: { closeVoteMargin: 2 },
      effectiveFrom: '2026-07-01',
      reason: '本关班子人数较多，扩大接近票数提醒范围',
    });
    expect(r.statusCode).toBe(201);
    const before = await ruleContext(env.ctx, 'PG-18', w.units.altay, '2026-06-30');
    const after = await ruleContext(env.ctx, 'PG-18', w.units.altay, '2026-07-01');
    expect(before.params.closeVoteMargin).toBe(1);
    expect(after.params.closeVoteMargin).toBe(2);
    const office = await loginAs(env.app, 'altoffice');
    const o = await office.post('/api/rules/PG-12/overrides', {
      unitId: w.units.altay,
      params: { minutesDeadlineDays: 10 },
      effectiveFrom: '2026-06-08',
      reason: '本关要求会后10日内审定纪要',
    });
    expect(o.statusCode).toBe(201);
    const listed = (await office.get(`/api/rules?unitId=${w.units.altay}&at=2026-07-02`)).json<{ items: RuleView[] }>()
      .items;
    const p18 = listed.find((x) => x.id === 'PG-18')?.params.find((p) => p.key === 'closeVoteMargin');
    expect(p18).toMatchObject({ effective: 2, source: { unitName: '阿勒泰海关' } });
    const history = (await office.get(`/api/rules/PG-18/overrides?unitId=${w.units.altay}`)).json<{
      items: { reason: string }[];
    }>().items;
    expect(history[0]?.reason).toContain('接近票数');
  });

  it('inherits an override set on a parent unit', async () => {
    // The personnel office above (of 海关总署) is not in the fixture; a unit office sets its own and the units below inherit.
    await env.ctx.db
      .insertInto('rule_overrides')
      .values({
        id: 'ov-parent',
        rule_id: 'PM-06',
        unit_id: w.units.urumqi,
        params: JSON.stringify({ randomRatio: 0.15 }),
        effective_from: '2026-01-01',
        reason: 'test',
        set_by: w.users.rs,
        set_at: '2026-01-01T00:00:00Z',
      })
      .execute();
    expect((await ruleContext(env.ctx, 'PM-06', w.units.altay, '2026-06-08')).params.randomRatio).toBe(0.15);
    expect((await ruleContext(env.ctx, 'PM-06', w.units.gac, '2026-06-08')).params.randomRatio).toBe(0.1);
  });

  it('refuses bad parameter values naming the parameter, unknown rules with 404, and members with 403', async () => {
    const office = await loginAs(env.app, 'altoffice');
    const bad = await office.post('/api/rules/PM-06/overrides', {
      unitId: w.units.altay,
      params: { randomRatio: 1.5 },
      effectiveFrom: '2026-06-01',
      reason: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('params.randomRatio');
    const unknownKey = await office.post('/api/rules/PM-06/overrides', {
      unitId: w.units.altay,
      params: { nope: 1 },
      effectiveFrom: '2026-06-01',
      reason: 'x',
    });
    expect(unknownKey.json().error.field).toBe('params.nope');
    expect(
      (
        await office.post('/api/rules/XX-99/overrides', {
          unitId: w.units.altay,
          params: { a: 1 },
          effectiveFrom: '2026-06-01',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(404);
    expect((await office.get('/api/rules/XX-99/overrides')).statusCode).toBe(404);
    const member = await loginAs(env.app, 'altm1');
    expect(
      (
        await member.post('/api/rules/PG-18/overrides', {
          unitId: w.units.altay,
          params: { closeVoteMargin: 3 },
          effectiveFrom: '2026-06-01',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await member.post('/api/rules/PG-18/overrides', {
          unitId: w.units.khorgos,
          params: { closeVoteMargin: 3 },
          effectiveFrom: '2026-06-01',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(404);
    expect((await member.get(`/api/rules?unitId=${w.units.khorgos}`)).statusCode).toBe(404);
    expect((await env.app.inject({ method: 'GET', url: '/api/rules' })).statusCode).toBe(401);
  });

  it('computes deadlines with the official calendar (notice, working days, calendar days, months)', async () => {
    const c = await loginAs(env.app, 'altm1');
    const q = async (s: string) =>
      (await c.get(`/api/calendar/compute?${s}`)).json<{
        ok: boolean;
        date: string | null;
        count: number | null;
        message_zh: string | null;
      }>();
    expect(await q('kind=notice_working_days&from=2026-06-08&n=5')).toMatchObject({ ok: true, date: '2026-06-12' });
    expect(await q('kind=working_days_after&from=2026-06-08&n=15')).toMatchObject({ ok: true, date: '2026-06-30' });
    expect(await q('kind=statutory_months&from=2026-03-10&n=6')).toMatchObject({ ok: true, date: '2026-09-09' });
    expect(await q('kind=count_working_days&from=2026-10-01&to=2026-10-10')).toMatchObject({ ok: true, count: 3 }); // 8, 9 and the make-up Saturday 10 October
    const uncovered = await q('kind=working_days_after&from=2026-12-28&n=10');
    expect(uncovered.ok).toBe(false);
    expect(uncovered.message_zh).toContain('2027');
  });

  it('lets the system admin enter a new year, after which deadlines in it compute; others get 403', async () => {
    const days = [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-01-02', kind: 'holiday', name: '元旦' },
      { date: '2027-01-03', kind: 'holiday', name: '元旦' },
    ];
    const member = await loginAs(env.app, 'altm1');
    expect((await member.put('/api/calendar/years/2027', { days })).statusCode).toBe(403);
    const sys = await loginAs(env.app, 'sysadmin');
    const wrongYear = await sys.put('/api/calendar/years/2027', {
      days: [{ date: '2028-01-01', kind: 'holiday', name: '元旦' }],
    });
    expect(wrongYear.json().error.field).toBe('days.0.date');
    const notWeekend = await sys.put('/api/calendar/years/2027', {
      days: [{ date: '2027-01-04', kind: 'workday', name: '调休' }],
    });
    expect(notWeekend.json().error.field).toBe('days.0.kind');
    expect((await sys.put('/api/calendar/years/2027', { days })).statusCode).toBe(200);
    const r = (await member.get('/api/calendar/compute?kind=working_days_after&from=2026-12-28&n=5')).json<{
      ok: boolean;
      date: string;
    }>();
    expect(r).toMatchObject({ ok: true, date: '2027-01-05' });
    expect((await member.get('/api/calendar/years/2027')).json<{ source: string; days: unknown[] }>()).toMatchObject({
      source: 'admin',
      days: expect.any(Array),
    });
    expect((await member.get('/api/calendar/years/2031')).statusCode).toBe(404);
  });
});
