/**
 * Personal-matters reports (个人有关事项报告), relatives' business, verifiable spot-check draws,
 * checks, classification and handling (regulations.md §5-6). Item schemas: disclosures-items.ts.
 */
import { z } from 'zod';
import { findingSchema, idSchema, isoDateSchema, optionalText, text } from './common.js';
import { ITEM_KEYS, partialItemsSchema } from './disclosures-items.js';

export * from './disclosures-items.js';

export const REPORT_KINDS = ['annual', 'first', 'change'] as const;
export const REPORT_KIND_LABELS: Record<(typeof REPORT_KINDS)[number], string> = {
  annual: '年度集中报告',
  first: '首次报告（新纳入报告范围）',
  change: '事项变化报告',
};
export const DEADLINE_STATUSES = ['upcoming', 'reminder', 'overdue', 'on_time', 'late', 'unknown'] as const;
export const DEADLINE_STATUS_LABELS: Record<(typeof DEADLINE_STATUSES)[number], string> = {
  upcoming: '未到报告期',
  reminder: '报告期内，请按时报告',
  overdue: '已逾期未报告',
  on_time: '按时报告',
  late: '逾期报告',
  unknown: '期限无法计算',
};
export const CLASSIFICATIONS = ['consistent', 'omission', 'concealment', 'not_checked'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
export const CLASSIFICATION_LABELS: Record<Classification, string> = {
  consistent: '一致',
  omission: '漏报',
  concealment: '隐瞒不报',
  not_checked: '未查核',
};
export const CHECK_KINDS = ['random', 'targeted', 'pre_promotion'] as const;
export const CHECK_KIND_LABELS: Record<(typeof CHECK_KINDS)[number], string> = {
  random: '随机抽查',
  targeted: '重点抽查',
  pre_promotion: '凡提必核',
};
export const PRE_PROMOTION_TRIGGERS = ['promotion_division_deputy', 'reserve_bureau_deputy', 'important_post'] as const;
export const TRIGGER_LABELS: Record<(typeof PRE_PROMOTION_TRIGGERS)[number], string> = {
  promotion_division_deputy: '拟提拔为副处级以上',
  reserve_bureau_deputy: '拟列为副厅局级后备干部人选',
  important_post: '拟调整到重要岗位',
};
export const SEVERITIES = ['minor', 'serious'] as const;
export const SEVERITY_LABELS: Record<(typeof SEVERITIES)[number], string> = { minor: '情节较轻', serious: '情节较重' };
export const FB_ACTIVITIES = [
  'enterprise_investment',
  'private_senior_post',
  'foreign_senior_post',
  'private_equity',
  'paid_intermediary',
  'legal_service',
] as const;
export type FbActivity = (typeof FB_ACTIVITIES)[number];
export const FB_ACTIVITY_LABELS: Record<FbActivity, string> = {
  enterprise_investment: '投资开办企业',
  private_senior_post: '在民营企业担任高级职务',
  foreign_senior_post: '在外资企业或境外非政府组织代表机构担任由外方委派、聘任的高级职务',
  private_equity: '从事私募股权基金投资及管理',
  paid_intermediary: '从事有偿中介服务',
  legal_service: '从事有偿法律服务',
};
export const FB_OUTCOMES = ['relative_exit', 'cadre_adjusted'] as const;
export const FB_OUTCOME_LABELS: Record<(typeof FB_OUTCOMES)[number], string> = {
  relative_exit: '亲属退出经营活动',
  cadre_adjusted: '领导干部退出现职、接受岗位调整',
};
/** The declaration a reporter signs on submission (PM-02..PM-04); the report is then frozen. */
export const DECLARATION_TEXT =
  '本人已如实、完整报告上述个人有关事项，对报告内容的真实性、完整性负责，自觉接受组织监督；如有漏报、瞒报，愿意接受组织处理。';

const yearSchema = z.coerce
  .number()
  .int('年度应为整数')
  .min(2000, '年度不早于 2000 年')
  .max(2100, '年度不晚于 2100 年');
const ratioSchema = z
  .number()
  .min(0, '比例不能为负数')
  .max(1, '比例不能超过 1')
  .refine((v) => Math.abs(v * 10000 - Math.round(v * 10000)) < 1e-6, '比例最多保留四位小数');

export const relativeSchema = z.object({
  id: z.string(),
  relation: z.string(),
  relationLabel: z.string(),
  name: z.string(),
});
export const deadlineSchema = z.object({
  dueDate: z.string().nullable(),
  reminderFrom: z.string().nullable(),
  status: z.enum(DEADLINE_STATUSES),
  message: z.string().nullable(),
});

// ── reports ─────────────────────────────────────────────────────────────────
export const createReportBodySchema = z.object({
  year: yearSchema,
  /** annual (stored as 'first' when the cadre became a reporter during that year) or a change report */
  kind: z.enum(['annual', 'change']).default('annual'),
  /** Change reports: the day the family matter changed (PM-05) */
  eventDate: isoDateSchema.nullable().optional(),
  /** Start from the last submitted report, so only changes are typed (default yes) */
  prefill: z.boolean().default(true),
  items: partialItemsSchema.optional(),
  notes: optionalText(2000, '说明'),
});
export const updateReportBodySchema = z.object({ items: partialItemsSchema, notes: optionalText(2000, '说明') });
export const submitReportBodySchema = z.object({
  declaration: z.literal(true, { message: '请确认报告声明' }),
  signature: text(40, '签名'),
});
export const amendmentBodySchema = z.object({
  reason: text(500, '更正原因'),
  items: partialItemsSchema,
  notes: optionalText(2000, '说明'),
});

export const reportSummarySchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  kind: z.enum(REPORT_KINDS),
  eventDate: z.string().nullable(),
  status: z.enum(['draft', 'submitted']),
  deadline: deadlineSchema,
  submittedAt: z.string().nullable(),
  amendmentCount: z.number().int(),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;
export const amendmentSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  amendedOn: z.string(),
  amendedAt: z.string(),
  reason: z.string(),
  changedItems: z.array(z.enum(ITEM_KEYS)),
  by: z.string(),
});
export const reportDetailSchema = reportSummarySchema.extend({
  /** 0 = as submitted (or the draft), n = after the n-th amendment */
  version: z.number().int(),
  items: partialItemsSchema,
  notes: z.string().nullable(),
  relatives: z.array(relativeSchema),
  amendments: z.array(amendmentSchema),
  declarationText: z.string().nullable(),
  signature: z.string().nullable(),
  /** SM3 of the frozen content as submitted (and of each amendment) */
  payloadHash: z.string().nullable(),
  findings: z.array(findingSchema),
  canEdit: z.boolean(),
  canAmend: z.boolean(),
});
export type ReportDetail = z.infer<typeof reportDetailSchema>;
export const reportListQuerySchema = z.object({
  unitId: idSchema.optional(),
  year: yearSchema.optional(),
  personId: idSchema.optional(),
});
export const readEventSchema = z.object({
  at: z.string(),
  actorName: z.string(),
  self: z.boolean(),
  purpose: z.string(),
  reportId: z.string(),
  year: z.number().int(),
});

