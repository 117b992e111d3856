/**
 * Access rows: personal-matters reports (the reporter writes; the offices above read), reporters'
 * lists and special cases, draws (the office above runs them; reporters on a published list see
 * them; anyone who sees a drawn draw may verify it, only the owning office records it), checks and
 * cases. See disclosures.fixtures.ts for whose records are in and out of scope.
 */
import { ALT_ALL, ALT_TEAM, ABOVE, BUSINESS, KH, row, type AccessRow } from './row.js';
import {
  annualReport,
  businessCase,
  caseOf,
  check,
  checkToExplain,
  draw,
  officeUnit,
  report,
  reporter,
  reporterUnit,
  sharedDraw,
} from './disclosures.fixtures.js';
import { staffPerson } from './records.js';
import type { AccessWorld, Scope } from './world.js';

const SELF_ABOVE = ['altm1', ...ABOVE] as const;
/** Reporters of 阿勒泰海关 and 霍尔果斯海关: on the list of 乌鲁木齐海关's draw */
const LISTED = [...ALT_TEAM, ...KH] as const;
const MARRIED = { marriage: { status: 'married', changedOn: '2026-06-01' } };
const byId = (id: string) => ({ params: { id } });
const sharedCheck = (w: AccessWorld, s: Scope) => w.once(`check:${s}`, () => check(w, s));
const sharedCase = (w: AccessWorld, s: Scope) => w.once(`case:${s}`, () => caseOf(w, s));

