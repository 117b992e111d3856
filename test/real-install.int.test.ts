/**
 * The README's real installation, command by command, from an empty embedded database to a
 * district with its teams and people visible through the API (issue 16 §1): `banzi serve` starts
 * empty (no demo), the root unit by the CLI, the three admins, the template, a dry run, the
 * import, a second import that changes nothing, the audit chain; then the security admin grants
 * the root's personnel office, which sees the tree, edits the root team and reads its checklist.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { bootstrap } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import { openSqlite } from '../src/server/db/connect.js';
import { loginAs } from './app.js';
import { addAccount, districtSheets, filledTemplate } from './import-helpers.js';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'banzi-real-install-'));
const { BANZI_DATABASE_URL: _u, BANZI_DEMO: _d, BANZI_DB_FILE: _f, BANZI_PUBLIC_URL: _p, ...base } = process.env;
const env = { ...base, BANZI_DATA_DIR: dir };
const SECADMIN_PASSWORD = 'Anquan-Passw0rd-1';

function banzi(args: string[], input?: string) {
  return spawnSync(process.execPath, [join(ROOT, 'bin/banzi.mjs'), ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    input,
    timeout: 120_000,
  });
}

function rows(sql: string): unknown[] {
  const h = openSqlite(join(dir, 'banzi.db'));
  try {
    return h.sqlite?.prepare(sql).all() ?? [];
  } finally {
    h.sqlite?.close();
  }
}

/** `banzi serve` until it says it is running; its output. */
function serveOnce(): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/banzi.mjs'), 'serve'], {
      cwd: ROOT,
      env: { ...env, BANZI_PORT: '0' },
    });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`banzi serve did not start:\n${out}`));
    }, 90_000);
    const read = (b: Buffer) => {
      out += b.toString('utf8');
      if (out.includes('已启动')) {
        clearTimeout(timer);
        child.once('exit', () => done(out));
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
  });
}

