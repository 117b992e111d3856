/**
 * Meetings use cases: schedule (office), agenda placement with the readiness gate (PG-05,
 * ZD-03..ZD-06) and the ad-hoc personnel warning (ZZ-03), publish, leave before the start
 * (PG-08), attendance and non-voting attendees (PG-14), open with the quorum (PG-06), close,
 * cancel. Each use case is one transaction with its audit event; the live screen is told after.
 */
import { MEETING_STATUS_LABELS, type MeetingStatus, type ScheduleBody } from '../../../common/contracts/meetings.js';
import { teamPostLabel } from '../../../common/contracts/orgs.js';
import { diffDays } from '../../../common/dates.js';
import { AppError, invalidField } from '../../../common/errors.js';
import { finding } from '../../../common/rules/finding.js';
import type { Finding } from '../../../common/rules/types.js';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/database.js';
import { isUniqueViolation, type Executor } from '../../db/helpers.js';
import { type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import {
  canManage,
  scopeUnitIds,
  findItem,
  invalidState,
  organLabel,
  readSeats,
  requireSeat,
  markScheduled,
  readinessOf,
  returnToPool,
} from '../decisions/index.js';
import { rulesFor, assertNoBlocking, ruleRefusal, storeFindings } from '../rules/index.js';
import { listTeam } from '../orgs/index.js';
import { nowIso, today } from '../../platform/clock.js';
import { uuidv7 } from '../../platform/random.js';
import { announce } from './meetings.live.js';
import * as repo from './meetings.repository.js';
import { meetingQuorum, meetingTitle } from './meetings.rules.js';
import { minutesDeadline } from './minutes.rules.js';
import type { MeetingRow } from './meetings.table.js';
import { renumberYear } from './numbering.repository.js';
import { freezeMeetingRules, MEETING_RULES, meetingRules, paramsForMeetings } from './meetings.frozen.js';
import { getReadableMeeting, memberFacts, QUORUM_RULES, quorumParams } from './meetings.view.js';

/** Run a change to a meeting in one transaction, bump its version, then tell the live screens. */
export async function mutate<T>(
  ctx: AppContext,
  meetingId: string,
  kind: string,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  const out = await ctx.db.transaction().execute(async (trx) => {
    const r = await fn(trx);
    await repo.bumpVersion(trx, meetingId, nowIso(ctx.clock));
    return r;
  });
  announce(ctx, meetingId, kind);
  return out;
}

function requireStatus(m: MeetingRow, allowed: readonly MeetingStatus[], action: string): void {
  if (!allowed.includes(m.status as MeetingStatus)) {
    throw invalidState(`会议${MEETING_STATUS_LABELS[m.status as MeetingStatus] ?? m.status}，不能${action}`);
  }
}

async function managedMeeting(ctx: AppContext, actor: Actor, id: string) {
  const r = await getReadableMeeting(ctx, actor, id);
  requireSeat(canManage(r.seats), '会议由党组办公室安排和主持记录');
  return r;
}

export async function listMeetings(
  ctx: AppContext,
  actor: Actor,
  q: { unitId: string; year?: number | undefined; status?: MeetingStatus | undefined; page: number; pageSize: number },
) {
  const seats = readSeats(actor, q.unitId, '单位');
  const { rows, total } = await repo.listMeetings(ctx.db, {
    ...q,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const counts = await repo.meetingCounts(
    ctx.db,
    rows.map((r) => r.id),
  );
  const held = rows.filter((m) => ['open', 'closed'].includes(m.status));
  const [rules, table, pg12] = await Promise.all([
    rulesFor(ctx, q.unitId, today(ctx.clock), ['PG-05']),
    ctx.calendar.table(),
    // PG-12 as each meeting froze it when it opened: a later override never moves a held meeting's deadline
    paramsForMeetings(ctx, 'PG-12', held),
  ]);
  const items = rows.map((m) => {
    const deadline = held.includes(m)
      ? minutesDeadline(table, m.date, Number(pg12.get(m.id)?.minutesDeadlineDays ?? 15))
      : null;
    const minutesStatus = (counts.minutes.get(m.id) ?? 'none') as 'none' | 'draft' | 'approved';
    return {
      id: m.id,
      unitId: m.unit_id,
      title: m.title,
      subject: m.subject,
      date: m.date,
      startTime: m.start_time,
      location: m.location,
      status: m.status as MeetingStatus,
      entryMode: m.entry_mode as 'live' | 'retrospective',
      itemCount: counts.items.get(m.id) ?? 0,
      memberCount: counts.attendance.get(m.id)?.members ?? 0,
      presentCount: counts.attendance.get(m.id)?.present ?? 0,
      minutesStatus,
      minutesDeadline: deadline?.ok ? deadline.date : null,
      minutesOverdue: !!deadline?.ok && minutesStatus !== 'approved' && deadline.date < today(ctx.clock),
    };
  });
  return {
    items,
    total,
    page: q.page,
    pageSize: q.pageSize,
    canSchedule: canManage(seats),
    findings: await cadenceFindings(ctx, q.unitId, today(ctx.clock), rules),
  };
}

/** PG-05: a warning when more than the unit's number of days pass without a meeting. */
async function cadenceFindings(
  ctx: AppContext,
  unitId: string,
  on: string,
  rules: Awaited<ReturnType<typeof rulesFor>>,
): Promise<Finding[]> {
  const rc = rules['PG-05'];
  if (!rc) return [];
  const last = (await repo.lastHeldDates(ctx.db, [unitId]))[0]?.last;
  const max = Number(rc.params.maxDaysWithoutMeeting ?? 31);
  if (!last || diffDays(last, on) <= max) return [];
  const days = diffDays(last, on);
  return [
    finding('PG-05', { lastMeeting: last, on, days }, rc.params, {
      zh: `距上次党组会议（${last}）已 ${days} 天，超过 ${max} 天；党组会议一般每月召开一次（PG-05）。`,
      en: `No meeting for ${days} days since ${last} (PG-05).`,
      kind: 'warn',
    }),
  ];
}

/** The team on the meeting date: Party Group members are expected (应到会); other leaders attend without a vote (PG-14). */
async function attendanceRows(
  db: Executor,
  meetingId: string,
  unitId: string,
  date: string,
  organType: string,
  now: string,
) {
  const team = await listTeam(db, unitId, { history: false, at: date });
  return team.map((t, i) => ({
    meeting_id: meetingId,
    person_id: t.person_id,
    role: t.is_party_group_member === 1 ? 'member' : 'attendee',
    name: t.name,
    post: t.admin_post ?? teamPostLabel(t.team_post, organType),
    status: 'invited',
    leave_reason: null,
    leave_requested_at: null,
    written_opinion: null,
    sort_order: i,
    updated_at: now,
  }));
}

export async function scheduleMeeting(ctx: AppContext, actor: Actor, body: ScheduleBody, meta: RequestMeta) {
  requireSeat(canManage(readSeats(actor, body.unitId, '单位')), '会议由党组办公室安排');
  const t = today(ctx.clock);
  if (body.entryMode === 'live' && body.date < t) {
    throw invalidField('date', '会议日期不能早于今天；会前未使用本系统的会议请选择“补录”');
  }
  if (body.entryMode === 'retrospective' && body.date > t) throw invalidField('date', '补录的会议日期不能晚于今天');
  if (body.entryMode === 'retrospective' && !body.retrospectiveReason) {
    throw invalidField('retrospectiveReason', '请说明补录原因（如会议在系统启用前召开）');
  }
  const team = await listTeam(ctx.db, body.unitId, { history: false, at: body.date });
  const chair = body.chairPersonId ?? team.find((m) => m.team_post === 'secretary')?.person_id;
  if (!chair) throw invalidField('chairPersonId', '本班子无在任书记，请指定会议主持人');
  if (!team.some((m) => m.person_id === chair && m.is_party_group_member === 1)) {
    throw invalidField('chairPersonId', '会议主持人应为本单位党组成员');
  }
  const recorder = await ctx.db
    .selectFrom('people')
    .select('unit_id')
    .where('id', '=', body.recorderPersonId)
    .executeTakeFirst();
  if (!recorder || recorder.unit_id !== body.unitId) {
    throw await ruleRefusal(
      ctx,
      'PG-12',
      body.unitId,
      body.date,
      {
        zh: '记录人应为本单位人员（PG-12：由专门人员如实记录）',
        en: 'The recorder is a designated person of the unit (PG-12).',
      },
      { code: 'VALIDATION_FAILED', field: 'recorderPersonId' },
    );
  }
  const unit = await ctx.db
    .selectFrom('units')
    .select('organ_type')
    .where('id', '=', body.unitId)
    .executeTakeFirstOrThrow();
  const { organ } = await organLabel(ctx, body.unitId);
  const rules = await rulesFor(ctx, body.unitId, body.date, ['PG-05']);
  const findings = body.entryMode === 'live' ? await cadenceFindings(ctx, body.unitId, body.date, rules) : [];
  const year = Number(body.date.slice(0, 4));
  for (let attempt = 0; ; attempt++) {
    const id = uuidv7(ctx.random, ctx.clock.now().getTime());
    const now = nowIso(ctx.clock);
    try {
      await ctx.db.transaction().execute(async (trx) => {
        const seq = await repo.nextSeq(trx, body.unitId, year);
        await trx
          .insertInto('meetings')
          .values({
            id,
            unit_id: body.unitId,
            year,
            seq,
            title: meetingTitle(year, seq, organ),
            subject: body.subject || null,
            seq_set_by_office: 0,
            date: body.date,
            start_time: body.startTime,
            location: body.location,
            chair_person_id: chair,
            recorder_person_id: body.recorderPersonId,
            status: 'draft',
            entry_mode: body.entryMode,
            retrospective_reason: body.retrospectiveReason ?? null,
            published_at: null,
            opened_at: null,
            closed_at: null,
            minutes_approved_on: null,
            version: 1,
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await renumberYear(trx, body.unitId, year, organ);
        const rows = await attendanceRows(trx, id, body.unitId, body.date, unit.organ_type, now);
        if (rows.length) await trx.insertInto('meeting_attendance').values(rows).execute();
        await storeFindings(trx, ctx, body.unitId, 'meeting', id, findings);
        await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
          action: 'meetings.scheduled',
          entityType: 'meeting',
          entityId: id,
          unitId: body.unitId,
          after: {
            date: body.date,
            startTime: body.startTime,
            location: body.location,
            chair,
            recorder: body.recorderPersonId,
            entryMode: body.entryMode,
          },
        });
      });
      return { id, findings };
    } catch (e) {
      if (isUniqueViolation(e) && attempt < 3) continue;
      throw e;
    }
  }
}

export async function patchMeeting(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: Partial<Pick<ScheduleBody, 'date' | 'startTime' | 'location' | 'chairPersonId' | 'recorderPersonId'>>,
  meta: RequestMeta,
) {
  const { meeting } = await managedMeeting(ctx, actor, id);
  requireStatus(meeting, ['draft', 'published'], '修改');
  const date = patch.date ?? meeting.date;
  if (patch.date && patch.date.slice(0, 4) !== meeting.date.slice(0, 4)) {
    throw invalidField('date', '跨年度改期请取消后重新安排（会议按年度编号）');
  }
  if (meeting.entry_mode === 'live' && patch.date && patch.date < today(ctx.clock)) {
    throw invalidField('date', '会议日期不能早于今天');
  }
  const team = await listTeam(ctx.db, meeting.unit_id, { history: false, at: date });
  const chair = patch.chairPersonId === undefined ? meeting.chair_person_id : patch.chairPersonId;
  if (chair && !team.some((m) => m.person_id === chair && m.is_party_group_member === 1)) {
    throw invalidField('chairPersonId', '会议主持人应为本单位党组成员');
  }
  if (patch.recorderPersonId) {
    const p = await ctx.db
      .selectFrom('people')
      .select('unit_id')
      .where('id', '=', patch.recorderPersonId)
      .executeTakeFirst();
    if (!p || p.unit_id !== meeting.unit_id) throw invalidField('recorderPersonId', '记录人应为本单位人员');
  }
  const before = {
    date: meeting.date,
    startTime: meeting.start_time,
    location: meeting.location,
    chair: meeting.chair_person_id,
    recorder: meeting.recorder_person_id,
  };
  const after = {
    date,
    startTime: patch.startTime ?? meeting.start_time,
    location: patch.location ?? meeting.location,
    chair,
    recorder: patch.recorderPersonId ?? meeting.recorder_person_id,
  };
  const { organ } = await organLabel(ctx, meeting.unit_id);
  await mutate(ctx, id, 'updated', async (trx) => {
    await trx
      .updateTable('meetings')
      .set({
        date: after.date,
        start_time: after.startTime,
        location: after.location,
        chair_person_id: after.chair,
        recorder_person_id: after.recorder,
      })
      .where('id', '=', id)
      .execute();
    await trx.updateTable('meeting_items').set({ meeting_date: after.date }).where('meeting_id', '=', id).execute();
    if (after.date !== before.date) await renumberYear(trx, meeting.unit_id, meeting.year, organ);
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'meetings.updated',
      entityType: 'meeting',
      entityId: id,
      unitId: meeting.unit_id,
      before,
      after,
    });
  });
}

/** Put an approved item on the agenda: the readiness gate blocks (a paper meeting records and flags instead). */
export async function addItem(
  ctx: AppContext,
  actor: Actor,
  meetingId: string,
  body: { agendaItemId: string; voteMethod: string },
  meta: RequestMeta,
) {
  const { meeting } = await managedMeeting(ctx, actor, meetingId);
  requireStatus(meeting, ['draft', 'published', 'open'], '增加议题');
  const item = await findItem(ctx.db, body.agendaItemId, [meeting.unit_id]);
  if (!item) throw invalidField('agendaItemId', '议题不存在或不属于本单位');
  if (!['proposed', 'approved'].includes(item.status)) throw invalidState('该议题已列入会议、已决定或已撤回');
  const retro = meeting.entry_mode === 'retrospective';
  const readiness = (await readinessOf(ctx, item, meeting.date)).map((f) =>
    retro && f.kind === 'block' && f.ruleId !== 'PG-05' ? { ...f, kind: 'warn' as const } : f,
  );
  const rules = await meetingRules(ctx, meeting, ['ZZ-03']);
  const isPrior = item.approved_on !== null && item.approved_on < meeting.date;
  const findings = [...readiness];
  const zz = rules['ZZ-03'];
  if (item.kind === 'personnel' && !isPrior && zz) {
    findings.push(
      finding('ZZ-03', { approvedOn: item.approved_on, meetingDate: meeting.date }, zz.params, {
        zh: `干部任免议题“${item.title}”未在会议日前由书记确定，属临时动议；临时动议决定干部任免应追究责任（ZZ-03 第二项）。`,
        en: `Personnel item "${item.title}" was not approved before the meeting day: an ad-hoc motion (ZZ-03).`,
        kind: 'warn',
      }),
    );
  }
  assertNoBlocking(findings);
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  const now = nowIso(ctx.clock);
  await mutate(ctx, meetingId, 'item_added', async (trx) => {
    const max = await trx
      .selectFrom('meeting_items')
      .select((eb) => eb.fn.max('seq').as('m'))
      .where('meeting_id', '=', meetingId)
      .executeTakeFirst();
    await trx
      .insertInto('meeting_items')
      .values({
        id,
        meeting_id: meetingId,
        agenda_item_id: item.id,
        unit_id: meeting.unit_id,
        meeting_date: meeting.date,
        item_kind: item.kind,
        tzyd_category: item.tzyd_category,
        seq: Number(max?.m ?? 0) + 1,
        vote_method: body.voteMethod,
        state: 'pending',
        is_prior: isPrior ? 1 : 0,
        is_reconsideration: item.amend_kind === 'reconsider' ? 1 : 0,
        added_at: now,
        voting_opened_at: null,
        closed_at: null,
        members_count: null,
        expected_count: null,
        present_count: null,
        quorum_required: null,
        quorum_ok: null,
        participants: null,
        result: null,
        recorded_outcome: null,
        defer_reason: null,
        flags: 0,
      })
      .execute();
    await markScheduled(trx, item.id, now);
    await storeFindings(trx, ctx, meeting.unit_id, 'meeting_item', id, findings);
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'meetings.item_added',
      entityType: 'meeting_item',
      entityId: id,
      unitId: meeting.unit_id,
      after: { agendaItemId: item.id, voteMethod: body.voteMethod },
      details: { meetingId, isPrior, rules: findings.map((f) => f.ruleId) },
    });
  });
  return { id, findings };
}

