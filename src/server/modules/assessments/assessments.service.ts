/**
 * Annual grades: a grading batch per unit and year holds each team member's grade and the team's
 * grade, with the democratic evaluation's overall result beside each. Setting a grade checks the
 * 优秀 share (KH-05, a warning), creates the follow-up a 不称职 grade requires (KH-07) and warns on
 * 基本称职 and below (KH-08). Every write is one transaction with its audit event.
 */
import {
  ASSESSMENT_TYPE_LABELS,
  GRADE_LABELS,
  TASK_KIND_LABELS,
  type BatchBody,
  type Grade,
  type GradeBody,
  type TaskKind,
} from '../../../common/contracts/assessments.js';
import { calendarDaysDeadline } from '../../../common/calendar.js';
import { AppError, forbidden, notFound } from '../../../common/errors.js';
import type { Finding } from '../../../common/rules/types.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/helpers.js';
import { requireBusinessUser, type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import { nowIso, today } from '../../platform/clock.js';
import { uuidv7 } from '../../platform/random.js';
import { evaluationSummaries } from '../ballots/index.js';
import { getTeam } from '../orgs/index.js';
import { finding } from '../../../common/rules/finding.js';
import { assertNoBlocking, param, ruleContext, ruleRefusal, type RuleContext } from '../rules/index.js';
import { batchAccess, gradedUnitIds } from './assessments.policy.js';
import * as repo from './assessments.repository.js';
import { excellentShare, gradeLimits, isLowGrade, limitBroken, requiredTasks } from './assessments.rules.js';
import { INFLUENCE_MEASURE_LABELS } from '../../../common/contracts/eligibility.js';
import { periodsOfPerson, periodFactsOf, toFacts, type PeriodFacts } from '../eligibility/index.js';

function assertAccess(actor: Actor, unitId: string, need: 'edit' | 'view', what = '考核'): void {
  const a = batchAccess(actor, unitId);
  if (a === 'none') throw notFound(what);
  if (a === 'forbidden' || (need === 'edit' && a !== 'edit')) {
    throw forbidden('只有上级人事部门可以评定考核等次（干部管理权限：下管一级）');
  }
}

export async function getBatchRow(ctx: AppContext, actor: Actor, id: string, need: 'edit' | 'view') {
  const b = await repo.findBatch(ctx.db, id);
  if (!b) throw notFound('考核');
  assertAccess(actor, b.unit_id, need);
  return b;
}

export function presentTask(t: repo.TaskRowWithNames) {
  return {
    id: t.id,
    batchId: t.batch_id,
    personId: t.person_id,
    personName: t.person_name,
    unitId: t.unit_id,
    unitName: t.unit_name,
    year: t.year,
    kind: t.kind as TaskKind,
    title: TASK_KIND_LABELS[t.kind as TaskKind],
    ruleId: t.rule_id,
    status: t.status as 'open' | 'done' | 'cancelled',
    note: t.note,
    createdAt: t.created_at,
    closedAt: t.closed_at,
  };
}

/** Last day to ask for a review of a 不称职 grade (KH-07), or the calendar's message. */
async function reviewDeadline(
  ctx: AppContext,
  unitId: string,
  grade: string | null,
  notifiedOn: string | null,
): Promise<string | null> {
  if (grade !== 'incompetent' || !notifiedOn) return null;
  const rc = await ruleContext(ctx, 'KH-07', unitId);
  const r = calendarDaysDeadline(await ctx.calendar.table(), notifiedOn, param<number>(rc, 'reviewRequestDays'));
  return r.ok ? r.date : r.message_zh;
}

export async function createBatch(ctx: AppContext, actor: Actor, body: BatchBody, meta: RequestMeta): Promise<string> {
  assertAccess(actor, body.unitId, 'edit', '单位');
  if (body.type === 'annual' && (await repo.findAnnualBatch(ctx.db, body.unitId, body.year))) {
    throw new AppError('CONFLICT', `${body.year} 年度考核已建立`);
  }
  const d = today(ctx.clock);
  const at = `${body.year}-12-31` < d ? `${body.year}-12-31` : d;
  const team = await getTeam(ctx, actor, body.unitId, { history: false, at });
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertBatch(trx, {
      id,
      unit_id: body.unitId,
      year: body.year,
      type: body.type,
      title: body.title ?? `${team.unit.name}领导班子和领导干部${body.year}年${ASSESSMENT_TYPE_LABELS[body.type]}`,
      team_grade: null,
      team_grade_note: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await repo.insertGrades(
      trx,
      team.members
        .filter((m) => m.current)
        .map((m, i) => ({
          id: uuidv7(ctx.random, ctx.clock.now().getTime()),
          batch_id: id,
          person_id: m.personId,
          post: m.adminPost ?? m.teamPostLabel,
          sort_order: i,
          grade: null,
          note: null,
          notified_on: null,
          recorded_by: null,
          recorded_at: null,
        })),
    );
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'assessments.batch_created',
      entityType: 'grading_batch',
      entityId: id,
      unitId: body.unitId,
      details: { year: body.year, type: body.type, members: team.members.length },
    });
  });
  return id;
}

