/**
 * Decisions over HTTP: the statutory procedures gate (ZD-03..ZD-06) with working-day and
 * calendar-day windows, "三重一大" classification by the unit's threshold (TZ-02, overridable),
 * decisions outside meetings and the violation report (DC-03), follow-through tasks with the
 * deadline ending at 24:00 Beijing time (ZD-09), and an uncovered calendar year (a warning).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, loginAs, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';
import { altayTeam, approvedItem, catalogue, ok, ordinaryItem, schedule, type Team } from './meetings-helpers.js';

type Findings = { findings: { ruleId: string; kind: string; message_zh: string; facts: Record<string, unknown> }[] };

describeEachDialect('decisions: procedures, thresholds, follow-through and detectors', (dialect) => {
  let env: TestEnv;
  let world: World;
  let t: Team;
  let cat: (f: string) => string;
  let meetingId: string;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    world = await seedWorld(env.ctx);
    t = await altayTeam(env);
    cat = await catalogue(t.office, world.units.altay);
    meetingId = await schedule(t, world, '2026-06-12');
  });
  afterAll(() => env.close());

  const place = (agendaItemId: string) =>
    t.office.post(`/api/meetings/${meetingId}/items`, { agendaItemId, voteMethod: 'hands' });
  const step = (id: string, body: Record<string, unknown>) =>
    t.office.post(`/api/decisions/items/${id}/procedures`, body);

  it('keeps a major decision off the agenda until its statutory procedures are done (ZD-03..ZD-06)', async () => {
    const id = await approvedItem(t, world, {
      title: '关于优化口岸通关查验作业的实施方案',
      catalogueId: cat('口岸监管重大政策'),
    });
    const first = await place(id);
    expect(first.statusCode).toBe(422);
    expect(
      first
        .json<{ error: Findings }>()
        .error.findings.map((f) => f.ruleId)
        .sort(),
    ).toEqual(['PG-01', 'ZD-03', 'ZD-04', 'ZD-05', 'ZD-06']);

    // ZD-06: 7 working days from the day after sending (Thu 28 May): due Mon 8 June; done on 3 June warns.
    const legal = ok<Findings>(
      await step(id, {
        kind: 'legality',
        reviewer: '法规科',
        sentOn: '2026-05-28',
        completedOn: '2026-06-03',
        result: 'lawful',
        opinion: '合法',
      }),
    );
    expect(legal.findings[0]).toMatchObject({ ruleId: 'ZD-06', kind: 'warn', facts: { earliest: '2026-06-08' } });
    expect(
      (
        await step(id, {
          kind: 'legality',
          reviewer: '法规科',
          sentOn: '2026-05-20',
          completedOn: '2026-06-01',
          result: 'exploratory',
          opinion: '探索',
        })
      ).statusCode,
    ).toBe(422);

    // ZD-03: a public comment window of 30 days (from the day after publication), or a stated reason.
    // 1 April + 30 days = 1 May, in the Labour Day holiday (1-5 May 2026): the last day moves to Wed 6 May.
    const window = {
      kind: 'public_participation',
      methods: ['向社会公开征求意见'],
      commentStart: '2026-04-01',
      commentEnd: '2026-04-20',
      adoptionReport: '已采纳',
      completedOn: '2026-04-25',
    };
    const short = await step(id, window);
    expect(short.statusCode).toBe(422);
    expect(short.json<{ error: Findings }>().error.findings[0]).toMatchObject({
      ruleId: 'ZD-03',
      kind: 'block',
      facts: { earliestEnd: '2026-05-06' },
    });
    const hearing = await step(id, {
      ...window,
      methods: ['听证会'],
      hearingDate: '2026-04-20',
      hearingMaterialsSentOn: '2026-04-15',
    });
    expect(hearing.json<{ error: Findings }>().error.findings[0]?.message_zh).toContain('7 日前');
    ok(await step(id, { ...window, shortenedReason: '口岸疫情防控紧急需要' }));

    // ZD-04: experts; one with a direct interest is refused.
    ok(await step(id, { kind: 'expert_review', method: '论证会', conclusion: '方案可行', completedOn: '2026-05-10' }));
    const interested = await t.office.post(`/api/decisions/items/${id}/experts`, {
      name: '李工',
      organization: '某报关公司',
      hasInterest: true,
    });
    expect(interested.statusCode).toBe(422);
    expect(interested.json().error.findings[0].ruleId).toBe('ZD-04');
    ok(
      await t.office.post(`/api/decisions/items/${id}/experts`, {
        name: '王教授',
        organization: '新疆大学',
        field: '物流管理',
        hasInterest: false,
        opinionSigned: true,
      }),
      201,
    );

    // ZD-05: an uncontrollable risk blocks; a controllable one lets the item on.
    ok(
      await step(id, {
        kind: 'risk_assessment',
        riskPoints: '通关时效',
        measures: '分流',
        contingencyPlan: '预案',
        conclusion: 'uncontrollable',
        completedOn: '2026-05-15',
      }),
    );
    expect(
      (await place(id))
        .json<{ error: Findings }>()
        .error.findings.filter((f) => f.kind === 'block')
        .map((f) => f.ruleId),
    ).toEqual(['ZD-05']);
    ok(
      await step(id, {
        kind: 'risk_assessment',
        riskPoints: '通关时效',
        measures: '分流',
        contingencyPlan: '预案',
        conclusion: 'controllable',
        completedOn: '2026-05-16',
      }),
    );
    ok(
      await t.m[0]!.post(`/api/decisions/items/${id}/consultations`, {
        personId: world.people.altM1,
        note: '同意，建议分步实施',
        consultedOn: '2026-06-02',
      }),
      201,
    );
    const placed = ok<Findings>(await place(id), 201);
    expect(placed.findings.map((f) => f.ruleId).sort()).toEqual(['ZD-03', 'ZD-06']);
    expect(placed.findings.every((f) => f.kind === 'warn')).toBe(true);
  });

  it('refuses an unlawful draft, and an item the secretary has not approved (ZD-06, PG-05)', async () => {
    const id = await approvedItem(t, world, {
      title: '关于调整查验场地收费的方案',
      catalogueId: cat('口岸监管重大政策'),
    });
    ok(
      await step(id, {
        kind: 'legality',
        reviewer: '法规科',
        sentOn: '2026-05-01',
        completedOn: '2026-05-20',
        result: 'unlawful',
        opinion: '超越权限',
      }),
    );
    expect(
      (await place(id))
        .json<{ error: Findings }>()
        .error.findings.some((f) => f.ruleId === 'ZD-06' && f.message_zh.includes('不合法')),
    ).toBe(true);
    const proposed = ok<{ id: string }>(
      await t.m[1]!.post('/api/decisions/items', {
        unitId: world.units.altay,
        title: '关于食堂改造',
        summary: 's',
        catalogueId: cat('其他须集体讨论'),
      }),
      201,
    ).id;
    expect((await place(proposed)).json<{ error: Findings }>().error.findings[0]?.ruleId).toBe('PG-05');
  });

  it("classifies an amount at the unit's threshold as 三重一大, and follows the unit's override (TZ-02)", async () => {
    const r = ok<{ id: string } & Findings>(
      await t.office.post('/api/decisions/items', {
        unitId: world.units.altay,
        title: '购置查验设备',
        summary: 's',
        catalogueId: cat('其他须集体讨论'),
        amountFen: 1_000_000,
      }),
      201,
    );
    expect(r.findings[0]).toMatchObject({ ruleId: 'TZ-02', facts: { thresholdFen: 1_000_000 } });
    expect(
      ok<{ tzydCategory: string; tzydAuto: boolean }>(await t.office.get(`/api/decisions/items/${r.id}`)),
    ).toMatchObject({ tzydCategory: 'large_fund', tzydAuto: true });
    ok(
      await t.office.post('/api/rules/TZ-02/overrides', {
        unitId: world.units.altay,
        params: { largeFundThresholdFen: 5_000_000 },
        effectiveFrom: '2026-06-08',
        reason: '本关三重一大实施办法',
      }),
      201,
    );
    const below = ok<{ id: string } & Findings>(
      await t.office.post('/api/decisions/items', {
        unitId: world.units.altay,
        title: '购置办公家具',
        summary: 's',
        catalogueId: cat('其他须集体讨论'),
        amountFen: 1_000_000,
      }),
      201,
    );
    expect(below.findings).toEqual([]);
    expect(
      ok<{ tzydCategory: string | null }>(await t.office.get(`/api/decisions/items/${below.id}`)).tzydCategory,
    ).toBeNull();
  });

  it('registers a decision taken outside any meeting, flags it, and reports it for the unit and the unit above (DC-03)', async () => {
    const r = ok<{ id: string } & Findings>(
      await t.office.post('/api/decisions/outside', {
        unitId: world.units.altay,
        title: '采购查验车辆',
        summary: '说明',
        catalogueId: cat('大额资金'),
        amountFen: 30_000_000,
        decidedOn: '2026-05-20',
        decidedByPersonId: world.people.altSec,
        decidedHow: '个人决定',
        decisionText: '同意采购',
      }),
      201,
    );
    expect(r.findings.map((f) => f.ruleId)).toEqual(['DC-03']);
    const unit = ok<{
      items: { ruleId: string; detector: string; itemId: string; finding: { citation: { article: string } } }[];
    }>(await t.sec.get(`/api/decisions/violations?unitId=${world.units.altay}`));
    expect(unit.items.find((v) => v.itemId === r.id)).toMatchObject({
      ruleId: 'DC-03',
      detector: 'no_meeting',
      finding: { citation: { article: '第七十七条' } },
    });
    const rs = await loginAs(env.app, 'rs');
    const above = ok<{ units: { unitId: string; total: number }[]; items: { unitId: string }[] }>(
      await rs.get(`/api/decisions/violations?unitId=${world.units.urumqi}&scope=below`),
    );
    expect(above.units.map((u) => u.unitId).sort()).toEqual([world.units.altay, world.units.khorgos].sort());
    expect(above.units.find((u) => u.unitId === world.units.altay)?.total).toBeGreaterThan(0);
    const list = ok<{ items: { id: string; origin: string }[] }>(
      await t.m[0]!.get(`/api/decisions?unitId=${world.units.altay}`),
    );
    expect(list.items.find((i) => i.id === r.id)?.origin).toBe('outside_meeting');
  });

  it('tracks tasks: overdue once the deadline day has ended at 24:00 Beijing time, done at 100% (ZD-09)', async () => {
    const decided = ok<{ id: string }>(
      await t.office.post('/api/decisions/outside', {
        unitId: world.units.altay,
        title: '年度培训计划',
        summary: 's',
        catalogueId: cat('其他须集体讨论'),
        decidedOn: '2026-06-01',
        decidedHow: '书记专题会',
        decisionText: '同意',
      }),
      201,
    ).id;
    const taskId = ok<{ id: string }>(
      await t.office.post(`/api/decisions/items/${decided}/tasks`, {
        title: '组织培训',
        ownerPersonId: world.people.altM1,
        deadline: '2026-06-10',
      }),
      201,
    ).id;
    const state = async () =>
      ok<{ items: { id: string; state: string }[] }>(
        await t.office.get(`/api/decisions/tasks?unitId=${world.units.altay}`),
      ).items.find((x) => x.id === taskId)?.state;
    env.clock.set('2026-06-10T15:59:59.000Z'); // 23:59:59 on the deadline day
    t = await altayTeam(env);
    expect(await state()).toBe('not_started');
    env.clock.set('2026-06-10T16:00:00.000Z'); // 24:00
    expect(await state()).toBe('overdue');
    const dash = ok<{ overdueTasks: { id: string }[] }>(
      await t.sec.get(`/api/decisions/dashboard?unitId=${world.units.altay}`),
    );
    expect(dash.overdueTasks.map((x) => x.id)).toContain(taskId);
    expect(
      (await t.m[1]!.post(`/api/decisions/tasks/${taskId}/progress`, { percent: 50, note: '进行中' })).statusCode,
    ).toBe(403);
    ok(await t.m[0]!.post(`/api/decisions/tasks/${taskId}/progress`, { percent: 100, note: '已完成培训' }));
    expect(await state()).toBe('done');
    env.clock.set('2026-06-08T02:00:00.000Z');
    t = await altayTeam(env);
  });

  it('warns, never guesses, when the working-day calendar does not cover the year', async () => {
    await env.ctx.db.deleteFrom('calendar_years').where('year', '=', 2026).execute();
    env.ctx.calendar.invalidate();
    const id = await ordinaryItem(t, world, cat, '关于规范公文处理的办法');
    await env.ctx.db
      .updateTable('agenda_items')
      .set({ major_decision: 1, not_public: 1 })
      .where('id', '=', id)
      .execute();
    const r = ok<Findings>(
      await step(id, {
        kind: 'legality',
        reviewer: '法规科',
        sentOn: '2026-05-28',
        completedOn: '2026-06-03',
        result: 'lawful',
        opinion: '合法',
      }),
    );
    expect(r.findings[0]).toMatchObject({ ruleId: 'ZD-06', kind: 'warn', facts: { uncoveredYear: 2026 } });
    expect(r.findings[0]?.message_zh).toContain('工作日历未包含 2026 年');
  });
});
