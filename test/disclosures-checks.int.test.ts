import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, loginAs, type HttpClient, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { addFamily, fullItems, submitAnnual, type Family } from './disclosures-helpers.js';
import { seedWorld, type World } from './fixtures.js';

describeEachDialect('checks, classification and handling (PM-06..PM-11)', (dialect) => {
  let env: TestEnv;
  let world: World;
  let fam: Family;
  let rs: HttpClient;
  let jj: HttpClient;
  let m1: HttpClient;
  let checkId: string;
  let caseId: string;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    world = await seedWorld(env.ctx);
    fam = await addFamily(env.ctx, world.people.altM1);
    m1 = await loginAs(env.app, 'altm1');
    await submitAnnual(m1, '再娜甫·吾斯曼', 2026, fullItems(fam));
    rs = await loginAs(env.app, 'rs');
    jj = await loginAs(env.app, 'jj');
  });
  afterAll(() => env.close());

  it('opens a check-before-promotion with a reason, apart from any random list', async () => {
    expect(
      (
        await rs.post('/api/disclosures/checks', {
          personId: world.people.altM1,
          year: 2026,
          kind: 'pre_promotion',
          reason: '拟提拔',
        })
      ).json().error.field,
    ).toBe('trigger');
    expect(
      (
        await jj.post('/api/disclosures/checks', {
          personId: world.people.altM1,
          year: 2026,
          kind: 'targeted',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await (
          await loginAs(env.app, 'altsec')
        ).post('/api/disclosures/checks', { personId: world.people.altM1, year: 2026, kind: 'targeted', reason: 'x' })
      ).statusCode,
    ).toBe(404);
    const res = await rs.post('/api/disclosures/checks', {
      personId: world.people.altM1,
      year: 2026,
      kind: 'pre_promotion',
      trigger: 'promotion_division_deputy',
      reason: '拟提拔为乌鲁木齐海关某处处长，按“凡提必核”查核',
    });
    expect(res.statusCode, res.body).toBe(201);
    checkId = res.json().id;
    expect((await rs.get('/api/disclosures/checks?kind=random')).json().items).toEqual([]);
    const detail = (await rs.get(`/api/disclosures/checks/${checkId}`)).json();
    expect(detail).toMatchObject({
      kind: 'pre_promotion',
      trigger: 'promotion_division_deputy',
      status: 'pending',
      canEnter: true,
    });
    expect(detail.report.items.housing.entries).toHaveLength(1);
    expect((await jj.get(`/api/disclosures/checks/${checkId}`)).json().canEnter).toBe(false);
  });

  it('classifies item by item with the reason: a whole property missing is concealment, a smaller area omission', async () => {
    const reported = fullItems(fam).housing.entries[0];
    const items = {
      housing: {
        entries: [
          { ...reported, areaSqm: 128.3 },
          {
            owner: fam.spouse,
            kind: 'residence',
            address: '乌鲁木齐市沙依巴克区友好南路99号',
            certificateNo: '新(2021)乌鲁木齐市不动产权第0099999号',
            areaSqm: 96,
            acquiredOn: '2021-04-01',
            source: 'purchase',
            priceFen: 110_000_000,
          },
        ],
      },
      income: fullItems(fam).income,
      marriage: { status: 'married', changedOn: null },
    };
    expect((await jj.put(`/api/disclosures/checks/${checkId}/registry`, { items })).statusCode).toBe(403);
    const bad = await rs.put(`/api/disclosures/checks/${checkId}/registry`, {
      items: { housing: { entries: [{ ...reported, owner: 'stranger' }] } },
    });
    expect(bad.json().error.field).toBe('items.housing.entries.0.owner');
    const res = await rs.put(`/api/disclosures/checks/${checkId}/registry`, {
      items,
      assets: { familyAssetsFen: 300_000_000, normalIncomeFen: 100_000_000 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().result).toBe('concealment');
    caseId = res.json().caseId;
    const d = (await rs.get(`/api/disclosures/checks/${checkId}`)).json();
    const housing = d.results.find((r: { item: string }) => r.item === 'housing');
    expect(housing.classification).toBe('concealment');
    expect(housing.reasons.map((r: { code: string }) => r.code).sort()).toEqual([
      'area_underreported',
      'property_unreported',
    ]);
    expect(housing.reasons.find((r: { code: string }) => r.code === 'property_unreported').message_zh).toContain(
      '整处未报告',
    );
    expect(d.results.find((r: { item: string }) => r.item === 'income').classification).toBe('consistent');
    expect(d.results.find((r: { item: string }) => r.item === 'securities').classification).toBe('not_checked');
    expect(d.assetsFlag).toBe(true);
    expect(d.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(
      expect.arrayContaining(['PM-07', 'PM-08', 'PM-09']),
    );
    expect(d.explanations.map((e: { kind: string }) => e.kind).sort()).toEqual(['assets_income', 'discrepancy']);
    expect((await rs.put(`/api/disclosures/checks/${checkId}/registry`, { items })).statusCode).toBe(409);
    const raw = JSON.stringify(
      await env.ctx.db.selectFrom('disclosure_checks').selectAll().where('id', '=', checkId).execute(),
    );
    expect(raw).not.toContain('友好南路');
  });

  it('enters a batch of registry results all or nothing, naming the bad entry', async () => {
    const f3 = await addFamily(env.ctx, world.people.altM3);
    await submitAnnual(await loginAs(env.app, 'altm3'), '马德胜', 2026, fullItems(f3));
    const open = async (personId: string) =>
      (await rs.post('/api/disclosures/checks', { personId, year: 2026, kind: 'targeted', reason: '批量反馈' })).json()
        .id as string;
    const a = await open(world.people.altM3);
    const b = await open(world.people.khSec);
    const good = { checkId: a, items: { housing: { entries: fullItems(f3).housing.entries } } };
    const bad = await rs.post('/api/disclosures/checks/registry-batch', {
      entries: [
        good,
        {
          checkId: b,
          items: {
            employment: {
              entries: [
                {
                  relativeId: 'ghost',
                  employer: 'x',
                  post: null,
                  employerType: 'private',
                  seniorPost: false,
                  sector: null,
                },
              ],
            },
          },
        },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('entries.1.items.employment.entries.0.relativeId');
    expect((await rs.get(`/api/disclosures/checks/${a}`)).json().status).toBe('pending');
    const ok = await rs.post('/api/disclosures/checks/registry-batch', {
      entries: [good, { checkId: b, items: { marriage: { status: 'married', changedOn: null } } }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().items.map((x: { result: string }) => x.result)).toEqual(['consistent', 'concealment']);
    expect((await rs.post('/api/disclosures/checks/registry-batch', { entries: [good] })).statusCode).toBe(409);
  });

  it('records a no-promotion, no-reserve restriction shown on the cadre record while the case is open', async () => {
    const r = await rs.get(`/api/people/${world.people.altM1}/restrictions`);
    expect(r.statusCode).toBe(200);
    expect(r.json().active.map((a: { block: string }) => a.block)).toEqual(['promotion', 'reserve_listing']);
    expect(r.json().periods[0]).toMatchObject({ ruleId: 'PM-09', endDate: null, active: true, sourceId: caseId });
    expect((await m1.get(`/api/people/${world.people.altM1}/restrictions`)).statusCode).toBe(200);
    expect(
      (await (await loginAs(env.app, 'altm2')).get(`/api/people/${world.people.altM1}/restrictions`)).statusCode,
    ).toBe(403);
    expect(
      (await (await loginAs(env.app, 'khsec')).get(`/api/people/${world.people.altM1}/restrictions`)).statusCode,
    ).toBe(404);
    expect(
      (await (await loginAs(env.app, 'auditor')).get(`/api/people/${world.people.altM1}/restrictions`)).statusCode,
    ).toBe(403);
  });

  it('lets the cadre explain, the offices decide from the mapping, and closing the case ends the restriction', async () => {
    expect((await rs.post(`/api/disclosures/checks/${checkId}/explanation`, { text: 'x' })).statusCode).toBe(403);
    expect(
      (
        await m1.post(`/api/disclosures/checks/${checkId}/explanation`, {
          text: '该房产系配偶婚前以其名义购买，本人误以为不需报告。',
        })
      ).statusCode,
    ).toBe(200);
    expect((await m1.post(`/api/disclosures/checks/${checkId}/explanation`, { text: 'again' })).statusCode).toBe(409);
    const c = (await jj.get(`/api/disclosures/cases/${caseId}`)).json();
    expect(c).toMatchObject({
      classification: 'concealment',
      status: 'open',
      canDecide: true,
      restrictionActive: true,
    });
    expect(c.allowedMeasures.serious).toContain('纪律处分');
    expect(
      (await m1.post(`/api/disclosures/cases/${caseId}/decision`, { severity: 'serious', measures: ['诫勉'] }))
        .statusCode,
    ).toBe(403);
    expect((await rs.post(`/api/disclosures/cases/${caseId}/close`, {})).statusCode).toBe(409);
    const dec = await jj.post(`/api/disclosures/cases/${caseId}/decision`, {
      severity: 'minor',
      measures: ['诫勉', '通报表扬'],
      note: '给予诫勉',
      referDiscipline: true,
    });
    expect(dec.statusCode, dec.body).toBe(200);
    const ruleIds = dec.json().findings.map((f: { ruleId: string; kind: string }) => `${f.ruleId}:${f.kind}`);
    expect(ruleIds).toEqual(['PM-09:warn', 'PM-10:info']);
    expect((await rs.post(`/api/disclosures/cases/${caseId}/close`, { note: '诫勉已执行' })).statusCode).toBe(200);
    const r = (await rs.get(`/api/people/${world.people.altM1}/restrictions`)).json();
    expect(r.periods[0].endDate).toBe('2026-06-08');
    expect((await rs.get(`/api/people/${world.people.altM1}/restrictions?date=2026-06-09`)).json().active).toEqual([]);
  });

  it('shows the cadre their own checks and cases only', async () => {
    const me = (await m1.get('/api/disclosures/me')).json();
    expect(me.checks).toHaveLength(1);
    expect(me.cases[0]).toMatchObject({ status: 'closed', note: null });
    expect((await (await loginAs(env.app, 'altm2')).get(`/api/disclosures/checks/${checkId}`)).statusCode).toBe(404);
    expect((await (await loginAs(env.app, 'altsec')).get(`/api/disclosures/cases/${caseId}`)).statusCode).toBe(404);
  });

  it('opens a relatives’ business case against the unit’s prohibition matrix, with a deadline (FB-01..FB-03)', async () => {
    const matrix = [
      {
        minLevel: '县处级副职',
        unitTypes: ['subordinate'],
        prohibited: ['enterprise_investment', 'private_senior_post'],
      },
    ];
    const ov = await rs.post('/api/rules/FB-01/overrides', {
      unitId: world.units.altay,
      params: { minApplicableLevel: '县处级副职', prohibitionMatrix: matrix },
      effectiveFrom: '2026-06-08',
      reason: '本关参照执行至县处级',
    });
    expect(ov.statusCode, ov.body).toBe(201);
    const f2 = await addFamily(env.ctx, world.people.altM2);
    const m2 = await loginAs(env.app, 'altm2');
    const id = await submitAnnual(
      m2,
      '叶尔兰·努尔兰',
      2026,
      fullItems(f2, {
        business: {
          entries: [
            {
              relativeId: f2.daughterInLaw,
              kind: 'unlisted_company',
              name: '阿勒泰通达报关有限公司',
              registrationNo: '91654300MA0000001X',
              investmentFen: 30_000_000,
              sharePct: 40,
              role: 'investor',
              sector: '报关',
              since: '2024-01-01',
            },
          ],
        },
      }),
    );
    const detail = (await m2.get(`/api/disclosures/reports/${id}`)).json();
    // the report is also late (PM-04, a warning added by issue 8 §4): the FB findings are these two
    expect(
      detail.findings
        .map((f: { ruleId: string }) => f.ruleId)
        .filter((r: string) => r.startsWith('FB-'))
        .sort(),
    ).toEqual(['FB-02', 'FB-05']);
    const cases = (await rs.get('/api/disclosures/business-cases')).json().items as {
      id: string;
      ruleId: string;
      deadline: string;
      relativeName: string;
      canResolve: boolean;
    }[];
    expect(cases).toHaveLength(2);
    expect(cases[0]).toMatchObject({ deadline: '2026-09-07', relativeName: '赵敏', canResolve: true });
    expect((await (await loginAs(env.app, 'altsec')).get('/api/disclosures/business-cases')).json().items).toEqual([]);
    const early = await rs.post(`/api/disclosures/business-cases/${cases[0]?.id}/resolve`, {
      outcome: 'relative_exit',
      resolvedOn: '2026-06-01',
    });
    expect(early.json().error.field).toBe('resolvedOn');
    env.clock.set('2026-09-20T02:00:00.000Z');
    try {
      const later = await loginAs(env.app, 'rs');
      const overdue = (await later.get('/api/disclosures/business-cases')).json().items as {
        overdue: boolean;
        findings: { ruleId: string }[];
      }[];
      expect(overdue[0]?.overdue).toBe(true);
      expect(overdue[0]?.findings.map((f) => f.ruleId)).toContain('FB-04');
      expect(
        (
          await later.post(`/api/disclosures/business-cases/${cases[0]?.id}/resolve`, {
            outcome: 'relative_exit',
            resolvedOn: '2026-09-15',
            note: '已完成股权转让',
          })
        ).statusCode,
      ).toBe(200);
    } finally {
      env.clock.set('2026-06-08T02:00:00.000Z');
      // logging in at the later date cleared the sessions that had expired by then
      rs = await loginAs(env.app, 'rs');
    }
    // amending without the business does not open a duplicate
    expect((await env.ctx.db.selectFrom('disclosure_business_cases').select('id').execute()).length).toBe(2);
  });

  it('flags an emigrated spouse as a bar to inspection candidacy (PM-11) and lifts it on correction', async () => {
    const f4 = await addFamily(env.ctx, world.people.altM4);
    const m4 = await loginAs(env.app, 'altm4');
    const id = await submitAnnual(
      m4,
      '林晓峰',
      2026,
      fullItems(f4, {
        emigration: { entries: [{ relativeId: f4.spouse, kind: 'emigrated', country: '加拿大', since: '2024-09-01' }] },
      }),
    );
    let r = (await rs.get(`/api/people/${world.people.altM4}/restrictions`)).json();
    expect(r.active.map((a: { block: string }) => a.block)).toEqual(['inspection_candidate']);
    expect(r.periods[0]).toMatchObject({ ruleId: 'PM-11', measure: 'pm11_emigration' });
    expect(
      (
        await m4.post(`/api/disclosures/reports/${id}/amendments`, {
          reason: '配偶已回国定居',
          items: { emigration: { entries: [] } },
        })
      ).statusCode,
    ).toBe(201);
    r = (await rs.get(`/api/people/${world.people.altM4}/restrictions?date=2026-06-09`)).json();
    expect(r.active).toEqual([]);
  });

  it('gives the unit above statistics by unit and item, from readable columns only', async () => {
    const res = await rs.get(`/api/disclosures/stats?unitId=${world.units.urumqi}&year=2026`);
    expect(res.statusCode).toBe(200);
    const s = res.json();
    const altay = s.rows.find((r: { unitName: string }) => r.unitName === '阿勒泰海关');
    expect(altay).toMatchObject({
      expected: 5,
      submitted: 4,
      onTime: 0,
      checked: 2,
      consistent: 1,
      concealments: 1,
      omissions: 0,
      amendments: 1,
      consistencyRate: 0.5,
    });
    expect(s.rows.find((r: { unitName: string }) => r.unitName === '霍尔果斯海关')).toMatchObject({
      expected: 2,
      submitted: 0,
      checked: 1,
      concealments: 1,
    });
    expect(s.byItem.find((b: { item: string }) => b.item === 'housing')).toMatchObject({ concealments: 1 });
    expect(s.totals.expected).toBe(7);
    expect(
      (await (await loginAs(env.app, 'altsec')).get(`/api/disclosures/stats?unitId=${world.units.urumqi}`)).statusCode,
    ).toBe(404);
    expect((await rs.get(`/api/disclosures/stats?unitId=${world.units.altay}`)).statusCode).toBe(404);
  });

  it('keeps the FB-06 publication off by default, and shows relatives’ employment inside the unit once enabled', async () => {
    const altsec = await loginAs(env.app, 'altsec');
    expect((await altsec.get(`/api/disclosures/publication?unitId=${world.units.altay}`)).json()).toMatchObject({
      enabled: false,
      rows: [],
    });
    expect(
      (
        await rs.post('/api/rules/FB-06/overrides', {
          unitId: world.units.altay,
          params: { publicationEnabled: true },
          effectiveFrom: '2026-06-08',
          reason: '试行公示',
        })
      ).statusCode,
    ).toBe(201);
    const pub = (await altsec.get(`/api/disclosures/publication?unitId=${world.units.altay}&year=2026`)).json();
    expect(pub.enabled).toBe(true);
    expect(pub.rows.map((r: { employer: string }) => r.employer)).toContain('阿勒泰地区人民医院');
    expect(JSON.stringify(pub)).not.toContain('王丽');
    expect(
      (await (await loginAs(env.app, 'khsec')).get(`/api/disclosures/publication?unitId=${world.units.altay}`))
        .statusCode,
    ).toBe(404);
  });
});
