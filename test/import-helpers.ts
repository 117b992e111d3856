/**
 * Fill the units import template as a personnel officer would (columns found by their headers),
 * and a small district to import: a root 6500, two subordinate customs with teams and people.
 */
import { hash } from '@node-rs/argon2';
import ExcelJS from 'exceljs';
import type { AppContext } from '../src/server/context.js';
import { buildImportTemplate } from '../src/server/modules/orgs/import/template.js';
import { nowIso } from '../src/server/platform/clock.js';
import { uuidv7 } from '../src/server/platform/random.js';
import { TEST_PASSWORD } from './app.js';
import { makeIdNumber } from './fixtures.js';

export type Cells = Record<string, string | number | Date | null>;
export interface Sheets {
  单位?: Cells[];
  人员?: Cells[];
  班子成员?: Cells[];
}

/** The template (or the given one) with rows typed in, keyed by header text (without the *). */
export async function filledTemplate(sheets: Sheets, template?: Buffer): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((template ?? (await buildImportTemplate())) as unknown as ArrayBuffer);
  for (const [name, rows] of Object.entries(sheets) as [string, Cells[]][]) {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    const cols = new Map<string, number>();
    ws.getRow(1).eachCell((c, i) => cols.set(typeof c.value === 'string' ? c.value.replace('*', '') : '', i));
    rows.forEach((row, i) => {
      for (const [h, v] of Object.entries(row)) {
        const col = cols.get(h);
        if (!col) throw new Error(`no column ${h} in ${name}`);
        ws.getCell(i + 2, col).value = v;
      }
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const ID = {
  altSec: makeIdNumber('1972-05-05', 'M', 31),
  altDeputy: makeIdNumber('1980-03-15', 'F', 32),
  altFormer: makeIdNumber('1965-01-20', 'M', 33),
  altStaff: makeIdNumber('1992-08-08', 'F', 34),
  khSec: makeIdNumber('1970-07-07', 'M', 35),
  rootSec: makeIdNumber('1966-06-16', 'M', 36),
  rootRenshi: makeIdNumber('1985-09-09', 'F', 37),
};

/** A district: root 6500 (created by the CLI) with its own team, 阿勒泰 and 霍尔果斯 below it. */
export function districtSheets(): Sheets {
  return {
    单位: [
      { 单位代码: '6500', 单位名称: '乌鲁木齐海关', 简称: '乌鲁木齐', 层级: '直属海关', 党组织类型: '党组' },
      {
        单位代码: '6501',
        单位名称: '阿勒泰海关',
        简称: '阿勒泰',
        上级单位代码: '6500',
        层级: '隶属海关',
        党组织类型: '党组',
        排序: 1,
      },
      {
        单位代码: '6502',
        单位名称: '霍尔果斯海关',
        上级单位代码: '6500',
        层级: '隶属海关',
        党组织类型: '党委',
        排序: 2,
      },
    ],
    人员: [
      person(ID.rootSec, '潘振华', '6500', '关长', new Date(Date.UTC(2019, 2, 1)), '厅局级正职领导职务'),
      person(ID.rootRenshi, '马丽娜', '6500', '人事处处长', '2020-05-06', '县处级正职领导职务', { 民族: '回族' }),
      person(ID.altSec, '朱少华', '6501', '关长', '2021-03-15', '县处级正职领导职务', { 入党时间: '1995-07-01' }),
      person(ID.altDeputy, '再娜甫·吾斯曼', '6501', '副关长', '2022/6/1', '县处级副职领导职务', { 民族: '维吾尔族' }),
      person(ID.altFormer, '李建国', '6501', '一级调研员', '2021-03-10', '一级调研员'),
      person(ID.altStaff, '许嘉怡', '6501', '科员', '2018-08-01', null),
      person(ID.khSec, '郭建国', '6502', '关长', '2020年1月6日', '县处级正职领导职务'),
    ],
    班子成员: [
      team('6500', ID.rootSec, '书记', '关长', '主持全面工作', '2019-03-01'),
      team('6501', ID.altSec, '书记', '关长', '主持全面工作', '2021-03-15', { 姓名: '朱少华' }),
      team('6501', ID.altDeputy, '成员', '副关长', '分管监管、查验', '2022-06-01', { 排序: 2 }),
      team('6501', ID.altFormer, '成员', '副关长（原）', '原分管监管', '2016-04-01', {
        任职结束日期: '2021-03-10',
        结束原因: '任职期满，改任一级调研员',
        排序: 9,
      }),
      team('6502', ID.khSec, '党委书记', '关长', '主持全面工作', '2020-01-06'),
    ],
  };
}

function person(
  id: string,
  name: string,
  unit: string,
  post: string,
  postStart: string | Date,
  rank: string | null,
  extra: Cells = {},
): Cells {
  return {
    身份证号: id,
    姓名: name,
    民族: '汉族',
    政治面貌: '中共党员',
    入党时间: `${Number(id.slice(6, 10)) + 22}-07-01`,
    所在单位代码: unit,
    现任职务: post,
    任现职务时间: postStart,
    ...(rank ? { 职务职级: rank, 任现职级时间: postStart } : {}),
    ...extra,
  };
}

function team(
  unit: string,
  id: string,
  post: string,
  admin: string,
  division: string,
  start: string,
  extra: Cells = {},
) {
  return {
    单位代码: unit,
    身份证号: id,
    班子职务: post,
    行政职务: admin,
    分工: division,
    任职开始日期: start,
    ...extra,
  };
}

/**
 * An account for a person, with the password TEST_PASSWORD and optional grants, written directly
 * (as the test fixtures do): it stands for the account the system admin opens and its holder activates.
 */
export async function addAccount(
  ctx: AppContext,
  username: string,
  personId: string | null,
  grants: [string, string][] = [],
): Promise<string> {
  const id = uuidv7(ctx.random);
  const now = nowIso(ctx.clock);
  await ctx.db
    .insertInto('users')
    .values({
      id,
      username,
      display_name: username,
      password_hash: await hash(TEST_PASSWORD),
      person_id: personId,
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
  for (const [role, unitId] of grants) {
    await ctx.db
      .insertInto('role_grants')
      .values({
        id: uuidv7(ctx.random),
        user_id: id,
        role,
        unit_id: unitId,
        granted_by: 'test',
        granted_at: now,
        revoked_by: null,
        revoked_at: null,
      })
      .execute();
  }
  return id;
}
