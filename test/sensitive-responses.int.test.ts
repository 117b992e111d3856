/**
 * Issue 8 §2: every response that contains a decrypted case note (lists too, not only an opened
 * case) writes a read event, as report reads do; sensitive responses (reports, cases, ID reveal,
 * .docx/.xlsx exports) are sent with `Cache-Control: no-store`.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, loginAs, type HttpClient, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { addFamily, fullItems, submitAnnual } from './disclosures-helpers.js';
import { seedWorld, type World } from './fixtures.js';

describeEachDialect('sensitive responses: read events and no-store (issue 8 §2)', (dialect) => {
  let env: TestEnv;
  let w: World;
  let rs: HttpClient;
  let jj: HttpClient;
  const ids = { report: '', check: '', case: '' };
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    w = await seedWorld(env.ctx);
    const fam = await addFamily(env.ctx, w.people.altM1);
    const m1 = await loginAs(env.app, 'altm1');
    ids.report = await submitAnnual(
      m1,
      '再娜甫·吾斯曼',
      2026,
      fullItems(fam, {
        business: {
          entries: [
            {
              relativeId: fam.son,
              kind: 'unlisted_company',
              name: '某报关公司',
              registrationNo: null,
              investmentFen: 1_000_000,
              sharePct: 10,
              role: 'investor',
              sector: '报关',
              since: null,
            },
          ],
        },
      }),
    );
    rs = await loginAs(env.app, 'rs');
    jj = await loginAs(env.app, 'jj');
    ids.check = (
      await rs.post('/api/disclosures/checks', {
        personId: w.people.altM1,
        year: 2026,
        kind: 'targeted',
        reason: '信访举报',
      })
    ).json().id;
    ids.case = (
      await rs.put(`/api/disclosures/checks/${ids.check}/registry`, {
        items: { marriage: { status: 'divorced', changedOn: null } },
      })
    ).json().caseId;
    expect(ids.case).toBeTruthy();
  });
  afterAll(() => env.close());

  const readEvents = (action: string) =>
    env.ctx.db
      .selectFrom('audit_events')
      .select(['entity_id', 'actor_name', 'details'])
      .where('action', '=', action)
      .orderBy('seq')
      .execute();

  it('writes a read event for every case note a list or a case page decrypts, and none when no note is shown', async () => {
    expect((await jj.get('/api/disclosures/cases')).json().items[0].note).toBeNull();
    expect(await readEvents('disclosures.case_read')).toEqual([]);

    const dec = await jj.post(`/api/disclosures/cases/${ids.case}/decision`, {
      severity: 'minor',
      measures: ['诫勉'],
      note: '给予诫勉谈话',
      referDiscipline: false,
    });
    expect(dec.statusCode, dec.body).toBe(200);
    const list = (await jj.get('/api/disclosures/cases')).json().items;
    expect(list[0].note).toBe('给予诫勉谈话');
    let events = await readEvents('disclosures.case_read');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entity_id: ids.case, actor_name: expect.any(String) });
    expect(JSON.parse(events[0]?.details ?? '{}')).toMatchObject({ purpose: 'list', reporterId: w.people.altM1 });

    expect((await rs.get(`/api/disclosures/cases/${ids.case}`)).json().note).toBe('给予诫勉谈话');
    events = await readEvents('disclosures.case_read');
    expect(events).toHaveLength(2);
    expect(JSON.parse(events[1]?.details ?? '{}')).toMatchObject({ purpose: 'view' });

    const business = (await rs.get('/api/disclosures/business-cases')).json().items as { id: string }[];
    expect(business.length).toBeGreaterThan(0);
    const bEvents = await readEvents('disclosures.business_case_read');
    expect(bEvents.map((e) => e.entity_id)).toEqual(business.map((b) => b.id));
  });

  it('sends Cache-Control: no-store on reports, cases, ID reveal and document exports', async () => {
    const m1 = await loginAs(env.app, 'altm1');
    const responses = {
      report: await rs.get(`/api/disclosures/reports/${ids.report}`),
      reportDocx: await rs.get(`/api/disclosures/reports/${ids.report}/export.docx`),
      myPage: await m1.get('/api/disclosures/me'),
      cases: await jj.get('/api/disclosures/cases'),
      case: await jj.get(`/api/disclosures/cases/${ids.case}`),
      businessCases: await rs.get('/api/disclosures/business-cases'),
      check: await rs.get(`/api/disclosures/checks/${ids.check}`),
      idReveal: await rs.post(`/api/people/${w.people.altM2}/id-number/reveal`),
      person: await rs.get(`/api/people/${w.people.altM2}`),
      rosterXlsx: await rs.get(`/api/people/export.xlsx?unitId=${w.units.altay}`),
    };
    for (const [name, res] of Object.entries(responses)) {
      expect(res.statusCode, `${name}: ${res.body.slice(0, 200)}`).toBe(200);
      expect(res.headers['cache-control'], name).toBe('no-store');
    }
  });
});
