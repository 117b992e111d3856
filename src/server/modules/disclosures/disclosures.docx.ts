/**
 * A report in the layout of the official form 《领导干部个人有关事项报告表》: a title, the reporter's
 * particulars, the 8 family items and 6 property items each as a table (or "无"), the signed
 * declaration and the SM3 of the frozen content.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { dateIn, formatInstant } from '../../../common/time.js';
import {
  BUSINESS_KIND_LABELS,
  DECLARATION_TEXT,
  EMIGRATION_LABELS,
  EMPLOYER_TYPE_LABELS,
  HKMT_REGION_LABELS,
  HOUSING_KIND_LABELS,
  ITEM_LABELS,
  LABOR_LABELS,
  MARITAL_LABELS,
  REPORT_KIND_LABELS,
  type PartialItems,
} from '../../../common/contracts/disclosures.js';

export interface DocxInput {
  personName: string;
  unitName: string;
  post: string;
  year: number;
  kind: string;
  status: string;
  submittedAt: string | null;
  signature: string | null;
  payloadHash: string | null;
  version: number;
  amendments: { seq: number; on: string }[];
  items: PartialItems;
  relatives: { id: string; name: string; relationLabel: string }[];
  notes: string | null;
  exportedAt: string;
}

const FONT = 'SimSun';
/** Building blocks shared with the draw notice (draw-notice.docx.ts). */
export const run = (text: string, opts: { bold?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: opts.size ?? 21, bold: opts.bold ?? false });
export const para = (text: string, opts: { bold?: boolean; size?: number; center?: boolean; after?: number } = {}) =>
  new Paragraph({
    children: [run(text, opts)],
    alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { after: opts.after ?? 80 },
  });
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const cell = (text: string, bold = false) =>
  new TableCell({
    children: [new Paragraph({ children: [run(text, { bold, size: 18 })] })],
    borders: { top: border, bottom: border, left: border, right: border },
  });

export function table(head: string[], rows: string[][]): Table | Paragraph {
  if (!rows.length) return para('无');
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ children: head.map((h) => cell(h, true)), tableHeader: true }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
}

const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '' : (fen / 100).toFixed(2));

type Block = Paragraph | Table;

function helpers(out: Block[]) {
  return {
    head: (k: keyof typeof ITEM_LABELS) => out.push(para(ITEM_LABELS[k], { bold: true })),
    notFilled: () => out.push(para('（未填报）')),
  };
}

/** Items 1-8 (家事). */
function familyBlocks(it: PartialItems, who: (id: string) => string): Block[] {
  const out: Block[] = [];
  const { head, notFilled } = helpers(out);
  head('marriage');
  if (it.marriage) {
    out.push(
      para(
        `婚姻状况：${MARITAL_LABELS[it.marriage.status]}${it.marriage.changedOn ? `（${it.marriage.changedOn} 变化）` : ''}`,
      ),
    );
  } else notFilled();
  head('passports');
  if (it.passports) {
    out.push(
      table(
        ['证件号码', '签发日期', '有效期至', '保管情况'],
        it.passports.documents.map((d) => [d.number, d.issuedOn, d.expiresOn, d.custody ?? '']),
      ),
    );
    out.push(
      table(
        ['出发日期', '回国日期', '前往国家（地区）', '事由'],
        it.passports.trips.map((t) => [t.departOn, t.returnOn, t.destination, t.purpose ?? '']),
      ),
    );
  } else notFilled();
  head('hkmtPermits');
  if (it.hkmtPermits) {
    out.push(
      table(
        ['证件', '号码', '签发日期', '有效期至'],
        it.hkmtPermits.documents.map((d) => [
          d.kind === 'taiwan' ? '往来台湾通行证' : '往来港澳通行证',
          d.number,
          d.issuedOn,
          d.expiresOn,
        ]),
      ),
    );
    out.push(
      table(
        ['出发日期', '返回日期', '地区', '事由'],
        it.hkmtPermits.trips.map((t) => [t.departOn, t.returnOn, HKMT_REGION_LABELS[t.region], t.purpose ?? '']),
      ),
    );
  } else notFilled();
  head('childForeignMarriage');
  if (it.childForeignMarriage) {
    out.push(
      table(
        ['子女', '配偶姓名', '国籍', '登记日期'],
        it.childForeignMarriage.entries.map((e) => [
          who(e.relativeId),
          e.partnerName,
          e.partnerNationality,
          e.registeredOn ?? '',
        ]),
      ),
    );
  } else notFilled();
  head('childHkmtMarriage');
  if (it.childHkmtMarriage) {
    out.push(
      table(
        ['子女', '配偶姓名', '地区', '登记日期'],
        it.childHkmtMarriage.entries.map((e) => [
          who(e.relativeId),
          e.partnerName,
          HKMT_REGION_LABELS[e.partnerRegion],
          e.registeredOn ?? '',
        ]),
      ),
    );
  } else notFilled();
  head('emigration');
  if (it.emigration) {
    out.push(
      table(
        ['亲属', '情形', '国家（地区）', '起始日期', '结束日期'],
        it.emigration.entries.map((e) => [
          who(e.relativeId),
          EMIGRATION_LABELS[e.kind],
          e.country,
          e.since,
          e.until ?? '',
        ]),
      ),
    );
  } else notFilled();
  head('employment');
  if (it.employment) {
    out.push(
      table(
        ['亲属', '工作单位', '职务', '单位性质', '高级职务'],
        it.employment.entries.map((e) => [
          who(e.relativeId),
          e.employer,
          e.post ?? '',
          EMPLOYER_TYPE_LABELS[e.employerType],
          e.seniorPost ? '是' : '否',
        ]),
      ),
    );
  } else notFilled();
  head('prosecution');
  if (it.prosecution) {
    out.push(
      table(
        ['亲属', '时间', '罪名', '处理阶段'],
        it.prosecution.entries.map((e) => [who(e.relativeId), e.on, e.charge, e.stage]),
      ),
    );
  } else notFilled();
  return out;
}

