import { z } from 'zod';

/** The first-run checklist of a personnel office (issue 16 §1). */
export const CHECKLIST_KEYS = ['units', 'teams', 'people', 'rules', 'calendar', 'publicUrl'] as const;
export type ChecklistKey = (typeof CHECKLIST_KEYS)[number];

export const checklistItemSchema = z.object({
  key: z.enum(CHECKLIST_KEYS),
  /** done; todo: something is missing; warn: worth a look, nothing blocks */
  status: z.enum(['done', 'todo', 'warn']),
  /** units: units in scope; people: records; rules: parameters set by the units; calendar: this year */
  count: z.number().int(),
  /** What is missing: units without a code / team secretary / people; calendar years not loaded */
  names: z.array(z.string()),
  /** publicUrl: the address set (or the default) */
  url: z.string().nullable(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const checklistSchema = z.object({
  /** The units whose personnel office the user is */
  offices: z.array(z.object({ id: z.string(), name: z.string() })),
  items: z.array(checklistItemSchema),
});
export type Checklist = z.infer<typeof checklistSchema>;
