/**
 * The units import in the UI (issue 16 §1): a personnel office downloads the template, previews an
 * upload (dry run) and confirms it, within the units it manages (its own and one level down); the
 * root unit's own personnel office edits the root unit's team, as nothing is above it.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousClient, createTestEnv, loginAs, type HttpClient, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { makeIdNumber, seedWorld, type World } from './fixtures.js';
import { createImportedPerson } from '../src/server/modules/people/people.service.js';
import { addAccount, filledTemplate, type Sheets } from './import-helpers.js';

const NEW_STAFF = makeIdNumber('1994-04-04', 'F', 41);

describeEachDialect('units import through the API, within the office’s scope (issue 16 §1)', (dialect) => {
  let env: TestEnv;
  let world: World;
  let rs: HttpClient;
  let base = 0;
  const post = async (c: HttpClient, sheets: Sheets, dryRun: boolean) =>
    c.post('/api/orgs/import', { file: (await filledTemplate(sheets)).toString('base64'), dryRun });
  const countPeople = async () =>
    Number(
      (
        await env.ctx.db
          .selectFrom('people')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    world = await seedWorld(env.ctx);
    for (const [key, code] of [
      ['gac', '0000'],
      ['urumqi', '6500'],
      ['altay', '6501'],
      ['khorgos', '6502'],
    ] as const) {
      await env.ctx.db.updateTable('units').set({ code }).where('id', '=', world.units[key]).execute();
    }
    rs = await loginAs(env.app, 'rs');
    base = await countPeople();
  });
  afterAll(() => env.close());

  const staffRow = (unit: string, id = NEW_STAFF, name = '阿依古丽') => ({
    身份证号: id,
    姓名: name,
    民族: '哈萨克族',
    政治面貌: '共青团员',
    所在单位代码: unit,
    现任职务: '科员',
    任现职务时间: '2026-05-06',
  });

  it('answers 401 without a session, 403 to the three admins and to anyone but a personnel office', async () => {
    const anon = await anonymousClient(env.app);
    expect((await anon.get('/api/orgs/import/template.xlsx')).statusCode).toBe(401);
    expect((await post(anon, {}, true)).statusCode).toBe(401);
    for (const u of ['sysadmin', 'secadmin', 'auditor', 'altoffice', 'altm1', 'jj']) {
      const c = await loginAs(env.app, u);
      expect((await c.get('/api/orgs/import/template.xlsx')).statusCode, u).toBe(403);
      expect((await post(c, { 人员: [staffRow('6501')] }, true)).statusCode, u).toBe(403);
    }
    expect(await countPeople()).toBe(base);
  });

  it('hands the personnel office the template', async () => {
    const res = await rs.get('/api/orgs/import/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual([
      '说明',
      '单位',
      '人员',
      '班子成员',
    ]);
  });

  it('previews an upload without writing, then writes it on confirmation, logged as the office', async () => {
    const sheets: Sheets = {
      单位: [{ 单位代码: '6503', 单位名称: '塔城海关', 上级单位代码: '6500', 层级: '隶属海关', 党组织类型: '党组' }],
      人员: [staffRow('6501')],
    };
    const preview = await post(rs, sheets, true);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      dryRun: true,
      applied: false,
      errors: [],
      counts: { unitsCreated: 1, peopleCreated: 1 },
    });
    expect(await countPeople()).toBe(base);
    const done = await post(rs, sheets, false);
    expect(done.json()).toMatchObject({ applied: true, counts: { unitsCreated: 1, peopleCreated: 1 } });
    expect(await countPeople()).toBe(base + 1);
    const ev = await env.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'orgs.imported')
      .executeTakeFirstOrThrow();
    expect(ev.actor_user_id).toBe(world.users.rs);
    expect((await post(rs, sheets, false)).json()).toMatchObject({ applied: false, changes: [], errors: [] });
  });

  it('keeps a personnel office within its own unit and one level down (下管一级), writing nothing otherwise', async () => {
    const before = await countPeople();
    const idOf = async (personId: string) =>
      env.ctx.crypto.decrypt(
        (
          await env.ctx.db
            .selectFrom('people')
            .select('id_number_enc')
            .where('id', '=', personId)
            .executeTakeFirstOrThrow()
        ).id_number_enc as string,
        { table: 'people', column: 'id_number_enc', rowId: personId },
      );
    const res = await post(
      rs,
      {
        单位: [
          { 单位代码: '6599', 单位名称: '孙单位', 上级单位代码: '6501', 层级: '内设机构', 党组织类型: '党委' },
          {
            单位代码: '6500',
            单位名称: '乌鲁木齐海关（改名）',
            上级单位代码: '0000',
            层级: '直属海关',
            党组织类型: '党组',
          },
        ],
        人员: [
          staffRow('0000', makeIdNumber('1990-01-01', 'M', 42), '总署人员'),
          staffRow('6502', makeIdNumber('1991-01-01', 'M', 43), '霍尔果斯新人'),
        ],
        班子成员: [
          {
            单位代码: '6500',
            身份证号: await idOf(world.people.urSec),
            班子职务: '成员',
            任职开始日期: '2026-06-01',
          },
        ],
      },
      false,
    );
    expect(res.statusCode).toBe(200);
    const errors = res.json<{ errors: { sheet: string; row: number; column: string; reason: string }[] }>().errors;
    const at = errors.map((e) => `${e.sheet}|${e.row}|${e.column}`);
    expect(at).toEqual(['单位|2|上级单位代码', '单位|3|单位代码', '人员|2|所在单位代码', '班子成员|2|单位代码']);
    for (const e of errors) expect(e.reason).toContain('超出本人事部门的管理范围');
    expect(await countPeople()).toBe(before);

    // The own unit's office: its staff, but not the members of its own team.
    const altrenshi = await loginAs(env.app, 'altrenshi');
    const own = await post(
      altrenshi,
      {
        人员: [
          staffRow('6501', makeIdNumber('1996-02-02', 'F', 44), '新职工'),
          staffRow('6502', makeIdNumber('1993-03-03', 'F', 45), '别处职工'),
          {
            ...staffRow('6501', await idOf(world.people.altSec), '朱少华'),
            政治面貌: '中共党员',
            入党时间: '1995-07-01',
          },
        ],
      },
      true,
    );
    const ownErrors = own.json<{ errors: { row: number; column: string; reason: string }[] }>().errors;
    expect(ownErrors.map((e) => `${e.row}|${e.column}`)).toEqual(['3|所在单位代码', '4|身份证号']);
    expect(ownErrors[1]?.reason).toContain('本单位班子成员的档案由上级单位的人事部门管理');
  });

  it('lets the root unit’s own personnel office edit the root team (nothing is above it), and no one else edit their own', async () => {
    const people = await Promise.all(
      ['总署人事', '总署书记'].map(async (name, i) => {
        const id = `gac-person-${i}`;
        await env.ctx.db.transaction().execute((trx) =>
          createImportedPerson(
            trx,
            env.ctx,
            { actorUserId: null, actorName: 'test', requestId: null },
            {
              id,
              idNumber: makeIdNumber(`197${i}-02-02`, 'M', 50 + i),
              unitId: world.units.gac,
              name,
              sex: 'M',
              birthMonth: `197${i}-02`,
              ethnicity: '汉族',
              politicalStatus: 'cpc',
              partyJoinDate: '1995-07-01',
              workStartDate: null,
              nativePlace: null,
              birthplace: null,
              professionalTitle: null,
              post: null,
              rank: null,
            },
            '2026-06-08',
          ),
        );
        return id;
      }),
    );
    await addAccount(env.ctx, 'gacrenshi', people[0] as string, [['personnel', world.units.gac]]);
    const gac = await loginAs(env.app, 'gacrenshi');
    const body = { personId: people[1], teamPost: 'secretary', adminPost: '署长', startDate: '2026-06-01' };
    const added = await gac.post(`/api/orgs/units/${world.units.gac}/team`, body);
    expect(added.statusCode, added.body).toBe(201);
    expect((await gac.get(`/api/orgs/units/${world.units.gac}/team`)).json()).toMatchObject({ canEdit: true });
    // Below the root, a unit's own personnel office does not edit its own team: the unit above does.
    const own = await rs.post(`/api/orgs/units/${world.units.urumqi}/team`, {
      personId: world.people.rs,
      teamPost: 'member',
      startDate: '2026-06-01',
    });
    expect(own.statusCode).toBe(403);
    // Nor do the root's other offices.
    const office = await addAccount(env.ctx, 'gacoffice', null, [['office', world.units.gac]]);
    void office;
    const gacOffice = await loginAs(env.app, 'gacoffice');
    expect((await gacOffice.post(`/api/orgs/units/${world.units.gac}/team`, body)).statusCode).toBe(403);
  });
});