export async function removeItem(ctx: AppContext, actor: Actor, meetingItemId: string, meta: RequestMeta) {
  const mi = await repo.findMeetingItem(ctx.db, meetingItemId, scopeUnitIds(actor));
  if (!mi) throw new AppError('NOT_FOUND', '会议议题不存在或无权查看');
  const { meeting } = await managedMeeting(ctx, actor, mi.meeting_id);
  requireStatus(meeting, ['draft', 'published', 'open'], '移出议题');
  if (mi.state !== 'pending') throw invalidState('议题已开始表决，不能移出；如需暂缓请使用“暂缓表决”');
  await mutate(ctx, meeting.id, 'item_removed', async (trx) => {
    await trx.deleteFrom('meeting_item_recusals').where('meeting_item_id', '=', mi.id).execute();
    await trx.deleteFrom('meeting_items').where('id', '=', mi.id).where('state', '=', 'pending').execute();
    await returnToPool(trx, mi.agenda_item_id, nowIso(ctx.clock), false);
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'meetings.item_removed',
      entityType: 'meeting_item',
      entityId: mi.id,
      unitId: meeting.unit_id,
      details: { meetingId: meeting.id, agendaItemId: mi.agenda_item_id },
    });
  });
}

export async function patchItem(
  ctx: AppContext,
  actor: Actor,
  meetingItemId: string,
  body: { voteMethod?: string | undefined; seq?: number | undefined },
  meta: RequestMeta,
) {
  const mi = await repo.findMeetingItem(ctx.db, meetingItemId, scopeUnitIds(actor));
  if (!mi) throw new AppError('NOT_FOUND', '会议议题不存在或无权查看');
  const { meeting } = await managedMeeting(ctx, actor, mi.meeting_id);
  requireStatus(meeting, ['draft', 'published', 'open'], '调整议题');
  if (mi.state !== 'pending') throw invalidState('议题已开始表决，表决方式不能再改');
  if (body.seq !== undefined && meeting.status === 'open') throw invalidState('会议已开始，议程顺序不能再调整');
  await mutate(ctx, meeting.id, 'item_updated', async (trx) => {
    await trx
      .updateTable('meeting_items')
      .set({ vote_method: body.voteMethod ?? mi.vote_method, seq: body.seq ?? mi.seq })
      .where('id', '=', mi.id)
      .execute();
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'meetings.item_updated',
      entityType: 'meeting_item',
      entityId: mi.id,
      unitId: meeting.unit_id,
      before: { voteMethod: mi.vote_method, seq: mi.seq },
      after: { voteMethod: body.voteMethod ?? mi.vote_method, seq: body.seq ?? mi.seq },
    });
  });
}

