import { z } from 'zod';
import { isoDateSchema, text } from './common.js';

export const calendarDaySchema = z.object({ date: z.string(), kind: z.enum(['holiday', 'workday']), name: z.string() });
export const calendarYearSchema = z.object({
  year: z.number().int(),
  source: z.string(),
  updatedAt: z.string(),
  days: z.array(calendarDaySchema),
});

export const putYearBodySchema = z.object({
  days: z
    .array(z.object({ date: isoDateSchema, kind: z.enum(['holiday', 'workday']), name: text(40, '节日名称') }))
    .max(80, '一年最多 80 个调整日'),
});

export const computeQuerySchema = z.object({
  kind: z.enum([
    'notice_working_days',
    'working_days_after',
    'calendar_days_after',
    'statutory_months',
    'count_working_days',
  ]),
  from: isoDateSchema,
  n: z.coerce.number().int().min(0).max(3650).optional(),
  to: isoDateSchema.optional(),
});

export const computeResultSchema = z.object({
  ok: z.boolean(),
  date: z.string().nullable(),
  count: z.number().int().nullable(),
  message_zh: z.string().nullable(),
});

export const calendarYearSummarySchema = z.object({
  year: z.number().int(),
  source: z.string(),
  updatedAt: z.string(),
  holidayCount: z.number().int(),
  workdayCount: z.number().int(),
});