/** KH-05 on the batch's current grades: a warning when the 优秀 share is above the cap. */
async function capFindings(
  ctx: AppContext,
  unitId: string,
  type: string,
  grades: (Grade | null)[],
): Promise<Finding[]> {
  if (type !== 'annual') return [];
  const rc = await ruleContext(ctx, 'KH-05', unitId);
  const ratio = param<number>(rc, 'excellentCapRatio');
  const s = excellentShare(grades, ratio);
  if (!s.exceeded) return [];
  return [
    finding(rc.rule.id, { ...s, ratio }, rc.params, {
      zh: `优秀 ${s.excellent} 人，占本批参加考核 ${s.assessed} 人的 ${Math.round((s.excellent / s.assessed) * 100)}%，超过 ${Math.round(ratio * 100)}% 的比例（按比例至多 ${s.allowed} 人）。`,
      en: `${s.excellent} of ${s.assessed} graded excellent, above the ${ratio} cap.`,
    }),
  ];
}

export async function getBatch(ctx: AppContext, actor: Actor, id: string) {
  const b = await getBatchRow(ctx, actor, id, 'view');
  const [grades, tasks, evals, kh04] = await Promise.all([
    repo.gradesOf(ctx.db, [id]),
    repo
      .tasksQuery(ctx.db)
      .where('assessment_tasks.batch_id', '=', id)
      .orderBy('assessment_tasks.created_at')
      .execute(),
    evaluationSummaries(ctx, b.unit_id, b.year),
    ruleContext(ctx, 'KH-04', b.unit_id),
  ]);
  const periods =
    b.type === 'annual'
      ? await periodFactsOf(
          ctx.db,
          grades.map((g) => g.person_id),
        )
      : new Map<string, PeriodFacts[]>();
  const gradingDay = today(ctx.clock);
  const limitsOf = (personId: string) =>
    gradeLimits(periods.get(personId) ?? [], b.year, gradingDay).map((l) => l.block);
  const evalOf = (subject: string) => {
    const e = evals.find((x) => x.subject === subject);
    return e
      ? { sessionId: e.sessionId, title: e.title, ballots: e.ballots, options: e.options, counts: e.counts }
      : null;
  };
  return {
    id: b.id,
    unitId: b.unit_id,
    unitName: b.unit_name,
    year: b.year,
    type: b.type as BatchBody['type'],
    title: b.title,
    teamGrade: b.team_grade,
    graded: grades.filter((g) => g.grade !== null).length,
    members: grades.length,
    teamGradeLabels: param<string[]>(kh04, 'teamGradeLabels'),
    teamGradeNote: b.team_grade_note,
    teamEvaluation: evalOf('team'),
    grades: await Promise.all(
      grades.map(async (g) => ({
        personId: g.person_id,
        name: g.person_name,
        post: g.post,
        grade: g.grade as Grade | null,
        gradeLabel: g.grade ? GRADE_LABELS[g.grade as Grade] : null,
        note: g.note,
        notifiedOn: g.notified_on,
        reviewDeadline: await reviewDeadline(ctx, b.unit_id, g.grade, g.notified_on),
        evaluation: evalOf(g.person_id),
        tasks: tasks.filter((t) => t.grade_id === g.id).map(presentTask),
        limits: limitsOf(g.person_id),
      })),
    ),
    findings: await capFindings(
      ctx,
      b.unit_id,
      b.type,
      grades.map((g) => g.grade as Grade | null),
    ),
    abilities: { edit: batchAccess(actor, b.unit_id) === 'edit' },
  };
}

