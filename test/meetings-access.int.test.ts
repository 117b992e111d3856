/**
 * Every meetings and decisions endpoint: 401 without a session, 403 for a seat that does not
 * allow it (staff of the unit, an admin), 404 for another unit's records (Khorgos' secretary).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousClient, createTestEnv, loginAs, type HttpClient, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';
import { addToAgenda, altayTeam, catalogue, ok, ordinaryItem, schedule, type Team } from './meetings-helpers.js';

interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  unitScoped?: boolean;
}

describeEachDialect('meetings and decisions: who may do what', (dialect) => {
  let env: TestEnv;
  let world: World;
  let t: Team;
  let endpoints: Endpoint[];
  let staff: HttpClient;
  let admin: HttpClient;
  let other: HttpClient;
  let anon: HttpClient;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    world = await seedWorld(env.ctx);
    t = await altayTeam(env);
    const cat = await catalogue(t.office, world.units.altay);
    const agendaId = await ordinaryItem(t, world, cat);
    const second = await ordinaryItem(t, world, cat, '关于修订公务接待制度的议题');
    const meetingId = await schedule(t, world, '2026-06-08', { startTime: '15:00' });
    const miId = await addToAgenda(t, meetingId, agendaId);
    const outside = ok<{ id: string }>(
      await t.office.post('/api/decisions/outside', {
        unitId: world.units.altay,
        title: '采购监控设备',
        summary: '说明',
        catalogueId: cat('大额资金'),
        amountFen: 5_000_000,
        decidedOn: '2026-05-20',
        decidedHow: '个人决定',
        decisionText: '同意采购',
      }),
      201,
    ).id;
    const taskId = ok<{ id: string }>(
      await t.office.post(`/api/decisions/items/${outside}/tasks`, {
        title: '完成采购',
        ownerUnit: '综合科',
        deadline: '2026-07-01',
      }),
      201,
    ).id;
    const fileId = ok<{ id: string }>(
      await t.office.post(`/api/decisions/items/${agendaId}/files`, {
        name: '材料.txt',
        mime: 'text/plain',
        contentBase64: Buffer.from('材料').toString('base64'),
      }),
      201,
    ).id;
    const u = world.units.altay;
    const vote = { choices: [{ candidateId: 'main', choice: 'agree' }] };
    endpoints = [
      { method: 'GET', url: `/api/meetings?unitId=${u}`, unitScoped: true },
      {
        method: 'POST',
        url: '/api/meetings',
        body: {
          unitId: u,
          date: '2026-06-20',
          startTime: '09:00',
          location: '会议室',
          recorderPersonId: world.people.altOffice,
        },
        unitScoped: true,
      },
      { method: 'GET', url: `/api/meetings/${meetingId}` },
      { method: 'GET', url: `/api/meetings/${meetingId}/events` },
      { method: 'PATCH', url: `/api/meetings/${meetingId}`, body: { location: '二楼会议室' } },
      { method: 'POST', url: `/api/meetings/${meetingId}/items`, body: { agendaItemId: second, voteMethod: 'hands' } },
      { method: 'PATCH', url: `/api/meetings/items/${miId}`, body: { voteMethod: 'hands' } },
      { method: 'DELETE', url: `/api/meetings/items/${miId}` },
      { method: 'POST', url: `/api/meetings/${meetingId}/publish` },
      { method: 'POST', url: `/api/meetings/${meetingId}/cancel` },
      { method: 'POST', url: `/api/meetings/${meetingId}/open` },
      { method: 'POST', url: `/api/meetings/${meetingId}/close` },
      {
        method: 'POST',
        url: `/api/meetings/${meetingId}/leave`,
        body: { personId: world.people.altM1, reason: '出差' },
      },
      {
        method: 'POST',
        url: `/api/meetings/${meetingId}/attendance`,
        body: { personId: world.people.altM1, status: 'present' },
      },
      { method: 'POST', url: `/api/meetings/${meetingId}/attendees`, body: { personId: world.people.altStaff } },
      {
        method: 'POST',
        url: `/api/meetings/items/${miId}/recusals`,
        body: { personId: world.people.altM1, reason: '亲属' },
      },
      { method: 'POST', url: `/api/meetings/items/${miId}/start-voting` },
      { method: 'POST', url: `/api/meetings/items/${miId}/votes`, body: vote },
      {
        method: 'POST',
        url: `/api/meetings/items/${miId}/recorded-votes`,
        body: { entries: [{ personId: world.people.altM1, notVoting: true }] },
      },
      { method: 'POST', url: `/api/meetings/items/${miId}/close-voting` },
      {
        method: 'POST',
        url: `/api/meetings/items/${miId}/paper-result`,
        body: {
          tallies: [{ candidateId: 'main', agree: 3, disagree: 0, abstain: 0, defer: 0 }],
          recordedOutcome: 'passed',
        },
      },
      { method: 'POST', url: `/api/meetings/items/${miId}/defer`, body: { reason: '再研究' } },
      { method: 'GET', url: `/api/meetings/${meetingId}/minutes` },
      { method: 'PUT', url: `/api/meetings/${meetingId}/minutes`, body: { general: '', items: [] } },
      { method: 'POST', url: `/api/meetings/${meetingId}/minutes/approve` },
      { method: 'POST', url: `/api/meetings/${meetingId}/minutes/corrections`, body: { reason: '笔误' } },
      { method: 'GET', url: `/api/meetings/${meetingId}/summary.docx` },
      { method: 'GET', url: `/api/decisions/catalogue?unitId=${u}`, unitScoped: true },
      { method: 'POST', url: '/api/decisions/catalogue/seed', body: { unitId: u }, unitScoped: true },
      {
        method: 'POST',
        url: '/api/decisions/catalogue',
        body: { unitId: u, name: '新事项', category: '本单位重大问题' },
        unitScoped: true,
      },
      { method: 'PATCH', url: `/api/decisions/catalogue/${cat('大额资金')}`, body: { note: '改' } },
      { method: 'GET', url: `/api/decisions/items?unitId=${u}`, unitScoped: true },
      {
        method: 'POST',
        url: '/api/decisions/items',
        body: { unitId: u, title: '新议题', summary: '说明', catalogueId: cat('其他须集体讨论') },
        unitScoped: true,
      },
      { method: 'GET', url: `/api/decisions/items/${second}` },
      { method: 'PATCH', url: `/api/decisions/items/${second}`, body: { title: '改名' } },
      { method: 'POST', url: `/api/decisions/items/${second}/approve` },
      { method: 'POST', url: `/api/decisions/items/${second}/withdraw` },
      {
        method: 'POST',
        url: `/api/decisions/items/${second}/procedures`,
        body: {
          kind: 'risk_assessment',
          riskPoints: '无',
          measures: '无',
          contingencyPlan: '无',
          conclusion: 'controllable',
          completedOn: '2026-06-01',
        },
      },
      {
        method: 'POST',
        url: `/api/decisions/items/${second}/experts`,
        body: { name: '王', organization: '大学', hasInterest: false },
      },
      {
        method: 'POST',
        url: `/api/decisions/items/${second}/consultations`,
        body: { personId: world.people.altM1, note: '同意', consultedOn: '2026-06-01' },
      },
      { method: 'POST', url: `/api/decisions/items/${second}/files`, body: { name: 'a.txt', contentBase64: 'YQ==' } },
      { method: 'GET', url: `/api/decisions/files/${fileId}` },
      { method: 'GET', url: `/api/decisions?unitId=${u}`, unitScoped: true },
      {
        method: 'POST',
        url: '/api/decisions/outside',
        body: {
          unitId: u,
          title: 'x',
          summary: 'x',
          catalogueId: cat('大额资金'),
          decidedOn: '2026-05-01',
          decidedHow: '圈阅',
          decisionText: 'x',
        },
        unitScoped: true,
      },
      { method: 'GET', url: `/api/decisions/tasks?unitId=${u}`, unitScoped: true },
      {
        method: 'POST',
        url: `/api/decisions/items/${outside}/tasks`,
        body: { title: 't', ownerUnit: '综合科', deadline: '2026-07-01' },
      },
      { method: 'POST', url: `/api/decisions/tasks/${taskId}/progress`, body: { percent: 10, note: '进行中' } },
      { method: 'GET', url: `/api/decisions/items/${outside}/evaluations` },
      {
        method: 'POST',
        url: `/api/decisions/items/${outside}/evaluations`,
        body: { evaluatedOn: '2026-06-01', conclusion: '达到预期', text: '好' },
      },
      { method: 'GET', url: `/api/decisions/dashboard?unitId=${u}`, unitScoped: true },
      { method: 'GET', url: `/api/decisions/violations?unitId=${u}`, unitScoped: true },
    ];
    [staff, admin, other, anon] = await Promise.all([
      loginAs(env.app, 'altstaff'),
      loginAs(env.app, 'sysadmin'),
      loginAs(env.app, 'khsec'),
      anonymousClient(env.app),
    ]);
  });
  afterAll(() => env.close());

  const call = (c: HttpClient, e: Endpoint) => c.request(e.method, e.url, e.body);

  it('answers 401 without a session on every endpoint', async () => {
    for (const e of endpoints) expect((await call(anon, e)).statusCode, `${e.method} ${e.url}`).toBe(401);
  });

  it('answers 403 to staff of the unit without a seat, and to the admins (三员分立)', async () => {
    for (const e of endpoints) {
      expect((await call(staff, e)).statusCode, `staff ${e.method} ${e.url}`).toBe(403);
      expect((await call(admin, e)).statusCode, `admin ${e.method} ${e.url}`).toBe(403);
    }
  });

  it("answers 404 to another unit's secretary for every record and unit", async () => {
    for (const e of endpoints) expect((await call(other, e)).statusCode, `${e.method} ${e.url}`).toBe(404);
  });

  it('refuses members what only the office or the secretary may do', async () => {
    const member = t.m[0]!;
    const officeOnly = endpoints.filter(
      (e) =>
        /\/(publish|cancel|open|close|attendance|attendees|start-voting|recorded-votes|close-voting|paper-result|defer|seed)$/.test(
          e.url.split('?')[0] ?? '',
        ) ||
        (e.method === 'POST' && e.url === '/api/meetings'),
    );
    for (const e of officeOnly) expect((await call(member, e)).statusCode, `member ${e.method} ${e.url}`).toBe(403);
    const approve = endpoints.find((e) => e.url.endsWith('/approve') && e.url.includes('/decisions/'))!;
    expect((await call(t.office, approve)).statusCode).toBe(403); // PG-05: the secretary approves
    expect(
      (
        await call(
          member,
          endpoints.find((e) => e.url.endsWith('/minutes/approve'))!,
        )
      ).statusCode,
    ).toBe(403);
  });

  it('lets the personnel office above read the unit, and refuses it the office work', async () => {
    const rs = await loginAs(env.app, 'rs');
    expect((await rs.get(`/api/meetings?unitId=${world.units.altay}`)).statusCode).toBe(200);
    expect((await rs.post('/api/meetings', endpoints[1]!.body)).statusCode).toBe(403);
    expect((await rs.get(`/api/decisions/violations?unitId=${world.units.urumqi}&scope=below`)).statusCode).toBe(200);
    expect((await t.m[0]!.get(`/api/decisions/violations?unitId=${world.units.urumqi}&scope=below`)).statusCode).toBe(
      404,
    );
    expect(
      (
        await (
          await loginAs(env.app, 'ursec')
        ).get(`/api/decisions/violations?unitId=${world.units.urumqi}&scope=below`)
      ).statusCode,
    ).toBe(403);
  });
});
