/**
 * Code slips (测评码): an A4 .docx of cut-apart slips, ten a page, each with the session, the
 * voter category, the code, and a QR code of the public voting address with the code after '#'
 * (a URL fragment never reaches the server or a proxy's access log). The slips are the only copy
 * of the codes: Banzi keeps keyed hashes.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import QRCode from 'qrcode';
import { groupCode } from '../../../common/contracts/ballots.js';
import { formatInstant } from '../../../common/time.js';

export interface SlipInfo {
  title: string;
  unitName: string;
  categoryLabel: string;
  /** Public voting page of the session, e.g. https://banzi.example.cn/vote/<id> */
  url: string;
  closesAt: string;
}

const CUT = { style: BorderStyle.DASHED, size: 6, color: '888888' };
const FONT = { ascii: 'Arial', eastAsia: 'SimSun', hAnsi: 'Arial' };
const PER_ROW = 2;

/** The address a slip's QR code opens: the voting page with the code in the fragment. */
export function slipUrl(url: string, code: string): string {
  return `${url}#${code}`;
}

async function slipCell(info: SlipInfo, code: string, index: number): Promise<TableCell> {
  const png = await QRCode.toBuffer(slipUrl(info.url, code), { errorCorrectionLevel: 'M', margin: 1, scale: 3 });
  const line = (text: string, opts: { bold?: boolean; size?: number; font?: string } = {}) =>
    new TextRun({
      text,
      bold: opts.bold ?? false,
      size: opts.size ?? 18,
      font: opts.font ? { ascii: opts.font, hAnsi: opts.font, eastAsia: 'SimSun' } : FONT,
    });
  return new TableCell({
    width: { size: 50, type: WidthType.PERCENTAGE },
    borders: { top: CUT, bottom: CUT, left: CUT, right: CUT },
    margins: { top: 120, bottom: 120, left: 160, right: 160 },
    children: [
      new Paragraph({ children: [line(`${info.unitName} · ${info.title}`, { bold: true, size: 20 })] }),
      new Paragraph({ children: [line(`投票人类别：${info.categoryLabel}\u3000\u3000第 ${index + 1} 张`)] }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new ImageRun({ type: 'png', data: png, transformation: { width: 104, height: 104 } })],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [line(groupCode(code), { bold: true, size: 30, font: 'Courier New' })],
      }),
      new Paragraph({ children: [line(`手机扫码，或打开 ${info.url} 输入上方测评码。`, { size: 15 })] }),
      new Paragraph({
        children: [
          line(
            `每码限用一次，${formatInstant(info.closesAt)} 截止。测评码随机发放，系统不知道谁持有哪一张。提交后请记下回执，结束后可核对。`,
            { size: 15 },
          ),
        ],
      }),
    ],
  });
}

/** The slips document for a batch of codes. */
export async function slipsDocx(info: SlipInfo, codes: string[]): Promise<Buffer> {
  const cells: TableCell[] = [];
  for (const [i, code] of codes.entries()) cells.push(await slipCell(info, code, i));
  const rows: TableRow[] = [];
  for (let i = 0; i < cells.length; i += PER_ROW) {
    const row = cells.slice(i, i + PER_ROW);
    while (row.length < PER_ROW) {
      row.push(
        new TableCell({ borders: { top: CUT, bottom: CUT, left: CUT, right: CUT }, children: [new Paragraph('')] }),
      );
    }
    rows.push(new TableRow({ cantSplit: true, children: row }));
  }
  const doc = new Document({
    creator: 'Banzi 班子',
    title: `${info.title} 测评码`,
    sections: [
      {
        properties: { page: { margin: { top: 567, bottom: 567, left: 567, right: 567 } } },
        children: [
          new Paragraph({
            children: [
              new TextRun({
                text: `${info.title}（${info.categoryLabel}）测评码 ${codes.length} 张：沿虚线剪开，打乱后随机发放。`,
                size: 18,
                font: FONT,
              }),
            ],
          }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
