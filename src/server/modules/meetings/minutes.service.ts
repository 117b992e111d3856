/**
 * Minutes (PG-12): written by the recorder per item (who said what, dissent recorded, the head's
 * reason when differing, ZD-07), approved by the secretary and then locked: a correction is a new,
 * audited version, never an edit (the database refuses updates of an approved version). The
 * meeting summary (会议纪要) is exported as .docx from the approved minutes.
 */
import {
  CHOICE_LABELS,
  RESULT_LABELS,
  VOTE_METHOD_LABELS,
  minutesContentSchema,
  type Choice,
  type MinutesContent,
  type Result,
} from '../../../common/contracts/meetings.js';
import { invalidField } from '../../../common/errors.js';
import { dateIn } from '../../../common/time.js';
import { paramsOf } from '../../../common/rules/engine.js';
import { finding } from '../../../common/rules/finding.js';
import type { Finding } from '../../../common/rules/types.js';
import type { AppContext } from '../../context.js';
import { fromJson, toJson } from '../../db/helpers.js';
import { type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import { canApproveMinutes, canManage, userNames, invalidState, organLabel, requireSeat } from '../decisions/index.js';
import { assertNoBlocking, storeFindings } from '../rules/index.js';
import { nowIso, today } from '../../platform/clock.js';
import { uuidv7 } from '../../platform/random.js';
import { mutate } from './meetings.service.js';
import * as repo from './meetings.repository.js';
import { headDiffers, minutesDeadline, minutesLate } from './minutes.rules.js';
import type { MeetingRow } from './meetings.table.js';
import { buildMeetingView, getReadableMeeting } from './meetings.view.js';
import { buildSummaryDocx, type SummaryData } from './summary.docx.js';
import { meetingRules } from './meetings.frozen.js';

function canWrite(actor: Actor, meeting: MeetingRow, office: boolean): boolean {
  return office || (!!actor.personId && actor.personId === meeting.recorder_person_id);
}

export async function getMinutes(ctx: AppContext, actor: Actor, meetingId: string) {
  const { meeting, seats } = await getReadableMeeting(ctx, actor, meetingId);
  const rows = await repo.minutesOf(ctx.db, meetingId);
  const users = await userNames(
    ctx.db,
    rows.flatMap((r) => [r.written_by, r.approved_by]),
  );
  const [rules, table] = await Promise.all([meetingRules(ctx, meeting, ['PG-12']), ctx.calendar.table()]);
  const held = ['open', 'closed'].includes(meeting.status);
  const dl = held
    ? minutesDeadline(table, meeting.date, Number(rules['PG-12']?.params.minutesDeadlineDays ?? 15))
    : null;
  const latest = rows[rows.length - 1];
  const write = canWrite(actor, meeting, canManage(seats)) && held;
  return {
    meetingId,
    deadline: dl?.ok ? dl.date : null,
    deadlineNote: dl && !dl.ok ? dl.message_zh : null,
    versions: rows.map((r) => ({
      id: r.id,
      version: r.version,
      status: r.status as 'draft' | 'approved',
      content: minutesContentSchema.parse(fromJson(r.content, {})),
      correctionReason: r.correction_reason,
      writtenBy: users.get(r.written_by) ?? '',
      writtenAt: r.written_at,
      approvedBy: r.approved_by ? (users.get(r.approved_by) ?? '') : null,
      approvedAt: r.approved_at,
    })),
    abilities: {
      write: write && latest?.status !== 'approved',
      approve: canApproveMinutes(seats) && meeting.status === 'closed' && latest?.status === 'draft',
      correct: (canManage(seats) || canApproveMinutes(seats)) && latest?.status === 'approved',
    },
  };
}

/** Save the draft (the latest version while it is not approved). */
export async function saveMinutes(
  ctx: AppContext,
  actor: Actor,
  meetingId: string,
  content: MinutesContent,
  meta: RequestMeta,
) {
  const { meeting, seats } = await getReadableMeeting(ctx, actor, meetingId);
  requireSeat(canWrite(actor, meeting, canManage(seats)), '会议记录由指定记录人或党组办公室填写（PG-12）');
  if (!['open', 'closed'].includes(meeting.status)) throw invalidState('会议尚未召开，不能填写会议记录');
  const itemIds = new Set((await repo.itemsOf(ctx.db, meetingId)).map((i) => i.id));
  for (const [i, it] of content.items.entries()) {
    if (!itemIds.has(it.meetingItemId)) throw invalidField(`items.${i}.meetingItemId`, '议题不属于本次会议');
  }
  const latest = (await repo.minutesOf(ctx.db, meetingId)).at(-1);
  if (latest?.status === 'approved') throw invalidState('会议记录已批准并锁定；如需更正，请发起更正（形成新版本）');
  const now = nowIso(ctx.clock);
  await mutate(ctx, meetingId, 'minutes', async (trx) => {
    if (latest) {
      await trx
        .updateTable('meeting_minutes')
        .set({ content: toJson(content), written_by: actor.userId, written_at: now })
        .where('id', '=', latest.id)
        .where('status', '=', 'draft')
        .execute();
    } else {
      await trx
        .insertInto('meeting_minutes')
        .values({
          id: uuidv7(ctx.random, ctx.clock.now().getTime()),
          meeting_id: meetingId,
          version: 1,
          status: 'draft',
          content: toJson(content),
          correction_reason: null,
          written_by: actor.userId,
          written_at: now,
          approved_by: null,
          approved_at: null,
        })
        .execute();
    }
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'meetings.minutes_saved',
      entityType: 'meeting',
      entityId: meetingId,
      unitId: meeting.unit_id,
      before: latest ? { content: latest.content } : null,
      after: { content: toJson(content) },
      details: { version: latest?.version ?? 1 },
    });
  });
}

