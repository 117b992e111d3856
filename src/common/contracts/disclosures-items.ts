/**
 * The 14 items of the personal-matters report (regulations.md PM-02, PM-03): 8 family items and
 * 6 property items as structured forms. Numbers a check compares are numbers: money in integer
 * fen (分), floor areas in square metres with at most two decimals, share counts as integers.
 * A relative is referred to by the id of the cadre record's family row (person_family.id);
 * 'self' is the reporter.
 */
import { z } from 'zod';
import { isoDateSchema, optionalText, text } from './common.js';

export const FAMILY_ITEM_KEYS = [
  'marriage',
  'passports',
  'hkmtPermits',
  'childForeignMarriage',
  'childHkmtMarriage',
  'emigration',
  'employment',
  'prosecution',
] as const;
export const PROPERTY_ITEM_KEYS = [
  'income',
  'laborIncome',
  'housing',
  'securities',
  'business',
  'abroadAssets',
] as const;
export const ITEM_KEYS = [...FAMILY_ITEM_KEYS, ...PROPERTY_ITEM_KEYS] as const;
export type FamilyItemKey = (typeof FAMILY_ITEM_KEYS)[number];
export type ItemKey = (typeof ITEM_KEYS)[number];

/** Item number and title as in the official form (家事 1-8, 家产 9-14). */
export const ITEM_LABELS: Record<ItemKey, string> = {
  marriage: '1. 本人婚姻情况',
  passports: '2. 本人持有普通护照以及因私出国的情况',
  hkmtPermits: '3. 本人持有往来港澳通行证、因私往来台湾通行证以及因私往来港澳、台湾的情况',
  childForeignMarriage: '4. 子女与外国人、无国籍人通婚的情况',
  childHkmtMarriage: '5. 子女与港澳以及台湾居民通婚的情况',
  emigration: '6. 配偶、子女移居国（境）外的情况，以及连续在国（境）外工作、生活一年以上的情况',
  employment: '7. 配偶、子女及其配偶的从业情况',
  prosecution: '8. 配偶、子女及其配偶被司法机关追究刑事责任的情况',
  income: '9. 本人的工资及各类奖金、津贴、补贴等',
  laborIncome: '10. 本人从事讲学、写作、咨询、审稿、书画等劳务所得',
  housing: '11. 本人、配偶、共同生活的子女为所有权人或者共有人的房产情况',
  securities: '12. 本人、配偶、共同生活的子女投资或者以其他方式持有股票、基金、投资型保险的情况',
  business: '13. 配偶、子女及其配偶经商办企业的情况',
  abroadAssets: '14. 本人、配偶、共同生活的子女在国（境）外的存款和投资情况',
};

/** Integer fen; a decimal means the amount was typed in yuan or 万元 (the wrong unit). */
export const fenSchema = z
  .number({ message: '请填写金额（单位：分）' })
  .int('金额应为以“分”为单位的整数')
  .min(0, '金额不能为负数')
  .max(1e13, '金额过大，请检查单位（分）');
export const areaSchema = z
  .number({ message: '请填写面积（平方米）' })
  .gt(0, '面积应大于 0')
  .max(100_000, '面积过大，请检查单位（平方米）')
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, '面积最多保留两位小数');
export const sharesSchema = z
  .number()
  .int('股数（份额）应为整数')
  .min(0, '股数（份额）不能为负数')
  .max(1e12, '股数（份额）过大');
/** 'self' or a family row id of the reporter */
export const ownerSchema = z.string().min(1, '请选择产权人或持有人').max(64);
export const relativeIdSchema = z.string().min(1, '请从干部档案的家庭成员中选择亲属').max(64);

export const MARITAL_STATUSES = ['married', 'unmarried', 'divorced', 'widowed'] as const;
export const MARITAL_LABELS: Record<(typeof MARITAL_STATUSES)[number], string> = {
  married: '已婚',
  unmarried: '未婚',
  divorced: '离异',
  widowed: '丧偶',
};

const trip = z.object({
  departOn: isoDateSchema,
  returnOn: isoDateSchema,
  destination: text(60, '前往国家（地区）'),
  purpose: optionalText(100, '事由'),
});
const document = z.object({
  number: text(30, '证件号码'),
  issuedOn: isoDateSchema,
  expiresOn: isoDateSchema,
  custody: optionalText(40, '保管情况'),
});

