/**
 * Personal-matters records for the access rows. In scope: 再娜甫·吾斯曼 (altm1) of 阿勒泰海关, whose
 * reports the offices of 乌鲁木齐海关 (rs, jj) manage. Out of scope: 潘振华 (ursec) of 乌鲁木齐海关,
 * managed by 海关总署's personnel office (a helper account), so rs and jj must not reach his.
 * Draws belong to the office above the reporters: 乌鲁木齐海关's (rs) in scope, 海关总署's out.
 */
import { addFamily, fullItems, type Family } from '../disclosures-helpers.js';
import { ok } from '../meetings-helpers.js';
import type { AccessWorld, Scope } from './world.js';

export const reporter = (w: AccessWorld, s: Scope) =>
  s === 'in'
    ? { user: 'altm1', personId: w.people.altM1, name: '再娜甫·吾斯曼' }
    : { user: 'ursec', personId: w.people.urSec, name: '潘振华' };

/** The personnel office managing the scope's reporter, and the unit it belongs to. */
export const checker = (s: Scope) => (s === 'in' ? 'rs' : 'fx-gacrs');
export const officeUnit = (w: AccessWorld, s: Scope) => (s === 'in' ? w.units.urumqi : w.units.gac);
export const reporterUnit = (w: AccessWorld, s: Scope) => (s === 'in' ? w.units.altay : w.units.urumqi);

const family = (w: AccessWorld, s: Scope): Promise<Family> =>
  w.once(`family:${s}`, () => addFamily(w.env.ctx, reporter(w, s).personId));

/** A change report (any number may exist), as a draft or submitted. */
export async function report(w: AccessWorld, s: Scope, state: 'draft' | 'submitted'): Promise<string> {
  const r = reporter(w, s);
  const fam = await family(w, s);
  const c = w.c(r.user);
  const { id } = ok<{ id: string }>(
    await c.post('/api/disclosures/reports', {
      year: 2026,
      kind: 'change',
      eventDate: '2026-06-01',
      prefill: false,
      items: { employment: fullItems(fam).employment },
    }),
    201,
  );
  if (state === 'submitted') {
    ok(await c.post(`/api/disclosures/reports/${id}/submit`, { declaration: true, signature: r.name }));
  }
  return id;
}

/** The reporter's submitted annual report for 2026, with a relative's company (a business case). */
export const annualReport = (w: AccessWorld, s: Scope) =>
  w.once(`annual:${s}`, async () => {
    const r = reporter(w, s);
    const fam = await family(w, s);
    const items = fullItems(fam, {
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
    });
    const c = w.c(r.user);
    const created = await c.post('/api/disclosures/reports', { year: 2026, kind: 'annual', prefill: false, items });
    const { id } = ok<{ id: string }>(created, 201);
    ok(await c.post(`/api/disclosures/reports/${id}/submit`, { declaration: true, signature: r.name }));
    return id;
  });

const checkYears = new WeakMap<AccessWorld, Record<Scope, number>>();

/** A targeted check of the reporter (one open check per kind and year: each takes an earlier year). */
export async function check(w: AccessWorld, s: Scope): Promise<string> {
  await annualReport(w, s);
  const years = checkYears.get(w) ?? { in: 2027, out: 2027 };
  checkYears.set(w, years);
  const year = --years[s];
  return ok<{ id: string }>(
    await w.c(checker(s)).post('/api/disclosures/checks', {
      personId: reporter(w, s).personId,
      year,
      kind: 'targeted',
      reason: '信访举报',
    }),
    201,
  ).id;
}

/** A check with its registry entered: a marriage the report did not show opens a case. */
export async function caseOf(w: AccessWorld, s: Scope, decided = false): Promise<string> {
  const id = await check(w, s);
  const res = ok<{ caseId: string | null }>(
    await w.c(checker(s)).put(`/api/disclosures/checks/${id}/registry`, {
      items: { marriage: { status: 'divorced', changedOn: null } },
      assets: { familyAssetsFen: 900_000_000, normalIncomeFen: 1_000_000 },
    }),
  );
  if (!res.caseId) throw new Error('no case opened');
  if (decided) {
    ok(
      await w
        .c(checker(s))
        .post(`/api/disclosures/cases/${res.caseId}/decision`, { severity: 'minor', measures: ['诫勉'] }),
    );
  }
  return res.caseId;
}

/** A check whose registry asked the reporter to explain (assets far above income, PM-07). */
export async function checkToExplain(w: AccessWorld, s: Scope): Promise<string> {
  const id = await check(w, s);
  ok(
    await w.c(checker(s)).put(`/api/disclosures/checks/${id}/registry`, {
      items: { marriage: { status: 'married', changedOn: null } },
      assets: { familyAssetsFen: 900_000_000, normalIncomeFen: 1_000_000 },
    }),
  );
  return id;
}

/** The business case opened by the annual report's relative company (FB rules). */
export const businessCase = (w: AccessWorld, s: Scope) =>
  w.once(`business:${s}`, async () => {
    await annualReport(w, s);
    const list = ok<{ items: { id: string; personId: string }[] }>(
      await w.c(checker(s)).get(`/api/disclosures/business-cases?unitId=${reporterUnit(w, s)}`),
    );
    const found = list.items.find((b) => b.personId === reporter(w, s).personId);
    if (!found) throw new Error('no business case');
    return found.id;
  });

const drawYears = new WeakMap<AccessWorld, Record<Scope, number>>();

/** A draw of the office above, in a state (each draw takes a year of its own). */
export async function draw(w: AccessWorld, s: Scope, state: 'prepared' | 'published' | 'drawn'): Promise<string> {
  const years = drawYears.get(w) ?? { in: 2027, out: 2027 };
  drawYears.set(w, years);
  const c = w.c(checker(s));
  const { id } = ok<{ id: string }>(
    await c.post('/api/disclosures/draws', { unitId: officeUnit(w, s), year: --years[s], ratio: 1 }),
    201,
  );
  if (state !== 'prepared') ok(await c.post(`/api/disclosures/draws/${id}/publish`));
  if (state === 'drawn') {
    ok(await c.post(`/api/disclosures/draws/${id}/draw`, { publicValue: '20260608-上证指数收盘' }));
  }
  return id;
}

export const sharedDraw = (w: AccessWorld, s: Scope, state: 'published' | 'drawn') =>
  w.once(`draw:${s}:${state}`, () => draw(w, s, state));
