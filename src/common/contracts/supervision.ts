/**
 * Supervision records (issue 10; regulations.md §7, §17): talks, reminders, inquiry letters,
 * admonitions, first-form measures, organisational handling, sanctions and open cases.
 */
import { z } from 'zod';
import { GOV_SANCTIONS, MEASURE_KINDS, type MeasureKind } from '../supervision.js';
import { citationSchema, findingSchema, idSchema, isoDateSchema, optionalText, text } from './common.js';
import { INFLUENCE_BLOCKS } from './eligibility.js';

export const kindSchema = z.enum(MEASURE_KINDS as [MeasureKind, ...MeasureKind[]], {
  error: '措施类型不在目录内（TX-02、TX-07、NS-03、政务处分法第七条）',
});
export const ISSUER_LEVELS = ['same', 'higher'] as const;
export const ISSUER_LEVEL_LABELS: Record<(typeof ISSUER_LEVELS)[number], string> = {
  same: '本级党组织（主要负责人）',
  higher: '上级党组织或纪检、组织部门',
};
export const INQUIRY_OUTCOMES = ['accepted', 'cleared', 're_inquiry', 'escalated'] as const;
export const INQUIRY_OUTCOME_LABELS: Record<(typeof INQUIRY_OUTCOMES)[number], string> = {
  accepted: '采信了结',
  cleared: '澄清正名',
  re_inquiry: '再次函询',
  escalated: '转初步核实',
};
export const RECORD_STATUS_LABELS: Record<string, string> = {
  recorded: '已登记',
  issued: '待回复',
  replied: '已回复',
  closed: '已了结',
  in_force: '执行中',
  open: '审查调查中',
  concluded: '已结案',
  revoked: '已撤销',
  changed: '已变更',
};

export const createRecordSchema = z
  .object({
    personId: idSchema,
    kind: kindSchema,
    issuedOn: isoDateSchema,
    /** The day the effect starts (诫勉: approved by the same-level principal); default the issue day */
    effectiveOn: isoDateSchema.optional(),
    issuer: text(100, '出具人'),
    issuerLevel: z.enum(ISSUER_LEVELS, { error: '出具层级应为本级或上级' }),
    summary: text(5000, '内容摘要'),
    /** Allegations, petitions, case files: the discipline office only */
    allegations: optionalText(5000, '问题线索'),
    confidential: z.boolean().default(false),
    tier: z.number().int().min(1, '形态为 1 至 4').max(4, '形态为 1 至 4').optional(),
    tierReason: optionalText(500, '调整形态的理由'),
    groupId: idSchema.optional(),
    /** An inquiry letter: the day the cadre received it (TX-04 counts from it) */
    receivedOn: isoDateSchema.optional(),
    probationMonths: z
      .number()
      .int()
      .min(12, '留党察看期限为 12 或 24 个月')
      .max(24, '留党察看期限为 12 或 24 个月')
      .optional(),
    dutyRelated: z.boolean().optional(),
    accountability: z.boolean().optional(),
    /** Government sanctions decided together (Art. 15): what each offence called for */
    combinedKinds: z.array(z.enum(GOV_SANCTIONS)).min(2, '合并处分至少两项').max(20).optional(),
    statedMonths: z.number().int().min(1, '处分期至少 1 个月').max(48, '处分期最长 48 个月').optional(),
  })
  .strict();
export type CreateRecord = z.infer<typeof createRecordSchema>;
/** 变更: the new decision for the same person, in the same matter */
export const changeRecordSchema = createRecordSchema.omit({ personId: true, groupId: true });
export type ChangeRecord = z.infer<typeof changeRecordSchema>;

export const extendInquirySchema = z.object({ replyDue: isoDateSchema, reason: text(500, '延期理由') }).strict();
export const replyInquirySchema = z
  .object({ repliedOn: isoDateSchema, reply: text(5000, '回复内容'), outcome: z.enum(INQUIRY_OUTCOMES).optional() })
  .strict();
export const closeInquirySchema = z.object({ outcome: z.enum(INQUIRY_OUTCOMES) }).strict();
export const concludeCaseSchema = z.object({ concludedOn: isoDateSchema }).strict();
export const revokeRecordSchema = z.object({ revokedOn: isoDateSchema, reason: text(500, '撤销理由') }).strict();

export const periodViewSchema = z.object({
  ruleId: z.string(),
  start: z.string(),
  end: z.string().nullable(),
  blocks: z.array(z.enum(INFLUENCE_BLOCKS)),
  voided: z.boolean(),
});

export const recordViewSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  kind: kindSchema,
  kindLabel: z.string(),
  tier: z.number().nullable(),
  tierReason: z.string().nullable(),
  groupId: z.string().nullable(),
  issuedOn: z.string(),
  effectiveOn: z.string(),
  issuer: z.string(),
  issuerLevel: z.enum(ISSUER_LEVELS),
  confidential: z.boolean(),
  status: z.string(),
  statusLabel: z.string(),
  /** Null where the reader may not see the text (e.g. the personnel office and an inquiry's questions) */
  summary: z.string().nullable(),
  allegations: z.string().nullable(),
  receivedOn: z.string().nullable(),
  replyDue: z.string().nullable(),
  overdue: z.boolean(),
  extensionReason: z.string().nullable(),
  repliedOn: z.string().nullable(),
  reply: z.string().nullable(),
  outcome: z.enum(INQUIRY_OUTCOMES).nullable(),
  probationMonths: z.number().nullable(),
  statedMonths: z.number().nullable(),
  combinedKinds: z.array(z.enum(GOV_SANCTIONS)).nullable(),
  concludedOn: z.string().nullable(),
  revokedOn: z.string().nullable(),
  revokeReason: z.string().nullable(),
  replacedBy: z.string().nullable(),
  /** The effects with their rules (influence periods as findings with citations) */
  effects: z.array(findingSchema),
  periods: z.array(periodViewSchema),
  citation: citationSchema.nullable(),
  can: z.object({ reply: z.boolean(), conclude: z.boolean(), revoke: z.boolean() }),
});
export type RecordView = z.infer<typeof recordViewSchema>;

export const recordListQuerySchema = z.object({
  personId: idSchema.optional(),
  unitId: idSchema.optional(),
  kind: kindSchema.optional(),
  overdue: z.enum(['1']).optional(),
});
