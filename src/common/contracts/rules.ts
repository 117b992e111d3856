import { z } from 'zod';
import { citationSchema, idSchema, isoDateSchema, text } from './common.js';

export const ruleParamSchema = z.object({
  key: z.string(),
  type: z.string(),
  label_zh: z.string(),
  label_en: z.string(),
  unit: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** fixed / tighten_only (with the strict direction and the loosest value allowed) / free (with options) */
  governance: z.object({
    kind: z.enum(['fixed', 'tighten_only', 'free']),
    stricter: z.string().optional(),
    limit: z.unknown().optional(),
    options: z.array(z.string()).readonly().optional(),
  }),
  default: z.unknown(),
  /** The value in force for the unit on the date asked */
  effective: z.unknown(),
  /** Where the effective value comes from: 'default' or the unit that set it */
  source: z.object({ unitId: z.string(), unitName: z.string(), effectiveFrom: z.string() }).nullable(),
});

export const ruleSchema = z.object({
  id: z.string(),
  section: z.string(),
  title_zh: z.string(),
  title_en: z.string(),
  summary_zh: z.string(),
  citation: citationSchema,
  label: z.enum(['VERIFIED-PRIMARY', 'VERIFIED-SECONDARY', 'UNVERIFIED']),
  kind: z.enum(['block', 'warn', 'info']),
  module: z.string(),
  counting: z.string(),
  encoded: z.boolean(),
  params: z.array(ruleParamSchema),
});
export type RuleView = z.infer<typeof ruleSchema>;

export const rulesQuerySchema = z.object({ unitId: idSchema.optional(), at: isoDateSchema.optional() });

export const overrideSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  params: z.record(z.string(), z.unknown()),
  effectiveFrom: z.string(),
  reason: z.string(),
  setBy: z.string(),
  setAt: z.string(),
});

export const createOverrideBodySchema = z.object({
  unitId: idSchema,
  params: z.record(z.string(), z.unknown()).refine((v) => Object.keys(v).length > 0, '至少修改一个参数'),
  effectiveFrom: isoDateSchema,
  reason: text(500, '调整理由'),
});
