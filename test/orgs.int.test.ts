import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, loginAs, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';
import { createLinkedAccount } from './accounts-helpers.js';

describeEachDialect('units and teams', (dialect) => {
  let env: TestEnv;
  let w: World;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    w = await seedWorld(env.ctx);
  });
  afterAll(() => env.close());

  it('shows a team member their own unit and its ancestors only', async () => {
    const c = await loginAs(env.app, 'altm1');
    const names = (await c.get('/api/orgs/units')).json<{ items: { name: string; canViewTeam: boolean }[] }>().items;
    expect(names.map((u) => u.name)).toEqual(['海关总署', '乌鲁木齐海关', '阿勒泰海关']);
    expect(names.find((u) => u.name === '阿勒泰海关')?.canViewTeam).toBe(true);
    expect(names.find((u) => u.name === '乌鲁木齐海关')?.canViewTeam).toBe(false);
  });

  it("a member of 阿勒泰海关 cannot read another unit's team (404)", async () => {
    const c = await loginAs(env.app, 'altm1');
    expect((await c.get(`/api/orgs/units/${w.units.altay}/team`)).statusCode).toBe(200);
    const other = await c.get(`/api/orgs/units/${w.units.khorgos}/team`);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await c.get(`/api/orgs/units/${w.units.khorgos}`)).statusCode).toBe(404);
  });

  it('the personnel office above reads every team below it', async () => {
    const c = await loginAs(env.app, 'rs');
    for (const u of [w.units.altay, w.units.khorgos]) {
      const t = await c.get(`/api/orgs/units/${u}/team`);
      expect(t.statusCode).toBe(200);
      expect(t.json()).toMatchObject({ canEdit: true, canViewRecords: true });
    }
    const team = (await c.get(`/api/orgs/units/${w.units.altay}/team`)).json<{
      members: { personName: string; teamPostLabel: string }[];
    }>();
    expect(team.members[0]).toMatchObject({ personName: '朱少华', teamPostLabel: '党组书记' });
  });

  it('adds a team member, ends the membership and keeps it in the history', async () => {
    const rs = await loginAs(env.app, 'rs');
    const add = await rs.post(`/api/orgs/units/${w.units.altay}/team`, {
      personId: w.people.altStaff,
      teamPost: 'member',
      adminPost: '副关长',
      startDate: '2026-06-01',
      divisionOfWork: '分管综合',
    });
    expect(add.statusCode).toBe(201);
    const again = await rs.post(`/api/orgs/units/${w.units.altay}/team`, {
      personId: w.people.altStaff,
      teamPost: 'member',
      startDate: '2026-06-02',
    });
    expect(again.statusCode).toBe(409);
    const second = await rs.post(`/api/orgs/units/${w.units.altay}/team`, {
      personId: w.people.altOffice,
      teamPost: 'secretary',
      startDate: '2026-06-01',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.field).toBe('teamPost');
    const id = add.json<{ id: string }>().id;
    const noReason = await rs.patch(`/api/orgs/team-members/${id}`, { endDate: '2026-06-05' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe('endReason');
    expect(
      (await rs.patch(`/api/orgs/team-members/${id}`, { endDate: '2026-06-05', endReason: '工作调整' })).statusCode,
    ).toBe(200);
    expect((await rs.patch(`/api/orgs/team-members/${id}`, { divisionOfWork: '改' })).statusCode).toBe(409);
    const current = (await rs.get(`/api/orgs/units/${w.units.altay}/team`))
      .json<{ members: { id: string }[] }>()
      .members.map((m) => m.id);
    expect(current).not.toContain(id);
    const history = (await rs.get(`/api/orgs/units/${w.units.altay}/team?history=1`)).json<{
      members: { id: string; endReason: string | null }[];
    }>().members;
    expect(history.find((m) => m.id === id)?.endReason).toBe('工作调整');
  });

  it('derives the member role from the new membership', async () => {
    const rs = await loginAs(env.app, 'rs');
    await rs.post(`/api/orgs/units/${w.units.khorgos}/team`, {
      personId: w.people.khStaff,
      teamPost: 'member',
      startDate: '2026-06-01',
    });
    // The account is made the only way the API allows: requested, confirmed, activated by its holder.
    await createLinkedAccount(env.app, {
      username: 'khstaff',
      displayName: '孙雅琴',
      personId: w.people.khStaff,
      password: 'Sun-Yaqin-2026x',
    });
    const me = (await (await loginAs(env.app, 'khstaff', 'Sun-Yaqin-2026x')).get('/api/auth/session')).json<{
      me: { roles: { role: string }[] };
    }>();
    expect(me.me.roles.map((r) => r.role)).toContain('member');
  });

  it('refuses team changes to those without authority: 403 for the unit itself, 404 for others', async () => {
    const own = await loginAs(env.app, 'altsec');
    expect(
      (
        await own.post(`/api/orgs/units/${w.units.altay}/team`, {
          personId: w.people.altStaff,
          teamPost: 'member',
          startDate: '2026-06-01',
        })
      ).statusCode,
    ).toBe(403);
    expect((await own.patch(`/api/orgs/team-members/${w.teamMembers.altM1}`, { divisionOfWork: 'x' })).statusCode).toBe(
      403,
    );
    expect((await own.patch(`/api/orgs/team-members/${w.teamMembers.khM1}`, { divisionOfWork: 'x' })).statusCode).toBe(
      404,
    );
    expect(
      (
        await own.post(`/api/orgs/units/${w.units.khorgos}/team`, {
          personId: w.people.khStaff,
          teamPost: 'member',
          startDate: '2026-06-01',
        })
      ).statusCode,
    ).toBe(404);
    expect((await own.patch(`/api/orgs/units/${w.units.altay}`, { name: '改名' })).statusCode).toBe(403);
    expect((await own.patch(`/api/orgs/units/${w.units.khorgos}`, { name: '改名' })).statusCode).toBe(404);
  });

  it('lets the personnel office create a child unit; others are refused', async () => {
    const rs = await loginAs(env.app, 'rs');
    const r = await rs.post('/api/orgs/units', {
      parentId: w.units.urumqi,
      name: '塔城海关',
      shortName: '塔城',
      level: 'subordinate',
      organType: 'party_committee',
    });
    expect(r.statusCode).toBe(201);
    const t = (await rs.get(`/api/orgs/units/${r.json<{ id: string }>().id}/team`)).json<{ organLabel: string }>();
    expect(t.organLabel).toBe('党委');
    const m = await loginAs(env.app, 'altsec');
    expect(
      (
        await m.post('/api/orgs/units', {
          parentId: w.units.altay,
          name: '某科',
          shortName: '某科',
          level: 'internal',
          organType: 'party_group',
        })
      ).statusCode,
    ).toBe(403);
    expect((await rs.patch(`/api/orgs/units/${w.units.altay}`, { shortName: '阿勒泰关' })).statusCode).toBe(200);
  });

  it('answers 401 on every route without a session', async () => {
    for (const [method, url] of [
      ['GET', '/api/orgs/units'],
      ['GET', `/api/orgs/units/${w.units.altay}`],
      ['GET', `/api/orgs/units/${w.units.altay}/team`],
      ['POST', '/api/orgs/units'],
      ['PATCH', `/api/orgs/units/${w.units.altay}`],
      ['POST', `/api/orgs/units/${w.units.altay}/team`],
      ['PATCH', `/api/orgs/team-members/${w.teamMembers.altM1}`],
    ] as const) {
      expect((await env.app.inject({ method, url })).statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('records team changes in the audit log with field names, not values', async () => {
    const rows = await env.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', 'like', 'orgs.team_member%')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    const ended = rows.find((r) => r.action === 'orgs.team_member_ended');
    expect(JSON.parse(ended?.changed_fields ?? '[]')).toEqual(expect.arrayContaining(['endDate', 'endReason']));
    expect(JSON.stringify(ended)).not.toContain('工作调整');
  });
});
