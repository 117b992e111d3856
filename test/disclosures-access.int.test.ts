/**
 * Every disclosures (and restrictions) endpoint: 401 without a session, 403 for a seat that may
 * see but not act (or an admin), 404 for a record or unit outside the actor's scope.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousClient, createTestEnv, loginAs, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { addFamily, fullItems, submitAnnual } from './disclosures-helpers.js';
import { seedWorld, type World } from './fixtures.js';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
interface Case {
  name: string;
  method: Method;
  url: () => string;
  body?: () => unknown;
  forbidden: string;
  hidden: string | null;
}

describeEachDialect('disclosures endpoints answer 401, 403 and 404', (dialect) => {
  let env: TestEnv;
  let world: World;
  const ids = { report: '', draw: '', check: '', case: '', business: '', special: '' };
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    world = await seedWorld(env.ctx);
    const fam = await addFamily(env.ctx, world.people.altM1);
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
    const rs = await loginAs(env.app, 'rs');
    ids.draw = (await rs.post('/api/disclosures/draws', { unitId: world.units.urumqi, year: 2026 })).json().id;
    await rs.post(`/api/disclosures/draws/${ids.draw}/publish`);
    await rs.post(`/api/disclosures/draws/${ids.draw}/draw`, { publicValue: '12345' });
    ids.check = (
      await rs.post('/api/disclosures/checks', {
        personId: world.people.altM1,
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
    ids.business = (await rs.get('/api/disclosures/business-cases')).json().items[0].id;
    ids.special = (
      await rs.post('/api/disclosures/special-subjects', {
        personId: world.people.altStaff,
        reason: '特殊岗位',
        startDate: '2026-01-01',
      })
    ).json().id;
    expect(Object.values(ids).every(Boolean)).toBe(true);
  });
  afterAll(() => env.close());

  const u = (k: keyof World['units']) => world.units[k];
  const CASES: Case[] = [
    { name: 'my page', method: 'GET', url: () => '/api/disclosures/me', forbidden: 'sysadmin', hidden: null },
    { name: 'my reads', method: 'GET', url: () => '/api/disclosures/me/reads', forbidden: 'auditor', hidden: null },
    {
      name: 'report list',
      method: 'GET',
      url: () => `/api/disclosures/reports?unitId=${u('altay')}`,
      forbidden: 'secadmin',
      hidden: 'altrenshi',
    },
    {
      name: 'create report',
      method: 'POST',
      url: () => '/api/disclosures/reports',
      body: () => ({ year: 2026 }),
      forbidden: 'sysadmin',
      hidden: null,
    },
    {
      name: 'read report',
      method: 'GET',
      url: () => `/api/disclosures/reports/${ids.report}`,
      forbidden: 'auditor',
      hidden: 'altsec',
    },
    {
      name: 'save draft',
      method: 'PUT',
      url: () => `/api/disclosures/reports/${ids.report}`,
      body: () => ({ items: {} }),
      forbidden: 'rs',
      hidden: 'khsec',
    },
    {
      name: 'submit',
      method: 'POST',
      url: () => `/api/disclosures/reports/${ids.report}/submit`,
      body: () => ({ declaration: true, signature: 'x' }),
      forbidden: 'jj',
      hidden: 'altm2',
    },
    {
      name: 'amend',
      method: 'POST',
      url: () => `/api/disclosures/reports/${ids.report}/amendments`,
      body: () => ({ reason: 'x', items: {} }),
      forbidden: 'rs',
      hidden: 'altoffice',
    },
    {
      name: 'report reads',
      method: 'GET',
      url: () => `/api/disclosures/reports/${ids.report}/reads`,
      forbidden: 'sysadmin',
      hidden: 'altrenshi',
    },
    {
      name: 'export docx',
      method: 'GET',
      url: () => `/api/disclosures/reports/${ids.report}/export.docx`,
      forbidden: 'auditor',
      hidden: 'ursec',
    },
    {
      name: 'subjects',
      method: 'GET',
      url: () => `/api/disclosures/subjects?unitId=${u('altay')}`,
      forbidden: 'secadmin',
      hidden: 'altrenshi',
    },
    {
      name: 'add special',
      method: 'POST',
      url: () => '/api/disclosures/special-subjects',
      body: () => ({ personId: world.people.altM2, reason: 'x', startDate: '2026-01-01' }),
      forbidden: 'jj',
      hidden: 'altsec',
    },
    {
      name: 'end special',
      method: 'POST',
      url: () => `/api/disclosures/special-subjects/${ids.special}/end`,
      body: () => ({ endDate: '2026-12-31' }),
      forbidden: 'jj',
      hidden: 'altrenshi',
    },
    { name: 'draw list', method: 'GET', url: () => '/api/disclosures/draws', forbidden: 'sysadmin', hidden: null },
    {
      name: 'prepare draw',
      method: 'POST',
      url: () => '/api/disclosures/draws',
      body: () => ({ unitId: u('urumqi'), year: 2025 }),
      forbidden: 'jj',
      hidden: 'altsec',
    },
    {
      name: 'draw detail',
      method: 'GET',
      url: () => `/api/disclosures/draws/${ids.draw}`,
      forbidden: 'auditor',
      hidden: 'altstaff',
    },
    {
      name: 'publish',
      method: 'POST',
      url: () => `/api/disclosures/draws/${ids.draw}/publish`,
      forbidden: 'jj',
      hidden: 'altstaff',
    },
    {
      name: 'draw',
      method: 'POST',
      url: () => `/api/disclosures/draws/${ids.draw}/draw`,
      body: () => ({ publicValue: '1' }),
      forbidden: 'altm1',
      hidden: 'altstaff',
    },
    {
      name: 'draw file',
      method: 'GET',
      url: () => `/api/disclosures/draws/${ids.draw}/file.json`,
      forbidden: 'sysadmin',
      hidden: 'altstaff',
    },
    {
      name: 'verify draw',
      method: 'POST',
      url: () => `/api/disclosures/draws/${ids.draw}/verify`,
      forbidden: 'secadmin',
      hidden: 'altoffice',
    },
    {
      name: 'discard draw',
      method: 'DELETE',
      url: () => `/api/disclosures/draws/${ids.draw}`,
      forbidden: 'jj',
      hidden: 'altstaff',
    },
    {
      name: 'check list',
      method: 'GET',
      url: () => `/api/disclosures/checks?unitId=${u('altay')}`,
      forbidden: 'auditor',
      hidden: 'altrenshi',
    },
    {
      name: 'open check',
      method: 'POST',
      url: () => '/api/disclosures/checks',
      body: () => ({ personId: world.people.altM1, year: 2026, kind: 'targeted', reason: 'x' }),
      forbidden: 'jj',
      hidden: 'khsec',
    },
    {
      name: 'check detail',
      method: 'GET',
      url: () => `/api/disclosures/checks/${ids.check}`,
      forbidden: 'sysadmin',
      hidden: 'altsec',
    },
    {
      name: 'enter registry',
      method: 'PUT',
      url: () => `/api/disclosures/checks/${ids.check}/registry`,
      body: () => ({ items: { marriage: { status: 'married', changedOn: null } } }),
      forbidden: 'jj',
      hidden: 'altsec',
    },
    {
      name: 'registry batch',
      method: 'POST',
      url: () => '/api/disclosures/checks/registry-batch',
      body: () => ({ entries: [{ checkId: ids.check, items: { marriage: { status: 'married', changedOn: null } } }] }),
      forbidden: 'jj',
      hidden: 'altsec',
    },
    {
      name: 'explanation',
      method: 'POST',
      url: () => `/api/disclosures/checks/${ids.check}/explanation`,
      body: () => ({ text: 'x' }),
      forbidden: 'rs',
      hidden: 'altm2',
    },
    {
      name: 'case list',
      method: 'GET',
      url: () => `/api/disclosures/cases?unitId=${u('altay')}`,
      forbidden: 'secadmin',
      hidden: 'altrenshi',
    },
    {
      name: 'case detail',
      method: 'GET',
      url: () => `/api/disclosures/cases/${ids.case}`,
      forbidden: 'auditor',
      hidden: 'altsec',
    },
    {
      name: 'decide case',
      method: 'POST',
      url: () => `/api/disclosures/cases/${ids.case}/decision`,
      body: () => ({ severity: 'minor', measures: ['诫勉'] }),
      forbidden: 'altm1',
      hidden: 'khm1',
    },
    {
      name: 'close case',
      method: 'POST',
      url: () => `/api/disclosures/cases/${ids.case}/close`,
      body: () => ({}),
      forbidden: 'altm1',
      hidden: 'altsec',
    },
    {
      name: 'business cases',
      method: 'GET',
      url: () => `/api/disclosures/business-cases?unitId=${u('altay')}`,
      forbidden: 'sysadmin',
      hidden: 'altrenshi',
    },
    {
      name: 'resolve business case',
      method: 'POST',
      url: () => `/api/disclosures/business-cases/${ids.business}/resolve`,
      body: () => ({ outcome: 'relative_exit', resolvedOn: '2026-06-08' }),
      forbidden: 'jj',
      hidden: 'altsec',
    },
    {
      name: 'statistics',
      method: 'GET',
      url: () => `/api/disclosures/stats?unitId=${u('urumqi')}`,
      forbidden: 'auditor',
      hidden: 'altsec',
    },
    {
      name: 'publication',
      method: 'GET',
      url: () => `/api/disclosures/publication?unitId=${u('altay')}`,
      forbidden: 'sysadmin',
      hidden: 'khsec',
    },
    {
      name: 'restrictions',
      method: 'GET',
      url: () => `/api/people/${world.people.altM1}/restrictions`,
      forbidden: 'altm2',
      hidden: 'khsec',
    },
  ];

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const anon = await anonymousClient(env.app);
    expect((await anon.request(c.method, c.url(), c.body?.())).statusCode, '401').toBe(401);
    const f = await (await loginAs(env.app, c.forbidden)).request(c.method, c.url(), c.body?.());
    expect(f.statusCode, `403 for ${c.forbidden}: ${f.body}`).toBe(403);
    if (c.hidden) {
      const h = await (await loginAs(env.app, c.hidden)).request(c.method, c.url(), c.body?.());
      expect(h.statusCode, `404 for ${c.hidden}: ${h.body}`).toBe(404);
    }
  });

  it('carries the OpenAPI tag disclosures on every /api/disclosures route, and eligibility on restrictions', async () => {
    const spec = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { tags?: string[] }>>;
    }>();
    const ops = Object.entries(spec.paths)
      .filter(([p]) => p.startsWith('/api/disclosures'))
      .flatMap(([, m]) => Object.values(m));
    expect(ops.length).toBeGreaterThanOrEqual(33);
    expect(ops.every((o) => o.tags?.[0] === 'disclosures')).toBe(true);
    expect(spec.paths['/api/people/{id}/restrictions']?.get?.tags).toEqual(['eligibility']);
  });
});