// ── who reports (PM-01) ─────────────────────────────────────────────────────
export const subjectRowSchema = z.object({
  personId: z.string(),
  personName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  post: z.string().nullable(),
  rankLabel: z.string().nullable(),
  isSubject: z.boolean(),
  basis: z.enum(['rank', 'special']).nullable(),
  since: z.string().nullable(),
  specialId: z.string().nullable(),
  specialReason: z.string().nullable(),
  report: reportSummarySchema.nullable(),
  deadline: deadlineSchema.nullable(),
});
export const subjectsQuerySchema = z.object({
  unitId: idSchema,
  year: yearSchema.optional(),
  all: z.enum(['0', '1']).default('0'),
});
export const subjectsSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  canManage: z.boolean(),
  items: z.array(subjectRowSchema),
});
export const specialSubjectBodySchema = z.object({
  personId: idSchema,
  reason: text(300, '纳入报告范围的理由'),
  startDate: isoDateSchema,
});
export const endSpecialSubjectBodySchema = z.object({ endDate: isoDateSchema });

// ── draws (PM-06) ───────────────────────────────────────────────────────────
export const DRAW_STATUSES = ['prepared', 'published', 'drawn'] as const;
export const DRAW_STATUS_LABELS: Record<(typeof DRAW_STATUSES)[number], string> = {
  prepared: '已准备（未公布）',
  published: '已公布承诺',
  drawn: '已抽取',
};
export const createDrawBodySchema = z.object({ unitId: idSchema, year: yearSchema, ratio: ratioSchema.optional() });
export const performDrawBodySchema = z.object({ publicValue: text(500, '公开随机值') });
export const drawPersonSchema = z.object({ id: z.string(), name: z.string(), unitName: z.string() });
export const drawSummarySchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  ratio: z.number(),
  ratioBasisPoints: z.number().int(),
  status: z.enum(DRAW_STATUSES),
  eligibleCount: z.number().int(),
  selectCount: z.number().int(),
  commitment: z.string(),
  inputsDigest: z.string().nullable(),
  publishedAt: z.string().nullable(),
  drawnAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  verifiedOk: z.boolean().nullable(),
});
export const drawDetailSchema = drawSummarySchema.extend({
  eligible: z.array(drawPersonSchema),
  seed: z.string().nullable(),
  publicValue: z.string().nullable(),
  selected: z.array(drawPersonSchema.extend({ rank: z.number().int(), score: z.string() })),
  canPublish: z.boolean(),
  canDraw: z.boolean(),
  canDelete: z.boolean(),
});
/** The JSON file a draw page offers: everything `banzi disclosures verify-draw` needs. */
export const drawFileSchema = z.object({
  format: z.literal('banzi-disclosure-draw/1'),
  unitId: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  ratio: z.string(),
  ratioBasisPoints: z.number().int(),
  eligible: z.array(drawPersonSchema),
  commitment: z.string(),
  inputsDigest: z.string(),
  publishedAt: z.string(),
  seed: z.string(),
  publicValue: z.string(),
  drawnAt: z.string(),
  selectCount: z.number().int(),
  selected: z.array(z.string()),
  algorithm: z.string(),
});
export type DrawFile = z.infer<typeof drawFileSchema>;
export const verifyResultSchema = z.object({
  ok: z.boolean(),
  problems: z.array(z.string()),
  selected: z.array(z.string()),
  /** The result was recorded on the draw (only the owning personnel office's verification is) */
  recorded: z.boolean(),
});

