/**
 * Rules of personal-matters reports on their refusals and findings (issue 8 §4, §5): who reports
 * (PM-01), the items (PM-02, PM-03), deadlines (PM-04), stays abroad judged by the period a check
 * covers (PM-02 with PM-08), emigration (PM-11), the spot-check ratio (PM-06) and the unit's
 * publication choice (FB-06); and the team grades (KH-04), ID numbers (ID-01) and recommendation
 * reference lists (SE-03) of other modules.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, loginAs, type HttpClient, type TestEnv } from './app.js';
import { templateBody } from './ballots-helpers.js';
import { describeEachDialect } from './db.js';
import { addFamily, fullItems, submitAnnual, type Family } from './disclosures-helpers.js';
import { makeIdNumber, seedWorld, type World } from './fixtures.js';

type F = { ruleId: string; kind: string; facts: Record<string, unknown> };
type Err = { error: { code: string; field?: string; findings?: F[] } };

describeEachDialect('personal-matters reports: refusals and findings carry their rules', (dialect) => {
  let env: TestEnv;
  let w: World;
  let rs: HttpClient;
  let m1: HttpClient;
  let m2: HttpClient;
  let fam1: Family;
  let fam2: Family;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    w = await seedWorld(env.ctx);
    fam1 = await addFamily(env.ctx, w.people.altM1);
    fam2 = await addFamily(env.ctx, w.people.altM2, { spouse: '陈芳', son: '叶明', daughterInLaw: '刘洁' });
    rs = await loginAs(env.app, 'rs');
    m1 = await loginAs(env.app, 'altm1');
    m2 = await loginAs(env.app, 'altm2');
  });
  afterAll(() => env.close());

  it('refuses a report from someone who does not report (PM-01) and an item filled wrongly (PM-02, PM-03)', async () => {
    const staff = await loginAs(env.app, 'altstaff');
    const r = await staff.post('/api/disclosures/reports', { year: 2026, kind: 'annual', prefill: false });
    expect([r.statusCode, r.json<Err>().error.field]).toEqual([403, 'year']); // not a reporter: 403 (authorization matrix), with the PM-01 finding;
    expect(r.json<Err>().error.findings?.[0]).toMatchObject({ ruleId: 'PM-01', kind: 'block' });
    const house = fullItems(fam1).housing.entries[0]!;
    const asset = await m1.post('/api/disclosures/reports', {
      year: 2026,
      kind: 'annual',
      prefill: false,
      items: { housing: { entries: [{ ...house, owner: 'stranger' }] } },
    });
    expect(asset.json<Err>().error.findings?.[0]?.ruleId).toBe('PM-03');
    const family = await m1.post('/api/disclosures/reports', {
      year: 2026,
      kind: 'annual',
      prefill: false,
      items: {
        emigration: {
          entries: [{ relativeId: fam1.daughterInLaw, kind: 'abroad_1y', country: '加拿大', since: '2024-01-01' }],
        },
      },
    });
    expect(family.json<Err>().error.findings?.[0]?.ruleId).toBe('PM-02');
  });

  it('says an annual report submitted after 31 January is late (PM-04), and an emigrated spouse bars inspection candidacy (PM-11)', async () => {
    const id = await submitAnnual(
      m2,
      '叶尔兰·努尔兰',
      2026,
      fullItems(fam2, {
        emigration: {
          entries: [{ relativeId: fam2.spouse, kind: 'emigrated', country: '澳大利亚', since: '2025-08-01' }],
        },
        business: {
          entries: [
            {
              relativeId: fam2.son,
              kind: 'sole_proprietorship',
              name: '阿勒泰市叶明餐厅',
              registrationNo: null,
              investmentFen: 5_000_000,
              sharePct: 100,
              role: 'operator',
              sector: '餐饮',
              since: '2023-05-01',
            },
          ],
        },
      }),
    );
    const findings = (await m2.get(`/api/disclosures/reports/${id}`)).json<{ findings: F[] }>().findings;
    expect(findings.find((f) => f.ruleId === 'PM-04')).toMatchObject({
      kind: 'warn',
      facts: { dueDate: '2026-01-31', submittedOn: '2026-06-08' },
    });
    expect(findings.map((f) => f.ruleId)).toContain('PM-11');
    // no prohibition matrix configured for the unit: the business is listed but not compared (FB-01)
    expect(findings.find((f) => f.ruleId === 'FB-01')).toMatchObject({ kind: 'info' });
    // a change report due 30 days after its event, submitted later (PM-05)
    const change = await m2.post('/api/disclosures/reports', {
      year: 2026,
      kind: 'change',
      eventDate: '2026-03-02',
      items: { marriage: { status: 'married', changedOn: '2026-03-02' } },
    });
    expect(change.statusCode, change.body).toBe(201);
    const changeId = change.json<{ id: string }>().id;
    const sub = await m2.post(`/api/disclosures/reports/${changeId}/submit`, {
      declaration: true,
      signature: '叶尔兰·努尔兰',
    });
    expect(sub.statusCode, sub.body).toBe(200);
    const late = (await m2.get(`/api/disclosures/reports/${changeId}`)).json<{ findings: F[] }>().findings;
    expect(late.find((f) => f.ruleId === 'PM-05')).toMatchObject({ kind: 'warn', facts: { kind: 'change' } });
  });

  it('holds a registry stay abroad against the report only when it was reportable for the period (PM-02)', async () => {
    await submitAnnual(m1, '再娜甫·吾斯曼', 2026, fullItems(fam1));
    const open = async () =>
      (
        await rs.post('/api/disclosures/checks', {
          personId: w.people.altM1,
          year: 2026,
          kind: 'targeted',
          reason: '信访反映',
        })
      ).json<{ id: string }>().id;
    const check = await open();
    // the annual report of 2026 covers 2025: a stay from March 2025 has not lasted a year by 31 December
    const short = await rs.put(`/api/disclosures/checks/${check}/registry`, {
      items: {
        emigration: {
          entries: [
            { relativeId: fam1.son, kind: 'abroad_1y', country: '加拿大', since: '2025-03-01', until: null },
            { relativeId: fam1.spouse, kind: 'abroad_1y', country: '新加坡', since: '2022-01-01', until: '2024-05-31' },
          ],
        },
      },
    });
    expect(short.statusCode, short.body).toBe(200);
    expect(short.json<{ result: string }>().result).toBe('consistent');
    const d = (await rs.get(`/api/disclosures/checks/${check}`)).json<{ findings: F[] }>();
    expect(d.findings.find((f) => f.ruleId === 'PM-02')?.facts).toMatchObject({
      period: { from: '2025-01-01', to: '2025-12-31' },
      stays: 2,
      reportable: 0,
    });
  });

  it('warns when a spot check draws below the unit’s ratio (PM-06), and says whether the unit publishes (FB-06)', async () => {
    const low = await rs.post('/api/disclosures/draws', { unitId: w.units.urumqi, year: 2026, ratio: 0.05 });
    expect(low.statusCode, low.body).toBe(201);
    expect(low.json<{ findings: F[] }>().findings[0]).toMatchObject({ ruleId: 'PM-06', kind: 'warn' });
    const pub = (
      await (await loginAs(env.app, 'altsec')).get(`/api/disclosures/publication?unitId=${w.units.altay}`)
    ).json<{ enabled: boolean; findings: F[] }>();
    expect(pub).toMatchObject({ enabled: false, findings: [{ ruleId: 'FB-06', kind: 'info' }] });
  });
});

describeEachDialect('team grades, ID numbers and reference lists carry their rules', (dialect) => {
  let env: TestEnv;
  let w: World;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    w = await seedWorld(env.ctx);
  });
  afterAll(() => env.close());

  it('refuses a team grade outside the unit’s labels (KH-04)', async () => {
    const rs = await loginAs(env.app, 'rs');
    const batch = (
      await rs.post('/api/assessments/batches', { unitId: w.units.altay, year: 2026, type: 'annual' })
    ).json<{ id: string }>().id;
    const r = await rs.put(`/api/assessments/batches/${batch}/team-grade`, { teamGrade: '特优' });
    expect([r.statusCode, r.json<Err>().error.field]).toEqual([400, 'teamGrade']);
    expect(r.json<Err>().error.findings?.[0]?.ruleId).toBe('KH-04');
  });

  it('refuses an ID number that fails GB 11643 with its rule (ID-01)', async () => {
    const rs = await loginAs(env.app, 'rs');
    const good = makeIdNumber('1985-04-12', 'F', 77);
    const bad = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    const r = await rs.post('/api/people', {
      unitId: w.units.altay,
      name: '阿依古丽·努尔兰',
      sex: 'F',
      birthMonth: '1985-04',
      ethnicity: '哈萨克族',
      nativePlace: '新疆塔城',
      birthplace: '新疆塔城',
      politicalStatus: 'masses',
      health: '健康',
      idNumber: bad,
      resume: [],
      family: [],
      rankCode: 'G-ZR3',
      rankStartDate: '2020-01-01',
      postTitle: '科员',
      postStartDate: '2022-03-01',
    });
    expect([r.statusCode, r.json<Err>().error.field]).toEqual([400, 'idNumber']);
    expect(r.json<Err>().error.findings?.[0]).toMatchObject({ ruleId: 'ID-01', kind: 'block' });
  });

  it('warns when a recommendation’s reference list is not longer than its seats (SE-03)', async () => {
    const office = await loginAs(env.app, 'altoffice');
    const body = await templateBody(office, w.units.altay, 'recommendation');
    const q = body.questionnaire.questions[0];
    if (q?.type !== 'recommend') throw new Error('template');
    q.candidates = [{ id: 'c1', name: '许嘉豪' }];
    q.seats = 1;
    const created = await office.post('/api/ballots/sessions', body);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    expect((await office.post(`/api/ballots/sessions/${id}/codes`, { category: 'staff', count: 5 })).statusCode).toBe(
      200,
    );
    const opened = await office.post(`/api/ballots/sessions/${id}/open`);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(JSON.stringify(opened.json())).toContain('SE-03');
  });
});
