/**
 * Decisions contracts: the decision catalogue (议事清单, PG-02/PG-17/TZ-01/TZ-02), agenda items (议题)
 * with statutory procedures (ZD-03..ZD-06) and pre-consultation (PG-01), decisions taken outside
 * meetings, follow-through tasks (督办, ZD-09) and the violation report (DC-03, ZZ-03, PG-12).
 */
import { z } from 'zod';
import { hasUnsafeNameChars, UNSAFE_NAME_MESSAGE } from '../filenames.js';
import {
  changesSomething,
  findingSchema,
  idSchema,
  isoDateSchema,
  NOTHING_TO_CHANGE,
  optionalText,
  pageQuerySchema,
  text,
} from './common.js';

/** The four "三重一大" categories (TZ-01). */
export const TZYD_CATEGORIES = ['major_matter', 'cadre_appointment', 'major_project', 'large_fund'] as const;
export type TzydCategory = (typeof TZYD_CATEGORIES)[number];
export const TZYD_LABELS: Record<TzydCategory, string> = {
  major_matter: '重大事项',
  cadre_appointment: '重要干部任免',
  major_project: '重要项目安排',
  large_fund: '大额资金使用',
};

/** Item kinds: personnel (干部任免) and Party-discipline (处分党员) items need the 2/3 quorum (PG-07). */
export const ITEM_KINDS = ['ordinary', 'personnel', 'discipline'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const ITEM_KIND_LABELS: Record<ItemKind, string> = {
  ordinary: '一般事项',
  personnel: '干部任免',
  discipline: '处分党员',
};

export const ITEM_STATUSES = ['proposed', 'approved', 'scheduled', 'decided', 'not_passed', 'withdrawn'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  proposed: '待书记确定',
  approved: '已确定待上会',
  scheduled: '已列入会议',
  decided: '已决定',
  not_passed: '未通过',
  withdrawn: '已撤回',
};

/** How an item reached its outcome: at a meeting, or outside any meeting (registered so the detectors see it). */
export const ITEM_ORIGINS = ['agenda', 'outside_meeting'] as const;
export const AMEND_KINDS = ['change', 'suspend', 'reconsider'] as const;
export type AmendKind = (typeof AMEND_KINDS)[number];
export const AMEND_KIND_LABELS: Record<AmendKind, string> = {
  change: '变更决定',
  suspend: '中止执行',
  reconsider: '复议',
};

export const PROCEDURE_KINDS = ['legality', 'public_participation', 'expert_review', 'risk_assessment'] as const;
export type ProcedureKind = (typeof PROCEDURE_KINDS)[number];
export const PROCEDURE_LABELS: Record<ProcedureKind, string> = {
  legality: '合法性审查',
  public_participation: '公众参与',
  expert_review: '专家论证',
  risk_assessment: '风险评估',
};
export const PARTICIPATION_METHODS = [
  '座谈会',
  '听证会',
  '实地走访',
  '书面征求意见',
  '向社会公开征求意见',
  '问卷调查',
  '民意调查',
] as const;

const fenSchema = z.number().int('金额以分为单位，应为整数').min(0, '金额不能为负').max(9e15);

// ── catalogue ───────────────────────────────────────────────────────────────
export const catalogueEntrySchema = z.object({
  id: z.string(),
  unitId: z.string(),
  name: z.string(),
  category: z.string(),
  tzydCategory: z.enum(TZYD_CATEGORIES).nullable(),
  itemKind: z.enum(ITEM_KINDS),
  collectiveRequired: z.boolean(),
  majorDecision: z.boolean(),
  technical: z.boolean(),
  stabilityRisk: z.boolean(),
  notPublic: z.boolean(),
  important: z.boolean(),
  active: z.boolean(),
  sortOrder: z.number().int(),
  note: z.string().nullable(),
});
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;
export const catalogueSchema = z.object({
  items: z.array(catalogueEntrySchema),
  canEdit: z.boolean(),
  thresholds: z.object({ largeFundThresholdFen: z.number(), majorProjectThresholdFen: z.number() }),
});
export const catalogueBodySchema = z.object({
  unitId: idSchema,
  name: text(100, '事项名称'),
  category: text(60, '类别'),
  tzydCategory: z.enum(TZYD_CATEGORIES).nullable().default(null),
  itemKind: z.enum(ITEM_KINDS).default('ordinary'),
  collectiveRequired: z.boolean().default(true),
  majorDecision: z.boolean().default(false),
  technical: z.boolean().default(false),
  stabilityRisk: z.boolean().default(false),
  notPublic: z.boolean().default(false),
  important: z.boolean().default(false),
  sortOrder: z.number().int().min(0).max(10000).default(0),
  note: optionalText(500, '说明'),
});
export type CatalogueBody = z.infer<typeof catalogueBodySchema>;
export const cataloguePatchSchema = catalogueBodySchema
  .omit({ unitId: true })
  .partial()
  .extend({ active: z.boolean().optional() })
  .refine(changesSomething, NOTHING_TO_CHANGE);
export const unitQuerySchema = z.object({ unitId: idSchema });

// ── agenda items ────────────────────────────────────────────────────────────
export const candidateBodySchema = z.object({
  personId: idSchema.nullable().optional(),
  name: text(40, '姓名'),
  currentPost: optionalText(100, '现任职务'),
  proposedPost: text(100, '拟任（免）职务'),
});
export const itemBodySchema = z.object({
  unitId: idSchema,
  title: text(200, '议题名称'),
  summary: text(4000, '议题说明'),
  catalogueId: idSchema,
  kind: z.enum(ITEM_KINDS).optional(),
  amountFen: fenSchema.nullable().optional(),
  projectAmountFen: fenSchema.nullable().optional(),
  sponsorPersonId: idSchema.nullable().optional(),
  candidates: z.array(candidateBodySchema).max(30, '一个议题最多 30 名人选').default([]),
  exploratoryReform: z.boolean().default(false),
  legalRiskNote: optionalText(2000, '法律风险说明'),
  amendsItemId: idSchema.nullable().optional(),
  amendKind: z.enum(AMEND_KINDS).nullable().optional(),
  /** Paper records entered afterwards: the date the secretary approved the item on paper (office only) */
  paperApprovedOn: isoDateSchema.nullable().optional(),
});
export type ItemBody = z.infer<typeof itemBodySchema>;
export const itemPatchSchema = itemBodySchema
  .pick({
    title: true,
    summary: true,
    amountFen: true,
    projectAmountFen: true,
    sponsorPersonId: true,
    legalRiskNote: true,
    exploratoryReform: true,
  })
  .partial()
  .refine(changesSomething, NOTHING_TO_CHANGE);
export const itemListQuerySchema = pageQuerySchema.extend({
  unitId: idSchema,
  status: z.enum(ITEM_STATUSES).optional(),
  pool: z.enum(['0', '1']).default('0'),
});

export const candidateSchema = z.object({
  id: z.string(),
  personId: z.string().nullable(),
  name: z.string(),
  currentPost: z.string().nullable(),
  proposedPost: z.string(),
});
export const fileMetaSchema = z.object({
  id: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number(),
  sm3: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.string(),
});
export const expertSchema = z.object({
  id: z.string(),
  name: z.string(),
  organization: z.string(),
  field: z.string().nullable(),
  opinionSigned: z.boolean(),
});
export const procedureSchema = z.object({
  kind: z.enum(PROCEDURE_KINDS),
  label: z.string(),
  ruleId: z.string(),
  required: z.boolean(),
  done: z.boolean(),
  result: z.string().nullable(),
  completedOn: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  experts: z.array(expertSchema),
  files: z.array(fileMetaSchema),
  findings: z.array(findingSchema),
});
export const consultationSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  note: z.string(),
  consultedOn: z.string(),
  recordedBy: z.string(),
});

