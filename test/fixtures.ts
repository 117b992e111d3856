/**
 * A small world for integration tests: 海关总署 → 乌鲁木齐海关 → 阿勒泰海关, 霍尔果斯海关, with teams,
 * staff, and one account per role (password TEST_PASSWORD). Inserted directly for speed.
 */
import { hash } from '@node-rs/argon2';
import type { AppContext } from '../src/server/context.js';
import { nowIso } from '../src/server/platform/clock.js';
import { uuidv7 } from '../src/server/platform/random.js';
import { checkCharacter } from '../src/common/id-number.js';
import { TEST_PASSWORD } from './app.js';

export type PersonKey =
  | 'altSec'
  | 'altM1'
  | 'altM2'
  | 'altM3'
  | 'altM4'
  | 'altOffice'
  | 'altRenshi'
  | 'altStaff'
  | 'khSec'
  | 'khM1'
  | 'khStaff'
  | 'rs'
  | 'jj'
  | 'urSec';
export type Username =
  | 'sysadmin'
  | 'secadmin'
  | 'auditor'
  | 'rs'
  | 'jj'
  | 'altsec'
  | 'altm1'
  | 'altm2'
  | 'altm3'
  | 'altm4'
  | 'altoffice'
  | 'altrenshi'
  | 'altstaff'
  | 'khsec'
  | 'khm1'
  | 'ursec';
export type TeamKey = 'altSec' | 'altM1' | 'altM2' | 'altM3' | 'altM4' | 'khSec' | 'khM1' | 'urSec';

export interface World {
  units: { gac: string; urumqi: string; altay: string; khorgos: string };
  /** By PersonKey (string-indexed so helpers can build keys) */
  people: Record<PersonKey, string> & Record<string, string>;
  users: Record<Username, string> & Record<string, string>;
  teamMembers: Record<TeamKey, string> & Record<string, string>;
}

/** A valid 18-digit ID number for a birth date and sex (fictional region 659901). */
export function makeIdNumber(birthDate: string, sex: 'M' | 'F', serial = 12): string {
  const first17 = `659901${birthDate.replace(/-/g, '')}${String(serial).padStart(2, '0')}${sex === 'M' ? 1 : 2}`;
  return first17 + checkCharacter(first17);
}

interface PersonSpec {
  key: PersonKey;
  unit: keyof World['units'];
  name: string;
  sex?: 'M' | 'F';
  birth?: string;
  team?: { post: string; adminPost: string; division: string };
}

const PEOPLE: PersonSpec[] = [
  {
    key: 'altSec',
    unit: 'altay',
    name: '朱少华',
    birth: '1974-03-15',
    team: { post: 'secretary', adminPost: '关长', division: '主持全面工作' },
  },
  {
    key: 'altM1',
    unit: 'altay',
    name: '再娜甫·吾斯曼',
    sex: 'F',
    birth: '1978-05-02',
    team: { post: 'member', adminPost: '副关长', division: '分管监管' },
  },
  {
    key: 'altM2',
    unit: 'altay',
    name: '叶尔兰·努尔兰',
    birth: '1980-09-09',
    team: { post: 'member', adminPost: '副关长', division: '分管检疫' },
  },
  {
    key: 'altM3',
    unit: 'altay',
    name: '马德胜',
    birth: '1976-01-20',
    team: { post: 'discipline_head', adminPost: '纪检组长', division: '纪检监察' },
  },
  {
    key: 'altM4',
    unit: 'altay',
    name: '林晓峰',
    birth: '1982-11-11',
    team: { post: 'member', adminPost: '副关长', division: '分管关税' },
  },
  { key: 'altOffice', unit: 'altay', name: '吴静怡', sex: 'F', birth: '1990-02-02' },
  { key: 'altRenshi', unit: 'altay', name: '黄天宇', birth: '1991-04-04' },
  { key: 'altStaff', unit: 'altay', name: '许嘉豪', birth: '1995-06-06' },
  {
    key: 'khSec',
    unit: 'khorgos',
    name: '郭建国',
    birth: '1970-07-07',
    team: { post: 'secretary', adminPost: '关长', division: '主持全面工作' },
  },
  {
    key: 'khM1',
    unit: 'khorgos',
    name: '艾尔肯·吐尔逊',
    birth: '1979-08-08',
    team: { post: 'member', adminPost: '副关长', division: '分管监管' },
  },
  { key: 'khStaff', unit: 'khorgos', name: '孙雅琴', sex: 'F', birth: '1993-03-03' },
  { key: 'rs', unit: 'urumqi', name: '曾国栋', birth: '1980-10-10' },
  { key: 'jj', unit: 'urumqi', name: '田红霞', sex: 'F', birth: '1978-12-12' },
  {
    key: 'urSec',
    unit: 'urumqi',
    name: '潘振华',
    birth: '1966-06-16',
    team: { post: 'secretary', adminPost: '关长', division: '主持全面工作' },
  },
];