export async function listBatches(
  ctx: AppContext,
  actor: Actor,
  filter: { unitId?: string | undefined; year?: number | undefined },
) {
  requireBusinessUser(actor);
  if (filter.unitId) assertAccess(actor, filter.unitId, 'view', '单位');
  const rows = await repo.listBatches(ctx.db, gradedUnitIds(actor), filter);
  const grades = await repo.gradesOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((b) => ({
    id: b.id,
    unitId: b.unit_id,
    unitName: b.unit_name,
    year: b.year,
    type: b.type as BatchBody['type'],
    title: b.title,
    teamGrade: b.team_grade,
    graded: grades.filter((g) => g.batch_id === b.id && g.grade !== null).length,
    members: grades.filter((g) => g.batch_id === b.id).length,
  }));
}

/** Create the tasks the grade requires and cancel open ones it no longer does. Runs inside the caller's transaction (no other connection). */
async function syncTasks(
  ctx: AppContext,
  trx: Executor,
  b: { id: string; unit_id: string; year: number; type: string },
  gradeId: string,
  personId: string,
  grade: Grade | null,
  actor: Actor,
  rc: RuleContext,
) {
  const earlier = b.type === 'annual' ? await repo.earlierAnnualGrades(trx, personId, b.year) : [];
  const consecutive = earlier.filter((e, i) => e.year === b.year - 1 - i).map((e) => e.grade as Grade | null);
  const required =
    b.type === 'annual'
      ? requiredTasks(grade, consecutive, param<number>(rc, 'consecutiveIncompetentYearsForDismissal'))
      : [];
  const open = await trx
    .selectFrom('assessment_tasks')
    .select(['id', 'kind'])
    .where('grade_id', '=', gradeId)
    .where('status', '=', 'open')
    .execute();
  const now = nowIso(ctx.clock);
  for (const t of open.filter((t) => !required.includes(t.kind as TaskKind))) {
    await trx
      .updateTable('assessment_tasks')
      .set({ status: 'cancelled', closed_at: now, closed_by: actor.userId, note: '考核等次已改变' })
      .where('id', '=', t.id)
      .execute();
  }
  const created: string[] = [];
  for (const kind of required.filter((k) => !open.some((t) => t.kind === k))) {
    const id = uuidv7(ctx.random, ctx.clock.now().getTime());
    await repo.insertTask(trx, {
      id,
      batch_id: b.id,
      grade_id: gradeId,
      person_id: personId,
      unit_id: b.unit_id,
      kind,
      rule_id: 'KH-07',
      status: 'open',
      note: null,
      created_at: now,
      closed_at: null,
      closed_by: null,
    });
    created.push(id);
  }
  return created;
}

/**
 * KH-06 (block): an annual grade the person's sanctions or handling rule out is refused, naming
 * the measure and its period; 不定等次 stays possible.
 */
async function assertGradeAllowed(
  ctx: AppContext,
  b: { unit_id: string; year: number; type: string },
  personId: string,
  grade: Grade | null,
): Promise<void> {
  if (b.type !== 'annual' || grade === null) return;
  const rows = await periodsOfPerson(ctx.db, personId);
  const broken = limitBroken(grade, gradeLimits(rows.map(toFacts), b.year, today(ctx.clock)));
  if (!broken) return;
  const rc = await ruleContext(ctx, 'KH-06', b.unit_id);
  const which = rows
    .filter((r) => broken.periodIds.includes(r.id))
    .map(
      (r) =>
        `${INFLUENCE_MEASURE_LABELS[r.measure] ?? r.note ?? r.measure}（${r.start_date} 至 ${r.end_date ?? '案件办结'}）`,
    )
    .join('；');
  const zh =
    broken.block === 'forced_incompetent'
      ? `该同志有影响考核等次的处分：${which}。按规定 ${b.year} 年度定为不称职（KH-06）。`
      : broken.block === 'any_grade'
        ? `该同志有影响考核等次的处分或处理：${which}。按规定 ${b.year} 年度不确定考核等次，只能记为“不定等次”（KH-06）。`
        : `该同志有影响考核等次的处分或处理：${which}。按规定 ${b.year} 年度不得评为优秀（KH-06）。`;
  const en =
    broken.block === 'forced_incompetent'
      ? `A sanction in ${b.year} means the grade for that year is incompetent.`
      : broken.block === 'any_grade'
        ? `A sanction or handling in force rules out any grade for ${b.year}; only "ungraded" may be recorded.`
        : `A sanction in ${b.year} rules out the excellent grade for that year.`;
  assertNoBlocking([
    finding(rc.rule.id, { grade, block: broken.block, periodIds: broken.periodIds }, rc.params, {
      zh,
      en,
      kind: 'block',
    }),
  ]);
}

