/**
 * Units, teams and people from the template (issue 16 §1): a real installation's tree from an
 * empty database (root by the CLI, the rest by import), keyed by unit code and ID number's blind
 * index so a second import changes nothing; every row in error reported with sheet, row, column and
 * reason, and nothing written then; a dry run writes nothing; rows absent from a file stay.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importUnitsFile, type ImportResult } from '../src/server/modules/orgs/import/import.service.js';
import { createRootUnit } from '../src/server/modules/orgs/root.service.js';
import { createTestEnv, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { districtSheets, filledTemplate, ID, type Sheets } from './import-helpers.js';

const CLI = { actorUserId: null, actorName: 'cli', requestId: null };

describeEachDialect('units import from the template (issue 16 §1)', (dialect) => {
  let env: TestEnv;
  const run = async (sheets: Sheets, dryRun = false): Promise<ImportResult> =>
    importUnitsFile(env.ctx, { actor: CLI, scope: { kind: 'server' } }, await filledTemplate(sheets), { dryRun });
  const count = async (table: 'units' | 'people' | 'team_members' | 'audit_events' | 'person_posts' | 'person_ranks') =>
    Number(
      (
        await env.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    env = await createTestEnv(dialect);
  });
  afterAll(() => env.close());

  it('refuses everything before the root unit exists, and the root only once (CLI, logged)', async () => {
    const r = await run(districtSheets());
    expect(r.applied).toBe(false);
    expect(r.errors).toContainEqual({
      sheet: '单位',
      row: 2,
      column: '上级单位代码',
      reason: '系统中还没有根单位：请先在服务器上运行 banzi units create-root',
    });
    expect(await count('units')).toBe(0);
    await createRootUnit(env.ctx, CLI, {
      code: '6500',
      name: '乌鲁木齐海关',
      level: 'direct',
      organType: 'party_group',
    });
    await expect(
      createRootUnit(env.ctx, CLI, { code: '6600', name: '另一个根', level: 'direct', organType: 'party_group' }),
    ).rejects.toThrow(/已有根单位/);
    const ev = await env.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'orgs.root_created')
      .execute();
    expect(ev).toHaveLength(1);
    expect(ev[0]?.actor_name).toBe('cli');
  });

  it('a dry run lists the changes and writes nothing', async () => {
    const before = await count('audit_events');
    const r = await run(districtSheets(), true);
    expect(r.errors).toEqual([]);
    expect(r.applied).toBe(false);
    expect(r.counts).toEqual({
      unitsCreated: 2,
      unitsUpdated: 1,
      peopleCreated: 7,
      peopleUpdated: 0,
      membershipsCreated: 5,
      membershipsUpdated: 0,
    });
    expect(r.changes.map((c) => c.text)).toContain('新增单位 阿勒泰海关（6501）');
    expect(r.changes.map((c) => c.text)).toContain('修改单位 乌鲁木齐海关（6500）：简称');
    expect(await count('units')).toBe(1);
    expect(await count('people')).toBe(0);
    expect(await count('audit_events')).toBe(before);
  });

  it('imports the tree, the teams with their history, and the people with encrypted ID numbers, posts and ranks', async () => {
    const r = await run(districtSheets());
    expect(r.errors).toEqual([]);
    expect(r.applied).toBe(true);
    expect(r.createdPersonIds).toHaveLength(7);
    const units = await env.ctx.db.selectFrom('units').selectAll().orderBy('code').execute();
    expect(units.map((u) => [u.code, u.name, u.organ_type])).toEqual([
      ['6500', '乌鲁木齐海关', 'party_group'],
      ['6501', '阿勒泰海关', 'party_group'],
      ['6502', '霍尔果斯海关', 'party_committee'],
    ]);
    const alt = units.find((u) => u.code === '6501');
    const team = await env.ctx.db
      .selectFrom('team_members')
      .innerJoin('people', 'people.id', 'team_members.person_id')
      .select(['people.name', 'team_post', 'admin_post', 'start_date', 'end_date', 'end_reason'])
      .where('team_members.unit_id', '=', alt?.id as string)
      .orderBy('start_date')
      .execute();
    expect(team).toEqual([
      {
        name: '李建国',
        team_post: 'member',
        admin_post: '副关长（原）',
        start_date: '2016-04-01',
        end_date: '2021-03-10',
        end_reason: '任职期满，改任一级调研员',
      },
      {
        name: '朱少华',
        team_post: 'secretary',
        admin_post: '关长',
        start_date: '2021-03-15',
        end_date: null,
        end_reason: null,
      },
      {
        name: '再娜甫·吾斯曼',
        team_post: 'member',
        admin_post: '副关长',
        start_date: '2022-06-01',
        end_date: null,
        end_reason: null,
      },
    ]);
    const p = await env.ctx.db.selectFrom('people').selectAll().where('name', '=', '郭建国').executeTakeFirstOrThrow();
    expect(p.id_number_enc).toMatch(/^sm4\./);
    expect(JSON.stringify(p)).not.toContain(ID.khSec.slice(0, 14));
    expect(p.id_number_blind).toBe(env.ctx.crypto.blindIndex('id_number', ID.khSec));
    expect([p.sex, p.birth_month]).toEqual(['M', '1970-07']);
    const post = await env.ctx.db
      .selectFrom('person_posts')
      .selectAll()
      .where('person_id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect([post.title, post.start_date]).toEqual(['关长', '2020-01-06']);
    // One audit event per record and one summary.
    const actions = (await env.ctx.db.selectFrom('audit_events').select('action').execute()).map((e) => e.action);
    expect(actions.filter((a) => a === 'orgs.imported')).toHaveLength(1);
    expect(actions.filter((a) => a === 'people.created')).toHaveLength(7);
    expect(actions.filter((a) => a === 'orgs.team_member_added')).toHaveLength(5);
    expect(actions.filter((a) => a === 'orgs.unit_created')).toHaveLength(2);
  });

  it('a second import of the same file changes nothing and writes nothing', async () => {
    const before = await Promise.all(
      (['units', 'people', 'team_members', 'audit_events', 'person_posts', 'person_ranks'] as const).map(count),
    );
    const r = await run(districtSheets());
    expect(r.errors).toEqual([]);
    expect(r.changes).toEqual([]);
    expect(r.applied).toBe(false);
    const after = await Promise.all(
      (['units', 'people', 'team_members', 'audit_events', 'person_posts', 'person_ranks'] as const).map(count),
    );
    expect(after).toEqual(before);
  });

  it('updates what differs (dated post history), and never deletes rows absent from the file', async () => {
    const sheets: Sheets = {
      单位: [
        {
          单位代码: '6501',
          单位名称: '阿勒泰海关',
          简称: '阿勒泰关',
          上级单位代码: '6500',
          层级: '隶属海关',
          党组织类型: '党组',
        },
      ],
      人员: [
        {
          身份证号: ID.altDeputy,
          姓名: '再娜甫·吾斯曼',
          民族: '维吾尔族',
          政治面貌: '中共党员',
          所在单位代码: '6501',
          现任职务: '关长',
          任现职务时间: '2026-06-01',
          籍贯: '新疆伊宁',
        },
      ],
      班子成员: [
        {
          单位代码: '6501',
          身份证号: ID.altSec,
          班子职务: '书记',
          行政职务: '关长',
          分工: '主持全面工作',
          任职开始日期: '2021-03-15',
          任职结束日期: '2026-05-31',
          结束原因: '调任乌鲁木齐海关',
        },
        {
          单位代码: '6501',
          身份证号: ID.altDeputy,
          班子职务: '成员',
          行政职务: '副关长',
          分工: '分管监管、查验、关税',
          任职开始日期: '2022-06-01',
          排序: 2,
        },
      ],
    };
    const r = await run(sheets);
    expect(r.errors).toEqual([]);
    expect(r.counts).toMatchObject({ unitsUpdated: 1, peopleUpdated: 1, membershipsUpdated: 2 });
    expect(r.changes.map((c) => c.text)).toEqual([
      '修改单位 阿勒泰海关（6501）：简称',
      '修改人员 再娜甫·吾斯曼（阿勒泰海关（6501））：籍贯、现任职务改为“关长”',
      '结束任职 阿勒泰海关（6501） 朱少华（2026-05-31，调任乌鲁木齐海关）',
      '修改任职 阿勒泰海关（6501） 再娜甫·吾斯曼：分工',
    ]);
    const who = await env.ctx.db
      .selectFrom('people')
      .select('id')
      .where('name', '=', '再娜甫·吾斯曼')
      .executeTakeFirstOrThrow();
    const posts = await env.ctx.db
      .selectFrom('person_posts')
      .select(['title', 'start_date', 'end_date'])
      .where('person_id', '=', who.id)
      .orderBy('start_date')
      .execute();
    expect(posts).toEqual([
      { title: '副关长', start_date: '2022-06-01', end_date: '2026-05-31' },
      { title: '关长', start_date: '2026-06-01', end_date: null },
    ]);
    expect(await count('people')).toBe(7);
    expect(await count('units')).toBe(3);
    // The same file again: nothing more.
    expect((await run(sheets)).changes).toEqual([]);
  });

  it('reports every row in error with sheet, row, column and reason, and writes nothing', async () => {
    const before = await Promise.all((['units', 'people', 'team_members', 'audit_events'] as const).map(count));
    const bad: Sheets = {
      单位: [
        { 单位代码: '6503', 单位名称: '塔城海关', 上级单位代码: '6500', 层级: '隶属海关', 党组织类型: '党组' },
        { 单位代码: '6503', 单位名称: '重复', 上级单位代码: '6500', 层级: '隶属海关', 党组织类型: '党组' },
        { 单位代码: '6504', 单位名称: '无上级', 上级单位代码: '9999', 层级: '科室', 党组织类型: '党组' },
        { 单位代码: '6501', 单位名称: '阿勒泰海关', 上级单位代码: '6502', 层级: '隶属海关', 党组织类型: '党组' },
      ],
      人员: [
        { 身份证号: '659901198001011234', 姓名: '校验错', 民族: '汉族', 政治面貌: '中共党员', 所在单位代码: '6503' },
        {
          身份证号: ID.altStaff,
          姓名: '许嘉怡',
          性别: '男',
          民族: '火星族',
          政治面貌: '中共党员',
          所在单位代码: '6503',
        },
        { 身份证号: ID.khSec, 姓名: '郭建国', 民族: '汉族', 政治面貌: '中共党员', 所在单位代码: '6501' },
        {
          身份证号: '659901200501011236',
          姓名: '年轻人',
          民族: '汉族',
          政治面貌: '中共党员',
          所在单位代码: '6503',
          入党时间: '2020-01-01',
          现任职务: '科员',
        },
      ],
      班子成员: [
        { 单位代码: '6502', 身份证号: ID.altSec, 班子职务: '书记', 任职开始日期: '2026-06-01' },
        { 单位代码: '6503', 身份证号: ID.rootSec, 姓名: '别人', 班子职务: '组长', 任职开始日期: '2026-13-01' },
        {
          单位代码: '6501',
          身份证号: ID.altDeputy,
          班子职务: '成员',
          任职开始日期: '2022-06-01',
          任职结束日期: '2026-01-01',
        },
      ],
    };
    const r = await run(bad);
    expect(r.applied).toBe(false);
    const got = r.errors.map((e) => `${e.sheet}|${e.row}|${e.column}|${e.reason}`);
    const expected = [
      '单位|3|单位代码|单位代码与第 2 行重复',
      '单位|4|层级|“科室”不是可选的值，请从下拉列表选择',
      '单位|4|上级单位代码|上级单位代码 9999 在本文件和系统中都不存在',
      '单位|5|上级单位代码|该单位已在系统中，上级单位不同：调整隶属关系请在系统中办理，不能通过导入',
      '人员|2|身份证号|身份证号校验码错误（GB 11643），请核对后重新输入（ID-01）',
      '人员|3|民族|“火星族”不是可选的值，请从下拉列表选择',
      '人员|3|性别|与身份证号中的性别不一致（ID-01）',
      '人员|4|所在单位代码|此人现在霍尔果斯海关（6502）：调动请在干部档案中办理，不能通过导入',
      '人员|5|任现职务时间|填写现任职务时必填',
      '人员|5|入党时间|入党时间早于年满十八周岁之日（《中国共产党章程》第一条）',
      '班子成员|2|单位代码|朱少华的人事关系不在霍尔果斯海关（6502）：请先办理调动或在“人员”表中填写所在单位',
      '班子成员|3|姓名|与身份证号对应的姓名“潘振华”不一致',
      '班子成员|3|班子职务|“组长”不是可选的值，请从下拉列表选择',
      '班子成员|3|任职开始日期|“2026-13-01”不是有效日期，请写作 2021-03-15',
      '班子成员|4|结束原因|填写结束日期时必填',
    ];
    for (const e of expected) expect(got, e).toContain(e);
    expect(got.filter((e) => !expected.includes(e))).toEqual([]);
    const after = await Promise.all((['units', 'people', 'team_members', 'audit_events'] as const).map(count));
    expect(after).toEqual(before);
  });

  it('refuses a second current secretary and an overlapping membership', async () => {
    const r = await run({
      班子成员: [
        { 单位代码: '6502', 身份证号: ID.khSec, 班子职务: '成员', 任职开始日期: '2024-01-01' },
        { 单位代码: '6500', 身份证号: ID.rootRenshi, 班子职务: '书记', 任职开始日期: '2026-06-01' },
      ],
    });
    expect(r.errors.map((e) => `${e.row}|${e.column}|${e.reason}`)).toEqual([
      '2|任职开始日期|与已有任职（2020-01-06 起）时间重叠：请先结束原任职',
      '3|班子职务|本班子将有两名在任书记：请先结束原书记任职（填写结束日期和原因）',
    ]);
  });

  it('reads an Excel that is not the template, or an ID number stored as a number, with a clear error', async () => {
    const notXlsx = await importUnitsFile(env.ctx, { actor: CLI, scope: { kind: 'server' } }, Buffer.from('hello'), {
      dryRun: true,
    });
    expect(notXlsx.errors[0]?.reason).toContain('不是有效的 .xlsx 文件');
    const num = await run({
      人员: [
        {
          身份证号: Number('659901197205053119') /* as Excel stores it in a General cell */,
          姓名: '数字',
          民族: '汉族',
          政治面貌: '群众',
          所在单位代码: '6501',
        },
      ],
    });
    expect(num.errors[0]).toMatchObject({ sheet: '人员', row: 2, column: '身份证号' });
    expect(num.errors[0]?.reason).toContain('文本');
  });
});
