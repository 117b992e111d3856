/**
 * The notice of a spot-check draw (随机抽查结果通知, PM-06) for publication inside the unit: the
 * year, how many were on the list, the ratio, the seed commitment published before the draw, the
 * public random value and the revealed seed, the people drawn (name, unit, post), and how anyone
 * can verify the draw from its file.
 */
import { Document, Packer, type Paragraph, type Table } from 'docx';
import { dateIn } from '../../../common/time.js';
import { chineseDate } from '../meetings/index.js';
import { para, table } from './disclosures.docx.js';

export interface DrawNoticeInput {
  unitName: string;
  year: number;
  ratio: string;
  population: number;
  commitment: string;
  inputsDigest: string;
  publishedAt: string;
  publicValue: string;
  seed: string;
  drawnAt: string;
  selected: { name: string; unitName: string; post: string }[];
  issuedOn: string;
}

const percent = (ratio: string) => `${Number((Number(ratio) * 100).toFixed(2))}%`;

export function drawNoticeBlocks(n: DrawNoticeInput): (Paragraph | Table)[] {
  const published = chineseDate(dateIn(new Date(n.publishedAt)));
  const drawn = chineseDate(dateIn(new Date(n.drawnAt)));
  return [
    para(`${n.unitName}`, { bold: true, size: 32, center: true, after: 0 }),
    para(`${n.year}年度领导干部个人有关事项报告随机抽查结果通知`, { bold: true, size: 32, center: true, after: 240 }),
    para(
      `根据《领导干部报告个人有关事项规定》关于随机抽查的规定，${n.unitName}于${published}确定并公布${n.year}年度随机抽查名单` +
        `（${n.population}人）、抽查比例（${percent(n.ratio)}）和种子的承诺值；于${drawn}当场录入公开随机值、公开种子，` +
        `按公开的算法抽取${n.selected.length}人。现将抽查结果通知如下。`,
      { after: 160 },
    ),
    para('一、抽查基本情况', { bold: true }),
    table(
      ['项目', '内容'],
      [
        ['年度', `${n.year}年`],
        ['抽查名单人数', `${n.population}人`],
        ['抽查比例', percent(n.ratio)],
        ['抽中人数', `${n.selected.length}人`],
        ['名单和承诺值公布日期', published],
        ['抽取日期', drawn],
        ['种子承诺值（SM3，抽取前公布）', n.commitment],
        ['输入摘要（SM3：名单、比例、承诺值）', n.inputsDigest],
        ['公开随机值', n.publicValue],
        ['种子（抽取时公开）', n.seed],
      ],
    ),
    para('二、抽中人员', { bold: true }),
    table(
      ['序号', '姓名', '单位', '职务'],
      n.selected.map((p, i) => [String(i + 1), p.name, p.unitName, p.post || '—']),
    ),
    para('三、如何验证', { bold: true }),
    para(
      '1．种子在抽取前已封存，先公布的是它的 SM3 值（承诺值）。抽取时公开种子，任何人计算 SM3(种子) 与承诺值相同，' +
        '即可确认种子没有在抽取时更换。',
    ),
    para(
      '2．名单、比例和承诺值在公布时已计算输入摘要，名单中任何人员的增减都会使摘要不同。' +
        '每名报告人的得分为 SM3(种子‖公开随机值‖报告人编号)，按得分从小到大排序，取前面的抽中人数。',
    ),
    para(
      '3．向人事部门索取本次抽查的验证文件（JSON），在 Banzi 的“抽查验证”页面选择该文件，浏览器会重新计算并给出结论；' +
        '也可以在任意电脑上运行 npx banzi disclosures verify-draw 验证文件名。算法全文见 docs/disclosures.md。',
    ),
    para(`${n.unitName}`, { center: false, after: 0 }),
    para(`${chineseDate(n.issuedOn)}`, { after: 0 }),
  ];
}

export async function drawNoticeDocx(n: DrawNoticeInput): Promise<Buffer> {
  const doc = new Document({
    creator: 'Banzi 班子',
    title: `${n.year}年度随机抽查结果通知`,
    sections: [{ children: drawNoticeBlocks(n) }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
