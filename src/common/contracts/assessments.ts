/**
 * Annual grades (KH-01..KH-08): grading batches per unit and year, each team member's grade and
 * the team's grade (labels configurable, KH-04), the evaluation result beside each, the 优秀 cap
 * warning (KH-05) and the follow-up tasks a 不称职 grade requires (KH-07).
 */
import { z } from 'zod';
import { findingSchema, idSchema, isoDateSchema, optionalText, text } from './common.js';

/** KH-01: the four kinds of assessment. */
export const ASSESSMENT_TYPES = ['regular', 'annual', 'special', 'term'] as const;
export type AssessmentType = (typeof ASSESSMENT_TYPES)[number];
export const ASSESSMENT_TYPE_LABELS: Record<AssessmentType, string> = {
  regular: '平时考核',
  annual: '年度考核',
  special: '专项考核',
  term: '任期考核',
};

/** KH-03: individual grades; 'ungraded' is 不定等次 (KH-06 cases). */
export const GRADES = ['excellent', 'competent', 'basically_competent', 'incompetent', 'ungraded'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, string> = {
  excellent: '优秀',
  competent: '称职',
  basically_competent: '基本称职',
  incompetent: '不称职',
  ungraded: '不定等次',
};

export const TASK_KINDS = ['demotion', 'dismissal_review'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TASK_KIND_LABELS: Record<TaskKind, string> = {
  demotion: '降低一个职务或者职级层次任职（年度考核不称职）',
  dismissal_review: '辞退审查（连续两年年度考核不称职）',
};
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const batchBodySchema = z.object({
  unitId: idSchema,
  year: z.number().int().min(2000).max(2100),
  type: z.enum(ASSESSMENT_TYPES),
  title: text(100, '名称').optional(),
});
export type BatchBody = z.infer<typeof batchBodySchema>;

export const gradeBodySchema = z.object({
  grade: z.enum(GRADES).nullable(),
  note: optionalText(500, '说明'),
  /** The day the person was told in writing (KH-03); the review period runs from it (KH-07) */
  notifiedOn: isoDateSchema.nullable().optional(),
});
export type GradeBody = z.infer<typeof gradeBodySchema>;

export const teamGradeBodySchema = z.object({
  teamGrade: z.string().trim().max(20).nullable(),
  note: optionalText(500, '说明'),
});

export const evaluationSummarySchema = z.object({
  sessionId: z.string(),
  title: z.string(),
  ballots: z.number().int(),
  options: z.array(z.string()),
  counts: z.record(z.string(), z.number().int()),
});
export type EvaluationSummary = z.infer<typeof evaluationSummarySchema>;

export const taskSchema = z.object({
  id: z.string(),
  batchId: z.string(),
  personId: z.string(),
  personName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  kind: z.enum(TASK_KINDS),
  title: z.string(),
  ruleId: z.string(),
  status: z.enum(TASK_STATUSES),
  note: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export type Task = z.infer<typeof taskSchema>;

export const memberGradeSchema = z.object({
  personId: z.string(),
  name: z.string(),
  post: z.string(),
  grade: z.enum(GRADES).nullable(),
  gradeLabel: z.string().nullable(),
  note: z.string().nullable(),
  notifiedOn: z.string().nullable(),
  /** Last day to ask for a review (KH-07: 30 days after being told), or a message when the calendar cannot say */
  reviewDeadline: z.string().nullable(),
  evaluation: evaluationSummarySchema.nullable(),
  tasks: z.array(taskSchema),
  /** KH-06: what the person's sanctions or handling rule out for this annual grade ('any_grade': only 不定等次; 'excellent_grade': not 优秀) */
  limits: z.array(z.enum(['any_grade', 'excellent_grade', 'forced_incompetent'])),
});

export const batchSummarySchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  type: z.enum(ASSESSMENT_TYPES),
  title: z.string(),
  teamGrade: z.string().nullable(),
  graded: z.number().int(),
  members: z.number().int(),
});

export const batchDetailSchema = batchSummarySchema.extend({
  teamGradeLabels: z.array(z.string()),
  teamGradeNote: z.string().nullable(),
  teamEvaluation: evaluationSummarySchema.nullable(),
  grades: z.array(memberGradeSchema),
  findings: z.array(findingSchema),
  abilities: z.object({ edit: z.boolean() }),
});
export type BatchDetail = z.infer<typeof batchDetailSchema>;

export const gradeResultSchema = z.object({ findings: z.array(findingSchema), tasks: z.array(taskSchema) });

export const myGradeSchema = z.object({
  batchId: z.string(),
  year: z.number().int(),
  type: z.enum(ASSESSMENT_TYPES),
  title: z.string(),
  unitName: z.string(),
  grade: z.enum(GRADES).nullable(),
  gradeLabel: z.string().nullable(),
  teamGrade: z.string().nullable(),
  notifiedOn: z.string().nullable(),
  reviewDeadline: z.string().nullable(),
});
