/**
 * Who may see a person's record (architecture.md "Data scope"; issue 9 §2): the predicate exists
 * once (people's door: visiblePeople), composed into the people list and the disclosures lists.
 * Tested here once per role of the test world, on both databases: the people each role's scope
 * lets through, by name.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../src/server/http/auth.js';
import { resolveSession } from '../src/server/modules/accounts/index.js';
import { peopleScopeOf, visiblePeople, type PeopleScope } from '../src/server/modules/people/index.js';
import { createTestEnv, loginAs, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';

const ALTAY = ['朱少华', '再娜甫·吾斯曼', '叶尔兰·努尔兰', '马德胜', '林晓峰', '吴静怡', '黄天宇', '许嘉豪'];
const KHORGOS = ['郭建国', '艾尔肯·吐尔逊', '孙雅琴'];
const URUMQI = ['曾国栋', '田红霞', '潘振华'];
const sorted = (names: string[]) => [...names].sort();

describeEachDialect('who may see a person’s record (visiblePeople)', (dialect) => {
  let env: TestEnv;
  let world: World;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    world = await seedWorld(env.ctx);
  });
  afterAll(async () => env?.close());

  async function seen(scope: PeopleScope): Promise<string[]> {
    const rows = await env.ctx.db
      .selectFrom('people')
      .select('people.name')
      .where((eb) => visiblePeople(eb, scope))
      .execute();
    return sorted(rows.map((r) => r.name));
  }

  async function scopeOf(username: string): Promise<PeopleScope> {
    const client = await loginAs(env.app, username);
    const actor = await resolveSession(env.ctx, client.cookies[SESSION_COOKIE] ?? '');
    if (!actor) throw new Error(`no session for ${username}`);
    return peopleScopeOf(actor);
  }

  it.each([
    // personnel and discipline above (下管一级): their own unit and the units directly below
    ['rs', [...URUMQI, ...ALTAY, ...KHORGOS]],
    ['jj', [...URUMQI, ...ALTAY, ...KHORGOS]],
    // a unit's secretary, members, office, personnel and staff: their own unit
    ['ursec', URUMQI],
    ['altsec', ALTAY],
    ['altm1', ALTAY],
    ['altm3', ALTAY],
    ['altoffice', ALTAY],
    ['altrenshi', ALTAY],
    ['altstaff', ALTAY],
    ['khsec', KHORGOS],
    ['khm1', KHORGOS],
    // the three administrators (三员) see no one's record
    ['sysadmin', []],
    ['secadmin', []],
    ['auditor', []],
  ])('%s sees the records of its scope', async (username, names) => {
    expect(await seen(await scopeOf(username))).toEqual(sorted(names));
  });

  it('lets a person see their own record when no unit is in scope, and nothing else', async () => {
    expect(await seen({ unitIds: [], selfId: world.people.khStaff })).toEqual(['孙雅琴']);
    expect(await seen({ unitIds: [], selfId: null })).toEqual([]);
    expect(await seen({ unitIds: [world.units.gac], selfId: null })).toEqual([]);
    expect(await seen({ unitIds: [world.units.khorgos], selfId: world.people.rs })).toEqual(
      sorted([...KHORGOS, '曾国栋']),
    );
  });
});
