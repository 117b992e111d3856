import { z } from 'zod';

import { TODO_KINDS } from '../home-todo.js';

export { TODO_KINDS, TODO_KIND_LABELS, type TodoKind } from '../home-todo.js';

/** What waits for the signed-in person on the home page (issue 16 §4, 待办). */
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
