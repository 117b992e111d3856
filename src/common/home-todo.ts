/**
 * The home page's 待办 kinds and their names, free of zod so the console's first load stays light.
 */
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
