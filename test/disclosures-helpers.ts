/**
 * Shared pieces for the disclosures integration tests: family rows on the cadre records, a full
 * report body, and a client per seat.
 */
import { expect } from 'vitest';
import type { AppContext } from '../src/server/context.js';
import { emptyItems, type ReportItems } from '../src/common/contracts/disclosures-items.js';
import { uuidv7 } from '../src/server/platform/random.js';
import type { HttpClient } from './app.js';

export interface Family {
  spouse: string;
  son: string;
  daughterInLaw: string;
}

/** Give a person a spouse, a son and a daughter-in-law on the cadre record; returns their row ids. */
export async function addFamily(
  ctx: AppContext,
  personId: string,
  names = { spouse: '王丽', son: '李明', daughterInLaw: '赵敏' },
): Promise<Family> {
  const ids = { spouse: uuidv7(ctx.random), son: uuidv7(ctx.random), daughterInLaw: uuidv7(ctx.random) };
  await ctx.db
    .insertInto('person_family')
    .values([
      {
        id: ids.spouse,
        person_id: personId,
        relation: 'spouse',
        name: names.spouse,
        birth_date: '1976-05-01',
        political_status: 'cpc',
        employer_post: '某医院医生',
        sort_order: 0,
      },
      {
        id: ids.son,
        person_id: personId,
        relation: 'son',
        name: names.son,
        birth_date: '2000-03-01',
        political_status: 'league',
        employer_post: '某公司职员',
        sort_order: 1,
      },
      {
        id: ids.daughterInLaw,
        person_id: personId,
        relation: 'daughter_in_law',
        name: names.daughterInLaw,
        birth_date: '2001-03-01',
        political_status: 'masses',
        employer_post: '某公司',
        sort_order: 2,
      },
    ])
    .execute();
  return ids;
}

/** A complete report: one home of 120.5 m², a salary, the spouse at a hospital. */
export function fullItems(f: Family, patch: Partial<ReportItems> = {}): ReportItems {
  return {
    ...emptyItems(),
    housing: {
      entries: [
        {
          owner: 'self',
          kind: 'residence',
          address: '阿勒泰市解放路18号3-502',
          certificateNo: '新(2018)阿勒泰市不动产权第0001234号',
          areaSqm: 120.5,
          acquiredOn: '2018-06-01',
          source: 'purchase',
          priceFen: 56_000_000,
        },
      ],
    },
    income: { salaryFen: 16_800_000, bonusFen: 2_400_000, allowanceFen: 1_200_000 },
    employment: {
      entries: [
        {
          relativeId: f.spouse,
          employer: '阿勒泰地区人民医院',
          post: '主治医师',
          employerType: 'public_institution',
          seniorPost: false,
          sector: '医疗',
        },
      ],
    },
    ...patch,
  };
}

/** Create and submit an annual report; returns its id. */
export async function submitAnnual(
  c: HttpClient,
  name: string,
  year: number,
  items: Partial<ReportItems>,
): Promise<string> {
  const created = await c.post('/api/disclosures/reports', { year, kind: 'annual', prefill: false, items });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json<{ id: string }>().id;
  const sub = await c.post(`/api/disclosures/reports/${id}/submit`, { declaration: true, signature: name });
  expect(sub.statusCode, sub.body).toBe(200);
  return id;
}
