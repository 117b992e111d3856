/**
 * The first-run checklist of a personnel office (issue 16 §1): units (with codes), teams, people,
 * rule parameters, the calendar year, BANZI_PUBLIC_URL; only for a personnel office.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousClient, createTestEnv, loginAs, type HttpClient, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';

interface Item {
  key: string;
  status: string;
  count: number;
  names: string[];
  url: string | null;
}

describeEachDialect('first-run checklist (issue 16 §1)', (dialect) => {
  let env: TestEnv;
  let world: World;
  let rs: HttpClient;
  const items = async (c: HttpClient) => {
    const res = await c.get('/api/setup/checklist');
    expect(res.statusCode, res.body).toBe(200);
    return Object.fromEntries(res.json<{ items: Item[] }>().items.map((i) => [i.key, i]));
  };

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    world = await seedWorld(env.ctx);
    rs = await loginAs(env.app, 'rs');
  });
  afterAll(() => env.close());

  it('answers 401 without a session and 403 to admins and to anyone but a personnel office', async () => {
    expect((await (await anonymousClient(env.app)).get('/api/setup/checklist')).statusCode).toBe(401);
    for (const u of ['sysadmin', 'secadmin', 'auditor', 'altoffice', 'altsec', 'jj']) {
      expect((await (await loginAs(env.app, u)).get('/api/setup/checklist')).statusCode, u).toBe(403);
    }
  });

  it('lists what the office still has to do, and ticks it off as it is done', async () => {
    let got = await items(rs);
    expect(got.units).toMatchObject({ status: 'warn', count: 3 });
    expect(got.units?.names.sort()).toEqual(['乌鲁木齐海关', '阿勒泰海关', '霍尔果斯海关'].sort());
    expect(got.teams).toMatchObject({ status: 'done', count: 2, names: [] });
    expect(got.people).toMatchObject({ status: 'done', names: [] });
    expect(got.rules).toMatchObject({ status: 'warn', count: 0 });
    expect(got.calendar).toMatchObject({ status: 'done', count: 2026, names: [] });
    expect(got.publicUrl).toMatchObject({ status: 'todo', url: 'http://127.0.0.1:8080' });

    for (const [key, code] of [
      ['urumqi', '6500'],
      ['altay', '6501'],
      ['khorgos', '6502'],
    ] as const) {
      await env.ctx.db.updateTable('units').set({ code }).where('id', '=', world.units[key]).execute();
    }
    const secretary = world.teamMembers.khSec;
    const ended = await rs.patch(`/api/orgs/team-members/${secretary}`, { endDate: '2026-06-01', endReason: '退休' });
    expect(ended.statusCode, ended.body).toBe(200);
    env.clock.set('2026-11-02T02:00:00.000Z');
    rs = await loginAs(env.app, 'rs');
    got = await items(rs);
    expect(got.units).toMatchObject({ status: 'done', names: [] });
    expect(got.teams).toMatchObject({ status: 'todo', names: ['霍尔果斯海关'] });
    // From October on, next year's holidays are needed for deadlines that run into it.
    expect(got.calendar).toMatchObject({ status: 'warn', names: ['2027'] });
    Object.assign(env.ctx.config, { publicUrl: 'https://banzi.altay.customs.example', publicUrlSet: true });
    expect((await items(rs)).publicUrl).toMatchObject({ status: 'done', url: 'https://banzi.altay.customs.example' });
  });
});
