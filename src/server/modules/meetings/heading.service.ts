/**
 * Meeting numbers and titles (issue 16 §4): after every change of a meeting's date or status the
 * year's numbers are assigned again (numbering.rules.ts), so the numbers of meetings still to be
 * published follow their dates; a published or held meeting keeps its number for good. The
 * office may set a number by hand before publishing, and give the meeting a title.
 */
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/actor.js';
import { invalidField } from '../../../common/errors.js';
import { auditActorOf, type RequestMeta } from '../../http/actor.js';
import { canManage } from '../decisions/index.js';
import { invalidState, organLabel, requireSeat } from '../decisions/index.js';
import { mutate } from './meetings.service.js';
import { getReadableMeeting } from './meetings.view.js';
import { numberKept } from './numbering.rules.js';
import { meetingWithSeq, renumberYear, seqOf, setHeadingRow } from './numbering.repository.js';

/** The office sets the title, or the number before publishing (null: the number follows the date again). */
export async function setHeading(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: { subject?: string | null | undefined; seq?: number | null | undefined },
  meta: RequestMeta,
) {
  const { meeting, seats } = await getReadableMeeting(ctx, actor, id);
  requireSeat(canManage(seats), '会议编号和标题由党组办公室确定');
  if (body.subject !== undefined && !['draft', 'published'].includes(meeting.status)) {
    throw invalidState('会议已召开或已取消，标题不能再改');
  }
  if (body.seq !== undefined && (meeting.status !== 'draft' || numberKept(meeting))) {
    throw invalidState(`会议已发布，编号“第${meeting.seq}次”不再改变`);
  }
  if (body.seq !== null && body.seq !== undefined && body.seq !== meeting.seq) {
    const holder = await meetingWithSeq(ctx.db, meeting.unit_id, meeting.year, body.seq);
    if (holder && (holder.seq_set_by_office === 1 || numberKept(holder))) {
      throw invalidField('seq', `第${body.seq}次已是 ${holder.date} 会议的编号`);
    }
  }
  const { organ } = await organLabel(ctx, meeting.unit_id);
  const subject = body.subject === undefined ? meeting.subject : body.subject?.trim() || null;
  const bySeq = body.seq === undefined ? meeting.seq_set_by_office : body.seq === null ? 0 : 1;
  await mutate(ctx, id, 'heading', async (trx) => {
    await setHeadingRow(trx, id, subject, bySeq);
    await renumberYear(
      trx,
      meeting.unit_id,
      meeting.year,
      organ,
      body.seq !== null && body.seq !== undefined ? { meetingId: id, seq: body.seq } : undefined,
    );
    const after = await seqOf(trx, id);
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'meetings.heading_set',
      entityType: 'meeting',
      entityId: id,
      unitId: meeting.unit_id,
      before: { subject: meeting.subject, seq: meeting.seq, setByOffice: meeting.seq_set_by_office === 1 },
      after: { subject, seq: after.seq, setByOffice: bySeq === 1 },
    });
  });
}