/** Record a member's grade. Returns the findings (KH-05, KH-07, KH-08) and the tasks created; refuses what KH-06 rules out. */
export async function setGrade(
  ctx: AppContext,
  actor: Actor,
  batchId: string,
  personId: string,
  body: GradeBody,
  meta: RequestMeta,
) {
  const b = await getBatchRow(ctx, actor, batchId, 'edit');
  const g = await ctx.db
    .selectFrom('grades')
    .selectAll()
    .where('batch_id', '=', batchId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (!g) throw notFound('考核对象');
  await assertGradeAllowed(ctx, b, personId, body.grade);
  const before = { grade: g.grade, note: g.note, notifiedOn: g.notified_on };
  const after = { grade: body.grade, note: body.note ?? null, notifiedOn: body.notifiedOn ?? null };
  const rc = await ruleContext(ctx, 'KH-07', b.unit_id);
  const created = await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('grades')
      .set({
        grade: after.grade,
        note: after.note,
        notified_on: after.notifiedOn,
        recorded_by: actor.userId,
        recorded_at: nowIso(ctx.clock),
      })
      .where('id', '=', g.id)
      .execute();
    const ids = await syncTasks(ctx, trx, b, g.id, personId, body.grade, actor, rc);
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'assessments.grade_set',
      entityType: 'grade',
      entityId: g.id,
      unitId: b.unit_id,
      before,
      after,
      details: { batchId, personId, tasksCreated: ids.length },
    });
    return ids;
  });
  const grades = (await repo.gradesOf(ctx.db, [batchId])).map((x) => x.grade as Grade | null);
  const findings = await capFindings(ctx, b.unit_id, b.type, grades);
  if (body.grade === 'incompetent') {
    const deadline = await reviewDeadline(ctx, b.unit_id, body.grade, after.notifiedOn);
    findings.push(
      finding(rc.rule.id, { deadline, appealDaysAfterReview: param<number>(rc, 'appealDaysAfterReview') }, rc.params, {
        zh: `年度考核不称职的，降低一个职务或者职级层次任职；连续两年不称职的予以辞退（已生成督办事项）。本人可自知道之日起 ${param<number>(rc, 'reviewRequestDays')} 日内申请复核${deadline ? `（至 ${deadline}）` : '（请填写书面通知日期以计算期限）'}；对复核结果不服的，可自接到复核决定之日起 ${param<number>(rc, 'appealDaysAfterReview')} 日内提出申诉（KH-07）。`,
        en: 'An incompetent grade requires demotion by one level; follow-up tasks were created; review and appeal deadlines apply (KH-07).',
        kind: 'info',
      }),
    );
  }
  const kh08 = await ruleContext(ctx, 'KH-08', b.unit_id);
  if (isLowGrade(body.grade, param<string[]>(kh08, 'barringGrades'), (x) => GRADE_LABELS[x])) {
    findings.push(
      finding(kh08.rule.id, { grade: body.grade }, kh08.params, {
        zh: '基本称职及以下的，应对其提出诫勉或进行谈话提醒（2019年条例表述待核实）；下一年度不得列为考察对象。',
        en: 'Basically competent or lower: admonition; not an inspection candidate next year.',
      }),
    );
  }
  const tasks = created.length
    ? await repo.tasksQuery(ctx.db).where('assessment_tasks.id', 'in', created).execute()
    : [];
  return { findings, tasks: tasks.map(presentTask) };
}