export async function publishMeeting(ctx: AppContext, actor: Actor, id: string, meta: RequestMeta) {
  const { meeting } = await managedMeeting(ctx, actor, id);
  requireStatus(meeting, ['draft'], '发布议程');
  const count = await ctx.db
    .selectFrom('meeting_items')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('meeting_id', '=', id)
    .executeTakeFirst();
  if (Number(count?.n ?? 0) === 0) throw invalidState('议程为空，请先列入议题');
  await mutate(ctx, id, 'published', async (trx) => {
    await trx
      .updateTable('meetings')
      .set({ status: 'published', published_at: nowIso(ctx.clock) })
      .where('id', '=', id)
      .execute();
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'meetings.published',
      entityType: 'meeting',
      entityId: id,
      unitId: meeting.unit_id,
      before: { status: 'draft' },
      after: { status: 'published' },
    });
  });
}

export async function cancelMeeting(ctx: AppContext, actor: Actor, id: string, meta: RequestMeta) {
  const { meeting } = await managedMeeting(ctx, actor, id);
  requireStatus(meeting, ['draft', 'published'], '取消');
  const { organ } = await organLabel(ctx, meeting.unit_id);
  await mutate(ctx, id, 'cancelled', async (trx) => {
    const now = nowIso(ctx.clock);
    for (const it of await trx
      .selectFrom('meeting_items')
      .select(['id', 'agenda_item_id'])
      .where('meeting_id', '=', id)
      .execute()) {
      await trx
        .updateTable('meeting_items')
        .set({ state: 'deferred', defer_reason: '会议取消' })
        .where('id', '=', it.id)
        .execute();
      await returnToPool(trx, it.agenda_item_id, now, false);
    }
    await trx.updateTable('meetings').set({ status: 'cancelled' }).where('id', '=', id).execute();
    await renumberYear(trx, meeting.unit_id, meeting.year, organ);
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'meetings.cancelled',
      entityType: 'meeting',
      entityId: id,
      unitId: meeting.unit_id,
      before: { status: meeting.status },
      after: { status: 'cancelled' },
    });
  });
}

