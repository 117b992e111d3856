/**
 * A list page as an .xlsx workbook: a title row, a row saying which filters were applied and when
 * it was exported (Beijing time), Chinese headers, a frozen header and filters. Used by the exports
 * of 集体决策, 违规检测 and 审计日志.
 */
import ExcelJS from 'exceljs';
import { formatInstant } from '../../common/time.js';

export type Cell = string | number | null;

export interface TableSheet {
  sheet: string;
  title: string;
  /** The page's filters in words ("年度：2026；类别：重大决策") */
  filters: string;
  columns: { header: string; width: number }[];
  rows: Cell[][];
  generatedAt: string;
}

export async function tableWorkbook(t: TableSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Banzi 班子';
  wb.created = new Date(t.generatedAt);
  const ws = wb.addWorksheet(t.sheet, { views: [{ state: 'frozen', ySplit: 3 }] });
  const last = ws.getColumn(t.columns.length).letter;
  ws.mergeCells(`A1:${last}1`);
  ws.getCell('A1').value = t.title;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.mergeCells(`A2:${last}2`);
  ws.getCell('A2').value =
    `筛选条件：${t.filters || '无'}；共 ${t.rows.length} 条；导出时间 ${formatInstant(t.generatedAt)}（北京时间）`;
  ws.addRow(t.columns.map((c) => c.header));
  const header = ws.getRow(3);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    c.border = { bottom: { style: 'thin' } };
  });
  for (const r of t.rows) ws.addRow(r.map((v) => v ?? ''));
  t.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: t.columns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Filters in words, leaving out the empty ones. */
export function filtersText(parts: [label: string, value: string | number | null | undefined][]): string {
  return parts
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([l, v]) => `${l}：${v}`)
    .join('；');
}
