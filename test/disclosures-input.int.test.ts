import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, loginAs, type HttpClient, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { addFamily, fullItems, type Family } from './disclosures-helpers.js';
import { seedWorld, type World } from './fixtures.js';

describeEachDialect(
  'personal-matters reports: bad input is refused with the field named, nothing half-saved',
  (dialect) => {
    let env: TestEnv;
    let world: World;
    let fam: Family;
    let c: HttpClient;
    const counts = async () => ({
      reports: (await env.ctx.db.selectFrom('disclosure_reports').select('id').execute()).length,
      audit: (
        await env.ctx.db.selectFrom('audit_events').select('seq').where('action', 'like', 'disclosures.%').execute()
      ).length,
      cases: (await env.ctx.db.selectFrom('disclosure_business_cases').select('id').execute()).length,
    });
    beforeAll(async () => {
      env = await createTestEnv(dialect);
      world = await seedWorld(env.ctx);
      fam = await addFamily(env.ctx, world.people.altM2);
      c = await loginAs(env.app, 'altm2');
    });
    afterAll(() => env.close());

    const house = (patch: Record<string, unknown>) => ({
      housing: { entries: [{ ...fullItems({ spouse: '', son: '', daughterInLaw: '' }).housing.entries[0], ...patch }] },
    });

    it.each([
      ['a negative area', house({ areaSqm: -20 }), 'items.housing.entries.0.areaSqm'],
      ['an area in the wrong unit', house({ areaSqm: 1_205_000 }), 'items.housing.entries.0.areaSqm'],
      [
        'an amount in yuan with decimals (fen expected)',
        { income: { salaryFen: 168000.5, bonusFen: 0, allowanceFen: 0 } },
        'items.income.salaryFen',
      ],
      ['a negative amount', { income: { salaryFen: -1, bonusFen: 0, allowanceFen: 0 } }, 'items.income.salaryFen'],
      [
        'trip dates out of order',
        {
          passports: {
            documents: [],
            trips: [{ departOn: '2025-08-10', returnOn: '2025-08-01', destination: '哈萨克斯坦', purpose: '探亲' }],
          },
        },
        'items.passports.trips.0.returnOn',
      ],
      [
        'a relative not on the family list',
        {
          employment: {
            entries: [
              {
                relativeId: 'not-a-relative',
                employer: '某公司',
                post: null,
                employerType: 'private',
                seniorPost: false,
                sector: null,
              },
            ],
          },
        },
        'items.employment.entries.0.relativeId',
      ],
      [
        'a share percentage above 100',
        {
          business: {
            entries: [
              {
                relativeId: 'x',
                kind: 'unlisted_company',
                name: 'A',
                registrationNo: null,
                investmentFen: 1,
                sharePct: 140,
                role: 'investor',
                sector: null,
                since: null,
              },
            ],
          },
        },
        'items.business.entries.0.sharePct',
      ],
    ])('refuses %s', async (_what, items, field) => {
      const before = await counts();
      const res = await c.post('/api/disclosures/reports', { year: 2026, kind: 'annual', prefill: false, items });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.field).toBe(field);
      expect(await counts()).toEqual(before);
    });

    it('refuses a second report for the same year, naming the year', async () => {
      const first = await c.post('/api/disclosures/reports', {
        year: 2026,
        kind: 'annual',
        prefill: false,
        items: fullItems(fam),
      });
      expect(first.statusCode).toBe(201);
      const before = await counts();
      const second = await c.post('/api/disclosures/reports', { year: 2026, kind: 'annual' });
      expect(second.statusCode).toBe(409);
      expect(second.json().error.field).toBe('year');
      expect(await counts()).toEqual(before);
    });

    it('refuses bad edits of a draft and keeps the saved draft unchanged', async () => {
      const list = (await c.get('/api/disclosures/reports')).json().items as { id: string }[];
      const id = list[0]?.id ?? '';
      const before = (await c.get(`/api/disclosures/reports/${id}`)).json().items;
      const res = await c.put(`/api/disclosures/reports/${id}`, {
        items: { prosecution: { entries: [{ relativeId: 'ghost', on: '2025-01-01', charge: 'x', stage: 'y' }] } },
      });
      expect(res.json().error.field).toBe('items.prosecution.entries.0.relativeId');
      expect((await c.get(`/api/disclosures/reports/${id}`)).json().items).toEqual(before);
    });

    it('refuses a wrong signature and an unsigned declaration; the report stays a draft', async () => {
      const id = ((await c.get('/api/disclosures/reports')).json().items as { id: string }[])[0]?.id ?? '';
      expect(
        (await c.post(`/api/disclosures/reports/${id}/submit`, { declaration: true, signature: '别人' })).json().error
          .field,
      ).toBe('signature');
      expect(
        (
          await c.post(`/api/disclosures/reports/${id}/submit`, { declaration: false, signature: '叶尔兰·努尔兰' })
        ).json().error.field,
      ).toBe('declaration');
      expect((await c.get(`/api/disclosures/reports/${id}`)).json().status).toBe('draft');
    });

    it('refuses change reports without an event date, or with property items', async () => {
      expect(
        (
          await c.post('/api/disclosures/reports', {
            year: 2026,
            kind: 'change',
            items: { marriage: { status: 'divorced', changedOn: '2026-05-01' } },
          })
        ).json().error.field,
      ).toBe('eventDate');
      const prop = await c.post('/api/disclosures/reports', {
        year: 2026,
        kind: 'change',
        eventDate: '2026-05-01',
        items: { housing: { entries: [] } },
      });
      expect(prop.json().error.field).toBe('items.housing');
      const ok = await c.post('/api/disclosures/reports', {
        year: 2026,
        kind: 'change',
        eventDate: '2026-05-01',
        items: { marriage: { status: 'married', changedOn: '2026-05-01' } },
      });
      expect(ok.statusCode, ok.body).toBe(201);
      const detail = (await c.get(`/api/disclosures/reports/${ok.json().id}`)).json();
      expect(detail.deadline.dueDate).toBe('2026-06-01');
      expect(detail.kind).toBe('change');
    });

    it('refuses a report from someone not required to report, and a future year', async () => {
      expect(
        (await (await loginAs(env.app, 'altstaff')).post('/api/disclosures/reports', { year: 2026, kind: 'annual' }))
          .statusCode,
      ).toBe(403);
      expect((await c.post('/api/disclosures/reports', { year: 2027, kind: 'annual' })).json().error.field).toBe(
        'year',
      );
    });
  },
);