/**
 * The checks before approval (also shown before the secretary confirms): ZD-07 the head's reason
 * where the head's vote went against the result, dissent recorded; PG-12 approval past the deadline.
 */
export async function minutesFindings(
  ctx: AppContext,
  meeting: MeetingRow,
  content: MinutesContent,
): Promise<Finding[]> {
  const [rules, table] = await Promise.all([meetingRules(ctx, meeting, ['ZD-07', 'PG-12']), ctx.calendar.table()]);
  const items = await repo.itemsOf(ctx.db, meeting.id);
  const votes = await repo.namedVotesOf(
    ctx.db,
    items.map((i) => i.id),
  );
  const out: Finding[] = [];
  for (const it of items.filter((i) => i.state === 'closed')) {
    const c = content.items.find((x) => x.meetingItemId === it.id);
    const chairVote = votes.find((v) => v.meeting_item_id === it.id && v.person_id === meeting.chair_person_id);
    if (
      headDiffers((chairVote?.choice ?? null) as Choice | null, it.result as Result | null) &&
      !c?.headReason.trim()
    ) {
      out.push(
        finding(
          'ZD-07',
          { item: it.title, chairChoice: chairVote?.choice, result: it.result },
          paramsOf(rules, 'ZD-07'),
          {
            zh: `“${it.title}”：主持人的意见与表决结果不一致，应在会议记录中载明理由（ZD-07）。`,
            en: 'The head differs from the result: state the reason (ZD-07).',
            kind: it.major_decision === 1 ? 'block' : 'warn',
          },
        ),
      );
    }
    const dissent = votes.some((v) => v.meeting_item_id === it.id && v.choice === 'disagree');
    if (dissent && !c?.dissent.trim()) {
      out.push(
        finding('ZD-07', { item: it.title }, paramsOf(rules, 'ZD-07'), {
          zh: `“${it.title}”有不同意票，不同意见应当如实载明（ZD-07、ZD-10）。`,
          en: 'Dissent must be recorded truthfully (ZD-07).',
          kind: 'warn',
        }),
      );
    }
  }
  const pg12 = rules['PG-12'];
  const dl = pg12 ? minutesDeadline(table, meeting.date, Number(pg12.params.minutesDeadlineDays ?? 15)) : null;
  if (pg12 && dl?.ok && !meeting.minutes_approved_on && minutesLate(dl.date, null, today(ctx.clock))) {
    out.push(
      finding('PG-12', { deadline: dl.date, on: today(ctx.clock) }, pg12.params, {
        zh: `会议记录应于 ${dl.date} 前整理审定，现已逾期；审定后仍记为逾期（PG-12）。`,
        en: `The minutes were due by ${dl.date} (PG-12).`,
        kind: 'warn',
      }),
    );
  }
  return out;
}

export async function approveMinutes(ctx: AppContext, actor: Actor, meetingId: string, meta: RequestMeta) {
  const { meeting, seats } = await getReadableMeeting(ctx, actor, meetingId);
  requireSeat(canApproveMinutes(seats), '会议记录由书记审定');
  if (meeting.status !== 'closed') throw invalidState('会议结束后方可审定会议记录');
  const latest = (await repo.minutesOf(ctx.db, meetingId)).at(-1);
  if (!latest) throw invalidState('尚无会议记录');
  if (latest.status === 'approved') throw invalidState('会议记录已批准');
  const findings = await minutesFindings(ctx, meeting, minutesContentSchema.parse(fromJson(latest.content, {})));
  assertNoBlocking(findings);
  const now = nowIso(ctx.clock);
  await mutate(ctx, meetingId, 'minutes_approved', async (trx) => {
    await trx
      .updateTable('meeting_minutes')
      .set({ status: 'approved', approved_by: actor.userId, approved_at: now })
      .where('id', '=', latest.id)
      .where('status', '=', 'draft')
      .execute();
    if (!meeting.minutes_approved_on) {
      await trx
        .updateTable('meetings')
        .set({ minutes_approved_on: today(ctx.clock) })
        .where('id', '=', meetingId)
        .execute();
    }
    await storeFindings(trx, ctx, meeting.unit_id, 'meeting_minutes', latest.id, findings);
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'meetings.minutes_approved',
      entityType: 'meeting',
      entityId: meetingId,
      unitId: meeting.unit_id,
      details: { version: latest.version, rule: 'PG-12' },
    });
  });
  return { findings };
}