/** PG-06: the meeting opens only with enough members present; a paper meeting is recorded and flagged. */
export async function openMeeting(ctx: AppContext, actor: Actor, id: string, meta: RequestMeta) {
  const { meeting } = await managedMeeting(ctx, actor, id);
  const retro = meeting.entry_mode === 'retrospective';
  requireStatus(meeting, retro ? ['draft', 'published'] : ['published'], '开始');
  if (!retro && meeting.date !== today(ctx.clock)) {
    throw invalidState(`会议日期为 ${meeting.date}，只能在会议当日开始；如已改期请先修改会议日期`);
  }
  const attendance = await repo.attendanceOf(ctx.db, id);
  const unconfirmed = attendance.filter((a) => a.role === 'member' && a.status === 'invited');
  if (unconfirmed.length) {
    throw invalidState(`请先登记以下党组成员的出席情况：${unconfirmed.map((a) => a.name).join('、')}`);
  }
  const rules = await meetingRules(ctx, meeting, QUORUM_RULES);
  const q = meetingQuorum(memberFacts(attendance, new Set()), quorumParams(rules).convene);
  const rc = rules['PG-06'];
  const findings: Finding[] =
    q.ok || !rc
      ? []
      : [
          finding('PG-06', { members: q.members, present: q.present, required: q.required }, rc.params, {
            zh: `到会党组成员 ${q.present} 人，不足应到 ${q.members} 人的半数（至少 ${q.required} 人），${retro ? '该会议不符合召开条件' : '会议不能召开'}（PG-06）。`,
            en: `${q.present} of ${q.members} members present; ${q.required} needed to convene (PG-06).`,
            kind: retro ? 'warn' : 'block',
          }),
        ];
  assertNoBlocking(findings);
  await mutate(ctx, id, 'opened', async (trx) => {
    await trx
      .updateTable('meetings')
      .set({ status: 'open', opened_at: nowIso(ctx.clock) })
      .where('id', '=', id)
      .where('status', '=', meeting.status)
      .execute();
    await storeFindings(trx, ctx, meeting.unit_id, 'meeting', id, findings);
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'meetings.opened',
      entityType: 'meeting',
      entityId: id,
      unitId: meeting.unit_id,
      details: { present: q.present, members: q.members, required: q.required },
    });
  });
  return { findings };
}

export async function closeMeeting(ctx: AppContext, actor: Actor, id: string, meta: RequestMeta) {
  const { meeting } = await managedMeeting(ctx, actor, id);
  requireStatus(meeting, ['open'], '结束');
  const pending = (await repo.itemsOf(ctx.db, id)).filter((i) => i.state === 'pending' || i.state === 'voting');
  if (pending.length) {
    throw invalidState(`以下议题尚未表决：${pending.map((p) => p.title).join('、')}；请表决、暂缓或移出后再结束会议`);
  }
  // The values the meeting was held under are frozen with it now (issue 8 §3): no later override changes it.
  const rules = await meetingRules(ctx, meeting, MEETING_RULES);
  await mutate(ctx, id, 'closed', async (trx) => {
    await freezeMeetingRules(trx, ctx, id, rules);
    await trx
      .updateTable('meetings')
      .set({ status: 'closed', closed_at: nowIso(ctx.clock) })
      .where('id', '=', id)
      .execute();
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'meetings.closed',
      entityType: 'meeting',
      entityId: id,
      unitId: meeting.unit_id,
      before: { status: 'open' },
      after: { status: 'closed' },
    });
  });
}
