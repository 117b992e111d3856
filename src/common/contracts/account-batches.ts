/**
 * Account batches (issue 16 §1): accounts for imported people, requested by the system admin as
 * one batch and confirmed or rejected as a whole by the security admin; each admin takes their
 * halves of the activation codes once, as a .xlsx list.
 */
import { z } from 'zod';
import { idSchema } from './common.js';

export const BATCH_STATUSES = ['pending', 'confirmed', 'rejected', 'cancelled'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export const batchBodySchema = z
  .object({
    /** The units whose people without an account get one */
    unitIds: z.array(idSchema).max(500, '单位过多').default([]),
    /** Or these people (e.g. all people of an import file) */
    personIds: z.array(idSchema).max(5000, '人员过多').default([]),
  })
  .refine((v) => v.unitIds.length + v.personIds.length > 0, {
    message: '请选择单位或人员',
    path: ['unitIds'],
  });
export type BatchBody = z.infer<typeof batchBodySchema>;

export const batchItemSchema = z.object({
  seq: z.number().int(),
  personId: z.string(),
  personName: z.string(),
  unitName: z.string(),
  username: z.string(),
  /** 'pending' until confirmed; 'created', or 'skipped' with the reason in note */
  outcome: z.enum(['pending', 'created', 'skipped']),
  note: z.string().nullable(),
});
export type BatchItem = z.infer<typeof batchItemSchema>;

export const accountBatchSchema = z.object({
  id: z.string(),
  status: z.enum(BATCH_STATUSES),
  scope: z.string(),
  count: z.number().int(),
  created: z.number().int(),
  skipped: z.number().int(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
  firstIssuedAt: z.string().nullable(),
  secondIssuedAt: z.string().nullable(),
  /** What the viewer may do now */
  canConfirm: z.boolean(),
  canCancel: z.boolean(),
  /** 1 or 2: the halves the viewer may take now (once); null when none */
  canTakeHalf: z.union([z.literal(1), z.literal(2)]).nullable(),
});
export type AccountBatch = z.infer<typeof accountBatchSchema>;

export const accountBatchDetailSchema = accountBatchSchema.extend({ items: z.array(batchItemSchema) });
export type AccountBatchDetail = z.infer<typeof accountBatchDetailSchema>;

export const batchParamsSchema = z.object({ id: idSchema });
