/**
 * Load the demo data set: units, people with their dated history, teams and one account per role.
 * Only into an empty database: when `npm start` (`banzi start --demo`) or BANZI_DEMO=1 asks for it, or by
 * `banzi seed --demo`, which refuses a database that holds real data.
 */
import { hash } from '@node-rs/argon2';
import type { AppContext } from '../context.js';
import { chunk, toJson } from '../db/helpers.js';
import { nowIso } from '../platform/clock.js';
import { seededRandom, uuidv7 } from '../platform/random.js';
import { DEMO_ACCOUNTS } from './accounts.js';
import { DEMO_EXTENSIONS, type DemoWorld } from './extensions.js';
import { generateDemoWorld } from './generate.js';

export const DEMO_SEED = 20261128;

export async function isDatabaseEmpty(ctx: AppContext): Promise<boolean> {
  const u = await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  const p = await ctx.db.selectFrom('units').select('id').limit(1).executeTakeFirst();
  return !u && !p;
}

/** Real data: any account or person not created by the demo loader. */
export async function holdsRealData(ctx: AppContext): Promise<boolean> {
  const u = await ctx.db.selectFrom('users').select('id').where('is_demo', '=', 0).limit(1).executeTakeFirst();
  const p = await ctx.db.selectFrom('people').select('id').where('is_demo', '=', 0).limit(1).executeTakeFirst();
  return !!u || !!p;
}

export interface SeededAccount {
  username: string;
  label: string;
}

