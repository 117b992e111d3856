/**
 * What waits in the decisions of one unit for this person (home 待办): items the secretary is to
 * approve; follow-through overdue (office, secretary) and the person's own tasks due within a week.
 */
import type { TodoItem } from '../../../common/contracts/home.js';
import { addDays } from '../../../common/dates.js';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/actor.js';
import { today } from '../../platform/clock.js';
import { canApproveItems, canManage, canRead, seatsIn } from './decisions.policy.js';
import * as repo from './decisions.repository.js';
import { openTasksDueBefore } from './tasks.service.js';

type Todo = Omit<TodoItem, 'unitName'>;

export async function decisionsTodo(ctx: AppContext, actor: Actor, unitId: string): Promise<Todo[]> {
  const s = seatsIn(actor, unitId);
  if (!canRead(s)) return [];
  const out: Todo[] = [];
  if (canApproveItems(s)) {
    const { rows } = await repo.listItems(ctx.db, { unitId, statuses: ['proposed'], limit: 50, offset: 0 });
    for (const r of rows) {
      out.push({
        kind: 'approve_item',
        title: r.title,
        unitId,
        deadline: null,
        overdue: false,
        url: `/decisions/items/${r.id}`,
      });
    }
  }
  const d = today(ctx.clock);
  const keeps = canManage(s) || canApproveItems(s);
  for (const t of await openTasksDueBefore(ctx, actor, unitId, addDays(d, 8), s)) {
    const mine = !!actor.personId && t.ownerPersonId === actor.personId;
    if (!(mine || (keeps && t.overdue))) continue;
    out.push({
      kind: t.overdue ? 'task_overdue' : 'task_due',
      title: `${t.title}（${t.itemTitle}）`,
      unitId,
      deadline: t.deadline,
      overdue: t.overdue,
      url: `/decisions/items/${t.itemId}`,
    });
  }
  return out;
}
