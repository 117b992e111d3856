/**
 * What waits in the meetings of one unit for this person (home 待办): meetings running now (to vote
 * in), drafts to publish (office), minutes due (office) or to approve (secretary) by their PG-12 deadline.
 */
import type { TodoItem } from '../../../common/contracts/home.js';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/actor.js';
import { today } from '../../platform/clock.js';
import { canApproveMinutes, canManage, seatsIn } from '../decisions/index.js';
import { listMeetings } from './meetings.service.js';
import { upcomingMeetings } from './meetings.repository.js';

type Todo = Omit<TodoItem, 'unitName'>;

export async function meetingsTodo(ctx: AppContext, actor: Actor, unitId: string): Promise<Todo[]> {
  const s = seatsIn(actor, unitId);
  const office = canManage(s);
  const secretary = canApproveMinutes(s);
  const out: Todo[] = [];
  const d = today(ctx.clock);
  if (s.member || s.secretary) {
    const open = await listMeetings(ctx, actor, { unitId, status: 'open', page: 1, pageSize: 20 });
    for (const m of open.items) {
      out.push({
        kind: 'vote_open',
        title: m.title,
        unitId,
        deadline: m.date,
        overdue: false,
        url: `/meetings/${m.id}`,
      });
    }
  }
  if (office) {
    for (const m of await upcomingMeetings(ctx.db, unitId, d)) {
      if (m.status !== 'draft') continue;
      out.push({
        kind: 'meeting_draft',
        title: m.title,
        unitId,
        deadline: m.date,
        overdue: false,
        url: `/meetings/${m.id}`,
      });
    }
  }
  if (office || secretary) {
    const held = await listMeetings(ctx, actor, { unitId, status: 'closed', page: 1, pageSize: 50 });
    for (const m of held.items) {
      if (m.minutesStatus === 'approved' || !m.minutesDeadline) continue;
      const kind = m.minutesStatus === 'draft' && secretary ? 'minutes_approve' : office ? 'minutes_due' : null;
      if (!kind) continue;
      out.push({
        kind,
        title: m.title,
        unitId,
        deadline: m.minutesDeadline,
        overdue: m.minutesOverdue,
        url: `/meetings/${m.id}`,
      });
    }
  }
  return out;
}