const ACCOUNTS: {
  username: Username;
  person?: PersonKey;
  admin?: string;
  grants?: [string, keyof World['units']][];
}[] = [
  { username: 'sysadmin', admin: 'system_admin' },
  { username: 'secadmin', admin: 'security_admin' },
  { username: 'auditor', admin: 'auditor' },
  { username: 'rs', person: 'rs', grants: [['personnel', 'urumqi']] },
  { username: 'jj', person: 'jj', grants: [['discipline', 'urumqi']] },
  { username: 'altsec', person: 'altSec' },
  { username: 'altm1', person: 'altM1' },
  { username: 'altm2', person: 'altM2' },
  { username: 'altm3', person: 'altM3' },
  { username: 'altm4', person: 'altM4' },
  { username: 'altoffice', person: 'altOffice', grants: [['office', 'altay']] },
  { username: 'altrenshi', person: 'altRenshi', grants: [['personnel', 'altay']] },
  { username: 'altstaff', person: 'altStaff' },
  { username: 'khsec', person: 'khSec' },
  { username: 'khm1', person: 'khM1' },
  { username: 'ursec', person: 'urSec' },
];

let cachedHash: string | null = null;

export async function seedWorld(ctx: AppContext): Promise<World> {
  cachedHash ??= await hash(TEST_PASSWORD);
  const passwordHash = cachedHash;
  const now = nowIso(ctx.clock);
  const id = () => uuidv7(ctx.random);
  const units = { gac: id(), urumqi: id(), altay: id(), khorgos: id() };
  const world = { units, people: {}, users: {}, teamMembers: {} } as World;
  await ctx.db.transaction().execute(async (trx) => {
    const u = (key: keyof typeof units, parent: string | null, name: string, level: string, sort: number) =>
      trx
        .insertInto('units')
        .values({
          id: units[key],
          parent_id: parent,
          name,
          short_name: name.replace('海关', ''),
          level,
          organ_type: 'party_group',
          code: null,
          sort_order: sort,
          created_at: now,
          updated_at: now,
        })
        .execute();
    await u('gac', null, '海关总署', 'gac', 0);
    await u('urumqi', units.gac, '乌鲁木齐海关', 'direct', 1);
    await u('altay', units.urumqi, '阿勒泰海关', 'subordinate', 2);
    await u('khorgos', units.urumqi, '霍尔果斯海关', 'subordinate', 3);
    for (const [i, p] of PEOPLE.entries()) {
      const pid = id();
      world.people[p.key] = pid;
      const birth = p.birth ?? '1980-01-01';
      const idNumber = makeIdNumber(birth, p.sex ?? 'M', i + 10);
      await trx
        .insertInto('people')
        .values({
          id: pid,
          unit_id: units[p.unit],
          name: p.name,
          sex: p.sex ?? 'M',
          birth_month: birth.slice(0, 7),
          ethnicity: '汉族',
          native_place: '新疆乌鲁木齐',
          birthplace: '新疆乌鲁木齐',
          political_status: 'cpc',
          party_join_date: `${Number(birth.slice(0, 4)) + 22}-07-01`,
          work_start_date: `${Number(birth.slice(0, 4)) + 22}-08-01`,
          health: '健康',
          professional_title: null,
          expertise: '海关监管',
          education_fulltime: JSON.stringify({
            qualification: '大学',
            degree: '学士',
            school: '上海海关学院',
            major: '海关管理',
          }),
          education_inservice: null,
          rewards_punishments: null,
          id_number_enc: ctx.crypto.encrypt(idNumber, { table: 'people', column: 'id_number_enc', rowId: pid }),
          id_number_blind: ctx.crypto.blindIndex('id_number', idNumber),
          id_number_last4: idNumber.slice(-4),
          is_demo: 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await trx
        .insertInto('person_units')
        .values({
          id: id(),
          person_id: pid,
          unit_id: units[p.unit],
          start_date: '2010-01-01',
          end_date: null,
          created_at: now,
        })
        .execute();
      await trx
        .insertInto('person_ranks')
        .values({
          id: id(),
          person_id: pid,
          rank_code: p.team ? (p.team.post === 'secretary' ? 'L-DIV-CHIEF' : 'L-DIV-DEPUTY') : 'G-ZR2',
          start_date: '2020-01-01',
          end_date: null,
          note: null,
          created_at: now,
        })
        .execute();
      if (p.team) {
        const tm = id();
        world.teamMembers[p.key as TeamKey] = tm;
        await trx
          .insertInto('team_members')
          .values({
            id: tm,
            unit_id: units[p.unit],
            person_id: pid,
            team_post: p.team.post,
            admin_post: p.team.adminPost,
            is_party_group_member: 1,
            division_of_work: p.team.division,
            start_date: '2021-01-01',
            end_date: null,
            end_reason: null,
            sort_order: i,
            created_at: now,
            updated_at: now,
          })
          .execute();
      }
    }
    for (const a of ACCOUNTS) {
      const uid = id();
      world.users[a.username] = uid;
      await trx
        .insertInto('users')
        .values({
          id: uid,
          username: a.username,
          display_name: a.person ? (PEOPLE.find((p) => p.key === a.person)?.name ?? a.username) : a.username,
          password_hash: passwordHash,
          person_id: a.person ? (world.people[a.person] ?? null) : null,
          admin_role: a.admin ?? null,
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
      for (const [role, unit] of a.grants ?? []) {
        await trx
          .insertInto('role_grants')
          .values({
            id: id(),
            user_id: uid,
            role,
            unit_id: units[unit],
            granted_by: 'test',
            granted_at: now,
            revoked_by: null,
            revoked_at: null,
          })
          .execute();
      }
    }
  });
  return world;
}
