import { z } from 'zod';
import { idSchema, isoDateSchema, pageNumberSchema } from './common.js';

export const auditEventSchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  changedFields: z.array(z.string()),
  beforeMac: z.string().nullable(),
  afterMac: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditQuerySchema = z.object({
  actor: z.string().trim().max(64).optional(),
  unitId: idSchema.optional(),
  action: z.string().trim().max(64).optional(),
  entityId: idSchema.optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  page: pageNumberSchema,
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const verifyResultSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  headSeq: z.number().int(),
  broken: z
    .object({
      seq: z.number().int(),
      reason: z.string(),
      kind: z.enum(['missing', 'prev_hash', 'edited', 'legacy_rewritten', 'head', 'truncated', 'rewritten']),
    })
    .optional(),
  /** Events before the keyed chain began, checked with the unkeyed SM3 of before (0 when none) */
  legacyThroughSeq: z.number().int(),
  keyedFromSeq: z.number().int().nullable(),
  checkpoint: z.object({
    status: z.enum(['ok', 'unanchored', 'missing', 'failed', 'not_keyed']),
    files: z.array(z.string()),
    lines: z.number().int(),
    lastSeq: z.number().int().nullable(),
    lastAt: z.string().nullable(),
    unanchored: z.object({ fromSeq: z.number().int(), toSeq: z.number().int() }).nullable(),
    problems: z.array(z.string()),
  }),
  declaredGaps: z.array(
    z.object({
      restoredHeadSeq: z.number().int(),
      lostThroughSeq: z.number().int(),
      declaredAt: z.string(),
      note: z.string(),
      eventSeq: z.number().int().nullable(),
    }),
  ),
  warnings: z.array(z.string()),
});
export type VerifyResult = z.infer<typeof verifyResultSchema>;
