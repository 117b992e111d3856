/**
 * The 14 report items as field specs: one description drives the form (report, amendment,
 * registry entry) and the read-only tables, and converts between API values (fen, 'YYYY-MM-DD')
 * and form values (yuan, dayjs).
 */
import dayjs, { type Dayjs } from 'dayjs';
import {
  BUSINESS_KIND_LABELS,
  EMIGRATION_LABELS,
  EMPLOYER_TYPE_LABELS,
  HKMT_REGION_LABELS,
  HOUSING_KIND_LABELS,
  LABOR_LABELS,
  MARITAL_LABELS,
  type ItemKey,
  type PartialItems,
} from '../../../common/contracts/disclosures.js';

export type FieldType = 'text' | 'date' | 'money' | 'area' | 'int' | 'pct' | 'bool' | 'relative' | 'owner' | 'select';
export interface FieldSpec {
  name: string;
  label: string;
  type: FieldType;
  options?: Record<string, string>;
  relations?: string[];
  optional?: boolean;
  width?: number;
}
export interface ListSpec {
  list: string;
  title?: string;
  fields: FieldSpec[];
}
export interface ItemSpec {
  key: ItemKey;
  fields?: FieldSpec[];
  lists?: ListSpec[];
}

const CHILDREN = ['son', 'daughter'];
const CORE = ['spouse', ...CHILDREN];
const ALL = [...CORE, 'son_in_law', 'daughter_in_law'];
const f = (name: string, label: string, type: FieldType, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  label,
  type,
  ...extra,
});
const opt = { optional: true };
const trip = [f('departOn', '出发日期', 'date'), f('returnOn', '返回日期', 'date')];