export async function setTeamGrade(
  ctx: AppContext,
  actor: Actor,
  batchId: string,
  body: { teamGrade: string | null; note?: string | null | undefined },
  meta: RequestMeta,
): Promise<void> {
  const b = await getBatchRow(ctx, actor, batchId, 'edit');
  const labels = param<string[]>(await ruleContext(ctx, 'KH-04', b.unit_id), 'teamGradeLabels');
  if (body.teamGrade !== null && !labels.includes(body.teamGrade)) {
    throw await ruleRefusal(
      ctx,
      'KH-04',
      b.unit_id,
      today(ctx.clock),
      {
        zh: `班子考核等次应为：${labels.join('、')}`,
        en: 'The team grade is one of the unit’s team grade labels (KH-04).',
      },
      { code: 'VALIDATION_FAILED', field: 'teamGrade', kind: 'info', facts: { teamGrade: body.teamGrade } },
    );
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('grading_batches')
      .set({ team_grade: body.teamGrade, team_grade_note: body.note ?? null, updated_at: nowIso(ctx.clock) })
      .where('id', '=', batchId)
      .execute();
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'assessments.team_grade_set',
      entityType: 'grading_batch',
      entityId: batchId,
      unitId: b.unit_id,
      before: { teamGrade: b.team_grade, note: b.team_grade_note },
      after: { teamGrade: body.teamGrade, note: body.note ?? null },
    });
  });
}

/** The actor's own grades, with the team's grade of the same batch. */
export async function myGrades(ctx: AppContext, actor: Actor) {
  requireBusinessUser(actor);
  if (!actor.personId) return [];
  const rows = await ctx.db
    .selectFrom('grades')
    .innerJoin('grading_batches', 'grading_batches.id', 'grades.batch_id')
    .innerJoin('units', 'units.id', 'grading_batches.unit_id')
    .select([
      'grades.batch_id',
      'grades.grade',
      'grades.notified_on',
      'grading_batches.year',
      'grading_batches.type',
      'grading_batches.title',
      'grading_batches.team_grade',
      'grading_batches.unit_id',
      'units.name as unit_name',
    ])
    .where('grades.person_id', '=', actor.personId)
    .orderBy('grading_batches.year', 'desc')
    .execute();
  return Promise.all(
    rows.map(async (r) => ({
      batchId: r.batch_id,
      year: r.year,
      type: r.type as BatchBody['type'],
      title: r.title,
      unitName: r.unit_name,
      grade: r.grade as Grade | null,
      gradeLabel: r.grade ? GRADE_LABELS[r.grade as Grade] : null,
      teamGrade: r.team_grade,
      notifiedOn: r.notified_on,
      reviewDeadline: await reviewDeadline(ctx, r.unit_id, r.grade, r.notified_on),
    })),
  );
}

export async function listTasks(
  ctx: AppContext,
  actor: Actor,
  filter: { unitId?: string | undefined; status?: string | undefined },
) {
  requireBusinessUser(actor);
  if (filter.unitId) assertAccess(actor, filter.unitId, 'view', '单位');
  const units = gradedUnitIds(actor);
  if (!units.length) return [];
  let q = repo.tasksQuery(ctx.db).where('assessment_tasks.unit_id', 'in', units);
  if (filter.unitId) q = q.where('assessment_tasks.unit_id', '=', filter.unitId);
  if (filter.status) q = q.where('assessment_tasks.status', '=', filter.status);
  return (await q.orderBy('assessment_tasks.created_at', 'desc').execute()).map(presentTask);
}

export async function completeTask(
  ctx: AppContext,
  actor: Actor,
  id: string,
  note: string,
  meta: RequestMeta,
): Promise<void> {
  const t = await ctx.db.selectFrom('assessment_tasks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!t) throw notFound('督办事项');
  assertAccess(actor, t.unit_id, 'edit', '督办事项');
  if (t.status !== 'open') throw new AppError('INVALID_STATE', '该事项已办结或已取消');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('assessment_tasks')
      .set({ status: 'done', note, closed_at: nowIso(ctx.clock), closed_by: actor.userId })
      .where('id', '=', id)
      .execute();
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'assessments.task_done',
      entityType: 'assessment_task',
      entityId: id,
      unitId: t.unit_id,
      details: { kind: t.kind },
    });
  });
}
