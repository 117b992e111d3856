/**
 * Attendance: leave asked before the start (PG-08, with a written opinion that is shown but never
 * counted as a vote, PG-09), attendance recorded by the office, non-voting attendees (列席, PG-14).
 */
import { invalidField } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import { type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import { canManage, invalidState, requireSeat } from '../decisions/index.js';
import { nowIso } from '../../platform/clock.js';
import { ruleRefusal } from '../rules/index.js';
import { mutate } from './meetings.service.js';
import { meetingStartInstant } from './meetings.rules.js';
import type { MeetingRow } from './meetings.table.js';
import { getReadableMeeting } from './meetings.view.js';

function started(ctx: AppContext, m: { date: string; start_time: string }): boolean {
  return ctx.clock.now().getTime() >= meetingStartInstant(m.date, m.start_time).getTime();
}

/** PG-08 refusal: 409 as before, carrying the rule. */
function leaveRefusal(ctx: AppContext, m: MeetingRow, zh: string) {
  return ruleRefusal(
    ctx,
    'PG-08',
    m.unit_id,
    m.date,
    { zh, en: 'Leave is asked before the meeting; once it has started, record the member as absent (PG-08).' },
    { code: 'INVALID_STATE', facts: { status: m.status, startTime: m.start_time, date: m.date } },
  );
}

/** PG-08: a member asks for leave for themselves before the start; the office may record it for them. */
export async function requestLeave(
  ctx: AppContext,
  actor: Actor,
  meetingId: string,
  body: { personId?: string | undefined; reason: string; writtenOpinion?: string | null | undefined },
  meta: RequestMeta,
) {
  const { meeting, seats } = await getReadableMeeting(ctx, actor, meetingId);
  const personId = body.personId ?? actor.personId;
  if (!personId) throw invalidField('personId', '请指明请假人员');
  if (personId !== actor.personId) requireSeat(canManage(seats), '只能为本人请假；代为登记请假由党组办公室办理');
  const row = await ctx.db
    .selectFrom('meeting_attendance')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (!row) {
    throw invalidField(
      'personId',
      personId === actor.personId ? '您不在本次会议的出席名单中' : '该人员不在本次会议的出席名单中',
    );
  }
  const retro = meeting.entry_mode === 'retrospective';
  if (!['draft', 'published'].includes(meeting.status) && !(retro && meeting.status === 'open')) {
    throw await leaveRefusal(ctx, meeting, '会议已开始或已结束，不能再请假（PG-08：应在会前请假）');
  }
  if (!retro && started(ctx, meeting)) {
    throw await leaveRefusal(ctx, meeting, '会议已开始，不能再请假（PG-08：应在会前请假）；未到会的由记录人登记为缺席');
  }
  if (row.status === 'leave') throw invalidState('已请假');
  const now = nowIso(ctx.clock);
  await mutate(ctx, meetingId, 'leave', async (trx) => {
    await trx
      .updateTable('meeting_attendance')
      .set({
        status: 'leave',
        leave_reason: body.reason,
        leave_requested_at: now,
        written_opinion: body.writtenOpinion ?? null,
        updated_at: now,
      })
      .where('meeting_id', '=', meetingId)
      .where('person_id', '=', personId)
      .execute();
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'meetings.leave_requested',
      entityType: 'meeting',
      entityId: meetingId,
      unitId: meeting.unit_id,
      before: { status: row.status },
      after: { status: 'leave', reason: body.reason, writtenOpinion: body.writtenOpinion ?? null },
      details: { personId, rule: 'PG-08', onBehalf: personId !== actor.personId },
    });
  });
}

