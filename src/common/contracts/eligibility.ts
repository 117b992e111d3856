/**
 * Influence periods (regulations.md §17) and the restrictions they put on a person today.
 */
import { z } from 'zod';
import { citationSchema } from './common.js';

/** What a period blocks (§17 "blocks"), plus PM-11's bar on being an inspection candidate. */
export const INFLUENCE_BLOCKS = [
  'promotion',
  'reserve_listing',
  'important_use',
  'inspection_candidate',
  'excellent_grade',
  'any_grade',
  'party_post',
  'pay_step',
  'leading_post',
  'forced_incompetent',
  'exchange_or_exit',
] as const;
export type InfluenceBlock = (typeof INFLUENCE_BLOCKS)[number];

export const INFLUENCE_BLOCK_LABELS: Record<InfluenceBlock, string> = {
  promotion: '不得提拔（晋升职务、职级）',
  reserve_listing: '不得列入后备干部名单',
  important_use: '不得重用或调整到重要岗位',
  inspection_candidate: '不得列为考察对象（特殊岗位除外）',
  excellent_grade: '不得评为优秀',
  any_grade: '不确定考核等次',
  party_post: '不得担任相当或更高党内职务',
  pay_step: '不得晋升工资档次',
  leading_post: '不安排领导职务',
  forced_incompetent: '当年考核定为不称职',
  exchange_or_exit: '不得交流、办理退休；未经同意不得出境、辞去公职',
};

export const INFLUENCE_MEASURE_LABELS: Record<string, string> = {
  pm_concealment_case: '个人有关事项报告隐瞒不报（案件办理中）',
  pm11_emigration: '配偶（或无配偶时全部子女）已移居国（境）外',
};

export const influencePeriodSchema = z.object({
  id: z.string(),
  measure: z.string(),
  measureLabel: z.string(),
  ruleId: z.string(),
  sourceType: z.string().nullable(),
  sourceId: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  blocks: z.array(z.enum(INFLUENCE_BLOCKS)),
  citation: citationSchema,
  note: z.string().nullable(),
  active: z.boolean(),
});
export type InfluencePeriod = z.infer<typeof influencePeriodSchema>;

export const activeBlockSchema = z.object({
  block: z.enum(INFLUENCE_BLOCKS),
  label: z.string(),
  /** Last day of the block: the latest end among its sources; null while any source is open */
  until: z.string().nullable(),
  periodIds: z.array(z.string()),
});

export const restrictionsSchema = z.object({
  personId: z.string(),
  date: z.string(),
  active: z.array(activeBlockSchema),
  periods: z.array(influencePeriodSchema),
});
export type Restrictions = z.infer<typeof restrictionsSchema>;
