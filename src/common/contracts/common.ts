/**
 * Shared zod pieces for request and response contracts. Messages are Chinese: they reach the
 * user as "field：message".
 */
import { z } from 'zod';
import { isIsoDate } from '../dates.js';

export const idSchema = z.string().min(1, '不能为空').max(64, '过长');
export const idParamsSchema = z.object({ id: idSchema });

export const isoDateSchema = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD 且为有效日期');
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '年月格式应为 YYYY-MM');
export const instantSchema = z.string();

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1, '页码从 1 开始').default(1),
  pageSize: z.coerce.number().int().min(1).max(500, '每页最多 500 条').default(50),
});

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const okSchema = z.object({ ok: z.literal(true) });

export const citationSchema = z.object({ doc: z.string(), version: z.string(), article: z.string() });

export const findingSchema = z.object({
  ruleId: z.string(),
  kind: z.enum(['block', 'warn', 'info']),
  message_zh: z.string(),
  message_en: z.string(),
  citation: citationSchema,
  label: z.enum(['VERIFIED-PRIMARY', 'VERIFIED-SECONDARY', 'UNVERIFIED']),
  facts: z.record(z.string(), z.unknown()),
  params: z.record(z.string(), z.unknown()),
});

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
    findings: z.array(findingSchema).optional(),
    requestId: z.string().optional(),
  }),
});

/** Trimmed non-empty text with a maximum length */
export function text(max: number, label = '内容') {
  return z.string().trim().min(1, `${label}不能为空`).max(max, `${label}不能超过 ${max} 字`);
}

export function optionalText(max: number, label = '内容') {
  return z.string().trim().max(max, `${label}不能超过 ${max} 字`).nullable().optional();
}