export const ITEM_SPECS: ItemSpec[] = [
  {
    key: 'marriage',
    fields: [f('status', '婚姻状况', 'select', { options: MARITAL_LABELS }), f('changedOn', '变化日期', 'date', opt)],
  },
  {
    key: 'passports',
    lists: [
      {
        list: 'documents',
        title: '普通护照',
        fields: [
          f('number', '证件号码', 'text'),
          f('issuedOn', '签发日期', 'date'),
          f('expiresOn', '有效期至', 'date'),
          f('custody', '保管情况', 'text', opt),
        ],
      },
      {
        list: 'trips',
        title: '因私出国（境）',
        fields: [...trip, f('destination', '前往国家（地区）', 'text'), f('purpose', '事由', 'text', opt)],
      },
    ],
  },
  {
    key: 'hkmtPermits',
    lists: [
      {
        list: 'documents',
        title: '通行证',
        fields: [
          f('kind', '证件', 'select', { options: { hk_macao: '往来港澳通行证', taiwan: '往来台湾通行证' } }),
          f('number', '号码', 'text'),
          f('issuedOn', '签发日期', 'date'),
          f('expiresOn', '有效期至', 'date'),
          f('custody', '保管情况', 'text', opt),
        ],
      },
      {
        list: 'trips',
        title: '因私往来港澳台',
        fields: [
          ...trip,
          f('region', '地区', 'select', { options: HKMT_REGION_LABELS }),
          f('purpose', '事由', 'text', opt),
        ],
      },
    ],
  },
  {
    key: 'childForeignMarriage',
    lists: [
      {
        list: 'entries',
        fields: [
          f('relativeId', '子女', 'relative', { relations: CHILDREN }),
          f('partnerName', '配偶姓名', 'text'),
          f('partnerNationality', '国籍', 'text'),
          f('registeredOn', '登记日期', 'date', opt),
        ],
      },
    ],
  },
  {
    key: 'childHkmtMarriage',
    lists: [
      {
        list: 'entries',
        fields: [
          f('relativeId', '子女', 'relative', { relations: CHILDREN }),
          f('partnerName', '配偶姓名', 'text'),
          f('partnerRegion', '地区', 'select', { options: HKMT_REGION_LABELS }),
          f('registeredOn', '登记日期', 'date', opt),
        ],
      },
    ],
  },
  {
    key: 'emigration',
    lists: [
      {
        list: 'entries',
        fields: [
          f('relativeId', '亲属', 'relative', { relations: CORE }),
          f('kind', '情形', 'select', { options: EMIGRATION_LABELS, width: 220 }),
          f('country', '国家（地区）', 'text'),
          f('since', '起始日期', 'date'),
          f('until', '结束日期（仍在外的不填）', 'date', opt),
        ],
      },
    ],
  },
  {
    key: 'employment',
    lists: [
      {
        list: 'entries',
        fields: [
          f('relativeId', '亲属', 'relative', { relations: ALL }),
          f('employer', '工作单位', 'text', { width: 200 }),
          f('post', '职务', 'text', opt),
          f('employerType', '单位性质', 'select', { options: EMPLOYER_TYPE_LABELS, width: 170 }),
          f('seniorPost', '高级职务', 'bool'),
          f('sector', '行业', 'text', opt),
        ],
      },
    ],
  },
  {
    key: 'prosecution',
    lists: [
      {
        list: 'entries',
        fields: [
          f('relativeId', '亲属', 'relative', { relations: ALL }),
          f('on', '时间', 'date'),
          f('charge', '罪名', 'text'),
          f('stage', '处理阶段', 'text'),
        ],
      },
    ],
  },
  {
    key: 'income',
    fields: [
      f('salaryFen', '工资（元）', 'money'),
      f('bonusFen', '各类奖金（元）', 'money'),
      f('allowanceFen', '津贴、补贴（元）', 'money'),
    ],
  },
  {
    key: 'laborIncome',
    lists: [
      {
        list: 'entries',
        fields: [
          f('kind', '类别', 'select', { options: LABOR_LABELS }),
          f('payer', '支付单位', 'text', { width: 200 }),
          f('amountFen', '金额（元）', 'money'),
        ],
      },
    ],
  },
  {
    key: 'housing',
    lists: [
      {
        list: 'entries',
        fields: [
          f('owner', '产权人', 'owner'),
          f('kind', '类型', 'select', { options: HOUSING_KIND_LABELS }),
          f('address', '地址', 'text', { width: 240 }),
          f('certificateNo', '不动产权证号', 'text', { ...opt, width: 200 }),
          f('areaSqm', '面积（㎡）', 'area'),
          f('acquiredOn', '取得时间', 'date', opt),
          f('source', '来源', 'select', {
            options: {
              purchase: '购买',
              allocation: '分配',
              inheritance: '继承',
              gift: '受赠',
              self_built: '自建',
              other: '其他',
            },
          }),
          f('priceFen', '交易价格（元）', 'money', opt),
        ],
      },
    ],
  },
  {
    key: 'securities',
    lists: [
      {
        list: 'stocks',
        title: '股票',
        fields: [
          f('owner', '持有人', 'owner'),
          f('name', '名称', 'text'),
          f('code', '代码', 'text'),
          f('shares', '持股数', 'int'),
          f('valueFen', '市值（元）', 'money'),
        ],
      },
      {
        list: 'funds',
        title: '基金',
        fields: [
          f('owner', '持有人', 'owner'),
          f('name', '名称', 'text'),
          f('code', '代码', 'text'),
          f('shares', '份额', 'int'),
          f('valueFen', '净值（元）', 'money'),
        ],
      },
      {
        list: 'insurance',
        title: '投资型保险',
        fields: [
          f('owner', '投保人', 'owner'),
          f('company', '保险公司', 'text'),
          f('product', '产品', 'text'),
          f('policyNo', '保单号', 'text'),
          f('premiumFen', '累计保费（元）', 'money'),
        ],
      },
    ],
  },
  {
    key: 'business',
    lists: [
      {
        list: 'entries',
        fields: [
          f('relativeId', '亲属', 'relative', { relations: ALL }),
          f('kind', '类型', 'select', { options: BUSINESS_KIND_LABELS, width: 180 }),
          f('name', '企业名称', 'text', { width: 200 }),
          f('registrationNo', '统一社会信用代码', 'text', { ...opt, width: 180 }),
          f('investmentFen', '投资额（元）', 'money'),
          f('sharePct', '持股比例（%）', 'pct'),
          f('role', '角色', 'select', {
            options: {
              investor: '出资人',
              partner: '合伙人',
              operator: '经营者',
              senior_manager: '高级管理人员',
              employee: '职员',
            },
          }),
          f('sector', '行业', 'text', opt),
          f('since', '起始日期', 'date', opt),
        ],
      },
    ],
  },
  {
    key: 'abroadAssets',
    lists: [
      {
        list: 'entries',
        fields: [
          f('owner', '持有人', 'owner'),
          f('kind', '类型', 'select', { options: { deposit: '存款', investment: '投资' } }),
          f('country', '国家（地区）', 'text'),
          f('institution', '机构', 'text', { width: 200 }),
          f('amountFen', '金额（折合人民币元）', 'money'),
        ],
      },
    ],
  },
];

