/**
 * Helpers for account batch tests: people imported the way a personnel office does, and the
 * halves of a batch read from the .xlsx an admin downloads.
 */
import ExcelJS from 'exceljs';
import { loginAs, type HttpClient, type TestEnv } from './app.js';
import { makeIdNumber, type World } from './fixtures.js';
import { filledTemplate } from './import-helpers.js';

export interface BatchDetail {
  id: string;
  status: string;
  count: number;
  created: number;
  skipped: number;
  canTakeHalf: 1 | 2 | null;
  canConfirm: boolean;
  canCancel: boolean;
  reason: string | null;
  items: { personId: string; username: string; outcome: string; note: string | null; personName: string }[];
}

export interface HalfLine {
  name: string;
  unit: string;
  username: string;
  code: string;
}

const DIGITS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * `n` new people of 霍尔果斯海关 (code 6502), imported through the API by 乌鲁木齐's personnel office
 * (rs); returns their ids in file order. `offset` keeps ID numbers apart between calls.
 */
export async function importPeople(env: TestEnv, world: World, n: number, offset = 0): Promise<string[]> {
  for (const [key, code] of [
    ['gac', '0000'],
    ['urumqi', '6500'],
    ['altay', '6501'],
    ['khorgos', '6502'],
  ] as const) {
    await env.ctx.db.updateTable('units').set({ code }).where('id', '=', world.units[key]).execute();
  }
  const rows = Array.from({ length: n }, (_, i) => ({
    身份证号: makeIdNumber(`1994-0${1 + ((offset + i) % 9)}-1${i}`, 'F', 60 + offset + i),
    姓名: `阿依古丽${DIGITS[(offset + i) % 9]}${offset ? offset + i : ''}`,
    民族: '哈萨克族',
    政治面貌: '共青团员',
    所在单位代码: '6502',
    现任职务: '科员',
    任现职务时间: '2026-05-06',
  }));
  const rs = await loginAs(env.app, 'rs');
  const res = await rs.post('/api/orgs/import', {
    file: (await filledTemplate({ 人员: rows })).toString('base64'),
    dryRun: false,
  });
  if (res.statusCode !== 200 || !res.json().applied) throw new Error(`import: ${res.statusCode} ${res.body}`);
  return res.json<{ createdPersonIds: string[] }>().createdPersonIds;
}

export const batchBody = (personIds: (string | undefined)[]) => ({ personIds });

/** Take the caller's halves of a batch (POST, once) and read the list from the .xlsx. */
export async function halves(c: HttpClient, batchId: string): Promise<HalfLine[]> {
  const res = await c.post(`/api/accounts/batches/${batchId}/codes`);
  if (res.statusCode !== 200) throw new Error(`codes: ${res.statusCode} ${res.body}`);
  return readHalves(res.rawPayload);
}

export async function readHalves(file: Buffer): Promise<HalfLine[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const out: HalfLine[] = [];
  ws?.eachRow((row, i) => {
    if (i <= 3) return;
    const v = (c: number) => row.getCell(c).text;
    out.push({ name: v(2), unit: v(3), username: v(4), code: v(5) });
  });
  return out;
}