export async function seedDemo(ctx: AppContext, opts: { password: string }): Promise<SeededAccount[]> {
  const spec = generateDemoWorld(seededRandom(DEMO_SEED));
  const now = nowIso(ctx.clock);
  const rnd = seededRandom(DEMO_SEED + 1);
  const newId = () => uuidv7(rnd, Date.parse('2026-01-01T00:00:00Z'));
  const world: DemoWorld = { unitIds: {}, personIds: {}, userIds: {}, teams: {} };
  for (const u of spec.units) world.unitIds[u.key] = newId();
  for (const p of spec.people) world.personIds[p.key] = newId();
  const passwordHash = await hash(opts.password);

  await ctx.db.transaction().execute(async (trx) => {
    for (const u of spec.units) {
      await trx
        .insertInto('units')
        .values({
          id: world.unitIds[u.key] as string,
          parent_id: u.parentKey ? (world.unitIds[u.parentKey] ?? null) : null,
          name: u.name,
          short_name: u.shortName,
          level: u.level,
          organ_type: u.organType,
          code: null,
          sort_order: u.sortOrder,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    const people = spec.people.map((p) => ({
      id: world.personIds[p.key] as string,
      unit_id: world.unitIds[p.unitKey] as string,
      name: p.name,
      sex: p.sex,
      birth_month: p.birthDate.slice(0, 7),
      ethnicity: p.ethnicity,
      native_place: p.nativePlace,
      birthplace: p.birthplace,
      political_status: p.politicalStatus,
      party_join_date: p.partyJoinDate,
      work_start_date: p.workStartDate,
      health: p.health,
      professional_title: p.professionalTitle,
      expertise: p.expertise,
      education_fulltime: toJson(p.educationFulltime),
      education_inservice: p.educationInservice ? toJson(p.educationInservice) : null,
      rewards_punishments: p.rewards,
      id_number_enc: ctx.crypto.encrypt(p.idNumber, {
        table: 'people',
        column: 'id_number_enc',
        rowId: world.personIds[p.key] as string,
      }),
      id_number_blind: ctx.crypto.blindIndex('id_number', p.idNumber),
      id_number_last4: p.idNumber.slice(-4),
      is_demo: 1,
      created_at: now,
      updated_at: now,
    }));
    for (const part of chunk(people, 200)) await trx.insertInto('people').values(part).execute();
    const unitRows = spec.people.map((p) => ({
      id: newId(),
      person_id: world.personIds[p.key] as string,
      unit_id: world.unitIds[p.unitKey] as string,
      start_date: p.workStartDate,
      end_date: null,
      created_at: now,
    }));
    for (const part of chunk(unitRows, 200)) await trx.insertInto('person_units').values(part).execute();
    const rankRows = spec.people.flatMap((p) =>
      p.ranks.map((r) => ({
        id: newId(),
        person_id: world.personIds[p.key] as string,
        rank_code: r.code,
        start_date: r.start,
        end_date: r.end,
        note: null,
        created_at: now,
      })),
    );
    for (const part of chunk(rankRows, 200)) await trx.insertInto('person_ranks').values(part).execute();
    const postRows = spec.people.flatMap((p) =>
      p.posts.map((x) => ({
        id: newId(),
        person_id: world.personIds[p.key] as string,
        unit_id: world.unitIds[p.unitKey] as string,
        title: x.title,
        is_leading: x.leading ? 1 : 0,
        start_date: x.start,
        end_date: x.end,
        created_at: now,
      })),
    );
    for (const part of chunk(postRows, 200)) await trx.insertInto('person_posts').values(part).execute();
    const resumeRows = spec.people.flatMap((p) =>
      p.resume.map((r, i) => ({
        id: newId(),
        person_id: world.personIds[p.key] as string,
        start_month: r.startMonth,
        end_month: r.endMonth,
        text: r.text,
        sort_order: i,
      })),
    );
    for (const part of chunk(resumeRows, 200)) await trx.insertInto('person_resume').values(part).execute();
    const familyRows = spec.people.flatMap((p) =>
      p.family.map((f, i) => ({
        id: newId(),
        person_id: world.personIds[p.key] as string,
        relation: f.relation,
        name: f.name,
        birth_date: f.birthDate,
        political_status: f.politicalStatus,
        employer_post: f.employerPost,
        sort_order: i,
      })),
    );
    for (const part of chunk(familyRows, 200)) await trx.insertInto('person_family').values(part).execute();
    for (const p of spec.people) {
      if (!p.team) continue;
      await trx
        .insertInto('team_members')
        .values({
          id: newId(),
          unit_id: world.unitIds[p.unitKey] as string,
          person_id: world.personIds[p.key] as string,
          team_post: p.team.post,
          admin_post: p.team.adminPost,
          is_party_group_member: p.team.partyGroupMember ? 1 : 0,
          division_of_work: p.team.division,
          start_date: p.team.start,
          end_date: null,
          end_reason: null,
          sort_order: p.team.sort,
          created_at: now,
          updated_at: now,
        })
        .execute();
      (world.teams[p.unitKey] ??= []).push({ personKey: p.key, post: p.team.post });
    }
    // An ended membership, so the team page's history shows how a departure is kept.
    const altayFormer = spec.people.find((p) => p.key === 'altay.staff.1');
    if (altayFormer) {
      await trx
        .insertInto('team_members')
        .values({
          id: newId(),
          unit_id: world.unitIds.altay as string,
          person_id: world.personIds[altayFormer.key] as string,
          team_post: 'member',
          admin_post: '副关长（原）',
          is_party_group_member: 1,
          division_of_work: '原分管监管、查验',
          start_date: '2016-04-01',
          end_date: '2021-03-10',
          end_reason: '任职期满，交流至乌鲁木齐海关机关',
          sort_order: 9,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    for (const a of DEMO_ACCOUNTS) {
      const id = newId();
      world.userIds[a.username] = id;
      const person = a.personKey ? spec.people.find((p) => p.key === a.personKey) : undefined;
      await trx
        .insertInto('users')
        .values({
          id,
          username: a.username,
          display_name: person?.name ?? a.label,
          password_hash: passwordHash,
          person_id: a.personKey ? (world.personIds[a.personKey] ?? null) : null,
          admin_role: a.adminRole ?? null,
          status: 'active',
          failed_logins: 0,
          locked_until: null,
          must_change_password: 0,
          password_changed_at: now,
          last_login_at: null,
          is_demo: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
      for (const g of a.grants ?? []) {
        await trx
          .insertInto('role_grants')
          .values({
            id: newId(),
            user_id: id,
            role: g.role,
            unit_id: world.unitIds[g.unitKey] as string,
            granted_by: 'demo',
            granted_at: now,
            revoked_by: null,
            revoked_at: null,
          })
          .execute();
      }
    }
    await trx
      .insertInto('app_meta')
      .values({ key: 'demo', value: toJson({ seed: DEMO_SEED, loadedAt: now }) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: toJson({ seed: DEMO_SEED, loadedAt: now }) }))
      .execute();
    await ctx.audit.record(
      trx,
      { actorUserId: null, actorName: 'demo', requestId: null },
      {
        action: 'demo.seeded',
        entityType: 'database',
        details: { units: spec.units.length, people: spec.people.length, accounts: DEMO_ACCOUNTS.length },
      },
    );
  });
  for (const ext of DEMO_EXTENSIONS) await ext.run(ctx, world);
  return DEMO_ACCOUNTS.map((a) => ({ username: a.username, label: a.label }));
}

/** Give every demo account a new password (for a newcomer who lost the console output). */
export async function resetDemoPasswords(ctx: AppContext, password: string): Promise<SeededAccount[]> {
  const h = await hash(password);
  const users = await ctx.db.selectFrom('users').select(['id', 'username']).where('is_demo', '=', 1).execute();
  if (!users.length) return [];
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: h, failed_logins: 0, locked_until: null })
      .where('is_demo', '=', 1)
      .execute();
    await ctx.audit.record(
      trx,
      { actorUserId: null, actorName: 'cli', requestId: null },
      { action: 'demo.passwords_reset', entityType: 'database', details: { accounts: users.length } },
    );
  });
  return users.map((u) => ({
    username: u.username,
    label: DEMO_ACCOUNTS.find((a) => a.username === u.username)?.label ?? '',
  }));
}

export function printDemoAccounts(accounts: SeededAccount[], password: string): void {
  console.log('');
  console.log('[banzi] 演示账户（人物均为虚构）Demo accounts (all people are invented):');
  for (const a of accounts) console.log(`  ${a.username.padEnd(18)} ${a.label}`);
  console.log(`[banzi] 演示账户密码 Demo password (all accounts): ${password}`);
  console.log('[banzi] 忘记密码可运行 `npx banzi demo-passwords` 重新生成。');
  console.log('');
}