export const itemListEntrySchema = z.object({
  id: z.string(),
  unitId: z.string(),
  title: z.string(),
  kind: z.enum(ITEM_KINDS),
  kindLabel: z.string(),
  status: z.enum(ITEM_STATUSES),
  statusLabel: z.string(),
  tzydCategory: z.enum(TZYD_CATEGORIES).nullable(),
  catalogueName: z.string(),
  majorDecision: z.boolean(),
  proposedAt: z.string(),
  approvedOn: z.string().nullable(),
  sponsorName: z.string().nullable(),
  deferredCount: z.number().int(),
  ready: z.boolean(),
  decidedOn: z.string().nullable(),
});
export type ItemListEntry = z.infer<typeof itemListEntrySchema>;

export const itemDetailSchema = itemListEntrySchema.extend({
  summary: z.string(),
  catalogueId: z.string(),
  amountFen: z.number().nullable(),
  projectAmountFen: z.number().nullable(),
  tzydAuto: z.boolean(),
  important: z.boolean(),
  technical: z.boolean(),
  stabilityRisk: z.boolean(),
  notPublic: z.boolean(),
  exploratoryReform: z.boolean(),
  legalRiskNote: z.string().nullable(),
  sponsorPersonId: z.string().nullable(),
  proposedBy: z.string(),
  approvedBy: z.string().nullable(),
  origin: z.enum(ITEM_ORIGINS),
  paperEntry: z.boolean(),
  outcome: z.string().nullable(),
  decisionText: z.string().nullable(),
  decidedHow: z.string().nullable(),
  amendsItemId: z.string().nullable(),
  amendKind: z.enum(AMEND_KINDS).nullable(),
  amendedBy: z.array(
    z.object({ id: z.string(), title: z.string(), amendKind: z.enum(AMEND_KINDS), status: z.enum(ITEM_STATUSES) }),
  ),
  candidates: z.array(candidateSchema),
  files: z.array(fileMetaSchema),
  procedures: z.array(procedureSchema),
  consultations: z.array(consultationSchema),
  /** What putting the item on an agenda would say now (PG-05, ZD-03..ZD-06, PG-01) */
  readiness: z.array(findingSchema),
  findings: z.array(findingSchema),
  meetings: z.array(
    z.object({
      meetingId: z.string(),
      meetingItemId: z.string(),
      title: z.string(),
      date: z.string(),
      state: z.string(),
      result: z.string().nullable(),
    }),
  ),
  abilities: z.object({
    edit: z.boolean(),
    approve: z.boolean(),
    withdraw: z.boolean(),
    procedures: z.boolean(),
    consult: z.boolean(),
    tasks: z.boolean(),
    evaluate: z.boolean(),
  }),
});
export type ItemDetail = z.infer<typeof itemDetailSchema>;