/** The office records who is present or absent (and leave, before the start). */
export async function setAttendance(
  ctx: AppContext,
  actor: Actor,
  meetingId: string,
  body: { personId: string; status: 'present' | 'absent' | 'leave'; reason?: string | null | undefined },
  meta: RequestMeta,
) {
  const { meeting, seats } = await getReadableMeeting(ctx, actor, meetingId);
  requireSeat(canManage(seats), '出席情况由党组办公室登记');
  const retro = meeting.entry_mode === 'retrospective';
  const allowed = retro ? ['draft', 'published', 'open'] : ['published', 'open'];
  if (!allowed.includes(meeting.status)) {
    throw invalidState(meeting.status === 'draft' ? '请先发布议程再登记出席' : '会议已结束或已取消，出席情况不能再改');
  }
  // PG-08: leave is asked before the meeting; once it has opened (or its start time has come) no
  // one can be set to leave, only present or absent. A paper meeting recorded afterwards (补录) is
  // entered as it happened.
  if (body.status === 'leave' && !retro && (meeting.status !== 'published' || started(ctx, meeting))) {
    throw await leaveRefusal(ctx, meeting, '会议已开始，不能再登记请假（PG-08：应在会前请假）；请登记为缺席');
  }
  if (body.status === 'leave' && !body.reason) throw invalidField('reason', '请填写请假事由');
  const row = await ctx.db
    .selectFrom('meeting_attendance')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('person_id', '=', body.personId)
    .executeTakeFirst();
  if (!row) throw invalidField('personId', '该人员不在本次会议的出席名单中');
  const now = nowIso(ctx.clock);
  await mutate(ctx, meetingId, 'attendance', async (trx) => {
    await trx
      .updateTable('meeting_attendance')
      .set({
        status: body.status,
        updated_at: now,
        ...(body.status === 'leave'
          ? { leave_reason: body.reason ?? null, leave_requested_at: row.leave_requested_at ?? now }
          : {}),
      })
      .where('meeting_id', '=', meetingId)
      .where('person_id', '=', body.personId)
      .execute();
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'meetings.attendance_set',
      entityType: 'meeting',
      entityId: meetingId,
      unitId: meeting.unit_id,
      before: { status: row.status },
      after: { status: body.status },
      details: { personId: body.personId },
    });
  });
}

/** PG-14: a non-member attends (列席) and may speak, but has no vote. */
export async function addAttendee(
  ctx: AppContext,
  actor: Actor,
  meetingId: string,
  personId: string,
  meta: RequestMeta,
) {
  const { meeting, seats } = await getReadableMeeting(ctx, actor, meetingId);
  requireSeat(canManage(seats), '列席人员由党组办公室安排');
  if (!['draft', 'published', 'open'].includes(meeting.status)) throw invalidState('会议已结束或已取消');
  const person = await ctx.db
    .selectFrom('people')
    .select(['id', 'name', 'unit_id'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person || person.unit_id !== meeting.unit_id) throw invalidField('personId', '列席人员应为本单位人员');
  const exists = await ctx.db
    .selectFrom('meeting_attendance')
    .select('role')
    .where('meeting_id', '=', meetingId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (exists) throw invalidField('personId', exists.role === 'member' ? '党组成员已在应到名单中' : '已在列席名单中');
  const post = await ctx.db
    .selectFrom('person_posts')
    .select('title')
    .where('person_id', '=', personId)
    .where('end_date', 'is', null)
    .executeTakeFirst();
  const order = await ctx.db
    .selectFrom('meeting_attendance')
    .select((eb) => eb.fn.max('sort_order').as('m'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  const now = nowIso(ctx.clock);
  await mutate(ctx, meetingId, 'attendee', async (trx) => {
    await trx
      .insertInto('meeting_attendance')
      .values({
        meeting_id: meetingId,
        person_id: personId,
        role: 'attendee',
        name: person.name,
        post: post?.title ?? null,
        status: meeting.status === 'open' ? 'present' : 'invited',
        leave_reason: null,
        leave_requested_at: null,
        written_opinion: null,
        sort_order: Number(order?.m ?? 0) + 1,
        updated_at: now,
      })
      .execute();
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'meetings.attendee_added',
      entityType: 'meeting',
      entityId: meetingId,
      unitId: meeting.unit_id,
      details: { personId, rule: 'PG-14' },
    });
  });
}
