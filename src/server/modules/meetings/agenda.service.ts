/**
 * The agenda before the meeting (issue 16 §4): the office puts the items in a new order while the
 * meeting has not opened (audited), and prints the agenda and the meeting notice (.docx).
 */
import { invalidField } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import { setItemSeq } from './numbering.repository.js';
import type { Actor } from '../../http/actor.js';
import { auditActorOf, type RequestMeta } from '../../http/actor.js';
import { canManage } from '../decisions/index.js';
import { invalidState, organLabel, requireSeat } from '../decisions/index.js';
import { today } from '../../platform/clock.js';
import { buildAgendaDocx, buildNoticeDocx, type AgendaDocData } from './agenda.docx.js';
import { mutate } from './meetings.service.js';
import * as repo from './meetings.repository.js';
import { getReadableMeeting } from './meetings.view.js';

/** The agenda in a new order: every item of the meeting exactly once, before the meeting opens. */
export async function reorderAgenda(
  ctx: AppContext,
  actor: Actor,
  meetingId: string,
  order: string[],
  meta: RequestMeta,
) {
  const { meeting, seats } = await getReadableMeeting(ctx, actor, meetingId);
  requireSeat(canManage(seats), '议程由党组办公室安排');
  if (!['draft', 'published'].includes(meeting.status)) throw invalidState('会议已开始或已结束，议程顺序不能再调整');
  const items = await repo.itemsOf(ctx.db, meetingId);
  const ids = new Set(items.map((i) => i.id));
  if (order.length !== ids.size || new Set(order).size !== order.length || order.some((id) => !ids.has(id))) {
    throw invalidField('order', '新的议程顺序应当列出本次会议的每个议题各一次');
  }
  const before = items.map((i) => i.id);
  if (before.every((id, i) => order[i] === id)) return;
  await mutate(ctx, meetingId, 'agenda_reordered', async (trx) => {
    for (const [i, id] of order.entries()) await setItemSeq(trx, id, i + 1);
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'meetings.agenda_reordered',
      entityType: 'meeting',
      entityId: meetingId,
      unitId: meeting.unit_id,
      before: { order: before },
      after: { order },
      details: { from: before, to: order },
    });
  });
}

/** The agenda (议程) or the meeting notice (会议通知) as .docx, for anyone who reads the meeting. */
export async function agendaDocument(
  ctx: AppContext,
  actor: Actor,
  meetingId: string,
  kind: 'agenda' | 'notice',
  meta: RequestMeta,
): Promise<{ file: Buffer; filename: string }> {
  const { meeting } = await getReadableMeeting(ctx, actor, meetingId);
  if (meeting.status === 'cancelled') throw invalidState('会议已取消');
  const [{ unitName, organ }, items, attendance] = await Promise.all([
    organLabel(ctx, meeting.unit_id),
    repo.itemsOf(ctx.db, meetingId),
    repo.attendanceOf(ctx.db, meetingId),
  ]);
  const chair = attendance.find((a) => a.person_id === meeting.chair_person_id)?.name ?? '';
  const data: AgendaDocData = {
    unitName,
    organ,
    title: meeting.title,
    subject: meeting.subject,
    date: meeting.date,
    startTime: meeting.start_time,
    location: meeting.location,
    chair,
    members: attendance.filter((a) => a.role === 'member').map((a) => a.name),
    attendees: attendance.filter((a) => a.role === 'attendee').map((a) => a.name),
    items: items.map((i) => ({ title: i.title, sponsor: i.sponsor_name })),
    draft: meeting.status === 'draft',
    issuedOn: today(ctx.clock),
  };
  const file = kind === 'agenda' ? await buildAgendaDocx(data) : await buildNoticeDocx(data);
  await ctx.db.transaction().execute((trx) =>
    ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: kind === 'agenda' ? 'meetings.agenda_exported' : 'meetings.notice_exported',
      entityType: 'meeting',
      entityId: meetingId,
      unitId: meeting.unit_id,
    }),
  );
  const label = kind === 'agenda' ? '议程' : '会议通知';
  return { file, filename: `${unitName}${meeting.title}${label}.docx` };
}
