/**
 * Roster export (干部花名册) as a real .xlsx workbook: one row per person with the appointment-form
 * fields, frozen header, filters, Chinese headers. Only records the actor may see in full.
 */
import ExcelJS from 'exceljs';
import { POLITICAL_STATUS_LABELS, SEX_LABELS } from '../../../common/contracts/people.js';
import type { PersonListItem } from '../../../common/contracts/people.js';
import { formatInstant } from '../../../common/time.js';

export interface RosterRow extends PersonListItem {
  partyJoinDate: string | null;
  workStartDate: string | null;
  school: string | null;
  major: string | null;
  degree: string | null;
}

export async function rosterWorkbook(title: string, rows: RosterRow[], generatedAt: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Banzi 班子';
  wb.created = new Date(generatedAt);
  const ws = wb.addWorksheet('干部花名册', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.mergeCells('A1:P1');
  ws.getCell('A1').value = `${title}（导出时间 ${formatInstant(generatedAt)} 北京时间）`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  const headers = [
    '序号',
    '姓名',
    '单位',
    '现任职务',
    '班子职务',
    '分工',
    '性别',
    '出生年月',
    '民族',
    '政治面貌',
    '入党时间',
    '参加工作时间',
    '职务职级',
    '级别',
    '全日制学历',
    '毕业院校及专业',
  ];
  ws.addRow(headers);
  const header = ws.getRow(2);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    c.border = { bottom: { style: 'thin' } };
  });
  rows.forEach((r, i) => {
    ws.addRow([
      i + 1,
      r.name,
      r.unitName,
      r.currentPost ?? '',
      r.teamPost ?? '',
      r.divisionOfWork ?? '',
      r.sex ? SEX_LABELS[r.sex] : '',
      r.birthMonth ?? '',
      r.ethnicity ?? '',
      r.politicalStatus
        ? (POLITICAL_STATUS_LABELS[r.politicalStatus as keyof typeof POLITICAL_STATUS_LABELS] ?? r.politicalStatus)
        : '',
      r.partyJoinDate ?? '',
      r.workStartDate ?? '',
      r.rankLabel ?? '',
      r.levelLabel ?? '',
      [r.qualification, r.degree].filter(Boolean).join(' '),
      [r.school, r.major].filter(Boolean).join(' '),
    ]);
  });
  const widths = [6, 10, 18, 14, 14, 30, 6, 10, 10, 10, 12, 12, 16, 12, 12, 28];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: headers.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
