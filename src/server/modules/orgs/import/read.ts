/**
 * Read an import workbook into rows of trimmed text cells, by header. Dates typed into Excel come
 * back as dates and are written 'YYYY-MM-DD' from their calendar parts (Excel dates have no time
 * zone; exceljs hands them over as UTC midnight), never by cutting an ISO instant.
 */
import ExcelJS from 'exceljs';
import { COLUMNS, SHEETS, type Column, type SheetKey } from './columns.js';

export interface ImportError {
  sheet: string;
  /** Row number as Excel shows it (1 = header row); 0 for the whole file */
  row: number;
  column: string;
  reason: string;
}

export interface SheetRow {
  row: number;
  cells: Record<string, string | null>;
}

export interface ImportFile {
  units: SheetRow[];
  people: SheetRow[];
  team: SheetRow[];
  errors: ImportError[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar date Excel shows for a date cell. */
export function excelDate(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** A date from an Excel serial number (days since 1899-12-30). */
function serialDate(n: number): string {
  return excelDate(new Date(Date.UTC(1899, 11, 30) + Math.round(n) * 86_400_000));
}

function cellText(v: ExcelJS.CellValue, col: Column): { value: string | null; error?: string } {
  if (v === null || v === undefined) return { value: null };
  if (v instanceof Date) {
    const d = excelDate(v);
    return { value: col.kind === 'month' ? d.slice(0, 7) : d };
  }
  if (typeof v === 'number') {
    if (col.kind === 'id') {
      return { value: null, error: '身份证号被 Excel 存成了数字（18 位数字会丢失末几位）：请把该列设为文本后重新填写' };
    }
    if (col.kind === 'date' && v > 1000 && v < 80000) return { value: serialDate(v) };
    return { value: String(v) };
  }
  if (typeof v === 'boolean') return { value: v ? '是' : '否' };
  if (typeof v === 'string') return { value: v.trim() || null };
  if (typeof v === 'object') {
    if ('richText' in v) return cellText(v.richText.map((r) => r.text).join(''), col);
    if ('result' in v) return cellText(v.result, col);
    if ('text' in v) return cellText(v.text, col);
    if ('error' in v) return { value: null, error: `单元格有错误值 ${String(v.error)}` };
  }
  return { value: null, error: '无法读取的单元格内容，请填写文字或日期' };
}

const normalise = (h: string) => h.replace(/[\s*＊]/g, '').replace(/[（(]必填[)）]/, '');

function readSheet(ws: ExcelJS.Worksheet, sheet: SheetKey, errors: ImportError[]): SheetRow[] {
  const columns = COLUMNS[sheet] as readonly Column[];
  const byHeader = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const h = normalise(String(cellText(cell.value, { key: '', header: '', width: 0, note: '' }).value ?? ''));
    if (h) byHeader.set(h, col);
  });
  const missing = columns.filter((c) => c.required && !byHeader.has(c.header));
  for (const c of missing) errors.push({ sheet: SHEETS[sheet], row: 1, column: c.header, reason: '缺少必填列' });
  if (missing.length) return [];
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    if (n === 1) return;
    const cells: Record<string, string | null> = {};
    let any = false;
    for (const c of columns) {
      const at = byHeader.get(c.header);
      const { value, error } = at ? cellText(r.getCell(at).value, c) : { value: null };
      if (error) errors.push({ sheet: SHEETS[sheet], row: n, column: c.header, reason: error });
      cells[c.key] = value;
      if (value !== null || error) any = true;
    }
    if (any) rows.push({ row: n, cells });
  });
  return rows;
}

export async function readImportFile(file: Buffer): Promise<ImportFile> {
  const errors: ImportError[] = [];
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    return {
      units: [],
      people: [],
      team: [],
      errors: [{ sheet: '', row: 0, column: '', reason: '不是有效的 .xlsx 文件：请使用系统提供的导入模板' }],
    };
  }
  const out: ImportFile = { units: [], people: [], team: [], errors };
  let found = 0;
  for (const sheet of Object.keys(SHEETS) as SheetKey[]) {
    const ws = wb.getWorksheet(SHEETS[sheet]);
    if (!ws) continue;
    found++;
    out[sheet] = readSheet(ws, sheet, errors);
  }
  if (!found) {
    errors.push({
      sheet: '',
      row: 0,
      column: '',
      reason: '文件中没有“单位”“人员”“班子成员”工作表：请使用系统提供的导入模板',
    });
  }
  return out;
}
