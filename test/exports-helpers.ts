/** Reading an exported .xlsx back in the tests: every sheet row as plain cell texts. */
import ExcelJS from 'exceljs';
import { expect } from 'vitest';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface Sheet {
  title: string;
  filters: string;
  headers: string[];
  rows: string[][];
}

/** The first sheet of an export: title (row 1), filters (row 2), headers (row 3), data rows. */
export async function readExport(res: { statusCode: number; headers: Record<string, unknown>; rawPayload: Buffer }) {
  expect(res.statusCode).toBe(200);
  expect(String(res.headers['content-type'])).toContain(XLSX_TYPE);
  expect(String(res.headers['content-disposition'])).toMatch(/^attachment; .*filename\*=UTF-8''/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rowTexts: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(row.getCell(c).text);
    rowTexts.push(cells);
  });
  return {
    title: rowTexts[0]?.[0] ?? '',
    filters: rowTexts[1]?.[0] ?? '',
    headers: rowTexts[2] ?? [],
    rows: rowTexts.slice(3),
  } satisfies Sheet;
}