// ── checks (PM-06..PM-08) ───────────────────────────────────────────────────
export const createCheckBodySchema = z.object({
  personId: idSchema,
  year: yearSchema,
  kind: z.enum(['targeted', 'pre_promotion']),
  trigger: z.enum(PRE_PROMOTION_TRIGGERS).nullable().optional(),
  reason: text(500, '查核理由'),
});
export const assetsSchema = z.object({
  familyAssetsFen: z.number().int('金额应为以“分”为单位的整数').min(0),
  normalIncomeFen: z.number().int('金额应为以“分”为单位的整数').min(0),
});
export const registryBodySchema = z.object({ items: partialItemsSchema, assets: assetsSchema.nullable().optional() });
export const registryBatchBodySchema = z.object({
  entries: z
    .array(registryBodySchema.extend({ checkId: idSchema }))
    .min(1, '请至少录入一条')
    .max(1000, '每批最多 1000 条'),
});
export const reasonSchema = z.object({
  code: z.string(),
  message_zh: z.string(),
  ruleId: z.string(),
  classification: z.enum(CLASSIFICATIONS),
});
export const itemResultSchema = z.object({
  item: z.enum(ITEM_KEYS),
  label: z.string(),
  classification: z.enum(CLASSIFICATIONS),
  reasons: z.array(reasonSchema),
});
export const checkSummarySchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  kind: z.enum(CHECK_KINDS),
  trigger: z.enum(PRE_PROMOTION_TRIGGERS).nullable(),
  drawId: z.string().nullable(),
  status: z.enum(['pending', 'classified']),
  result: z.enum(CLASSIFICATIONS).nullable(),
  assetsFlag: z.boolean(),
  createdAt: z.string(),
  checkedAt: z.string().nullable(),
});
export const explanationSchema = z.object({
  id: z.string(),
  kind: z.enum(['discrepancy', 'assets_income']),
  status: z.enum(['requested', 'filed']),
  requestedAt: z.string(),
  text: z.string().nullable(),
  filedAt: z.string().nullable(),
});
export const checkDetailSchema = checkSummarySchema.extend({
  reason: z.string().nullable(),
  report: z.object({ id: z.string(), version: z.number().int(), items: partialItemsSchema }).nullable(),
  relatives: z.array(relativeSchema),
  registry: z.object({ items: partialItemsSchema, assets: assetsSchema.nullable() }).nullable(),
  results: z.array(itemResultSchema),
  findings: z.array(findingSchema),
  explanations: z.array(explanationSchema),
  caseId: z.string().nullable(),
  canEnter: z.boolean(),
  canExplain: z.boolean(),
});
export const checkListQuerySchema = z.object({
  unitId: idSchema.optional(),
  year: yearSchema.optional(),
  kind: z.enum(CHECK_KINDS).optional(),
  drawId: idSchema.optional(),
});
export const explanationBodySchema = z.object({ text: text(4000, '说明') });

