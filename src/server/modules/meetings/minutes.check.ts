/**
 * What approving the minutes will lock, and the checks approval runs (ZD-07 the head's reason and
 * dissent recorded, PG-12 the deadline), shown to the secretary before "审定并锁定" is confirmed.
 * Nothing is written: the approval runs the same checks again and refuses on a blocking one.
 */
import { minutesContentSchema } from '../../../common/contracts/meetings.js';
import type { AppContext } from '../../context.js';
import { fromJson } from '../../db/helpers.js';
import type { Actor } from '../../http/actor.js';
import { canApproveMinutes, canManage, requireSeat } from '../decisions/index.js';
import * as repo from './meetings.repository.js';
import { getReadableMeeting } from './meetings.view.js';
import { minutesFindings } from './minutes.service.js';

export async function checkMinutes(ctx: AppContext, actor: Actor, meetingId: string) {
  const { meeting, seats } = await getReadableMeeting(ctx, actor, meetingId);
  const recorder = !!actor.personId && actor.personId === meeting.recorder_person_id;
  requireSeat(
    canApproveMinutes(seats) || canManage(seats) || recorder,
    '会议记录的审定检查供书记、记录人和党组办公室查看',
  );
  const latest = (await repo.minutesOf(ctx.db, meetingId)).at(-1);
  const items = await repo.itemsOf(ctx.db, meetingId);
  const content = minutesContentSchema.parse(fromJson(latest?.content, {}));
  const findings = latest ? await minutesFindings(ctx, meeting, content) : [];
  return {
    version: latest?.version ?? null,
    status: (latest?.status ?? 'none') as 'none' | 'draft' | 'approved',
    general: content.general,
    items: items
      .filter((i) => i.state === 'closed' || i.state === 'deferred')
      .map((it) => {
        const c = content.items.find((x) => x.meetingItemId === it.id);
        return {
          meetingItemId: it.id,
          seq: it.seq,
          title: it.title,
          decision: c?.decision ?? '',
          speeches: c?.discussion.length ?? 0,
          dissent: c?.dissent ?? '',
          headReason: c?.headReason ?? '',
        };
      }),
    findings,
    blocking: findings.some((f) => f.kind === 'block'),
  };
}
