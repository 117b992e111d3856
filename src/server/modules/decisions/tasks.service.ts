/**
 * Follow-through (督办, ZD-09): a decision becomes tasks with an owner and a deadline; progress
 * reports with a percentage and evidence; a post-decision evaluation may be attached. Overdue is
 * computed (the deadline day ends at 24:00 Beijing time), never stored. A changed or suspended
 * decision needs a new meeting item: nothing here edits the original decision.
 */
import { TASK_STATE_LABELS, type TaskState } from '../../../common/contracts/decisions.js';
import { invalidField, notFound } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/helpers.js';
import { type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import { nowIso, today } from '../../platform/clock.js';
import { uuidv7 } from '../../platform/random.js';
import { ruleRefusal } from '../rules/index.js';
import { canApproveItems, canManage, scopeUnitIds, type Seats } from './decisions.policy.js';
import * as repo from './decisions.repository.js';
import { taskState } from './decisions.rules.js';
import { invalidState, readSeats, requireSeat } from './decisions.support.js';
import type { TaskRow } from './decisions.table.js';
import { getReadableItem } from './items.service.js';

async function presentTasks(
  db: Executor,
  rows: readonly (TaskRow & { item_title: string })[],
  actor: Actor,
  seats: (unitId: string) => Seats,
  now: Date,
) {
  const ids = rows.map((r) => r.id);
  const progress = ids.length
    ? await db.selectFrom('task_progress').selectAll().where('task_id', 'in', ids).orderBy('reported_at').execute()
    : [];
  const names = await repo.personNames(
    db,
    rows.map((r) => r.owner_person_id),
  );
  const users = await repo.userNames(
    db,
    progress.map((p) => p.reported_by),
  );
  return rows.map((r) => {
    const state = taskState(r.status, r.deadline, now);
    return {
      id: r.id,
      unitId: r.unit_id,
      itemId: r.agenda_item_id,
      itemTitle: r.item_title,
      title: r.title,
      ownerUnit: r.owner_unit,
      ownerPersonId: r.owner_person_id,
      ownerName: r.owner_person_id ? (names.get(r.owner_person_id) ?? null) : null,
      deadline: r.deadline,
      state,
      stateLabel: TASK_STATE_LABELS[state],
      overdue: state === 'overdue',
      percent: r.percent,
      completedOn: r.completed_on,
      suspendedReason: r.suspended_reason,
      progress: progress
        .filter((p) => p.task_id === r.id)
        .map((p) => ({
          id: p.id,
          percent: p.percent,
          note: p.note,
          at: p.reported_at,
          by: users.get(p.reported_by) ?? '',
          fileId: p.file_id,
        })),
      canReport:
        (canManage(seats(r.unit_id)) || (!!actor.personId && actor.personId === r.owner_person_id)) &&
        (r.status === 'not_started' || r.status === 'in_progress'),
    };
  });
}

function taskQuery(db: Executor) {
  return db
    .selectFrom('decision_tasks')
    .innerJoin('agenda_items', 'agenda_items.id', 'decision_tasks.agenda_item_id')
    .selectAll('decision_tasks')
    .select('agenda_items.title as item_title');
}

export async function listTasks(
  ctx: AppContext,
  actor: Actor,
  q: { unitId: string; state?: TaskState | undefined; itemId?: string | undefined },
) {
  const s = readSeats(actor, q.unitId, '单位');
  let query = taskQuery(ctx.db).where('decision_tasks.unit_id', '=', q.unitId);
  if (q.itemId) query = query.where('decision_tasks.agenda_item_id', '=', q.itemId);
  const d = today(ctx.clock);
  if (q.state === 'overdue') {
    query = query
      .where('decision_tasks.status', 'in', ['not_started', 'in_progress'])
      .where('decision_tasks.deadline', '<', d);
  } else if (q.state === 'not_started' || q.state === 'in_progress') {
    query = query.where('decision_tasks.status', '=', q.state).where('decision_tasks.deadline', '>=', d);
  } else if (q.state) query = query.where('decision_tasks.status', '=', q.state);
  const rows = await query.orderBy('decision_tasks.deadline').limit(1000).execute();
  return { items: await presentTasks(ctx.db, rows, actor, () => s, ctx.clock.now()) };
}

export async function createTask(
  ctx: AppContext,
  actor: Actor,
  itemId: string,
  body: {
    title: string;
    ownerUnit?: string | null | undefined;
    ownerPersonId?: string | null | undefined;
    deadline: string;
  },
  meta: RequestMeta,
) {
  const { item, seats } = await getReadableItem(ctx, actor, itemId);
  requireSeat(canManage(seats) || canApproveItems(seats), '督办任务由党组办公室或书记分解');
  if (item.status !== 'decided') throw invalidState('只有已作出的决定才能分解督办任务');
  if (!body.ownerUnit && !body.ownerPersonId) throw invalidField('ownerUnit', '请填写责任部门或责任人');
  if (item.decided_on && body.deadline < item.decided_on) throw invalidField('deadline', '完成期限不能早于决定日期');
  if (body.ownerPersonId) {
    const p = await ctx.db
      .selectFrom('people')
      .select('unit_id')
      .where('id', '=', body.ownerPersonId)
      .executeTakeFirst();
    if (!p || p.unit_id !== item.unit_id) throw invalidField('ownerPersonId', '责任人应为本单位人员');
  }
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('decision_tasks')
      .values({
        id,
        unit_id: item.unit_id,
        agenda_item_id: itemId,
        title: body.title,
        owner_unit: body.ownerUnit ?? null,
        owner_person_id: body.ownerPersonId ?? null,
        deadline: body.deadline,
        status: 'not_started',
        percent: 0,
        completed_on: null,
        suspended_reason: null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'decisions.task_created',
      entityType: 'decision_task',
      entityId: id,
      unitId: item.unit_id,
      after: { ...body },
      details: { itemId, rule: 'ZD-09' },
    });
  });
  return id;
}

