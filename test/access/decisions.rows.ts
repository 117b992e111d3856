/**
 * Access rows: the decision catalogue, agenda items and their statutory procedures, decisions taken
 * outside meetings, follow-up tasks, evaluations, the dashboard and the violations report.
 */
import { ok } from '../meetings-helpers.js';
import { ABOVE, ALT_TEAM, KH, row, type AccessRow } from './row.js';
import { agendaItem, catalogueEntry, followUpTask, outsideDecision, seats } from './meetings.fixtures.js';
import type { AccessWorld, Scope, Who } from './world.js';

const READ = ['altoffice', ...ALT_TEAM, ...ABOVE] as const;
const READ_OUT = [...KH, ...ABOVE] as const;
const OFFICE = ['altoffice'] as const;
/** Who may propose items, consult and upload material: the office and the team */
const PROPOSE = ['altoffice', ...ALT_TEAM] as const;
const OFFICE_SEC = ['altoffice', 'altsec'] as const;
const byId = (id: string) => ({ params: { id } });

const sharedItem = (w: AccessWorld, s: Scope) => w.once(`item:${s}`, () => agendaItem(w, s, { approved: false }));
const sharedDecision = (w: AccessWorld, s: Scope) => w.once(`decision:${s}`, () => outsideDecision(w, s));

/** A major decision item (口岸监管重大政策) that needs the statutory procedures (ZD-01). */
const majorItem = (w: AccessWorld, s: Scope) => agendaItem(w, s, { approved: false, fragment: '口岸监管重大政策' });

/** A unit of its own for the office (an internal section under 阿勒泰海关) to seed a catalogue in. */
async function freshUnitForOffice(w: AccessWorld, who: Who): Promise<string> {
  const { id } = ok<{ id: string }>(
    await w.c('altrenshi').post('/api/orgs/units', {
      parentId: w.units.altay,
      name: `综合科${w.next()}`,
      shortName: '综合科',
      level: 'internal',
      organType: 'party_committee',
    }),
    201,
  );
  await w.grant(w.world.users[who as string] as string, 'office', id);
  return id;
}

/** The member a consultation is with: the caller when a member (members record their own), else altm1. */
const consulted = (w: AccessWorld, s: Scope, who: Who | null) =>
  (who && seats(w, s).memberPeople[who]) || Object.values(seats(w, s).memberPeople)[1];

