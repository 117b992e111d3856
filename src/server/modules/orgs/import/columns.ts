/**
 * The import template's sheets and columns (issue 16 §1), shared by the template the UI and the
 * CLI hand out and by the reader: units keyed by their code, people by their ID number, team
 * memberships by unit, person and start date. Headers are matched by their text, so a user who
 * reorders the columns still imports correctly.
 */
import {
  ORGAN_TYPE_LABELS,
  TEAM_POSTS,
  UNIT_LEVEL_LABELS,
  teamPostLabel,
  type ORGAN_TYPES,
} from '../../../../common/contracts/orgs.js';
import { ETHNICITIES, POLITICAL_STATUS_LABELS } from '../../../../common/contracts/people.js';
import { RANKS } from '../../../../common/ranks.js';

export type ColumnKind = 'text' | 'id' | 'date' | 'month' | 'int';

export interface Column<K extends string = string> {
  key: K;
  header: string;
  required?: boolean;
  kind?: ColumnKind;
  width: number;
  /** Shown in the 说明 sheet */
  note: string;
  /** A drop-down list in the template */
  list?: readonly string[];
}

export const SHEETS = { units: '单位', team: '班子成员', people: '人员' } as const;
export type SheetKey = keyof typeof SHEETS;

const YES_NO = ['是', '否'] as const;

export const UNIT_COLUMNS = [
  {
    key: 'code',
    header: '单位代码',
    required: true,
    width: 14,
    note: '必填，唯一（如海关代码 6500）；再次导入时按代码匹配',
  },
  { key: 'name', header: '单位名称', required: true, width: 26, note: '必填，如“阿勒泰海关”' },
  { key: 'shortName', header: '简称', width: 12, note: '可空，空则同单位名称' },
  {
    key: 'parentCode',
    header: '上级单位代码',
    width: 14,
    note: '根单位留空（根单位先在服务器上用 banzi units create-root 创建）；其他单位填本表或系统中已有单位的代码',
  },
  {
    key: 'level',
    header: '层级',
    required: true,
    width: 12,
    note: '必填，从下拉列表选择',
    list: Object.values(UNIT_LEVEL_LABELS),
  },
  {
    key: 'organType',
    header: '党组织类型',
    required: true,
    width: 14,
    note: '必填：党组、党组性质党委或党委',
    list: Object.values(ORGAN_TYPE_LABELS),
  },
  { key: 'sortOrder', header: '排序', kind: 'int', width: 8, note: '可空，整数，越小越靠前' },
] as const satisfies readonly Column[];

export const PEOPLE_COLUMNS = [
  {
    key: 'idNumber',
    header: '身份证号',
    required: true,
    kind: 'id',
    width: 22,
    note: '必填，18 位（GB 11643，ID-01）；按身份证号匹配已有档案。请以文本格式填写',
  },
  { key: 'name', header: '姓名', required: true, width: 12, note: '必填' },
  { key: 'sex', header: '性别', width: 8, note: '可空：按身份证号；填写时须与身份证号一致', list: ['男', '女'] },
  { key: 'birthMonth', header: '出生年月', kind: 'month', width: 12, note: '可空：按身份证号；格式 1975-03' },
  { key: 'ethnicity', header: '民族', required: true, width: 12, note: '必填，如“汉族”', list: ETHNICITIES },
  {
    key: 'politicalStatus',
    header: '政治面貌',
    required: true,
    width: 14,
    note: '必填，从下拉列表选择',
    list: Object.values(POLITICAL_STATUS_LABELS),
  },
  { key: 'unitCode', header: '所在单位代码', required: true, width: 14, note: '必填：人事关系所在单位的代码' },
  { key: 'postTitle', header: '现任职务', width: 18, note: '可空，如“副关长”“监管科科长”' },
  {
    key: 'postStartDate',
    header: '任现职务时间',
    kind: 'date',
    width: 14,
    note: '填写现任职务时必填，格式 2021-03-15',
  },
  { key: 'rank', header: '职务职级', width: 22, note: '可空，从下拉列表选择', list: RANKS.map((r) => r.zh) },
  { key: 'rankStartDate', header: '任现职级时间', kind: 'date', width: 14, note: '填写职务职级时必填' },
  { key: 'workStartDate', header: '参加工作时间', kind: 'date', width: 14, note: '可空' },
  { key: 'partyJoinDate', header: '入党时间', kind: 'date', width: 14, note: '可空；须年满十八岁（党章第一条）' },
  { key: 'nativePlace', header: '籍贯', width: 14, note: '可空' },
  { key: 'birthplace', header: '出生地', width: 14, note: '可空' },
  { key: 'professionalTitle', header: '专业技术职务', width: 16, note: '可空' },
] as const satisfies readonly Column[];

