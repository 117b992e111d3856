/**
 * The home page's 待办 (issue 16 §4): what waits for this person, asked of each module through its
 * own query; only the units where the person holds a role (and, for evaluations and grades, the
 * units its personnel office manages). Sorted by deadline, overdue first; undated items last.
 */
import type { HomeTodo, TodoItem } from '../../../common/contracts/home.js';
import type { AppContext } from '../../context.js';
import { requireBusinessUser, type Actor } from '../../http/actor.js';
import { today } from '../../platform/clock.js';
import { listTasks as gradeTasks } from '../assessments/index.js';
import { ballotsTodo } from '../ballots/index.js';
import { decisionsTodo } from '../decisions/index.js';
import { disclosuresTodo } from '../disclosures/index.js';
import { meetingsTodo } from '../meetings/index.js';
import { listUnits } from '../orgs/index.js';

export function byDeadline(a: TodoItem, b: TodoItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.deadline === b.deadline) return a.title.localeCompare(b.title, 'zh-CN');
  if (a.deadline === null) return 1;
  if (b.deadline === null) return -1;
  return a.deadline < b.deadline ? -1 : 1;
}

export async function homeTodo(ctx: AppContext, actor: Actor): Promise<HomeTodo> {
  requireBusinessUser(actor);
  const names = new Map((await listUnits(ctx, actor)).map((u) => [u.id, u.name]));
  const named = (t: Omit<TodoItem, 'unitName'>): TodoItem => ({
    ...t,
    unitName: t.unitId ? (names.get(t.unitId) ?? null) : null,
  });
  const items: TodoItem[] = [];
  for (const unitId of actor.ownUnitIds) {
    items.push(...(await meetingsTodo(ctx, actor, unitId)).map(named));
    items.push(...(await decisionsTodo(ctx, actor, unitId)).map(named));
  }
  items.push(...(await disclosuresTodo(ctx, actor)).map(named));
  items.push(...(await ballotsTodo(ctx, actor)));
  for (const t of await gradeTasks(ctx, actor, { status: 'open' })) {
    items.push({
      kind: 'grade_task',
      title: `${t.personName}：${t.title}`,
      unitId: t.unitId,
      unitName: t.unitName,
      deadline: null,
      overdue: false,
      url: `/assessments/${t.batchId}`,
    });
  }
  return { today: today(ctx.clock), items: items.sort(byDeadline) };
}