export const decisionsRows: AccessRow[] = [
  row('GET /api/decisions/catalogue', READ, (w, s) => ({ query: { unitId: w.unit(s) } }), { out: READ_OUT }),
  row('POST /api/decisions/catalogue', OFFICE, async (w, s) => {
    await catalogueEntry(w, s); // seeded first: seeding refuses a catalogue that has entries
    return { body: { unitId: w.unit(s), name: `新事项${w.next()}`, category: '本单位重大问题', note: '说明' } };
  }),
  row('POST /api/decisions/catalogue/seed', OFFICE, async (w, s, who) => {
    await catalogueEntry(w, s);
    return { body: { unitId: who && s === 'in' ? await freshUnitForOffice(w, who) : w.unit(s) } };
  }),
  row('PATCH /api/decisions/catalogue/{id}', OFFICE, async (w, s) => ({
    ...byId(await catalogueEntry(w, s, '大额资金')),
    body: { note: '按本单位标准执行' },
  })),
  row('GET /api/decisions/items', READ, (w, s) => ({ query: { unitId: w.unit(s), pool: '1' } }), { out: READ_OUT }),
  row(
    'POST /api/decisions/items',
    PROPOSE,
    async (w, s) => ({
      body: {
        unitId: w.unit(s),
        title: `关于修订公务接待制度的议题${w.next()}`,
        summary: '说明',
        catalogueId: await catalogueEntry(w, s),
      },
    }),
    { out: KH },
  ),
  row('GET /api/decisions/items/{id}', READ, async (w, s) => byId(await sharedItem(w, s)), { out: READ_OUT }),
  row('PATCH /api/decisions/items/{id}', OFFICE, async (w, s) => ({
    ...byId(await agendaItem(w, s, { approved: false })),
    body: { title: '关于修订值班制度的议题', summary: '修改后的说明' },
  })),
  row(
    'POST /api/decisions/items/{id}/approve',
    ['altsec'],
    async (w, s) => byId(await agendaItem(w, s, { approved: false })),
    {
      out: ['khsec'],
    },
  ),
  row(
    'POST /api/decisions/items/{id}/withdraw',
    OFFICE_SEC,
    async (w, s) => byId(await agendaItem(w, s, { approved: false })),
    { out: ['khsec'] },
  ),
  row('POST /api/decisions/items/{id}/procedures', OFFICE, async (w, s) => ({
    ...byId(await majorItem(w, s)),
    body: {
      kind: 'risk_assessment',
      riskPoints: '通关时效',
      measures: '增加查验人员',
      contingencyPlan: '启用应急通道',
      conclusion: 'controllable',
      completedOn: '2026-06-01',
    },
  })),
  row('POST /api/decisions/items/{id}/experts', OFFICE, async (w, s) => {
    const id = await majorItem(w, s);
    ok(
      await w.c(seats(w, s).office).post(`/api/decisions/items/${id}/procedures`, {
        kind: 'expert_review',
        method: '论证会',
        conclusion: '方案可行',
        completedOn: '2026-05-10',
      }),
    );
    return { ...byId(id), body: { name: '王教授', organization: '新疆大学', field: '物流管理', hasInterest: false } };
  }),
  row(
    'POST /api/decisions/items/{id}/consultations',
    PROPOSE,
    async (w, s, who) => ({
      ...byId(await sharedItem(w, s)),
      body: { personId: consulted(w, s, who), note: '同意提交会议研究', consultedOn: '2026-06-05' },
    }),
    { out: KH },
  ),
  row(
    'POST /api/decisions/items/{id}/files',
    PROPOSE,
    async (w, s) => ({
      ...byId(await sharedItem(w, s)),
      body: {
        name: `材料${w.next()}.txt`,
        mime: 'text/plain',
        contentBase64: Buffer.from('议题材料').toString('base64'),
      },
    }),
    { out: KH },
  ),
  row(
    'GET /api/decisions/files/{id}',
    READ,
    (w, s) =>
      w.once(`file:${s}`, async () => {
        const item = await sharedItem(w, s);
        const body = { name: '材料.txt', mime: 'text/plain', contentBase64: Buffer.from('材料').toString('base64') };
        return byId(
          ok<{ id: string }>(await w.c(seats(w, s).office).post(`/api/decisions/items/${item}/files`, body), 201).id,
        );
      }),
    { out: READ_OUT },
  ),
  row('GET /api/decisions', READ, (w, s) => ({ query: { unitId: w.unit(s), year: 2026 } }), { out: READ_OUT }),
  row('GET /api/decisions/export.xlsx', READ, (w, s) => ({ query: { unitId: w.unit(s), year: 2026 } }), {
    out: READ_OUT,
  }),
  row('POST /api/decisions/outside', OFFICE, async (w, s) => ({
    body: {
      unitId: w.unit(s),
      title: '采购监控设备',
      summary: '说明',
      catalogueId: await catalogueEntry(w, s, '大额资金'),
      amountFen: 5_000_000,
      decidedOn: '2026-05-20',
      decidedHow: '个人决定',
      decisionText: '同意采购',
    },
  })),
  row('GET /api/decisions/tasks', READ, (w, s) => ({ query: { unitId: w.unit(s) } }), { out: READ_OUT }),
  row(
    'POST /api/decisions/items/{id}/tasks',
    OFFICE_SEC,
    async (w, s) => ({
      ...byId(await sharedDecision(w, s)),
      body: { title: '完成采购', ownerUnit: '综合科', deadline: '2026-07-01' },
    }),
    { out: ['khsec'] },
  ),
  row('POST /api/decisions/tasks/{id}/progress', OFFICE, async (w, s) => ({
    ...byId(await followUpTask(w, s)),
    body: { percent: 30, note: '已完成招标' },
  })),
  row('GET /api/decisions/items/{id}/evaluations', READ, async (w, s) => byId(await sharedDecision(w, s)), {
    out: READ_OUT,
  }),
  row(
    'POST /api/decisions/items/{id}/evaluations',
    OFFICE_SEC,
    async (w, s) => ({
      ...byId(await sharedDecision(w, s)),
      body: { evaluatedOn: '2026-06-05', conclusion: '达到预期', text: '设备运行良好' },
    }),
    { out: ['khsec'] },
  ),
  row('GET /api/decisions/dashboard', [...OFFICE_SEC, ...ABOVE], (w, s) => ({ query: { unitId: w.unit(s) } }), {
    out: ['khsec', ...ABOVE],
  }),
  row('GET /api/decisions/violations', READ, (w, s) => ({ query: { unitId: w.unit(s), scope: 'unit' } }), {
    out: READ_OUT,
  }),
  row('GET /api/decisions/violations/export.xlsx', READ, (w, s) => ({ query: { unitId: w.unit(s), scope: 'unit' } }), {
    out: READ_OUT,
  }),
];
