/**
 * Results as .xlsx and .docx, built from the stored tally only: categories below the minimum
 * group size were merged or withheld before anything was stored, so no export can show them.
 * Recommendation results carry the SE-04 label: a reference valid for one year, not an election.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import {
  BALLOT_KIND_LABELS,
  SMALL_GROUP_POLICY_LABELS,
  type QuestionResult,
  type Results,
} from '../../../common/contracts/ballots.js';
import { formatInstant } from '../../../common/time.js';

function pct(n: number, of: number): string {
  return of ? `${((n / of) * 100).toFixed(1)}%` : '-';
}

/** Lines describing the session, the grouping and the SE-04 label, shared by both formats. */
export function resultNotes(r: Results): string[] {
  const t = r.tally;
  const notes = [
    `${r.session.unitName} · ${BALLOT_KIND_LABELS[r.session.kind]} · ${r.session.year} 年`,
    `结束时间：${r.session.closedAt ? formatInstant(r.session.closedAt) : '-'}；有效票 ${t.totalBallots} 张；回执清单已公布 ${r.receiptsPublished} 条。`,
    `最小分组人数 ${t.minGroupSize}（C-01）：少于该人数的投票人类别${SMALL_GROUP_POLICY_LABELS[t.policy]}。`,
  ];
  if (t.allWithheld) notes.push(`有效票少于 ${t.minGroupSize} 张，为保护投票人匿名，不显示任何结果。`);
  for (const g of t.groups) {
    if (g.categories.length > 1) notes.push(`“${g.label}”因人数不足合并显示（${g.ballots} 票）。`);
  }
  if (t.withheld) {
    notes.push(`不单独显示的类别：${t.withheld.labels.join('、')}（合计 ${t.withheld.ballots} 票，只计入合计）。`);
  }
  if (r.referenceValidUntil) {
    notes.push(
      `推荐结果仅作为选拔任用的重要参考，不是选举结果，不简单以推荐票取人；有效期至 ${r.referenceValidUntil}（SE-04）。`,
    );
  }
  if (r.settingsDigest) notes.push(`设置摘要（SM3）：${r.settingsDigest}`);
  return notes;
}

function rowsOf(q: QuestionResult): string[][] {
  const header = ['选项', `合计（${q.total.answered}）`, ...q.groups.map((g) => `${g.label}（${g.answered}）`)];
  const body = q.options.map((o) => [
    o,
    ...[q.total, ...q.groups].map((g) => `${g.counts[o] ?? 0}（${pct(g.counts[o] ?? 0, g.answered)}）`),
  ]);
  return [header, ...body];
}

function questionTitle(q: QuestionResult, i: number): string {
  return `${i + 1}. ${q.section ? `【${q.section}】` : ''}${q.text}`;
}

export async function resultsWorkbook(r: Results, receipts: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Banzi 班子';
  const ws = wb.addWorksheet('结果');
  ws.addRow([r.session.title]).font = { bold: true, size: 14 };
  for (const n of resultNotes(r)) ws.addRow([n]);
  for (const [i, q] of r.tally.questions.entries()) {
    ws.addRow([]);
    ws.addRow([questionTitle(q, i)]).font = { bold: true };
    for (const [j, row] of rowsOf(q).entries()) {
      const added = ws.addRow(row);
      if (j === 0) added.font = { bold: true };
    }
  }
  ws.getColumn(1).width = 36;
  for (let c = 2; c <= 8; c++) ws.getColumn(c).width = 20;
  const pw = wb.addWorksheet('参与情况');
  pw.addRow(['投票人类别', '应参加', '发放测评码', '登录投票名单', '已投票']).font = { bold: true };
  for (const p of r.participation) pw.addRow([p.label, p.expected, p.issued, p.loginVoters, p.voted]);
  pw.getColumn(1).width = 16;
  const rw = wb.addWorksheet('回执清单');
  rw.addRow(['回执（按字母排序）']).font = { bold: true };
  for (const x of receipts) rw.addRow([x]);
  rw.getColumn(1).width = 24;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const FONT = { ascii: 'Arial', eastAsia: 'SimSun', hAnsi: 'Arial' };

function table(rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (cells, i) =>
        new TableRow({
          tableHeader: i === 0,
          children: cells.map(
            (c) =>
              new TableCell({
                borders: { top: THIN, bottom: THIN, left: THIN, right: THIN },
                children: [
                  new Paragraph({
                    alignment: AlignmentType.LEFT,
                    children: [new TextRun({ text: c, bold: i === 0, size: 18, font: FONT })],
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

export async function resultsDocument(r: Results): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: `${r.session.title}结果`, font: FONT })],
    }),
    ...resultNotes(r).map((n) => new Paragraph({ children: [new TextRun({ text: n, size: 20, font: FONT })] })),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: '参与情况', font: FONT })] }),
    table([
      ['投票人类别', '应参加', '发放测评码', '登录投票名单', '已投票'],
      ...r.participation.map((p) => [
        p.label,
        String(p.expected),
        String(p.issued),
        String(p.loginVoters),
        String(p.voted),
      ]),
    ]),
  ];
  for (const [i, q] of r.tally.questions.entries()) {
    children.push(
      new Paragraph({
        spacing: { before: 200 },
        children: [new TextRun({ text: questionTitle(q, i), bold: true, size: 20, font: FONT })],
      }),
    );
    children.push(table(rowsOf(q)));
  }
  const doc = new Document({ creator: 'Banzi 班子', title: r.session.title, sections: [{ children }] });
  return Packer.toBuffer(doc);
}
