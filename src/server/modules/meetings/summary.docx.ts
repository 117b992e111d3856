/**
 * The meeting summary (会议纪要) as .docx in the official document layout of GB/T 9704-2012:
 * A4, margins 37/35/28/26 mm, the red header and title in 方正小标宋简体 二号, body in 仿宋_GB2312
 * 三号 with 28.95 pt lines (22 lines of 28 characters), level-1 headings in 黑体, page numbers
 * "— 1 —" in 宋体 四号 at the outer edge (odd pages right, even pages left).
 */
import { AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';

export interface SummaryItem {
  seq: number;
  title: string;
  decision: string;
  voteLine: string;
  recusals: string[];
  dissent: string;
  headReason: string;
}

export interface SummaryData {
  unitName: string;
  organ: string;
  year: number;
  seq: number;
  title: string;
  date: string;
  startTime: string;
  location: string;
  chair: string;
  present: string[];
  leave: { name: string; reason: string }[];
  absent: string[];
  attendees: string[];
  recorder: string;
  general: string;
  items: SummaryItem[];
  issuedOn: string;
  version: number;
}

const MM = 56.7; // twips per millimetre
const FANGSONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' };
const XIAOBIAOSONG = { ascii: '方正小标宋简体', hAnsi: '方正小标宋简体', eastAsia: '方正小标宋简体' };
const HEITI = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const SONG = { ascii: '宋体', hAnsi: '宋体', eastAsia: '宋体' };
const SAN_HAO = 32; // 三号 16 pt, in half-points
const ER_HAO = 44; // 二号 22 pt
const SI_HAO = 28; // 四号 14 pt
const LINE = 579; // 28.95 pt exact line pitch, in twips
const RED = 'C00000';
const CN_NUM = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 一, 二 … 九十九 for level-1 headings. */
export function chineseNumber(n: number): string {
  if (n <= 10) return CN_NUM[n] ?? String(n);
  if (n < 20) return `十${CN_NUM[n - 10] ?? ''}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${CN_NUM[tens] ?? ''}十${ones ? (CN_NUM[ones] ?? '') : ''}`;
}

/** 2026年6月8日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function body(
  text: string,
  opts: { indent?: boolean; bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
): Paragraph {
  return new Paragraph({
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    indent: opts.indent === false ? undefined : { firstLine: 2 * SAN_HAO * 10 },
    spacing: { line: LINE, lineRule: 'exact' },
    children: [new TextRun({ text, font: FANGSONG, size: SAN_HAO, bold: opts.bold ?? false })],
  });
}

export function heading(text: string): Paragraph {
  return new Paragraph({
    indent: { firstLine: 2 * SAN_HAO * 10 },
    spacing: { line: LINE, lineRule: 'exact' },
    children: [new TextRun({ text, font: HEITI, size: SAN_HAO })],
  });
}

function pageFooter(align: 'right' | 'left'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'right' ? { right: 7 * MM } : { left: 7 * MM },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: SONG, size: SI_HAO })],
      }),
    ],
  });
}

export function summaryParagraphs(d: SummaryData): Paragraph[] {
  const out: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 200 },
      children: [
        new TextRun({ text: `${d.unitName}${d.organ}会议纪要`, font: XIAOBIAOSONG, size: ER_HAO, color: RED }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: LINE, lineRule: 'exact' },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 6 } },
      children: [new TextRun({ text: `〔${d.year}〕${d.seq}号`, font: FANGSONG, size: SAN_HAO })],
    }),
    new Paragraph({ spacing: { line: LINE, lineRule: 'exact' }, children: [] }),
    body(`${chineseDate(d.date)}${d.startTime}，${d.chair}同志在${d.location}主持召开${d.title}。会议纪要如下：`),
    heading('一、出席情况'),
    body(`出席：${d.present.join('、') || '无'}`),
    body(`请假：${d.leave.length ? d.leave.map((l) => `${l.name}（${l.reason}）`).join('、') : '无'}`),
  ];
  if (d.absent.length) out.push(body(`缺席：${d.absent.join('、')}`));
  out.push(body(`列席：${d.attendees.join('、') || '无'}`), body(`记录：${d.recorder}`));
  if (d.general.trim()) {
    out.push(heading('二、会议情况'));
    for (const line of d.general.split(/\n+/).filter((x) => x.trim())) out.push(body(line.trim()));
  }
  const n = d.general.trim() ? 3 : 2;
  out.push(heading(`${chineseNumber(n)}、议定事项`));
  for (const it of d.items) {
    out.push(body(`（${chineseNumber(it.seq)}）${it.title}`, { bold: true }));
    if (it.decision.trim()) out.push(body(it.decision.trim()));
    out.push(body(it.voteLine));
    if (it.recusals.length) out.push(body(`回避：${it.recusals.join('；')}。`));
    if (it.dissent.trim()) out.push(body(`不同意见：${it.dissent.trim()}`));
    if (it.headReason.trim()) out.push(body(`主持人说明：${it.headReason.trim()}`));
  }
  out.push(new Paragraph({ spacing: { line: LINE, lineRule: 'exact' }, children: [] }));
  out.push(body(`${d.unitName}${d.organ}办公室`, { indent: false, align: AlignmentType.RIGHT }));
  out.push(
    body(`${chineseDate(d.issuedOn)}印发${d.version > 1 ? `（第${d.version}版，更正）` : ''}`, {
      indent: false,
      align: AlignmentType.RIGHT,
    }),
  );
  return out;
}

/** A centred title line in 方正小标宋简体 二号 (red for a document header). */
export function titleLine(text: string, color?: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 200 },
    children: [new TextRun({ text, font: XIAOBIAOSONG, size: ER_HAO, ...(color ? { color } : {}) })],
  });
}

export const blankLine = (): Paragraph => new Paragraph({ spacing: { line: LINE, lineRule: 'exact' }, children: [] });

export async function buildSummaryDocx(d: SummaryData): Promise<Buffer> {
  return officialDocx(`${d.unitName}${d.organ}会议纪要（〔${d.year}〕${d.seq}号）`, summaryParagraphs(d));
}

/** A document in the GB/T 9704 page layout (A4, margins, page numbers at the outer edge). */
export async function officialDocx(title: string, children: Paragraph[]): Promise<Buffer> {
  const doc = new Document({
    creator: 'Banzi 班子',
    title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: FANGSONG, size: SAN_HAO } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: {
              top: Math.round(37 * MM),
              bottom: Math.round(35 * MM),
              left: Math.round(28 * MM),
              right: Math.round(26 * MM),
              footer: Math.round(22 * MM),
            },
          },
        },
        footers: { default: pageFooter('right'), even: pageFooter('left') },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