/** A correction of approved minutes: a new draft version with the reason; the approved one stays. */
export async function startCorrection(
  ctx: AppContext,
  actor: Actor,
  meetingId: string,
  reason: string,
  meta: RequestMeta,
) {
  const { meeting, seats } = await getReadableMeeting(ctx, actor, meetingId);
  requireSeat(canManage(seats) || canApproveMinutes(seats), '更正会议记录由党组办公室或书记发起');
  const latest = (await repo.minutesOf(ctx.db, meetingId)).at(-1);
  if (!latest || latest.status !== 'approved') throw invalidState('只有已批准的会议记录需要以新版本更正');
  const now = nowIso(ctx.clock);
  await mutate(ctx, meetingId, 'minutes_correction', async (trx) => {
    await trx
      .insertInto('meeting_minutes')
      .values({
        id: uuidv7(ctx.random, ctx.clock.now().getTime()),
        meeting_id: meetingId,
        version: latest.version + 1,
        status: 'draft',
        content: latest.content,
        correction_reason: reason,
        written_by: actor.userId,
        written_at: now,
        approved_by: null,
        approved_at: null,
      })
      .execute();
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'meetings.minutes_correction_started',
      entityType: 'meeting',
      entityId: meetingId,
      unitId: meeting.unit_id,
      details: { fromVersion: latest.version, reason },
    });
  });
}

/** The 会议纪要 .docx from the latest approved minutes. */
export async function summaryDocx(
  ctx: AppContext,
  actor: Actor,
  meetingId: string,
  meta: RequestMeta,
): Promise<{ file: Buffer; filename: string }> {
  const { meeting, seats } = await getReadableMeeting(ctx, actor, meetingId);
  const approved = (await repo.minutesOf(ctx.db, meetingId)).filter((m) => m.status === 'approved').at(-1);
  if (!approved) throw invalidState('会议记录批准后方可导出会议纪要');
  const view = await buildMeetingView(ctx, actor, meeting, seats);
  const content = minutesContentSchema.parse(fromJson(approved.content, {}));
  const { unitName, organ } = await organLabel(ctx, meeting.unit_id);
  const members = view.attendance.filter((a) => a.role === 'member');
  const data: SummaryData = {
    unitName,
    organ,
    year: meeting.year,
    seq: meeting.seq,
    title: meeting.title,
    date: meeting.date,
    startTime: meeting.start_time,
    location: meeting.location,
    chair: view.chair?.name ?? '',
    present: members.filter((a) => a.status === 'present').map((a) => a.name),
    leave: members.filter((a) => a.status === 'leave').map((a) => ({ name: a.name, reason: a.leaveReason ?? '' })),
    absent: members.filter((a) => a.status === 'absent' || a.status === 'invited').map((a) => a.name),
    attendees: view.attendance.filter((a) => a.role === 'attendee' && a.status === 'present').map((a) => a.name),
    recorder: view.recorder?.name ?? '',
    general: content.general,
    issuedOn: approved.approved_at ? dateIn(new Date(approved.approved_at)) : today(ctx.clock),
    version: approved.version,
    items: view.items
      .filter((i) => i.state === 'closed' || i.state === 'deferred')
      .map((it, idx) => {
        const c = content.items.find((x) => x.meetingItemId === it.id);
        const tallies = (it.tallies ?? [])
          .map(
            (t) =>
              `${it.candidates.length ? `${t.label}：` : ''}${CHOICE_LABELS.agree}${t.agree}票、${CHOICE_LABELS.disagree}${t.disagree}票、${it.kind === 'personnel' ? `${CHOICE_LABELS.defer}${t.defer}` : `${CHOICE_LABELS.abstain}${t.abstain}`}票`,
          )
          .join('；');
        const voteLine =
          it.state === 'deferred'
            ? `暂缓表决，下次再议（${it.deferReason ?? ''}）。`
            : `表决方式：${VOTE_METHOD_LABELS[it.voteMethod]}；应到会 ${it.expected ?? 0} 人，实到 ${it.quorum.present} 人；${tallies}；表决结果：${RESULT_LABELS[it.recordedOutcome ?? it.result ?? 'not_passed']}。`;
        return {
          seq: idx + 1,
          title: it.title,
          decision: c?.decision ?? '',
          voteLine,
          recusals: it.recusals.map((r) => `${r.name}（${r.reason}）`),
          dissent: c?.dissent ?? '',
          headReason: c?.headReason ?? '',
        };
      }),
  };
  const file = await buildSummaryDocx(data);
  await ctx.db.transaction().execute((trx) =>
    ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'meetings.summary_exported',
      entityType: 'meeting',
      entityId: meetingId,
      unitId: meeting.unit_id,
      details: { version: approved.version },
    }),
  );
  return { file, filename: `${unitName}${organ}会议纪要〔${meeting.year}〕${meeting.seq}号.docx` };
}
