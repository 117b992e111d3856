/**
 * Evaluations this person runs (home 待办): sessions in preparation and sessions open now, in the
 * units whose sessions the actor manages (the office of the unit, the personnel office above).
 */
import type { TodoItem } from '../../../common/contracts/home.js';
import { dateIn } from '../../../common/time.js';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/actor.js';
import { canManageSessions, listableUnitIds } from './ballots.policy.js';
import * as repo from './ballots.repository.js';

export async function ballotsTodo(ctx: AppContext, actor: Actor): Promise<TodoItem[]> {
  const units = listableUnitIds(actor).filter((u) => canManageSessions(actor, u));
  const rows = await repo.listSessions(ctx.db, units, {});
  const now = ctx.clock.now();
  return rows
    .filter((r) => r.status === 'draft' || r.status === 'open')
    .map((r) => {
      const at = r.status === 'open' ? r.closes_at : r.opens_at;
      return {
        kind: r.status === 'open' ? ('ballot_open' as const) : ('ballot_draft' as const),
        title: r.title,
        unitId: r.unit_id,
        unitName: r.unit_name,
        deadline: at ? dateIn(new Date(at)) : null,
        overdue: !!at && new Date(at).getTime() < now.getTime(),
        url: `/ballots/${r.id}`,
      };
    });
}
