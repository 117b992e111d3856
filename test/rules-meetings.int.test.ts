/**
 * Rule fixes and rule ids on refusals in meetings and decisions (issue 8 §4, §5): leave only
 * before the meeting (PG-08), the personnel quorum shown with the parameter it enforces (PG-07),
 * a duplicate vote and a choice of another item carry their rules (PG-09, PG-11), the UNVERIFIED
 * discipline extension of PG-07 labelled, the unit's reconsideration base (SE-09), a suspension
 * by due procedure (ZD-09), and the refusals of the decisions module with their rules.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';
import {
  addToAgenda,
  altayTeam,
  approvedItem,
  attend,
  catalogue,
  meeting,
  ok,
  ordinaryItem,
  personnelItem,
  schedule,
  vote,
  type Team,
} from './meetings-helpers.js';

const TODAY = '2026-06-08';
type F = { ruleId: string; kind: string; facts: Record<string, unknown> };
type Err = { error: { code: string; message: string; field?: string; findings?: F[] } };

describeEachDialect('meetings: PG-08 leave, the PG-07 display, ballots with their rules', (dialect) => {
  let env: TestEnv;
  let w: World;
  let t: Team;
  let cat: (f: string) => string;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    w = await seedWorld(env.ctx);
    t = await altayTeam(env);
    cat = await catalogue(t.office, w.units.altay);
  });
  afterAll(() => env.close());

  it('refuses leave once the meeting has opened, even before its start time, through every route (PG-08); a paper meeting records it', async () => {
    const id = await schedule(t, w, TODAY, { startTime: '11:00' }); // now is 10:00
    await addToAgenda(t, id, await ordinaryItem(t, w, cat, '关于请假规则测试的议题'));
    ok(await t.office.post(`/api/meetings/${id}/publish`));
    await attend(t, w, id, { altM4: 'absent' });
    ok(await t.office.post(`/api/meetings/${id}/open`));
    const byOffice = await t.office.post(`/api/meetings/${id}/attendance`, {
      personId: w.people.altM4,
      status: 'leave',
      reason: '临时外出',
    });
    expect(byOffice.statusCode).toBe(409);
    const e = byOffice.json<Err>().error;
    expect(e.code).toBe('INVALID_STATE');
    expect(e.findings?.[0]).toMatchObject({ ruleId: 'PG-08', kind: 'block' });
    const byMember = await t.m[3]!.post(`/api/meetings/${id}/leave`, { reason: '临时外出' });
    expect(byMember.statusCode).toBe(409);
    expect(byMember.json<Err>().error.findings?.[0]?.ruleId).toBe('PG-08');
    const m = ok<{ attendance: { personId: string; status: string }[] }>(await t.office.get(`/api/meetings/${id}`));
    expect(m.attendance.find((a) => a.personId === w.people.altM4)?.status).toBe('absent');

    const paper = await schedule(t, w, TODAY, { entryMode: 'retrospective', retrospectiveReason: '纸质会议补录' });
    await attend(t, w, paper);
    ok(await t.office.post(`/api/meetings/${paper}/open`));
    ok(
      await t.office.post(`/api/meetings/${paper}/attendance`, {
        personId: w.people.altM4,
        status: 'leave',
        reason: '会前已请假（纸质记录）',
      }),
    );
  });

  it('refuses a second vote (PG-09) and a choice naming another item’s candidate (PG-11) with their rules', async () => {
    const id = await schedule(t, w, TODAY, { startTime: '09:30' });
    const a = await addToAgenda(t, id, await personnelItem(t, w, cat, '关于任命王五为查验科科长的议题'), 'named');
    const b = await addToAgenda(t, id, await personnelItem(t, w, cat, '关于任命赵六为统计科科长的议题'), 'named');
    ok(await t.office.post(`/api/meetings/${id}/publish`));
    await attend(t, w, id);
    ok(await t.office.post(`/api/meetings/${id}/open`));
    const m = await meeting(t.office, id);
    const candA = m.items.find((i) => i.id === a)!.candidates[0]!.id;
    const candB = m.items.find((i) => i.id === b)!.candidates[0]!.id;
    ok(await t.office.post(`/api/meetings/items/${a}/start-voting`));
    const other = await vote(t.m[0]!, a, 'agree', candB);
    expect(other.statusCode).toBe(400);
    expect(other.json<Err>().error).toMatchObject({ field: 'choices', message: '表决对象不属于本议题' });
    expect(other.json<Err>().error.findings?.[0]?.ruleId).toBe('PG-11');
    ok(await vote(t.m[0]!, a, 'agree', candA));
    const again = await vote(t.m[0]!, a, 'agree', candA);
    expect(again.statusCode).toBe(409);
    expect(again.json<Err>().error).toMatchObject({ code: 'CONFLICT', message: '您已对本议题表决，不能重复投票' });
    expect(again.json<Err>().error.findings?.[0]?.ruleId).toBe('PG-09');
  });

  it('labels the PG-07 extension to a discipline item UNVERIFIED, and still blocks below 2/3 while the parameter is on', async () => {
    const id = await schedule(t, w, TODAY, { startTime: '09:45' });
    const item = await addToAgenda(
      t,
      id,
      await approvedItem(t, w, { title: '关于给予某党员警告处分的议题', catalogueId: cat('党员纪律处分') }),
    );
    ok(await t.office.post(`/api/meetings/${id}/publish`));
    await attend(t, w, id, { altM3: 'absent', altM4: 'absent' });
    ok(await t.office.post(`/api/meetings/${id}/open`));
    const r = await t.office.post(`/api/meetings/items/${item}/start-voting`);
    expect(r.statusCode).toBe(422);
    const f = r.json<Err>().error.findings?.find((x) => x.ruleId === 'PG-07');
    expect(f).toMatchObject({ kind: 'block', facts: { extension: 'party_discipline', extensionLabel: 'UNVERIFIED' } });
    expect(r.json<Err>().error.message).toContain('待核实');
  });
});

describeEachDialect('meetings: the PG-07 count shown with its parameter', (dialect) => {
  let env: TestEnv;
  let w: World;
  let t: Team;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    w = await seedWorld(env.ctx);
    t = await altayTeam(env);
    // a sixth Party Group member, so that "2/3以上" and "more than 2/3" differ (4 or 5 of 6)
    await env.ctx.db
      .insertInto('team_members')
      .values({
        id: 'tm-sixth',
        unit_id: w.units.altay,
        person_id: w.people.altStaff,
        team_post: 'member',
        admin_post: '党组成员',
        is_party_group_member: 1,
        division_of_work: '协助',
        start_date: '2021-01-01',
        end_date: null,
        end_reason: null,
        sort_order: 9,
        created_at: '2021-01-01T00:00:00Z',
        updated_at: '2021-01-01T00:00:00Z',
      })
      .execute();
  });
  afterAll(() => env.close());

  type Q = {
    members: number;
    personnelRequired: number;
    personnelRatio: { num: number; den: number; inclusive: boolean; disciplineItemsToo: boolean };
  };
  const quorumOf = async (id: string) => ok<{ quorum: Q }>(await t.office.get(`/api/meetings/${id}`)).quorum;

  it('counts the personnel quorum with personnelQuorumInclusive and says which ratio it enforces', async () => {
    const first = await schedule(t, w, TODAY, { startTime: '15:00' });
    expect(await quorumOf(first)).toMatchObject({
      members: 6,
      personnelRequired: 4,
      personnelRatio: { num: 2, den: 3, inclusive: true, disciplineItemsToo: true },
    });
    ok(
      await t.office.post('/api/rules/PG-07/overrides', {
        unitId: w.units.altay,
        params: { personnelQuorumInclusive: false },
        effectiveFrom: TODAY,
        reason: '本关议事规则：干部任免须超过三分之二成员到会',
      }),
      201,
    );
    expect(await quorumOf(first)).toMatchObject({ personnelRequired: 5, personnelRatio: { inclusive: false } });
  });
});

describeEachDialect(
  'meetings: the unit’s reconsideration base (SE-09) and a suspension by due procedure (ZD-09)',
  (dialect) => {
    let env: TestEnv;
    let w: World;
    let t: Team;
    let cat: (f: string) => string;
    beforeAll(async () => {
      env = await createTestEnv(dialect);
      w = await seedWorld(env.ctx);
      t = await altayTeam(env);
      cat = await catalogue(t.office, w.units.altay);
    });
    afterAll(() => env.close());

    const allAgree = async (itemId: string, cand: string) =>
      ok(
        await t.office.post(`/api/meetings/items/${itemId}/recorded-votes`, {
          entries: ['altM1', 'altM2', 'altM3', 'altM4', 'altSec'].map((p) => ({
            personId: w.people[p],
            choices: [{ candidateId: cand, choice: 'agree' }],
          })),
        }),
      );

    it('counts a reconsideration against the members expected when the unit says so (reconsiderationDenominator)', async () => {
      const id = await schedule(t, w, TODAY, { startTime: '16:00' });
      const orig = await personnelItem(t, w, cat, '关于任命钱七为监管科科长的议题');
      const mo = await addToAgenda(t, id, orig, 'oral');
      ok(await t.office.post(`/api/meetings/${id}/publish`));
      await attend(t, w, id);
      ok(await t.office.post(`/api/meetings/${id}/open`));
      const cand = (await meeting(t.office, id)).items.find((i) => i.id === mo)!.candidates[0]!.id;
      ok(await t.office.post(`/api/meetings/items/${mo}/start-voting`));
      await allAgree(mo, cand);
      ok(await t.office.post(`/api/meetings/items/${mo}/close-voting`));
      for (const [rule, params] of [
        ['SE-09', { reconsiderationDenominator: 'expected_members' }],
        ['PG-13', { recusedCountInExpected: false, recusedCountAsPresentForQuorum: true }],
      ] as const) {
        ok(
          await t.office.post(`/api/rules/${rule}/overrides`, {
            unitId: w.units.altay,
            params,
            effectiveFrom: TODAY,
            reason: '本关议事规则',
          }),
          201,
        );
      }
      const id2 = await schedule(t, w, TODAY, { startTime: '17:00' });
      const rec = await approvedItem(t, w, {
        title: '关于复议钱七任职的议题',
        catalogueId: cat('科级干部任免'),
        amendsItemId: orig,
        amendKind: 'reconsider',
      });
      const mr = await addToAgenda(t, id2, rec, 'oral');
      ok(await t.office.post(`/api/meetings/${id2}/publish`));
      await attend(t, w, id2);
      ok(await t.office.post(`/api/meetings/${id2}/open`));
      for (const p of ['altM3', 'altM4']) {
        ok(await t.office.post(`/api/meetings/items/${mr}/recusals`, { personId: w.people[p], reason: '近亲属' }));
      }
      ok(await t.office.post(`/api/meetings/items/${mr}/start-voting`));
      ok(
        await t.office.post(`/api/meetings/items/${mr}/recorded-votes`, {
          entries: ['altM1', 'altM2', 'altSec'].map((p, i) => ({
            personId: w.people[p],
            choices: [{ candidateId: 'main', choice: i < 2 ? 'agree' : 'disagree' }],
          })),
        }),
      );
      const r = ok<{ result: string; findings: F[] }>(await t.office.post(`/api/meetings/items/${mr}/close-voting`));
      expect(r.findings.find((f) => f.ruleId === 'SE-09')?.facts).toMatchObject({ agree: 2, members: 5, base: 3 });
      expect(r.result).toBe('passed');
    });

    it('suspends a decision’s tasks by a meeting decision, with the rule; a suspended task takes no progress (ZD-09)', async () => {
      const decided = ok<{ id: string }>(
        await t.office.post('/api/decisions/outside', {
          unitId: w.units.altay,
          title: '年度窗口服务改进方案',
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
          title: '改造服务窗口',
          ownerUnit: '综合处',
          deadline: '2026-09-30',
        }),
        201,
      ).id;
      const suspend = await approvedItem(t, w, {
        title: '关于中止执行窗口服务改进方案的议题',
        catalogueId: cat('其他须集体讨论'),
        amendsItemId: decided,
        amendKind: 'suspend',
      });
      const id = await schedule(t, w, TODAY, { startTime: '18:00' });
      const mi = await addToAgenda(t, id, suspend, 'oral');
      ok(await t.office.post(`/api/meetings/${id}/publish`));
      await attend(t, w, id);
      ok(await t.office.post(`/api/meetings/${id}/open`));
      ok(await t.office.post(`/api/meetings/items/${mi}/start-voting`));
      await allAgree(mi, 'main');
      const r = ok<{ result: string; findings: F[] }>(await t.office.post(`/api/meetings/items/${mi}/close-voting`));
      expect(r.result).toBe('passed');
      expect(r.findings.find((f) => f.ruleId === 'ZD-09')).toMatchObject({ kind: 'info' });
      const progress = await t.office.post(`/api/decisions/tasks/${taskId}/progress`, { percent: 50, note: '进行中' });
      expect(progress.statusCode).toBe(409);
      expect(progress.json<Err>().error.findings?.[0]?.ruleId).toBe('ZD-09');
    });
  },
);

describeEachDialect('decisions: refusals and findings carry their rules', (dialect) => {
  let env: TestEnv;
  let w: World;
  let t: Team;
  let cat: (f: string) => string;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    w = await seedWorld(env.ctx);
    t = await altayTeam(env);
  });
  afterAll(() => env.close());

  it('seeds the catalogue from the Party Group’s tasks (PG-17) and says so', async () => {
    const seeded = ok<{ count: number; findings: F[] }>(
      await t.office.post('/api/decisions/catalogue/seed', { unitId: w.units.altay }),
      201,
    );
    expect(seeded.findings[0]).toMatchObject({ ruleId: 'PG-17', kind: 'info' });
    cat = await catalogue(t.office, w.units.altay);
  });

  it('refuses an item outside the catalogue (PG-02) and a personnel item without candidates (SE-09); says a 三重一大 item is decided collectively (TZ-01)', async () => {
    const body = { unitId: w.units.altay, title: '议题', summary: 's' };
    const outside = await t.office.post('/api/decisions/items', { ...body, catalogueId: 'no-such-entry' });
    expect([outside.statusCode, outside.json<Err>().error.field]).toEqual([400, 'catalogueId']);
    expect(outside.json<Err>().error.findings?.[0]).toMatchObject({ ruleId: 'PG-02', kind: 'block' });
    const noCandidates = await t.office.post('/api/decisions/items', { ...body, catalogueId: cat('科级干部任免') });
    expect(noCandidates.json<Err>().error.findings?.[0]?.ruleId).toBe('SE-09');
    const fund = ok<{ findings: F[] }>(
      await t.office.post('/api/decisions/items', { ...body, catalogueId: cat('大额资金') }),
      201,
    );
    expect(fund.findings.find((f) => f.ruleId === 'TZ-01')).toMatchObject({
      kind: 'info',
      facts: { category: 'large_fund', categoryName: '大额资金使用' },
    });
  });

  it('refuses statutory procedures for an ordinary item (ZD-01), a recorder from another unit (PG-12), deferring a clear vote (PG-18)', async () => {
    const item = await ordinaryItem(t, w, cat, '关于调整值班表的议题');
    const proc = await t.office.post(`/api/decisions/items/${item}/procedures`, {
      kind: 'expert_review',
      method: '论证会',
      conclusion: '可行',
      completedOn: TODAY,
    });
    expect(proc.json<Err>().error.findings?.[0]?.ruleId).toBe('ZD-01');
    const recorder = await t.office.post('/api/meetings', {
      unitId: w.units.altay,
      date: TODAY,
      startTime: '09:00',
      location: '会议室',
      recorderPersonId: w.people.khStaff,
    });
    expect([recorder.statusCode, recorder.json<Err>().error.field]).toEqual([400, 'recorderPersonId']);
    expect(recorder.json<Err>().error.findings?.[0]?.ruleId).toBe('PG-12');
    const id = await schedule(t, w, TODAY, { startTime: '09:10' });
    const mi = await addToAgenda(t, id, item, 'oral');
    ok(await t.office.post(`/api/meetings/${id}/publish`));
    await attend(t, w, id);
    ok(await t.office.post(`/api/meetings/${id}/open`));
    ok(await t.office.post(`/api/meetings/items/${mi}/start-voting`));
    ok(
      await t.office.post(`/api/meetings/items/${mi}/recorded-votes`, {
        entries: ['altM1', 'altM2', 'altM3', 'altM4', 'altSec'].map((p) => ({
          personId: w.people[p],
          choices: [{ candidateId: 'main', choice: 'agree' }],
        })),
      }),
    );
    ok(await t.office.post(`/api/meetings/items/${mi}/close-voting`));
    const defer = await t.office.post(`/api/meetings/items/${mi}/defer`, { reason: '再议' });
    expect(defer.statusCode).toBe(409);
    expect(defer.json<Err>().error.findings?.[0]?.ruleId).toBe('PG-18');
  });

  it('flags a major decision taken outside a meeting (PG-15)', async () => {
    const r = ok<{ findings: F[] }>(
      await t.office.post('/api/decisions/outside', {
        unitId: w.units.altay,
        title: '调整口岸查验布局',
        summary: 's',
        catalogueId: cat('重大行政决策'),
        decidedOn: '2026-06-02',
        decidedHow: '文件圈阅',
        decisionText: '同意',
      }),
      201,
    );
    expect(r.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['DC-03', 'PG-15']));
  });
});