export const HKMT_KINDS = ['hk_macao', 'taiwan'] as const;
export const HKMT_REGIONS = ['hongkong', 'macao', 'taiwan'] as const;
export const HKMT_REGION_LABELS: Record<(typeof HKMT_REGIONS)[number], string> = {
  hongkong: '香港',
  macao: '澳门',
  taiwan: '台湾',
};
export const EMIGRATION_KINDS = ['emigrated', 'abroad_1y'] as const;
export const EMIGRATION_LABELS: Record<(typeof EMIGRATION_KINDS)[number], string> = {
  emigrated: '移居国（境）外',
  abroad_1y: '连续在国（境）外工作、生活一年以上',
};
export const EMPLOYER_TYPES = [
  'party_government',
  'public_institution',
  'soe',
  'private',
  'foreign',
  'foreign_ngo',
  'private_equity',
  'law_firm',
  'intermediary',
  'self_employed',
  'abroad',
  'student',
  'none',
] as const;
export const EMPLOYER_TYPE_LABELS: Record<(typeof EMPLOYER_TYPES)[number], string> = {
  party_government: '党政机关',
  public_institution: '事业单位',
  soe: '国有企业',
  private: '民营企业',
  foreign: '外资企业',
  foreign_ngo: '境外非政府组织代表机构',
  private_equity: '私募股权投资机构',
  law_firm: '律师事务所',
  intermediary: '中介机构',
  self_employed: '个体经营',
  abroad: '在国（境）外工作',
  student: '在读学生',
  none: '无工作',
};
export const LABOR_KINDS = ['lecture', 'writing', 'consulting', 'review', 'calligraphy_painting'] as const;
export const LABOR_LABELS: Record<(typeof LABOR_KINDS)[number], string> = {
  lecture: '讲学',
  writing: '写作',
  consulting: '咨询',
  review: '审稿',
  calligraphy_painting: '书画',
};
export const HOUSING_KINDS = ['residence', 'commercial', 'garage', 'parking', 'storeroom'] as const;
export const HOUSING_KIND_LABELS: Record<(typeof HOUSING_KINDS)[number], string> = {
  residence: '住宅',
  commercial: '商业用房',
  garage: '车库',
  parking: '车位',
  storeroom: '储藏间',
};
/** Garages, parking spaces and storerooms: a missing one is an omission, not concealment (PM-08). */
export const ANCILLARY_HOUSING: readonly string[] = ['garage', 'parking', 'storeroom'];
export const HOUSING_SOURCES = ['purchase', 'allocation', 'inheritance', 'gift', 'self_built', 'other'] as const;
export const BUSINESS_KINDS = [
  'unlisted_company',
  'sole_proprietorship',
  'partnership',
  'individual_business',
  'foreign_company',
  'private_equity',
  'intermediary',
  'legal_service',
] as const;
export const BUSINESS_KIND_LABELS: Record<(typeof BUSINESS_KINDS)[number], string> = {
  unlisted_company: '投资非上市公司',
  sole_proprietorship: '个人独资企业',
  partnership: '合伙企业',
  individual_business: '个体工商户',
  foreign_company: '在国（境）外注册公司',
  private_equity: '私募股权基金投资及管理',
  intermediary: '有偿中介服务',
  legal_service: '有偿法律服务',
};
export const BUSINESS_ROLES = ['investor', 'partner', 'operator', 'senior_manager', 'employee'] as const;
export const ABROAD_KINDS = ['deposit', 'investment'] as const;

