/**
 * Shared zod pieces for request and response contracts. Messages are Chinese: they reach the
 * user as "field：message".
 */
import { z } from 'zod';
import { isIsoDate } from '../dates.js';

/** Record ids are UUIDs or hex: letters, digits, '-' and '_' only (a malformed id is refused, not looked up). */
export const idSchema = z
  .string()
  .min(1, '不能为空')
  .max(64, '过长')
  .regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确');
export const idParamsSchema = z.object({ id: idSchema });

export const isoDateSchema = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD 且为有效日期');
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '年月格式应为 YYYY-MM');
export const instantSchema = z.string();

/** Page numbers: 1 to 10 000 (at most 500 rows a page). */
export const pageNumberSchema = z.coerce.number().int().min(1, '页码从 1 开始').max(10_000, '页码过大').default(1);

export const pageQuerySchema = z.object({
  page: pageNumberSchema,
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
export type ErrorBody = z.infer<typeof errorBodySchema>;

/**
 * Control characters (other than tab and line breaks) and the Unicode bidi controls that can make
 * stored text display differently from what it is (embeddings, overrides, isolates).
 */
// eslint-disable-next-line no-control-regex
export const UNSAFE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** A string that holds no control or bidi characters (for text that is stored and shown). */
export function safeString(label = '内容') {
  return z.string().refine((v) => !UNSAFE_TEXT.test(v), `${label}不能包含控制字符或文字方向控制符`);
}

/** Trimmed non-empty text with a maximum length, without control or bidi characters */
export function text(max: number, label = '内容') {
  return z
    .string()
    .trim()
    .min(1, `${label}不能为空`)
    .max(max, `${label}不能超过 ${max} 字`)
    .refine((v) => !UNSAFE_TEXT.test(v), `${label}不能包含控制字符或文字方向控制符`);
}

/** Text that may be empty, with a maximum length, without control or bidi characters */
export function plainText(max: number, label = '内容') {
  return z
    .string()
    .max(max, `${label}不能超过 ${max} 字`)
    .refine((v) => !UNSAFE_TEXT.test(v), `${label}不能包含控制字符或文字方向控制符`);
}

/** For edits where every field is optional: refuse one that names no field at all. */
export function changesSomething(v: Record<string, unknown>): boolean {
  return Object.values(v).some((x) => x !== undefined);
}
export const NOTHING_TO_CHANGE = '请至少修改一项';

/** A year in a query: 2000 to 2100. */
export const yearQuerySchema = z.coerce
  .number()
  .int('年度应为整数')
  .min(2000, '年度不早于 2000 年')
  .max(2100, '年度不晚于 2100 年');

export function optionalText(max: number, label = '内容') {
  return z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 字`)
    .refine((v) => !UNSAFE_TEXT.test(v), `${label}不能包含控制字符或文字方向控制符`)
    .nullable()
    .optional();
}