/** Items 9-14 (家产). */
function propertyBlocks(it: PartialItems, who: (id: string) => string): Block[] {
  const out: Block[] = [];
  const { head, notFilled } = helpers(out);
  head('income');
  if (it.income) {
    out.push(
      table(
        ['工资（元）', '各类奖金（元）', '津贴、补贴（元）'],
        [[yuan(it.income.salaryFen), yuan(it.income.bonusFen), yuan(it.income.allowanceFen)]],
      ),
    );
  } else notFilled();
  head('laborIncome');
  if (it.laborIncome) {
    out.push(
      table(
        ['类别', '支付单位', '金额（元）'],
        it.laborIncome.entries.map((e) => [LABOR_LABELS[e.kind], e.payer, yuan(e.amountFen)]),
      ),
    );
  } else notFilled();
  head('housing');
  if (it.housing) {
    out.push(
      table(
        ['产权人', '类型', '地址', '不动产权证号', '面积（㎡）', '取得时间', '交易价格（元）'],
        it.housing.entries.map((h) => [
          h.owner === 'self' ? '本人' : who(h.owner),
          HOUSING_KIND_LABELS[h.kind],
          h.address,
          h.certificateNo ?? '',
          String(h.areaSqm),
          h.acquiredOn ?? '',
          yuan(h.priceFen),
        ]),
      ),
    );
  } else notFilled();
  head('securities');
  if (it.securities) {
    const owner = (o: string) => (o === 'self' ? '本人' : who(o));
    out.push(
      table(
        ['持有人', '股票名称', '代码', '持股数', '市值（元）'],
        it.securities.stocks.map((s) => [owner(s.owner), s.name, s.code, String(s.shares), yuan(s.valueFen)]),
      ),
    );
    out.push(
      table(
        ['持有人', '基金名称', '代码', '份额', '净值（元）'],
        it.securities.funds.map((s) => [owner(s.owner), s.name, s.code, String(s.shares), yuan(s.valueFen)]),
      ),
    );
    out.push(
      table(
        ['投保人', '保险公司', '产品', '保单号', '累计缴纳保费（元）'],
        it.securities.insurance.map((s) => [owner(s.owner), s.company, s.product, s.policyNo, yuan(s.premiumFen)]),
      ),
    );
  } else notFilled();
  head('business');
  if (it.business) {
    out.push(
      table(
        ['亲属', '类型', '企业名称', '统一社会信用代码', '投资额（元）', '持股比例', '行业'],
        it.business.entries.map((b) => [
          who(b.relativeId),
          BUSINESS_KIND_LABELS[b.kind],
          b.name,
          b.registrationNo ?? '',
          yuan(b.investmentFen),
          `${b.sharePct}%`,
          b.sector ?? '',
        ]),
      ),
    );
  } else notFilled();
  head('abroadAssets');
  if (it.abroadAssets) {
    out.push(
      table(
        ['持有人', '类型', '国家（地区）', '机构', '金额（折合人民币元）'],
        it.abroadAssets.entries.map((a) => [
          a.owner === 'self' ? '本人' : who(a.owner),
          a.kind === 'deposit' ? '存款' : '投资',
          a.country,
          a.institution,
          yuan(a.amountFen),
        ]),
      ),
    );
  } else notFilled();
  return out;
}

export async function reportDocx(x: DocxInput): Promise<Buffer> {
  const names = new Map(x.relatives.map((r) => [r.id, `${r.relationLabel} ${r.name}`]));
  const who = (id: string) => names.get(id) ?? '';
  const body: Block[] = [
    para('领导干部个人有关事项报告表', { bold: true, size: 36, center: true, after: 120 }),
    para(`（${x.year}年度 · ${REPORT_KIND_LABELS[x.kind as keyof typeof REPORT_KIND_LABELS] ?? x.kind}）`, {
      center: true,
      after: 240,
    }),
    table(
      ['姓名', '工作单位', '现任职务', '报告时间'],
      [[x.personName, x.unitName, x.post, x.submittedAt ? dateIn(new Date(x.submittedAt)) : '（草稿，未提交）']],
    ),
    para('一、本人婚姻和家庭事项（家事）', { bold: true, size: 24 }),
    ...familyBlocks(x.items, who),
    para('二、家庭财产事项（家产）', { bold: true, size: 24 }),
    ...propertyBlocks(x.items, who),
  ];
  if (x.notes) body.push(para(`说明：${x.notes}`));
  body.push(para(`声明：${DECLARATION_TEXT}`, { bold: true }), para(`报告人签名：${x.signature ?? '（未签名）'}`));
  if (x.amendments.length) {
    body.push(
      para(`更正记录：${x.amendments.map((a) => `第${a.seq}次（${a.on}）`).join('；')}；本表为第 ${x.version} 版。`),
    );
  }
  body.push(
    para(`内容摘要（SM3）：${x.payloadHash ?? '—'}    导出时间：${formatInstant(x.exportedAt)}（北京时间）`, {
      size: 16,
    }),
  );
  const doc = new Document({
    creator: 'Banzi 班子',
    title: '领导干部个人有关事项报告表',
    sections: [{ children: body }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
