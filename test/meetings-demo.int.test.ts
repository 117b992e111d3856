/**
 * The demo data set for meetings and decisions: a year of Altay's meetings consistent with the
 * rules (no detector fires for Altay), and a few lapses in other units for the report above.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../src/server/demo/seed.js';
import { createTestEnv, loginAs, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { ok } from './meetings-helpers.js';

const PASSWORD = 'Demo-Test-Passw0rd';

describeEachDialect('meetings: demo data', (dialect) => {
  let env: TestEnv;
  let altay: string;
  let urumqi: string;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    await seedDemo(env.ctx, { password: PASSWORD });
    const units = await env.ctx.db.selectFrom('units').select(['id', 'name']).execute();
    altay = units.find((u) => u.name === '阿勒泰海关')!.id;
    urumqi = units.find((u) => u.name === '乌鲁木齐海关')!.id;
  });
  afterAll(() => env.close());

  it("holds a year of Altay's meetings, a published one ahead, and tasks", async () => {
    const office = await loginAs(env.app, 'alt-bangong', PASSWORD);
    const list = ok<{
      items: { status: string; date: string; minutesStatus: string; minutesOverdue: boolean }[];
      findings: unknown[];
    }>(await office.get(`/api/meetings?unitId=${altay}&pageSize=100`));
    expect(list.items.filter((m) => m.status === 'closed').length).toBeGreaterThanOrEqual(11);
    expect(list.items.filter((m) => m.status === 'published')).toHaveLength(1);
    expect(list.items.every((m) => !m.minutesOverdue)).toBe(true);
    expect(list.findings).toEqual([]);
    const tasks = ok<{ items: { state: string }[] }>(await office.get(`/api/decisions/tasks?unitId=${altay}`)).items;
    expect(new Set(tasks.map((t) => t.state))).toEqual(new Set(['done', 'in_progress', 'overdue']));
  });

  it('is consistent with the rules: no detector fires for Altay, and every tally matches its ballots', async () => {
    const sec = await loginAs(env.app, 'alt-shuji', PASSWORD);
    expect(ok<{ total: number }>(await sec.get(`/api/decisions/violations?unitId=${altay}`)).total).toBe(0);
    const items = await env.ctx.db
      .selectFrom('meeting_items')
      .select(['id', 'participants', 'quorum_ok', 'vote_method'])
      .where('unit_id', '=', altay)
      .where('state', '=', 'closed')
      .execute();
    expect(items.length).toBeGreaterThan(40);
    for (const it of items) {
      expect(it.quorum_ok).toBe(1);
      const part = await env.ctx.db
        .selectFrom('vote_participation')
        .select('person_id')
        .where('meeting_item_id', '=', it.id)
        .execute();
      expect(part).toHaveLength(it.participants ?? -1);
    }
  });

  it('shows the unit above the lapses of other units, each with its rule', async () => {
    const rs = await loginAs(env.app, 'wlmq-renshi', PASSWORD);
    const report = ok<{
      units: { unitName: string; total: number }[];
      items: { unitName: string; ruleId: string; detector: string }[];
    }>(await rs.get(`/api/decisions/violations?unitId=${urumqi}&scope=below&pageSize=100`));
    expect(report.units).toHaveLength(9);
    const got = report.items.map((v) => `${v.unitName}:${v.detector}:${v.ruleId}`).sort();
    expect(got).toEqual([
      '伊宁海关:no_meeting:ZZ-03',
      '喀什海关:minutes_late:PG-12',
      '塔城海关:no_meeting:DC-03',
      '霍尔果斯海关:ad_hoc_personnel:ZZ-03',
    ]);
  });
});