export const legalityBodySchema = z.object({
  kind: z.literal('legality'),
  reviewer: text(100, '审查部门'),
  sentOn: isoDateSchema,
  completedOn: isoDateSchema,
  result: z.enum(['lawful', 'unlawful', 'exploratory']),
  opinion: text(4000, '审查意见'),
  legalRiskNote: optionalText(2000, '法律风险说明'),
  lawyerOpinion: z.boolean().default(true),
});
export const participationBodySchema = z.object({
  kind: z.literal('public_participation'),
  methods: z.array(z.enum(PARTICIPATION_METHODS)).min(1, '至少选择一种公众参与方式'),
  commentStart: isoDateSchema.nullable().optional(),
  commentEnd: isoDateSchema.nullable().optional(),
  shortenedReason: optionalText(500, '缩短期限的说明'),
  hearingDate: isoDateSchema.nullable().optional(),
  hearingMaterialsSentOn: isoDateSchema.nullable().optional(),
  adoptionReport: text(4000, '意见采纳情况说明'),
  completedOn: isoDateSchema,
});
export const expertReviewBodySchema = z.object({
  kind: z.literal('expert_review'),
  method: z.enum(['论证会', '书面咨询', '委托咨询论证']),
  conclusion: text(4000, '论证结论'),
  completedOn: isoDateSchema,
});
export const riskBodySchema = z.object({
  kind: z.literal('risk_assessment'),
  riskPoints: text(4000, '风险点'),
  measures: text(4000, '防范措施'),
  contingencyPlan: text(4000, '处置预案'),
  conclusion: z.enum(['controllable', 'uncontrollable']),
  completedOn: isoDateSchema,
  assessor: optionalText(100, '评估单位'),
});
export const procedureBodySchema = z.discriminatedUnion('kind', [
  legalityBodySchema,
  participationBodySchema,
  expertReviewBodySchema,
  riskBodySchema,
]);
export type ProcedureBody = z.infer<typeof procedureBodySchema>;
export const expertBodySchema = z.object({
  name: text(40, '专家姓名'),
  organization: text(100, '工作单位'),
  field: optionalText(100, '专业领域'),
  hasInterest: z.boolean(),
  interestNote: optionalText(500, '利害关系说明'),
  opinionSigned: z.boolean().default(false),
});
export const consultationBodySchema = z.object({
  personId: idSchema,
  note: text(2000, '酝酿意见'),
  consultedOn: isoDateSchema,
});
export const fileBodySchema = z.object({
  name: text(200, '文件名').refine((n) => !hasUnsafeNameChars(n), UNSAFE_NAME_MESSAGE),
  mime: z
    .string()
    .max(100)
    .regex(/^[\w.+-]+\/[\w.+-]+$/, '文件类型格式不正确')
    .default('application/octet-stream'),
  contentBase64: z
    .string()
    .min(1, '文件为空')
    .max(4_000_000, '文件不能超过 3 MB')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容应为 base64 编码'),
  owner: z.enum(['item', 'procedure', 'progress']).default('item'),
  ownerId: idSchema.optional(),
});

