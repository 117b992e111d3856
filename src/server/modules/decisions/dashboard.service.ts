/**
 * The follow-through dashboard of the secretary and the office (督办): overdue and soon-due tasks,
 * items awaiting the secretary (PG-05), upcoming meetings, minutes past their deadline (PG-12),
 * and the monthly-cadence warning (PG-05).
 */
import { addDays, diffDays } from '../../../common/dates.js';
import { notFound } from '../../../common/errors.js';
import { finding } from '../../../common/rules/finding.js';
import type { Finding } from '../../../common/rules/types.js';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/actor.js';
import { today } from '../../platform/clock.js';
import { canApproveItems, canManage } from './decisions.policy.js';
import * as repo from './decisions.repository.js';
import { findUnit } from '../orgs/index.js';
import { rulesFor } from '../rules/index.js';
import { readSeats, requireSeat } from './decisions.support.js';
import { presentListEntry } from './items.service.js';
import { openTasksDueBefore } from './tasks.service.js';
import type { MeetingReads } from './decisions.meetings.js';

export async function getDashboard(ctx: AppContext, actor: Actor, unitId: string, meetingReads: MeetingReads) {
  const seats = readSeats(actor, unitId, '单位');
  requireSeat(canManage(seats) || canApproveItems(seats) || seats.oversight, '督办看板供书记、党组办公室使用');
  const d = today(ctx.clock);
  const [overdue, soon, proposed, approved, meetings, unit] = await Promise.all([
    openTasksDueBefore(ctx, actor, unitId, d, seats),
    openTasksDueBefore(ctx, actor, unitId, addDays(d, 8), seats),
    repo.listItems(ctx.db, { unitId, statuses: ['proposed'], limit: 50, offset: 0 }),
    repo.listItems(ctx.db, { unitId, statuses: ['approved'], limit: 1, offset: 0 }),
    meetingReads.upcomingMeetings(ctx.db, unitId, d),
    findUnit(ctx.db, unitId),
  ]);
  if (!unit) throw notFound('单位');
  const since = addDays(d, -366);
  const minutesLate = (await meetingReads.detectViolations(ctx, [unit], since)).items.filter(
    (v) => v.detector === 'minutes_late',
  );
  const rules = await rulesFor(ctx, unitId, d, ['PG-05']);
  const findings: Finding[] = [];
  const last = (await meetingReads.lastHeldDates(ctx.db, [unitId]))[0]?.last;
  const rc = rules['PG-05'];
  const max = Number(rc?.params.maxDaysWithoutMeeting ?? 31);
  if (rc && last && diffDays(last, d) > max) {
    const days = diffDays(last, d);
    findings.push(
      finding('PG-05', { lastMeeting: last, days }, rc.params, {
        zh: `距上次党组会议（${last}）已 ${days} 天，超过 ${max} 天；党组会议一般每月召开一次（PG-05）。`,
        en: `No meeting for more than ${max} days (PG-05).`,
        kind: 'warn',
      }),
    );
  }
  return {
    unitId,
    today: d,
    overdueTasks: overdue,
    dueSoonTasks: soon.filter((t) => !t.overdue),
    awaitingApproval: proposed.rows.map((r) => presentListEntry(r, r.catalogue_name, r.sponsor_name, false)),
    readyForAgenda: approved.total,
    upcomingMeetings: meetings.map((m) => ({
      id: m.id,
      title: m.title,
      date: m.date,
      startTime: m.start_time,
      status: m.status,
    })),
    minutesOverdue: minutesLate.map((v) => ({
      meetingId: v.meetingId ?? '',
      title: v.title,
      date: v.date,
      deadline: typeof v.finding.facts.deadline === 'string' ? v.finding.facts.deadline : '',
    })),
    findings,
  };
}