// ── handling (PM-09..PM-11) ─────────────────────────────────────────────────
export const caseSchema = z.object({
  id: z.string(),
  checkId: z.string(),
  personId: z.string(),
  personName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  classification: z.enum(['omission', 'concealment']),
  severity: z.enum(SEVERITIES).nullable(),
  status: z.enum(['open', 'decided', 'closed']),
  measures: z.array(z.string()),
  allowedMeasures: z.record(z.string(), z.array(z.string())),
  referDiscipline: z.boolean(),
  note: z.string().nullable(),
  openedOn: z.string(),
  decidedAt: z.string().nullable(),
  closedOn: z.string().nullable(),
  restrictionActive: z.boolean(),
  findings: z.array(findingSchema),
  canDecide: z.boolean(),
  canClose: z.boolean(),
});
export const decideCaseBodySchema = z.object({
  severity: z.enum(SEVERITIES, { message: '请选择情节' }),
  measures: z.array(text(40, '处理措施')).min(1, '请至少选择一项处理措施').max(10),
  note: optionalText(2000, '处理意见'),
  referDiscipline: z.boolean().default(false),
});
export const closeCaseBodySchema = z.object({ note: optionalText(2000, '结案说明') });
export const businessCaseSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  reportId: z.string().nullable(),
  relativeName: z.string(),
  relationLabel: z.string(),
  activity: z.string(),
  activityLabel: z.string(),
  ruleId: z.string(),
  detail: z.string(),
  status: z.enum(['open', 'resolved']),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  outcome: z.enum(FB_OUTCOMES).nullable(),
  resolvedOn: z.string().nullable(),
  note: z.string().nullable(),
  findings: z.array(findingSchema),
  canResolve: z.boolean(),
});
export const resolveBusinessCaseBodySchema = z.object({
  outcome: z.enum(FB_OUTCOMES, { message: '请选择处理结果' }),
  resolvedOn: isoDateSchema,
  note: optionalText(2000, '说明'),
});
export const unitQuerySchema = z.object({ unitId: idSchema, year: yearSchema.optional() });
export const optionalUnitQuerySchema = z.object({ unitId: idSchema.optional(), year: yearSchema.optional() });

// ── statistics and publication ──────────────────────────────────────────────
export const statsRowSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  expected: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
  onTimeRate: z.number().nullable(),
  amendments: z.number().int(),
  checked: z.number().int(),
  consistent: z.number().int(),
  consistencyRate: z.number().nullable(),
  omissions: z.number().int(),
  concealments: z.number().int(),
});
export const statsSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  rows: z.array(statsRowSchema),
  totals: statsRowSchema,
  byItem: z.array(
    z.object({
      item: z.enum(ITEM_KEYS),
      label: z.string(),
      omissions: z.number().int(),
      concealments: z.number().int(),
    }),
  ),
  years: z.array(
    z.object({
      year: z.number().int(),
      submitted: z.number().int(),
      onTime: z.number().int(),
      checked: z.number().int(),
      consistent: z.number().int(),
    }),
  ),
});
export const publicationSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  enabled: z.boolean(),
  rows: z.array(
    z.object({
      personName: z.string(),
      relationLabel: z.string(),
      employer: z.string(),
      post: z.string().nullable(),
      employerTypeLabel: z.string(),
    }),
  ),
  /** FB-06: whether and on what basis the unit publishes (a unit choice, no national rule) */
  findings: z.array(findingSchema),
});

// ── my page ─────────────────────────────────────────────────────────────────
export const meSchema = z.object({
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  unitName: z.string().nullable(),
  year: z.number().int(),
  subject: z.object({
    isSubject: z.boolean(),
    basis: z.enum(['rank', 'special']).nullable(),
    since: z.string().nullable(),
    reason: z.string().nullable(),
  }),
  deadline: deadlineSchema.nullable(),
  reports: z.array(reportSummarySchema),
  checks: z.array(checkSummarySchema),
  cases: z.array(caseSchema),
  businessCases: z.array(businessCaseSchema),
  pendingExplanations: z.number().int(),
});