export const itemsSchema = z.object({
  marriage: z.object({
    status: z.enum(MARITAL_STATUSES, { message: '请选择婚姻状况' }),
    changedOn: isoDateSchema.nullable().default(null),
  }),
  passports: z.object({ documents: z.array(document).max(20).default([]), trips: z.array(trip).max(200).default([]) }),
  hkmtPermits: z.object({
    documents: z
      .array(document.extend({ kind: z.enum(HKMT_KINDS) }))
      .max(20)
      .default([]),
    trips: z
      .array(trip.omit({ destination: true }).extend({ region: z.enum(HKMT_REGIONS) }))
      .max(200)
      .default([]),
  }),
  childForeignMarriage: z.object({
    entries: z
      .array(
        z.object({
          relativeId: relativeIdSchema,
          partnerName: text(60, '配偶姓名'),
          partnerNationality: text(40, '国籍'),
          registeredOn: isoDateSchema.nullable().default(null),
        }),
      )
      .max(20)
      .default([]),
  }),
  childHkmtMarriage: z.object({
    entries: z
      .array(
        z.object({
          relativeId: relativeIdSchema,
          partnerName: text(60, '配偶姓名'),
          partnerRegion: z.enum(HKMT_REGIONS),
          registeredOn: isoDateSchema.nullable().default(null),
        }),
      )
      .max(20)
      .default([]),
  }),
  emigration: z.object({
    entries: z
      .array(
        z.object({
          relativeId: relativeIdSchema,
          kind: z.enum(EMIGRATION_KINDS),
          country: text(40, '国家（地区）'),
          since: isoDateSchema,
          /** The day the stay ended (returned); null while it continues (PM-02: reportable by its length) */
          until: isoDateSchema.nullable().optional(),
        }),
      )
      .max(20)
      .default([]),
  }),
  employment: z.object({
    entries: z
      .array(
        z.object({
          relativeId: relativeIdSchema,
          employer: text(100, '工作单位'),
          post: optionalText(60, '职务'),
          employerType: z.enum(EMPLOYER_TYPES, { message: '请选择单位性质' }),
          seniorPost: z.boolean().default(false),
          sector: optionalText(40, '行业'),
        }),
      )
      .max(40)
      .default([]),
  }),
  prosecution: z.object({
    entries: z
      .array(
        z.object({
          relativeId: relativeIdSchema,
          on: isoDateSchema,
          charge: text(100, '罪名'),
          stage: text(60, '处理阶段'),
        }),
      )
      .max(20)
      .default([]),
  }),
  income: z.object({ salaryFen: fenSchema, bonusFen: fenSchema, allowanceFen: fenSchema }),
  laborIncome: z.object({
    entries: z
      .array(z.object({ kind: z.enum(LABOR_KINDS), payer: text(100, '支付单位'), amountFen: fenSchema }))
      .max(100)
      .default([]),
  }),
  housing: z.object({
    entries: z
      .array(
        z.object({
          owner: ownerSchema,
          kind: z.enum(HOUSING_KINDS, { message: '请选择房产类型' }),
          address: text(200, '房产地址'),
          certificateNo: optionalText(60, '不动产权证号'),
          areaSqm: areaSchema,
          acquiredOn: isoDateSchema.nullable().default(null),
          source: z.enum(HOUSING_SOURCES).default('purchase'),
          priceFen: fenSchema.nullable().default(null),
        }),
      )
      .max(50)
      .default([]),
  }),
  securities: z.object({
    stocks: z
      .array(
        z.object({
          owner: ownerSchema,
          name: text(60, '股票名称'),
          code: text(20, '股票代码'),
          shares: sharesSchema,
          valueFen: fenSchema,
        }),
      )
      .max(200)
      .default([]),
    funds: z
      .array(
        z.object({
          owner: ownerSchema,
          name: text(60, '基金名称'),
          code: text(20, '基金代码'),
          shares: sharesSchema,
          valueFen: fenSchema,
        }),
      )
      .max(200)
      .default([]),
    insurance: z
      .array(
        z.object({
          owner: ownerSchema,
          company: text(60, '保险公司'),
          product: text(60, '产品名称'),
          policyNo: text(40, '保单号'),
          premiumFen: fenSchema,
        }),
      )
      .max(100)
      .default([]),
  }),
  business: z.object({
    entries: z
      .array(
        z.object({
          relativeId: relativeIdSchema,
          kind: z.enum(BUSINESS_KINDS, { message: '请选择经商办企业类型' }),
          name: text(100, '企业名称'),
          registrationNo: optionalText(40, '统一社会信用代码'),
          investmentFen: fenSchema,
          sharePct: z.number().min(0, '持股比例不能为负数').max(100, '持股比例不能超过 100%'),
          role: z.enum(BUSINESS_ROLES),
          sector: optionalText(40, '行业'),
          since: isoDateSchema.nullable().default(null),
        }),
      )
      .max(50)
      .default([]),
  }),
  abroadAssets: z.object({
    entries: z
      .array(
        z.object({
          owner: ownerSchema,
          kind: z.enum(ABROAD_KINDS),
          country: text(40, '国家（地区）'),
          institution: text(100, '机构名称'),
          amountFen: fenSchema,
        }),
      )
      .max(50)
      .default([]),
  }),
});
export type ReportItems = z.infer<typeof itemsSchema>;
/** What a form or a registry entry may send: any subset of the items. */
export const partialItemsSchema = itemsSchema.partial();
export type PartialItems = z.infer<typeof partialItemsSchema>;

/** An empty report: every item answered "无" (none). */
export function emptyItems(): ReportItems {
  return {
    marriage: { status: 'married', changedOn: null },
    passports: { documents: [], trips: [] },
    hkmtPermits: { documents: [], trips: [] },
    childForeignMarriage: { entries: [] },
    childHkmtMarriage: { entries: [] },
    emigration: { entries: [] },
    employment: { entries: [] },
    prosecution: { entries: [] },
    income: { salaryFen: 0, bonusFen: 0, allowanceFen: 0 },
    laborIncome: { entries: [] },
    housing: { entries: [] },
    securities: { stocks: [], funds: [], insurance: [] },
    business: { entries: [] },
    abroadAssets: { entries: [] },
  };
}
