/**
 * Benchmark data generator: a fresh database with one unit, its office account and opened
 * sessions of `codes` one-time codes each and a 30-answer questionnaire (five members × 德能勤绩廉
 * and an overall rating). Codes go to a JSON file for the load client; the database keeps only
 * their keyed hashes, as in production. Sessions are created and opened through the real service.
 */
import { writeFileSync } from 'node:fs';
import { hash } from '@node-rs/argon2';
import type { SessionBody } from '../../src/common/contracts/ballots.js';
import { bootstrap } from '../../src/server/bootstrap.js';
import { loadConfig, type Config } from '../../src/server/config.js';
import { login, resolveSession } from '../../src/server/modules/accounts/accounts.service.js';
import { generateCode } from '../../src/server/modules/ballots/ballots.rules.js';
import { createSession, openSession } from '../../src/server/modules/ballots/ballots.service.js';
import { memberEvaluationTemplate } from '../../src/server/modules/ballots/ballots.templates.js';
import { chunk } from '../../src/server/db/helpers.js';
import type { KeyringFile } from '../../src/server/platform/crypto.js';
import { cryptoRandom, uuidv7 } from '../../src/server/platform/random.js';

export const OFFICE_USER = 'bench-office';

export interface Prepared {
  sessions: { name: string; id: string; codesFile: string }[];
  officePassword: string;
  unitId: string;
}

export function benchConfig(database: string, dataDir: string, keyring: KeyringFile, port = 0): Config {
  return {
    ...loadConfig({ BANZI_DATA_DIR: dataDir, BANZI_KEY: JSON.stringify(keyring), BANZI_PORT: String(port) }),
    database,
    isDefaultDatabase: false,
    clientDir: '/nonexistent',
  };
}

/** Create the world and one opened session per name, each with `codes` codes split over three categories. */
export async function prepare(config: Config, names: string[], codes: number, dir: string): Promise<Prepared> {
  const { ctx } = await bootstrap(config);
  const now = new Date().toISOString();
  const id = () => uuidv7(cryptoRandom);
  const parent = id();
  const unitId = id();
  const officePassword = `Bench-${cryptoRandom.bytes(6).toString('hex')}-Aa1`;
  const members = Array.from({ length: 5 }, (_, i) => ({
    personId: id(),
    name: `成员${i + 1}`,
    post: i ? '副关长' : '关长',
  }));
  const officePerson = id();
  const officeUser = id();
  await ctx.db.transaction().execute(async (trx) => {
    for (const [uid, p, name] of [
      [parent, null, '乌鲁木齐海关'],
      [unitId, parent, '阿勒泰海关'],
    ] as const) {
      await trx
        .insertInto('units')
        .values({
          id: uid,
          parent_id: p,
          name,
          short_name: name,
          level: p ? 'subordinate' : 'direct',
          organ_type: 'party_group',
          code: null,
          sort_order: 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    for (const [pid, name] of [
      ...members.map((m) => [m.personId, m.name] as const),
      [officePerson, '办公室'],
    ] as const) {
      await trx
        .insertInto('people')
        .values({
          id: pid,
          unit_id: unitId,
          name,
          sex: 'M',
          birth_month: '1980-01',
          ethnicity: '汉族',
          native_place: null,
          birthplace: null,
          political_status: 'cpc',
          party_join_date: null,
          work_start_date: null,
          health: null,
          professional_title: null,
          expertise: null,
          education_fulltime: null,
          education_inservice: null,
          rewards_punishments: null,
          id_number_enc: null,
          id_number_blind: null,
          id_number_last4: null,
          is_demo: 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    await trx
      .insertInto('users')
      .values({
        id: officeUser,
        username: OFFICE_USER,
        display_name: '办公室',
        password_hash: await hash(officePassword),
        person_id: officePerson,
        admin_role: null,
        status: 'active',
        failed_logins: 0,
        locked_until: null,
        must_change_password: 0,
        password_changed_at: now,
        last_login_at: null,
        is_demo: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto('role_grants')
      .values({
        id: id(),
        user_id: officeUser,
        role: 'office',
        unit_id: unitId,
        granted_by: 'bench',
        granted_at: now,
        revoked_by: null,
        revoked_at: null,
      })
      .execute();
  });
  const meta = { ip: '127.0.0.1', userAgent: 'bench', requestId: null };
  const actor = await resolveSession(
    ctx,
    (await login(ctx, { username: OFFICE_USER, password: officePassword }, meta)).token,
  );
  if (!actor) throw new Error('bench login failed');
  const tpl = memberEvaluationTemplate('阿勒泰海关', 2026, members);
  const split = { team: Math.round(codes * 0.01), middle: Math.round(codes * 0.15) };
  const counts: Record<string, number> = {
    team: split.team,
    middle: split.middle,
    staff: codes - split.team - split.middle,
  };
  const sessions: Prepared['sessions'] = [];
  for (const name of names) {
    const body: SessionBody = {
      unitId,
      kind: 'member_evaluation',
      title: `基准测试 ${name}`,
      year: 2026,
      questionnaire: tpl.questionnaire,
      categories: tpl.categories.map((c) => ({ ...c, expected: counts[c.key] ?? 0 })),
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 6 * 3_600_000).toISOString(),
    };
    const sid = await createSession(ctx, actor, body, meta);
    const plain: string[] = [];
    await ctx.db.transaction().execute(async (trx) => {
      const rows: { code_hash: string; session_id: string; category: string; spent: number }[] = [];
      for (const [category, n] of Object.entries(counts)) {
        for (let i = 0; i < n; i++) {
          const code = generateCode(cryptoRandom);
          plain.push(code);
          rows.push({ code_hash: ctx.crypto.blindIndex('ballot_code', code), session_id: sid, category, spent: 0 });
        }
      }
      for (const part of chunk(rows, 500)) await trx.insertInto('ballot_codes').values(part).execute();
    });
    await openSession(ctx, actor, sid, meta);
    const codesFile = `${dir}/codes-${name}.json`;
    for (let i = plain.length - 1; i > 0; i--) {
      const j = cryptoRandom.int(i + 1);
      [plain[i], plain[j]] = [plain[j] as string, plain[i] as string];
    }
    writeFileSync(codesFile, JSON.stringify(plain));
    sessions.push({ name, id: sid, codesFile });
  }
  await ctx.handle.close();
  return { sessions, officePassword, unitId };
}