export const TEAM_COLUMNS = [
  { key: 'unitCode', header: '单位代码', required: true, width: 14, note: '必填：班子所在单位' },
  {
    key: 'idNumber',
    header: '身份证号',
    required: true,
    kind: 'id',
    width: 22,
    note: '必填：此人须在“人员”表或系统中',
  },
  { key: 'name', header: '姓名', width: 12, note: '可空，填写时用于核对' },
  {
    key: 'teamPost',
    header: '班子职务',
    required: true,
    width: 22,
    note: '必填：书记、副书记、成员、纪检组组长（纪委书记）或班子成员（非党组成员）',
    list: ['书记', '副书记', '成员', '纪检组组长', '纪委书记', '班子成员（非党组成员）'],
  },
  { key: 'adminPost', header: '行政职务', width: 14, note: '可空，如“关长”“副关长”' },
  {
    key: 'isPartyGroupMember',
    header: '是否党组（党委）成员',
    width: 12,
    note: '可空：默认“是”，非党组成员的班子成员为“否”',
    list: YES_NO,
  },
  { key: 'divisionOfWork', header: '分工', width: 30, note: '可空' },
  { key: 'startDate', header: '任职开始日期', required: true, kind: 'date', width: 14, note: '必填，格式 2021-03-15' },
  { key: 'endDate', header: '任职结束日期', kind: 'date', width: 14, note: '可空：现任留空；填写历史任职时必填' },
  { key: 'endReason', header: '结束原因', width: 20, note: '填写结束日期时必填' },
  { key: 'sortOrder', header: '排序', kind: 'int', width: 8, note: '可空，整数，越小越靠前' },
] as const satisfies readonly Column[];

export type UnitKey = (typeof UNIT_COLUMNS)[number]['key'];
export type PersonKey = (typeof PEOPLE_COLUMNS)[number]['key'];
export type TeamKey = (typeof TEAM_COLUMNS)[number]['key'];

export const COLUMNS = { units: UNIT_COLUMNS, people: PEOPLE_COLUMNS, team: TEAM_COLUMNS } as const;

export function header(sheet: SheetKey, key: string): string {
  return (COLUMNS[sheet] as readonly Column[]).find((c) => c.key === key)?.header ?? key;
}

/** Value from a Chinese label or the code itself. */
function fromLabels<T extends string>(labels: Record<T, string>, v: string): T | null {
  for (const [code, label] of Object.entries(labels) as [T, string][]) if (label === v || code === v) return code;
  return null;
}

export const parseLevel = (v: string) => fromLabels(UNIT_LEVEL_LABELS, v);
export const parseOrganType = (v: string) => fromLabels(ORGAN_TYPE_LABELS, v);
export const parsePolitical = (v: string) => fromLabels(POLITICAL_STATUS_LABELS, v);

export function parseSex(v: string): 'M' | 'F' | null {
  if (v === '男' || v === 'M') return 'M';
  if (v === '女' || v === 'F') return 'F';
  return null;
}

export function parseEthnicity(v: string): string | null {
  const withSuffix = v.endsWith('族') ? v : `${v}族`;
  return (ETHNICITIES as readonly string[]).find((e) => e === v || e === withSuffix) ?? null;
}

export function parseRank(v: string): string | null {
  return RANKS.find((r) => r.zh === v || r.code === v)?.code ?? null;
}

export function parseYesNo(v: string): boolean | null {
  if (v === '是' || v === 'Y' || v === '1') return true;
  if (v === '否' || v === 'N' || v === '0') return false;
  return null;
}

/** A team post from its short or full label, for either organ type (党组 or 党委). */
export function parseTeamPost(v: string): (typeof TEAM_POSTS)[number] | null {
  const organs: (typeof ORGAN_TYPES)[number][] = ['party_group', 'party_committee'];
  const short: Record<string, (typeof TEAM_POSTS)[number]> = {
    书记: 'secretary',
    副书记: 'deputy_secretary',
    成员: 'member',
    委员: 'member',
    纪检组组长: 'discipline_head',
    纪委书记: 'discipline_head',
    '班子成员（非党组成员）': 'non_member_leader',
    '班子成员（非党委成员）': 'non_member_leader',
    非党组成员班子成员: 'non_member_leader',
  };
  if (short[v]) return short[v];
  for (const post of TEAM_POSTS) {
    if (post === v || organs.some((o) => teamPostLabel(post, o) === v)) return post;
  }
  return null;
}
