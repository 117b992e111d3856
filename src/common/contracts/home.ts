import { z } from 'zod';

/** What waits for the signed-in person on the home page (issue 16 §4, 待办). */
export const TODO_KINDS = [
  'approve_item',
  'vote_open',
  'meeting_draft',
  'minutes_due',
  'minutes_approve',
  'task_overdue',
  'task_due',
  'report_due',
  'report_draft',
  'ballot_draft',
  'ballot_open',
  'grade_task',
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

export const TODO_KIND_LABELS: Record<TodoKind, string> = {
  approve_item: '待确定议题',
  vote_open: '会议进行中',
  meeting_draft: '会议待发布',
  minutes_due: '会议纪要待完成',
  minutes_approve: '会议纪要待审定',
  task_overdue: '督办事项已逾期',
  task_due: '督办事项将到期',
  report_due: '个人有关事项待报告',
  report_draft: '个人有关事项草稿',
  ballot_draft: '测评待开启',
  ballot_open: '测评进行中',
  grade_task: '考核后续事项',
};

export const todoItemSchema = z.object({
  kind: z.enum(TODO_KINDS),
  title: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  /** Beijing date (YYYY-MM-DD) by which it is due, if it has one */
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  /** The console page where it is done */
  url: z.string(),
});
export type TodoItem = z.infer<typeof todoItemSchema>;

export const homeTodoSchema = z.object({
  /** Today in Beijing */
  today: z.string(),
  items: z.array(todoItemSchema),
});
export type HomeTodo = z.infer<typeof homeTodoSchema>;