export const disclosuresRows: AccessRow[] = [
  row('GET /api/disclosures/me', BUSINESS, () => ({}), { noScope: true }),
  row('GET /api/disclosures/me/reads', BUSINESS, () => ({}), { noScope: true }),
  row('GET /api/disclosures/reports', ABOVE, (w, s) => ({ query: { unitId: reporterUnit(w, s), year: 2026 } })),
  row(
    'POST /api/disclosures/reports',
    [...ALT_TEAM, ...KH, 'ursec'],
    () => ({ body: { year: 2026, kind: 'change', eventDate: '2026-06-01', prefill: false, items: MARRIED } }),
    { noScope: true },
  ),
  row('GET /api/disclosures/reports/{id}', SELF_ABOVE, async (w, s) => byId(await annualReport(w, s)), {
    out: ['ursec'],
  }),
  row(
    'PUT /api/disclosures/reports/{id}',
    ['altm1'],
    async (w, s) => ({
      ...byId(await report(w, s, 'draft')),
      body: { items: MARRIED, notes: '婚姻状况' },
    }),
    { out: ['ursec'] },
  ),
  row(
    'POST /api/disclosures/reports/{id}/submit',
    ['altm1'],
    async (w, s) => ({
      ...byId(await report(w, s, 'draft')),
      body: { declaration: true, signature: reporter(w, s).name },
    }),
    { out: ['ursec'] },
  ),
  row(
    'POST /api/disclosures/reports/{id}/amendments',
    ['altm1'],
    async (w, s) => ({
      ...byId(await report(w, s, 'submitted')),
      body: { reason: '漏填配偶职务变化', items: { employment: { entries: [] } } },
    }),
    { out: ['ursec'] },
  ),
  row('GET /api/disclosures/reports/{id}/reads', SELF_ABOVE, async (w, s) => byId(await annualReport(w, s)), {
    out: ['ursec'],
  }),
  row('GET /api/disclosures/reports/{id}/export.docx', SELF_ABOVE, async (w, s) => byId(await annualReport(w, s)), {
    out: ['ursec'],
  }),
  row('GET /api/disclosures/subjects', ABOVE, (w, s) => ({ query: { unitId: reporterUnit(w, s), year: 2026 } })),
  row('POST /api/disclosures/special-subjects', ['rs'], async (w, s) => ({
    body: { personId: await staffPerson(w, reporterUnit(w, s)), reason: '重要岗位', startDate: '2026-06-01' },
  })),
  row('POST /api/disclosures/special-subjects/{id}/end', ['rs'], async (w, s) => {
    const personId = await staffPerson(w, reporterUnit(w, s));
    const c = w.c(s === 'in' ? 'rs' : 'fx-gacrs');
    const res = await c.post('/api/disclosures/special-subjects', {
      personId,
      reason: '重要岗位',
      startDate: '2026-06-01',
    });
    return { ...byId(res.json<{ id: string }>().id), body: { endDate: '2026-06-08' } };
  }),
  row('GET /api/disclosures/draws', BUSINESS, () => ({}), { noScope: true }),
  row('POST /api/disclosures/draws', ['rs'], (w, s) => ({
    body: { unitId: officeUnit(w, s), year: 2000 + (w.next() % 10) }, // draw() takes 2026 downwards
  })),
  row(
    'GET /api/disclosures/draws/{id}',
    [...ABOVE, ...LISTED],
    async (w, s) => byId(await sharedDraw(w, s, 'published')),
    {
      out: ['ursec'],
    },
  ),
  row('DELETE /api/disclosures/draws/{id}', ['rs'], async (w, s) => byId(await draw(w, s, 'prepared'))),
  row('POST /api/disclosures/draws/{id}/publish', ['rs'], async (w, s) => byId(await draw(w, s, 'prepared'))),
  row('POST /api/disclosures/draws/{id}/draw', ['rs'], async (w, s) => ({
    ...byId(await draw(w, s, 'published')),
    body: { publicValue: '2026-06-08 上证指数收盘 3388.88' },
  })),
  row(
    'GET /api/disclosures/draws/{id}/file.json',
    [...ABOVE, ...LISTED],
    async (w, s) => byId(await sharedDraw(w, s, 'drawn')),
    {
      out: ['ursec'],
    },
  ),
  row('GET /api/disclosures/draws/{id}/notice.docx', ['rs'], async (w, s) => byId(await sharedDraw(w, s, 'drawn'))),
  row(
    'POST /api/disclosures/draws/{id}/verify',
    [...ABOVE, ...LISTED],
    async (w, s) => byId(await sharedDraw(w, s, 'drawn')),
    {
      out: ['ursec'],
    },
  ),
  row('GET /api/disclosures/checks', ABOVE, (w, s) => ({ query: { unitId: reporterUnit(w, s), year: 2026 } })),
  row('POST /api/disclosures/checks', ['rs'], async (w, s) => {
    await annualReport(w, s);
    return {
      body: { personId: reporter(w, s).personId, year: 2000 + (w.next() % 8), kind: 'targeted', reason: '信访举报' },
    };
  }),
  row('GET /api/disclosures/checks/{id}', SELF_ABOVE, async (w, s) => byId(await sharedCheck(w, s)), {
    out: ['ursec'],
  }),
  row('PUT /api/disclosures/checks/{id}/registry', ['rs'], async (w, s) => ({
    ...byId(await check(w, s)),
    body: { items: { marriage: { status: 'married', changedOn: null } } },
  })),
  row('POST /api/disclosures/checks/registry-batch', ['rs'], async (w, s) => ({
    body: { entries: [{ checkId: await check(w, s), items: { marriage: { status: 'married', changedOn: null } } }] },
  })),
  row(
    'POST /api/disclosures/checks/{id}/explanation',
    ['altm1'],
    async (w, s) => ({
      ...byId(await checkToExplain(w, s)),
      body: { text: '家庭财产系继承所得，有遗嘱公证书为证' },
    }),
    { out: ['ursec'] },
  ),
  row('GET /api/disclosures/cases', ABOVE, (w, s) => ({ query: { unitId: reporterUnit(w, s), year: 2026 } })),
  row('GET /api/disclosures/cases/{id}', SELF_ABOVE, async (w, s) => byId(await sharedCase(w, s)), { out: ['ursec'] }),
  row('POST /api/disclosures/cases/{id}/decision', ABOVE, async (w, s) => ({
    ...byId(await caseOf(w, s)),
    body: { severity: 'minor', measures: ['诫勉'], note: '诫勉谈话' },
  })),
  row('POST /api/disclosures/cases/{id}/close', ABOVE, async (w, s) => ({
    ...byId(await caseOf(w, s, true)),
    body: { note: '已诫勉谈话' },
  })),
  row('GET /api/disclosures/business-cases', ABOVE, (w, s) => ({ query: { unitId: reporterUnit(w, s) } })),
  row('POST /api/disclosures/business-cases/{id}/resolve', ['rs'], async (w, s) => ({
    ...byId(await businessCase(w, s)),
    body: { outcome: 'relative_exit', resolvedOn: '2026-06-08', note: '已退出' },
  })),
  row('GET /api/disclosures/stats', ABOVE, (w, s) => ({ query: { unitId: officeUnit(w, s), year: 2026 } })),
  row(
    'GET /api/disclosures/publication',
    [...ALT_ALL, ...ABOVE],
    (w, s) => ({ query: { unitId: w.unit(s), year: 2026 } }),
    {
      out: [...KH, ...ABOVE],
    },
  ),
];
