/**
 * The import template (单位 / 人员 / 班子成员, with a 说明 sheet and drop-down lists), handed out
 * by `banzi units template FILE.xlsx` and by the import page.
 */
import ExcelJS from 'exceljs';
import { COLUMNS, SHEETS, type Column, type SheetKey } from './columns.js';

/** Rows that get data validation in the template */
const ROWS = 2000;

const GUIDE: [string, string][] = [
  [
    '用途',
    '新系统首次建立单位树、班子和干部档案，或以后成批补充。导入前先“预览”（命令行 --dry-run），确认无误再导入。',
  ],
  [
    '根单位',
    '根单位（直属海关，或整个系统）须先由服务器管理员运行 banzi units create-root --code 代码 --name 名称 创建。',
  ],
  [
    '顺序',
    '单位 → 人员 → 班子成员：“人员”引用单位代码，“班子成员”引用单位代码和身份证号，可引用本文件或系统中已有的记录。',
  ],
  ['匹配', '单位按“单位代码”匹配，人员按身份证号匹配：同一文件再次导入不会产生任何变化；文件中没有的记录不会被删除。'],
  [
    '修改',
    '已有记录中不同的字段会被更新并记入审计日志；调整单位隶属关系、人员调动、修改历史任职请在系统中办理，导入会报错。',
  ],
  ['出错', '任何一行有错时整份文件都不导入；错误清单列出工作表、行号、列名和原因，改正后重新导入。'],
  ['日期', '日期写作 2021-03-15（也接受 2021/3/15、2021.3.15、2021年3月15日）；出生年月写作 1975-03。'],
  ['身份证号', '18 位，校验码按 GB 11643 核对（ID-01）。请把该列设为文本，否则 Excel 会把 18 位数字改成科学计数。'],
  ['人事部门上传', '在系统中上传时，只能导入本人事部门管理的单位：本单位及下一级单位（干部管理权限：下管一级）。'],
  ['账户', '导入不创建登录账户。账户由系统管理员为人员开设（一次性激活码，管理员不知道可用密码）。'],
];

/** Where each drop-down list sits on the hidden 选项 sheet (one column per list). */
function listRefs(): Map<string, { col: number; values: readonly string[]; ref: string }> {
  const refs = new Map<string, { col: number; values: readonly string[]; ref: string }>();
  let col = 1;
  for (const sheet of Object.keys(COLUMNS) as SheetKey[]) {
    for (const c of COLUMNS[sheet] as readonly Column[]) {
      if (!c.list) continue;
      const letter = columnLetter(col);
      refs.set(`${sheet}.${c.key}`, {
        col,
        values: c.list,
        ref: `'选项'!$${letter}$2:$${letter}$${c.list.length + 1}`,
      });
      col++;
    }
  }
  return refs;
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function addDataSheet(wb: ExcelJS.Workbook, sheet: SheetKey, lists: ReturnType<typeof listRefs>): void {
  const ws = wb.addWorksheet(SHEETS[sheet], { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = COLUMNS[sheet] as readonly Column[];
  ws.columns = columns.map((c) => ({ header: c.required ? `${c.header}*` : c.header, key: c.key, width: c.width }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', wrapText: true };
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    const cell = head.getCell(i + 1);
    cell.note = c.note;
    if (c.required) cell.font = { bold: true, color: { argb: 'FFC00000' } };
    if (c.kind === 'id' || c.kind === undefined) col.numFmt = '@';
    const ref = lists.get(`${sheet}.${c.key}`)?.ref;
    if (ref) {
      validations.add(`${col.letter}2:${col.letter}${ROWS}`, {
        type: 'list',
        allowBlank: !c.required,
        formulae: [ref],
        showErrorMessage: true,
        errorTitle: c.header,
        error: `请从下拉列表中选择${c.header}`,
      });
    }
  });
}

export async function buildImportTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Banzi 班子';
  const guide = wb.addWorksheet('说明');
  guide.columns = [
    { header: '事项', key: 'k', width: 14 },
    { header: '说明', key: 'v', width: 110 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const [k, v] of GUIDE) guide.addRow({ k, v }).alignment = { wrapText: true, vertical: 'top' };
  guide.addRow({});
  guide.addRow({ k: '各列', v: '带 * 的列必填；各列说明如下（表头单元格的批注也有）。' }).font = { bold: true };
  for (const sheet of Object.keys(COLUMNS) as SheetKey[]) {
    for (const c of COLUMNS[sheet] as readonly Column[]) {
      guide.addRow({ k: `${SHEETS[sheet]}·${c.header}`, v: c.note }).alignment = { wrapText: true, vertical: 'top' };
    }
  }
  const lists = listRefs();
  addDataSheet(wb, 'units', lists);
  addDataSheet(wb, 'people', lists);
  addDataSheet(wb, 'team', lists);
  const options = wb.addWorksheet('选项', { state: 'veryHidden' });
  for (const [name, l] of lists) {
    options.getCell(1, l.col).value = name;
    l.values.forEach((v, i) => (options.getCell(i + 2, l.col).value = v));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
