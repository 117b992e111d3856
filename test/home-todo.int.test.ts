/**
 * The home page's 待办 (issue 16 §4): per role what waits for this person, with deadlines and links;
 * nothing of a unit where the person holds no role; admins have no business 待办.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousClient, createTestEnv, loginAs, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';
import { templateBody, setupSession } from './ballots-helpers.js';
import {
  addToAgenda,
  altayTeam,
  attend,
  catalogue,
  ok,
  ordinaryItem,
  schedule,
  type Team,
} from './meetings-helpers.js';

interface Todo {
  kind: string;
  title: string;
  unitId: string | null;
  unitName: string | null;
  deadline: string | null;
  overdue: boolean;
  url: string;
}

describeEachDialect('home 待办 (issue 16 §4)', (dialect) => {
  let env: TestEnv;
  let world: World;
  let t: Team;
  let proposed: string;
  let meetingId: string;
  let sessionId: string;
  const todo = async (u: string) => {
    const res = await (await loginAs(env.app, u)).get('/api/home/todo');
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ today: string; items: Todo[] }>();
  };

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    world = await seedWorld(env.ctx);
    t = await altayTeam(env);
    const cat = await catalogue(t.office, world.units.altay);
    proposed = ok<{ id: string }>(
      await t.m[0]!.post('/api/decisions/items', {
        unitId: world.units.altay,
        title: '关于调整值班制度的议题',
        summary: '说明',
        catalogueId: cat('其他须集体讨论'),
      }),
      201,
    ).id;
    meetingId = await schedule(t, world, '2026-06-20');
    sessionId = (
      await setupSession(t.office, await templateBody(t.office, world.units.altay, 'team_evaluation'), {}, false)
    ).id;
  });
  afterAll(() => env.close());

  it('answers 401 without a session and 403 to the three admins', async () => {
    expect((await (await anonymousClient(env.app)).get('/api/home/todo')).statusCode).toBe(401);
    for (const u of ['sysadmin', 'secadmin', 'auditor']) {
      expect((await (await loginAs(env.app, u)).get('/api/home/todo')).statusCode, u).toBe(403);
    }
  });

  it('shows the secretary the item to approve, with its link', async () => {
    const got = await todo('altsec');
    expect(got.today).toBe('2026-06-08');
    expect(got.items).toContainEqual(
      expect.objectContaining({
        kind: 'approve_item',
        title: '关于调整值班制度的议题',
        unitName: '阿勒泰海关',
        url: `/decisions/items/${proposed}`,
      }),
    );
    expect(got.items.some((i) => i.kind === 'meeting_draft' || i.kind.startsWith('ballot'))).toBe(false);
  });

  it('shows the office the draft meeting to publish and the evaluation to open, with their dates', async () => {
    const got = await todo('altoffice');
    expect(got.items).toContainEqual(
      expect.objectContaining({ kind: 'meeting_draft', deadline: '2026-06-20', url: `/meetings/${meetingId}` }),
    );
    expect(got.items).toContainEqual(
      expect.objectContaining({ kind: 'ballot_draft', deadline: '2026-06-08', url: `/ballots/${sessionId}` }),
    );
    expect(got.items.some((i) => i.kind === 'approve_item')).toBe(false);
  });

  it('shows the personnel office above the evaluation it may run, members nothing of the office’s work', async () => {
    const rs = await todo('rs');
    expect(rs.items).toContainEqual(expect.objectContaining({ kind: 'ballot_draft', unitName: '阿勒泰海关' }));
    const m1 = await todo('altm1');
    expect(m1.items.filter((i) => ['approve_item', 'meeting_draft', 'ballot_draft'].includes(i.kind))).toEqual([]);
  });

  it('never shows another unit’s items', async () => {
    for (const u of ['khsec', 'khm1', 'ursec', 'jj', 'altstaff']) {
      const got = await todo(u);
      expect(
        got.items.filter((i) => i.unitId === world.units.altay),
        u,
      ).toEqual([]);
    }
  });

  it('lists a meeting running now to the members who vote in it, not to another unit', async () => {
    const cat = await catalogue(t.office, world.units.altay);
    const today = await schedule(t, world, '2026-06-08');
    await addToAgenda(t, today, await ordinaryItem(t, world, cat, '关于购置办公设备的议题'));
    ok(await t.office.post(`/api/meetings/${today}/publish`));
    await attend(t, world, today);
    ok(await t.office.post(`/api/meetings/${today}/open`));
    for (const u of ['altsec', 'altm2']) {
      expect((await todo(u)).items, u).toContainEqual(
        expect.objectContaining({ kind: 'vote_open', deadline: '2026-06-08', url: `/meetings/${today}` }),
      );
    }
    expect((await todo('khsec')).items.some((i) => i.kind === 'vote_open')).toBe(false);
  });
});