// ── decisions outside meetings, the decision list ───────────────────────────
export const outsideDecisionBodySchema = z.object({
  unitId: idSchema,
  title: text(200, '事项名称'),
  summary: text(4000, '事项说明'),
  catalogueId: idSchema,
  amountFen: fenSchema.nullable().optional(),
  decidedOn: isoDateSchema,
  decidedByPersonId: idSchema.nullable().optional(),
  decidedHow: text(100, '决定方式（如个人决定、文件圈阅、传批）'),
  decisionText: text(4000, '决定内容'),
});
export const decisionListQuerySchema = pageQuerySchema.extend({
  unitId: idSchema,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  tzyd: z.enum(TZYD_CATEGORIES).optional(),
  kind: z.enum(ITEM_KINDS).optional(),
  q: z.string().max(50).optional(),
});
export const decisionListItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(ITEM_KINDS),
  tzydCategory: z.enum(TZYD_CATEGORIES).nullable(),
  status: z.enum(ITEM_STATUSES),
  decidedOn: z.string().nullable(),
  origin: z.enum(ITEM_ORIGINS),
  outcome: z.string().nullable(),
  meetingId: z.string().nullable(),
  meetingTitle: z.string().nullable(),
  tasks: z.object({ total: z.number().int(), done: z.number().int(), overdue: z.number().int() }),
  amendKind: z.enum(AMEND_KINDS).nullable(),
});

// ── follow-through (督办) ────────────────────────────────────────────────────
export const TASK_STATES = ['not_started', 'in_progress', 'done', 'overdue', 'suspended'] as const;
export type TaskState = (typeof TASK_STATES)[number];
export const TASK_STATE_LABELS: Record<TaskState, string> = {
  not_started: '未开始',
  in_progress: '进行中',
  done: '已完成',
  overdue: '逾期',
  suspended: '中止',
};
export const taskBodySchema = z.object({
  title: text(200, '任务'),
  ownerUnit: optionalText(100, '责任部门'),
  ownerPersonId: idSchema.nullable().optional(),
  deadline: isoDateSchema,
});
export const progressBodySchema = z.object({
  percent: z.number().int().min(0).max(100),
  note: text(2000, '进展情况'),
  fileId: idSchema.nullable().optional(),
});
export const evaluationBodySchema = z.object({
  evaluatedOn: isoDateSchema,
  conclusion: z.enum(['达到预期', '基本达到预期', '未达预期']),
  text: text(4000, '评估意见'),
});
export const taskSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  itemId: z.string(),
  itemTitle: z.string(),
  title: z.string(),
  ownerUnit: z.string().nullable(),
  ownerPersonId: z.string().nullable(),
  ownerName: z.string().nullable(),
  deadline: z.string(),
  state: z.enum(TASK_STATES),
  stateLabel: z.string(),
  overdue: z.boolean(),
  percent: z.number().int(),
  completedOn: z.string().nullable(),
  suspendedReason: z.string().nullable(),
  progress: z.array(
    z.object({
      id: z.string(),
      percent: z.number().int(),
      note: z.string(),
      at: z.string(),
      by: z.string(),
      fileId: z.string().nullable(),
    }),
  ),
  canReport: z.boolean(),
});
export type Task = z.infer<typeof taskSchema>;
export const taskListQuerySchema = z.object({
  unitId: idSchema,
  state: z.enum(TASK_STATES).optional(),
  itemId: idSchema.optional(),
});
export const evaluationSchema = z.object({
  id: z.string(),
  evaluatedOn: z.string(),
  conclusion: z.string(),
  text: z.string(),
  by: z.string(),
});

export const dashboardSchema = z.object({
  unitId: z.string(),
  today: z.string(),
  overdueTasks: z.array(taskSchema),
  dueSoonTasks: z.array(taskSchema),
  awaitingApproval: z.array(itemListEntrySchema),
  readyForAgenda: z.number().int(),
  upcomingMeetings: z.array(
    z.object({ id: z.string(), title: z.string(), date: z.string(), startTime: z.string(), status: z.string() }),
  ),
  minutesOverdue: z.array(
    z.object({ meetingId: z.string(), title: z.string(), date: z.string(), deadline: z.string() }),
  ),
  findings: z.array(findingSchema),
});

// ── violation report ────────────────────────────────────────────────────────
export const violationsQuerySchema = pageQuerySchema.extend({
  unitId: idSchema,
  scope: z.enum(['unit', 'below']).default('unit'),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  ruleId: z
    .string()
    .regex(/^[A-Z]{1,2}-\d{2}$/, '规则编号格式如 PG-06')
    .optional(),
  violationUnitId: idSchema.optional(),
});
export const violationSchema = z.object({
  key: z.string(),
  ruleId: z.string(),
  detector: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  date: z.string(),
  title: z.string(),
  meetingId: z.string().nullable(),
  itemId: z.string().nullable(),
  finding: findingSchema,
});
export type Violation = z.infer<typeof violationSchema>;
export const violationsReportSchema = z.object({
  scope: z.enum(['unit', 'below']),
  units: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      total: z.number().int(),
      byDetector: z.record(z.string(), z.number().int()),
      lastMeetingDate: z.string().nullable(),
    }),
  ),
  items: z.array(violationSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  warnings: z.array(z.string()),
});
export type ViolationsReport = z.infer<typeof violationsReportSchema>;
