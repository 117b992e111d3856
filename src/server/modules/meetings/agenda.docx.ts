/**
 * The printable agenda (会议议程) and meeting notice (会议通知) as .docx, in the page layout of the
 * 会议纪要 (summary.docx.ts): title in 方正小标宋简体 二号, body in 仿宋_GB2312 三号.
 */
import { AlignmentType, type Paragraph } from 'docx';
import { blankLine, body, chineseDate, chineseNumber, heading, officialDocx, titleLine } from './summary.docx.js';

export interface AgendaDocData {
  unitName: string;
  organ: string;
  /** 2026年第13次党组会议 */
  title: string;
  subject: string | null;
  date: string;
  startTime: string;
  location: string;
  chair: string;
  members: string[];
  attendees: string[];
  items: { title: string; sponsor: string | null }[];
  /** Not yet published: printed for review, marked as such */
  draft: boolean;
  issuedOn: string;
}

const fullTitle = (d: AgendaDocData) => `${d.title}${d.subject ? `（${d.subject}）` : ''}`;

function itemLines(d: AgendaDocData): Paragraph[] {
  return d.items.map((it, i) =>
    body(`${chineseNumber(i + 1)}、${it.title}${it.sponsor ? `（汇报人：${it.sponsor}）` : ''}`),
  );
}

function signature(d: AgendaDocData): Paragraph[] {
  return [
    blankLine(),
    body(`${d.unitName}${d.organ}办公室`, { indent: false, align: AlignmentType.RIGHT }),
    body(chineseDate(d.issuedOn), { indent: false, align: AlignmentType.RIGHT }),
  ];
}

export function agendaParagraphs(d: AgendaDocData): Paragraph[] {
  return [
    titleLine(`${d.unitName}${fullTitle(d)}议程`),
    ...(d.draft ? [body('（议程未发布，供审阅）', { indent: false, align: AlignmentType.CENTER })] : []),
    blankLine(),
    body(`时间：${chineseDate(d.date)} ${d.startTime}`),
    body(`地点：${d.location}`),
    body(`主持：${d.chair}`),
    body(`出席：${d.members.join('、') || '—'}`),
    body(`列席：${d.attendees.join('、') || '无'}`),
    heading('会议议题'),
    ...itemLines(d),
    ...signature(d),
  ];
}

export function noticeParagraphs(d: AgendaDocData): Paragraph[] {
  return [
    titleLine(`关于召开${fullTitle(d)}的通知`),
    ...(d.draft ? [body('（议程未发布，供审阅）', { indent: false, align: AlignmentType.CENTER })] : []),
    blankLine(),
    body('党组各位成员：', { indent: false }),
    body(
      `定于${chineseDate(d.date)} ${d.startTime}在${d.location}召开${fullTitle(d)}，由${d.chair}同志主持。现将有关事项通知如下：`,
    ),
    heading('一、会议议题'),
    ...itemLines(d),
    heading('二、参会人员'),
    body(`党组成员：${d.members.join('、') || '—'}`),
    body(`列席人员：${d.attendees.join('、') || '无'}`),
    heading('三、有关要求'),
    body('请准时参加。因故不能参加的，请于会前向党组书记请假，可提交书面意见（书面意见不计入表决票数）。'),
    ...signature(d),
  ];
}

export const buildAgendaDocx = (d: AgendaDocData) =>
  officialDocx(`${d.unitName}${fullTitle(d)}议程`, agendaParagraphs(d));
export const buildNoticeDocx = (d: AgendaDocData) => officialDocx(`关于召开${fullTitle(d)}的通知`, noticeParagraphs(d));