export const FAMILY_SPECS = ITEM_SPECS.slice(0, 8);
export const PROPERTY_SPECS = ITEM_SPECS.slice(8);

type Row = Record<string, unknown>;

function fieldToForm(s: FieldSpec, v: unknown): unknown {
  if (s.type === 'date') return typeof v === 'string' ? dayjs(v) : null;
  if (s.type === 'money') return typeof v === 'number' ? v / 100 : null;
  return v ?? null;
}

function fieldFromForm(s: FieldSpec, v: unknown): unknown {
  if (s.type === 'date') return v ? (v as Dayjs).format('YYYY-MM-DD') : null;
  if (s.type === 'money') return typeof v === 'number' ? Math.round(v * 100) : s.optional ? null : v;
  if (s.type === 'bool') return v === true;
  if (s.type === 'text') return typeof v === 'string' && v.trim() === '' ? (s.optional ? null : '') : v;
  return v ?? null;
}

const mapRow = (fields: FieldSpec[], row: Row, fn: (s: FieldSpec, v: unknown) => unknown): Row =>
  Object.fromEntries(fields.map((s) => [s.name, fn(s, row[s.name])]));

function mapItem(spec: ItemSpec, value: unknown, fn: (s: FieldSpec, v: unknown) => unknown): Row {
  const v = (value ?? {}) as Row;
  if (spec.fields) return mapRow(spec.fields, v, fn);
  return Object.fromEntries(
    (spec.lists ?? []).map((l) => [
      l.list,
      ((v[l.list] as Row[] | undefined) ?? []).map((r) => mapRow(l.fields, r, fn)),
    ]),
  );
}

/** API items -> form values (only the items present). */
export function toFormItems(items: PartialItems): Row {
  return Object.fromEntries(
    ITEM_SPECS.filter((s) => items[s.key] !== undefined).map((s) => [s.key, mapItem(s, items[s.key], fieldToForm)]),
  );
}

/** Form values -> API items, for the given item keys. */
export function fromFormItems(values: Row, keys: readonly ItemKey[]): PartialItems {
  const out: Row = Object.fromEntries(
    ITEM_SPECS.filter((s) => keys.includes(s.key)).map((s) => [s.key, mapItem(s, values[s.key], fieldFromForm)]),
  );
  return out;
}

/** An empty row of a list (for "add"). */
export function emptyRow(l: ListSpec): Row {
  return Object.fromEntries(
    l.fields.map((s) => [s.name, s.type === 'bool' ? false : s.type === 'owner' ? 'self' : null]),
  );
}

/** A value as text for the read-only tables. */
export function showValue(s: FieldSpec, v: unknown, who: (id: string) => string): string {
  if (v === null || v === undefined || v === '') return '—';
  const text =
    typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
  switch (s.type) {
    case 'money':
      return typeof v === 'number'
        ? (v / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
        : text;
    case 'bool':
      return v === true ? '是' : '否';
    case 'select':
      return s.options?.[text] ?? text;
    case 'relative':
      return who(text);
    case 'owner':
      return text === 'self' ? '本人' : who(text);
    case 'pct':
      return `${text}%`;
    case 'text':
    case 'date':
    case 'area':
    case 'int':
      return text;
  }
}
