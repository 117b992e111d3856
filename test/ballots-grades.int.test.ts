import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BatchDetail } from '../src/common/contracts/assessments.js';
import { anonymousClient, createTestEnv, loginAs, type HttpClient, type TestEnv } from './app.js';
import { publicVoter, ratingAnswers, setupSession, templateBody } from './ballots-helpers.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';
import { recordInfluencePeriod } from '../src/server/modules/eligibility/eligibility.service.js';

describeEachDialect('assessments: annual grades', (dialect) => {
  let env: TestEnv;
  let world: World;
  let rs: HttpClient;
  let batch: string;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    world = await seedWorld(env.ctx);
    rs = await loginAs(env.app, 'rs');
    const r = await rs.post('/api/assessments/batches', { unitId: world.units.altay, year: 2026, type: 'annual' });
    expect(r.statusCode).toBe(201);
    batch = r.json().id;
  });
  afterAll(() => env.close());
  const grade = (personKey: string, body: object, b = batch) =>
    rs.put(`/api/assessments/batches/${b}/grades/${world.people[personKey] ?? ''}`, body);

  it('lists the current team as pending and refuses a second annual batch for the year', async () => {
    const d = (await rs.get(`/api/assessments/batches/${batch}`)).json<BatchDetail>();
    expect(d.grades.map((g) => g.name).sort()).toEqual(
      ['再娜甫·吾斯曼', '叶尔兰·努尔兰', '朱少华', '林晓峰', '马德胜'].sort(),
    );
    expect(d.grades.every((g) => g.grade === null)).toBe(true);
    expect(d.teamGradeLabels).toEqual(['优秀', '良好', '一般', '较差']);
    expect(
      (await rs.post('/api/assessments/batches', { unitId: world.units.altay, year: 2026, type: 'annual' })).statusCode,
    ).toBe(409);
  });

  it('records the team grade from the configurable labels', async () => {
    expect((await rs.put(`/api/assessments/batches/${batch}/team-grade`, { teamGrade: '良好' })).statusCode).toBe(200);
    const bad = await rs.put(`/api/assessments/batches/${batch}/team-grade`, { teamGrade: '称职' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('teamGrade');
  });

  it('warns when 优秀 goes above 20% of those graded in the batch (KH-05)', async () => {
    expect((await grade('altSec', { grade: 'excellent' })).json().findings).toEqual([]);
    for (const k of ['altM1', 'altM3', 'altM4']) await grade(k, { grade: 'competent' });
    const second = (await grade('altM4', { grade: 'excellent' })).json();
    expect(second.findings).toMatchObject([
      { ruleId: 'KH-05', kind: 'warn', facts: { excellent: 2, assessed: 5, allowed: 1 } },
    ]);
    const d = (await rs.get(`/api/assessments/batches/${batch}`)).json<BatchDetail>();
    expect(d.findings.map((f) => f.ruleId)).toEqual(['KH-05']);
    await grade('altM4', { grade: 'competent' });
  });

  it('creates the KH-07 follow-up for 不称职, a dismissal review after two years in a row, and cancels it when the grade changes', async () => {
    const y2025 = (
      await rs.post('/api/assessments/batches', { unitId: world.units.altay, year: 2025, type: 'annual' })
    ).json().id;
    expect(
      (await grade('altM2', { grade: 'incompetent' }, y2025)).json().tasks.map((t: { kind: string }) => t.kind),
    ).toEqual(['demotion']);
    const r = (await grade('altM2', { grade: 'incompetent', notifiedOn: '2026-06-08' })).json();
    expect(r.tasks.map((t: { kind: string }) => t.kind).sort()).toEqual(['demotion', 'dismissal_review']);
    expect(r.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(expect.arrayContaining(['KH-07', 'KH-08']));
    const d = (await rs.get(`/api/assessments/batches/${batch}`)).json<BatchDetail>();
    const m2 = d.grades.find((g) => g.personId === world.people.altM2);
    expect(m2).toMatchObject({ gradeLabel: '不称职', reviewDeadline: '2026-07-08' });
    expect(m2?.tasks.filter((t) => t.status === 'open')).toHaveLength(2);
    const open = (await rs.get('/api/assessments/tasks?status=open')).json().items;
    expect(open).toHaveLength(3);
    await grade('altM2', { grade: 'basically_competent' });
    const after = (await rs.get(`/api/assessments/tasks?unitId=${world.units.altay}`)).json().items as {
      status: string;
      year: number;
    }[];
    expect(after.filter((t) => t.year === 2026).map((t) => t.status)).toEqual(['cancelled', 'cancelled']);
    const done = after.find((t) => t.year === 2025 && t.status === 'open') as unknown as { id: string };
    expect(
      (await rs.post(`/api/assessments/tasks/${done.id}/complete`, { note: '已按程序降为二级调研员' })).statusCode,
    ).toBe(200);
    expect((await rs.post(`/api/assessments/tasks/${done.id}/complete`, { note: '再次' })).statusCode).toBe(409);
  });

  it('shows the democratic evaluation’s overall result beside each grade', async () => {
    const office = await loginAs(env.app, 'altoffice');
    const body = await templateBody(office, world.units.altay, 'member_evaluation');
    const { id, codes } = await setupSession(office, body, { staff: 6 });
    const voter = await publicVoter(env.app);
    for (const c of codes.staff ?? []) await voter.vote(id, c, ratingAnswers(body.questionnaire, 1));
    await office.post(`/api/ballots/sessions/${id}/close`);
    const d = (await rs.get(`/api/assessments/batches/${batch}`)).json<BatchDetail>();
    const sec = d.grades.find((g) => g.personId === world.people.altSec);
    expect(sec?.evaluation).toMatchObject({
      sessionId: id,
      ballots: 6,
      counts: { 优秀: 0, 称职: 6, 基本称职: 0, 不称职: 0 },
    });
    expect(d.teamEvaluation).toBeNull();
  });

  it('lets the person graded see their own grade, and no one else’s', async () => {
    const m1 = await loginAs(env.app, 'altm1');
    const mine = (await m1.get('/api/assessments/mine')).json().items;
    expect(mine).toEqual([
      expect.objectContaining({ year: 2026, gradeLabel: '称职', teamGrade: '良好' }),
      expect.objectContaining({ year: 2025, gradeLabel: null }),
    ]);
    expect(JSON.stringify(mine)).not.toContain('优秀');
    expect((await m1.get(`/api/assessments/batches/${batch}`)).statusCode).toBe(403);
    expect((await m1.get('/api/assessments/batches')).json().items).toEqual([]);
  });

  it('refuses a grade that a sanction rules out, naming the measure and KH-06; 不定等次 stays possible', async () => {
    const period = (
      personKey: string,
      blocks: ('excellent_grade' | 'any_grade')[],
      startDate: string,
      endDate: string | null,
    ) =>
      env.ctx.db.transaction().execute((trx) =>
        recordInfluencePeriod(
          trx,
          env.ctx,
          { actorUserId: null, actorName: 'test' },
          {
            personId: world.people[personKey] ?? '',
            measure: 'party_warning',
            ruleId: 'KH-06',
            sourceType: 'test',
            sourceId: personKey,
            startDate,
            endDate,
            blocks,
            note: '党内警告处分',
            unitId: world.units.altay,
          },
        ),
      );
    await period('altM3', ['excellent_grade'], '2026-03-10', '2026-12-31');
    const refused = await grade('altM3', { grade: 'excellent' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toMatch(/不得评为优秀（KH-06）/);
    expect(refused.json().error.message).toContain('2026-03-10');
    expect(refused.json().error.findings).toMatchObject([{ ruleId: 'KH-06', kind: 'block' }]);
    expect((await grade('altM3', { grade: 'competent' })).statusCode).toBe(200);
    await period('altM1', ['any_grade'], '2026-05-01', null);
    const before = (await rs.get(`/api/assessments/batches/${batch}`))
      .json<BatchDetail>()
      .grades.find((g) => g.personId === world.people.altM1);
    expect(before?.limits).toEqual(['any_grade']);
    const noGrade = await grade('altM1', { grade: 'basically_competent' });
    expect(noGrade.statusCode).toBe(422);
    expect(noGrade.json().error.message).toMatch(/只能记为“不定等次”/);
    const after = (await rs.get(`/api/assessments/batches/${batch}`))
      .json<BatchDetail>()
      .grades.find((g) => g.personId === world.people.altM1);
    expect(after?.grade).toBe(before?.grade);
    expect((await grade('altM1', { grade: 'ungraded' })).statusCode).toBe(200);
    const d = (await rs.get(`/api/assessments/batches/${batch}`)).json<BatchDetail>();
    expect(d.grades.find((g) => g.personId === world.people.altM3)?.limits).toEqual(['excellent_grade']);
    expect(d.grades.find((g) => g.personId === world.people.altSec)?.limits).toEqual([]);
  });

  it('answers 401, 403 and 404 on every endpoint', async () => {
    const pid = world.people.altM1 ?? '';
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/assessments/batches'],
      ['POST', '/api/assessments/batches', { unitId: world.units.altay, year: 2024, type: 'annual' }],
      ['GET', `/api/assessments/batches/${batch}`],
      ['PUT', `/api/assessments/batches/${batch}/team-grade`, { teamGrade: '优秀' }],
      ['PUT', `/api/assessments/batches/${batch}/grades/${pid}`, { grade: 'excellent' }],
      ['GET', '/api/assessments/mine'],
      ['GET', '/api/assessments/tasks'],
      ['POST', '/api/assessments/tasks/x/complete', { note: 'x' }],
    ];
    const anon = await anonymousClient(env.app);
    for (const [m, url, b] of routes) {
      expect([url, (await anon.request(m as never, url, b)).statusCode]).toEqual([url, 401]);
    }
    const jj = await loginAs(env.app, 'jj');
    expect((await jj.get(`/api/assessments/batches/${batch}`)).json()).toMatchObject({ abilities: { edit: false } });
    const writes = routes.filter(([m, u]) => m !== 'GET' && !u.includes('tasks'));
    for (const u of ['jj', 'altoffice', 'altsec', 'sysadmin']) {
      const c = await loginAs(env.app, u);
      for (const [m, url, b] of writes) {
        expect([u, url, (await c.request(m as never, url, b)).statusCode]).toEqual([u, url, 403]);
      }
    }
    const kh = await loginAs(env.app, 'khsec');
    for (const [m, url, b] of routes.filter(([, u]) => u.includes(batch))) {
      expect([url, (await kh.request(m as never, url, b)).statusCode]).toEqual([url, 404]);
    }
    expect(
      (await kh.post('/api/assessments/batches', { unitId: world.units.altay, year: 2024, type: 'annual' })).statusCode,
    ).toBe(404);
    expect(
      (await rs.put(`/api/assessments/batches/${batch}/grades/${world.people.khM1 ?? ''}`, { grade: 'excellent' }))
        .statusCode,
    ).toBe(404);
    const task = (await rs.get('/api/assessments/tasks')).json().items[0] as { id: string };
    expect((await kh.post(`/api/assessments/tasks/${task.id}/complete`, { note: 'x' })).statusCode).toBe(404);
    expect((await jj.post(`/api/assessments/tasks/${task.id}/complete`, { note: 'x' })).statusCode).toBe(403);
  });
});