describe('a real installation, as the README says (issue 16 §1)', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts empty: no demo data without --demo, and says what to do next', async () => {
    const out = await serveOnce();
    expect(out).toContain('未载入演示数据');
    expect(out).toContain('banzi units create-root');
    expect(rows('select id from users')).toEqual([]);
    expect(rows('select id from units')).toEqual([]);
  }, 120_000);

  it('creates the root unit once, with the CLI as the logged actor', () => {
    const r = banzi(['units', 'create-root', '--code', '6500', '--name', '乌鲁木齐海关', '--short-name', '乌鲁木齐']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('已创建根单位');
    const again = banzi(['units', 'create-root', '--code', '6600', '--name', '另一个']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('已有根单位');
    expect(rows("select actor_name from audit_events where action = 'orgs.root_created'")).toEqual([
      { actor_name: 'cli' },
    ]);
  });

  it('creates the three admins', () => {
    for (const [role, name, pw] of [
      ['system-admin', 'sysadmin', 'Xitong-Passw0rd-1'],
      ['security-admin', 'secadmin', SECADMIN_PASSWORD],
      ['auditor', 'auditor', 'Shenji-Passw0rd-1'],
    ] as const) {
      const r = banzi(['user', 'add', '--role', role, '--username', name, '--password-stdin'], `${pw}\n`);
      expect(r.status, r.stderr).toBe(0);
    }
  });

  it('hands out the template, previews the filled file, imports it, and a second import changes nothing', async () => {
    const template = join(dir, 'template.xlsx');
    expect(banzi(['units', 'template', template]).status).toBe(0);
    const filled = join(dir, 'district.xlsx');
    writeFileSync(filled, await filledTemplate(districtSheets(), readFileSync(template)));

    const dry = banzi(['units', 'import', filled, '--dry-run']);
    expect(dry.status, dry.stdout + dry.stderr).toBe(0);
    expect(dry.stdout).toContain('预览（未写入）');
    expect(dry.stdout).toContain('新增单位 阿勒泰海关（6501）');
    expect(rows('select id from units')).toHaveLength(1);

    const real = banzi(['units', 'import', filled]);
    expect(real.status, real.stdout + real.stderr).toBe(0);
    expect(real.stdout).toContain('已导入');
    expect(real.stdout).toContain('人员 新增 7');
    expect(rows('select id from units')).toHaveLength(3);
    expect(rows('select id from people')).toHaveLength(7);

    const again = banzi(['units', 'import', filled]);
    expect(again.stdout).toContain('没有变化');
    expect(rows("select id from audit_events where action = 'orgs.imported'")).toHaveLength(1);

    const bad = join(dir, 'bad.xlsx');
    writeFileSync(
      bad,
      await filledTemplate({
        单位: [{ 单位代码: '6503', 单位名称: '塔城海关', 上级单位代码: '9999', 层级: '隶属海关', 党组织类型: '党组' }],
      }),
    );
    const refused = banzi(['units', 'import', bad]);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('单位 第 2 行 「上级单位代码」：上级单位代码 9999 在本文件和系统中都不存在');
    expect(banzi(['audit', 'verify']).status).toBe(0);
  }, 240_000);

  it('the security admin grants the root’s personnel office, which sees the district, edits the root team and reads its checklist', async () => {
    expect(existsSync(join(dir, 'banzi.key'))).toBe(true);
    const { ctx } = await bootstrap(loadConfig(env, ROOT));
    const app = await buildApp(ctx);
    try {
      const units = ctx.db.selectFrom('units').selectAll();
      const root = await units.where('code', '=', '6500').executeTakeFirstOrThrow();
      const altay = await ctx.db.selectFrom('units').selectAll().where('code', '=', '6501').executeTakeFirstOrThrow();
      const malina = await ctx.db
        .selectFrom('people')
        .select('id')
        .where('name', '=', '马丽娜')
        .executeTakeFirstOrThrow();
      const userId = await addAccount(ctx, 'malina', malina.id);
      const sec = await loginAs(app, 'secadmin', SECADMIN_PASSWORD);
      const grant = await sec.post('/api/accounts/grants', { userId, role: 'personnel', unitId: root.id });
      expect(grant.statusCode, grant.body).toBe(201);

      const office = await loginAs(app, 'malina');
      const tree = (await office.get('/api/orgs/units')).json<{ items: { name: string }[] }>().items.map((u) => u.name);
      expect(tree.sort()).toEqual(['乌鲁木齐海关', '阿勒泰海关', '霍尔果斯海关'].sort());
      const team = await office.get(`/api/orgs/units/${altay.id}/team?history=1`);
      expect(
        team
          .json<{ members: { personName: string; current: boolean }[] }>()
          .members.map((m) => [m.personName, m.current]),
      ).toEqual(
        expect.arrayContaining([
          ['朱少华', true],
          ['再娜甫·吾斯曼', true],
          ['李建国', false],
        ]),
      );
      const rootTeam = await office.get(`/api/orgs/units/${root.id}/team`);
      expect(rootTeam.json()).toMatchObject({
        canEdit: true,
        members: [{ personName: '潘振华', teamPost: 'secretary' }],
      });
      const secretary = rootTeam.json<{ members: { id: string }[] }>().members[0]?.id as string;
      const edit = await office.patch(`/api/orgs/team-members/${secretary}`, { divisionOfWork: '主持党组全面工作' });
      expect(edit.statusCode, edit.body).toBe(200);
      const people = await office.get('/api/people?pageSize=100');
      expect(people.statusCode, people.body).toBe(200);
      expect(people.json<{ total: number }>().total).toBe(7);

      const check = await office.get('/api/setup/checklist');
      expect(check.statusCode, check.body).toBe(200);
      const status = Object.fromEntries(
        check.json<{ items: { key: string; status: string }[] }>().items.map((i) => [i.key, i.status]),
      );
      expect(status).toMatchObject({ units: 'done', teams: 'done', people: 'done', publicUrl: 'todo' });
    } finally {
      await app.close();
      await ctx.handle.close();
    }
  });
});