export async function reportProgress(
  ctx: AppContext,
  actor: Actor,
  taskId: string,
  body: { percent: number; note: string; fileId?: string | null | undefined },
  meta: RequestMeta,
) {
  const task = await ctx.db
    .selectFrom('decision_tasks')
    .selectAll()
    .where('id', '=', taskId)
    .where('unit_id', 'in', [...scopeUnitIds(actor), '-'])
    .executeTakeFirst();
  if (!task) throw notFound('督办任务');
  const seats = readSeats(actor, task.unit_id, '督办任务');
  requireSeat(
    canManage(seats) || (!!actor.personId && actor.personId === task.owner_person_id),
    '只有责任人或党组办公室可以报告进展',
  );
  if (task.status === 'done') throw invalidState('任务已完成');
  if (task.status === 'suspended') {
    throw await ruleRefusal(
      ctx,
      'ZD-09',
      task.unit_id,
      today(ctx.clock),
      {
        zh: '决定已中止执行，任务不再报告进展',
        en: 'The decision was suspended by due procedure: its tasks take no more progress (ZD-09).',
      },
      { code: 'INVALID_STATE', kind: 'info' },
    );
  }
  if (body.percent < task.percent) throw invalidField('percent', `完成比例不能低于上次报告的 ${task.percent}%`);
  if (body.fileId) {
    const f = await ctx.db
      .selectFrom('decision_files')
      .select('id')
      .where('id', '=', body.fileId)
      .where('agenda_item_id', '=', task.agenda_item_id)
      .executeTakeFirst();
    if (!f) throw invalidField('fileId', '佐证材料不存在');
  }
  const now = nowIso(ctx.clock);
  const done = body.percent === 100;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('task_progress')
      .values({
        id: uuidv7(ctx.random, ctx.clock.now().getTime()),
        task_id: taskId,
        percent: body.percent,
        note: body.note,
        file_id: body.fileId ?? null,
        reported_by: actor.userId,
        reported_at: now,
      })
      .execute();
    await trx
      .updateTable('decision_tasks')
      .set({
        percent: body.percent,
        status: done ? 'done' : 'in_progress',
        completed_on: done ? today(ctx.clock) : null,
        updated_at: now,
      })
      .where('id', '=', taskId)
      .execute();
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'decisions.task_progress',
      entityType: 'decision_task',
      entityId: taskId,
      unitId: task.unit_id,
      before: { percent: task.percent, status: task.status },
      after: { percent: body.percent, status: done ? 'done' : 'in_progress' },
    });
  });
}

export async function addEvaluation(
  ctx: AppContext,
  actor: Actor,
  itemId: string,
  body: { evaluatedOn: string; conclusion: string; text: string },
  meta: RequestMeta,
) {
  const { item, seats } = await getReadableItem(ctx, actor, itemId);
  requireSeat(canManage(seats) || canApproveItems(seats), '决策后评估由党组办公室或书记登记');
  if (item.status !== 'decided') throw invalidState('只有已作出的决定才能进行决策后评估');
  if (body.evaluatedOn > today(ctx.clock)) throw invalidField('evaluatedOn', '评估日期不能晚于今天');
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('decision_evaluations')
      .values({
        id,
        agenda_item_id: itemId,
        evaluated_on: body.evaluatedOn,
        conclusion: body.conclusion,
        text: body.text,
        recorded_by: actor.userId,
        recorded_at: nowIso(ctx.clock),
      })
      .execute();
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'decisions.evaluation_added',
      entityType: 'agenda_item',
      entityId: itemId,
      unitId: item.unit_id,
      after: { ...body },
      details: { rule: 'ZD-09' },
    });
  });
  return id;
}

export async function listEvaluations(ctx: AppContext, actor: Actor, itemId: string) {
  await getReadableItem(ctx, actor, itemId);
  const rows = await ctx.db
    .selectFrom('decision_evaluations')
    .selectAll()
    .where('agenda_item_id', '=', itemId)
    .orderBy('evaluated_on')
    .execute();
  const users = await repo.userNames(
    ctx.db,
    rows.map((r) => r.recorded_by),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      evaluatedOn: r.evaluated_on,
      conclusion: r.conclusion,
      text: r.text,
      by: users.get(r.recorded_by) ?? '',
    })),
  };
}

/** Open tasks of a unit with the deadline before a date, for the dashboard. */
export async function openTasksDueBefore(ctx: AppContext, actor: Actor, unitId: string, before: string, seats: Seats) {
  const rows = await taskQuery(ctx.db)
    .where('decision_tasks.unit_id', '=', unitId)
    .where('decision_tasks.status', 'in', ['not_started', 'in_progress'])
    .where('decision_tasks.deadline', '<', before)
    .orderBy('decision_tasks.deadline')
    .limit(200)
    .execute();
  return presentTasks(ctx.db, rows, actor, () => seats, ctx.clock.now());
}
