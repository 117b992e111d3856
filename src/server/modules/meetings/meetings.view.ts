/**
 * The meeting as one page sees it (detail and live screen): attendance, quorum, items with
 * recusals, participation, votes as they arrive for named methods, and for a secret ballot only
 * how many have voted until the item closes, then the totals. Built per actor: abilities and "me".
 */
import type { Choice, MeetingDetail, MeetingItem, Result, VoteMethod } from '../../../common/contracts/meetings.js';
import type { ItemKind, TzydCategory } from '../../../common/contracts/decisions.js';
import type { Finding } from '../../../common/rules/types.js';
import { notFound } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import { toBool, type Executor } from '../../db/helpers.js';
import type { Actor } from '../../http/actor.js';
import { findingsOf, type Rules } from '../rules/index.js';
import {
  canApproveMinutes,
  canManage,
  scopeUnitIds,
  type Seats,
  candidatesOf,
  organLabel,
  readSeats,
} from '../decisions/index.js';
import * as repo from './meetings.repository.js';
import {
  eligibleVoters,
  expectedCount,
  itemQuorum,
  meetingQuorum,
  meetingStartInstant,
  minimumPresent,
  type MemberFact,
  type QuorumParams,
} from './meetings.rules.js';
import type { AttendanceRow, MeetingRow } from './meetings.table.js';
import { MAIN_QUESTION } from '../../../common/contracts/meetings.js';
import { meetingRules } from './meetings.frozen.js';
import { numberKept } from './numbering.rules.js';

export const QUORUM_RULES = ['PG-06', 'PG-07', 'PG-13'] as const;

export function quorumParams(rules: Rules): QuorumParams {
  const p6 = rules['PG-06']?.params ?? {};
  const p7 = rules['PG-07']?.params ?? {};
  const p13 = rules['PG-13']?.params ?? {};
  return {
    convene: {
      num: Number(p6.quorumNumerator ?? 1),
      den: Number(p6.quorumDenominator ?? 2),
      inclusive: p6.quorumInclusive !== false,
    },
    personnel: {
      num: Number(p7.personnelQuorumNumerator ?? 2),
      den: Number(p7.personnelQuorumDenominator ?? 3),
      inclusive: p7.personnelQuorumInclusive !== false,
    },
    disciplineItemsToo: p7.disciplineItemsToo !== false,
    recusedCountAsPresent: p13.recusedCountAsPresentForQuorum === true,
  };
}

/** Members (role member) as quorum facts for one item. */
export function memberFacts(attendance: readonly AttendanceRow[], recused: ReadonlySet<string>): MemberFact[] {
  return attendance
    .filter((a) => a.role === 'member')
    .map((a) => ({ personId: a.person_id, present: a.status === 'present', recused: recused.has(a.person_id) }));
}

/** The meeting row the actor may read (scoped in SQL), else 404; with the actor's seats. */
export async function getReadableMeeting(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ meeting: MeetingRow; seats: Seats }> {
  const meeting = await repo.findMeeting(ctx.db, id, scopeUnitIds(actor));
  if (!meeting) throw notFound('会议');
  return { meeting, seats: readSeats(actor, meeting.unit_id, '会议') };
}

async function candidatesByItem(db: Executor, agendaItemIds: readonly string[]) {
  const rows = await candidatesOf(db, agendaItemIds);
  const out = new Map<string, { id: string; name: string; proposedPost: string }[]>();
  for (const r of rows) {
    out.set(r.agenda_item_id, [
      ...(out.get(r.agenda_item_id) ?? []),
      { id: r.id, name: r.name, proposedPost: r.proposed_post },
    ]);
  }
  return out;
}

export async function buildMeetingView(
  ctx: AppContext,
  actor: Actor,
  meeting: MeetingRow,
  seats: Seats,
): Promise<MeetingDetail> {
  const db = ctx.db;
  const [attendance, items, rules, organ, minutes] = await Promise.all([
    repo.attendanceOf(db, meeting.id),
    repo.itemsOf(db, meeting.id),
    meetingRules(ctx, meeting, QUORUM_RULES),
    organLabel(ctx, meeting.unit_id),
    repo.minutesOf(db, meeting.id),
  ]);
  const ids = items.map((i) => i.id);
  const [recusals, participation, named, tallies, candidates, findings] = await Promise.all([
    repo.recusalsOf(db, ids),
    repo.participationOf(db, ids),
    repo.namedVotesOf(db, ids),
    repo.talliesOf(db, ids),
    candidatesByItem(
      db,
      items.map((i) => i.agenda_item_id),
    ),
    Promise.all(items.map((i) => findingsOf(db, 'meeting_item', i.id))),
  ]);
  const qp = quorumParams(rules);
  const names = new Map(attendance.map((a) => [a.person_id, a.name]));
  const members = attendance.filter((a) => a.role === 'member');
  const present = members.filter((a) => a.status === 'present').length;
  const whole = meetingQuorum(memberFacts(attendance, new Set()), qp.convene);
  // PG-07 with the unit's parameters (including whether "2/3以上" counts the exact value, personnelQuorumInclusive)
  const personnelRequired = minimumPresent(members.length, qp.personnel);
  const me = actor.personId ? attendance.find((a) => a.person_id === actor.personId) : undefined;

  const views: MeetingItem[] = items.map((it, idx) => {
    const rec = recusals.filter((r) => r.meeting_item_id === it.id);
    const recSet = new Set(rec.map((r) => r.person_id));
    const facts = memberFacts(attendance, recSet);
    const eligible = eligibleVoters(facts);
    const part = participation.filter((p) => p.meeting_item_id === it.id);
    const secret = it.vote_method === 'secret';
    const closed = it.state === 'closed' || (it.state === 'deferred' && it.result !== null);
    const cands = candidates.get(it.agenda_item_id) ?? [];
    const candIds = cands.length ? cands.map((c) => c.id) : [MAIN_QUESTION];
    const labelOf = (cid: string) => cands.find((c) => c.id === cid)?.name ?? '本议题';
    const live = closed ? null : itemQuorum(facts, it.item_kind, qp);
    const quorum = live ?? {
      ruleId:
        it.item_kind === 'personnel' || (it.item_kind === 'discipline' && qp.disciplineItemsToo) ? 'PG-07' : 'PG-06',
      members: it.members_count ?? 0,
      present: it.present_count ?? 0,
      required: it.quorum_required ?? 0,
      ok: toBool(it.quorum_ok),
    };
    const itemVotes = named.filter((v) => v.meeting_item_id === it.id);
    const votes = secret
      ? null
      : part.map((p) => ({
          personId: p.person_id,
          name: names.get(p.person_id) ?? '',
          notVoting: p.status === 'not_voting',
          recordedBy: p.recorded_by,
          choices: Object.fromEntries(
            itemVotes.filter((v) => v.person_id === p.person_id).map((v) => [v.candidate_id, v.choice as Choice]),
          ),
        }));
    const stored = tallies.filter((t) => t.meeting_item_id === it.id);
    const runningTallies =
      !secret && !closed && it.state === 'voting'
        ? candIds.map((cid) => {
            const c = { agree: 0, disagree: 0, abstain: 0, defer: 0 };
            for (const v of itemVotes.filter((x) => x.candidate_id === cid)) c[v.choice as Choice] += 1;
            return { candidateId: cid, label: labelOf(cid), ...c, result: null };
          })
        : null;
    return {
      id: it.id,
      agendaItemId: it.agenda_item_id,
      seq: it.seq ?? idx + 1,
      title: it.title,
      kind: it.item_kind as ItemKind,
      tzydCategory: it.tzyd_category as TzydCategory | null,
      important: toBool(it.important) || it.tzyd_category !== null,
      majorDecision: toBool(it.major_decision),
      isPrior: toBool(it.is_prior),
      isReconsideration: toBool(it.is_reconsideration),
      voteMethod: it.vote_method as VoteMethod,
      state: it.state as MeetingItem['state'],
      sponsorName: it.sponsor_name,
      candidates: cands,
      recusals: rec.map((r) => ({ personId: r.person_id, name: names.get(r.person_id) ?? '', reason: r.reason })),
      participation: { done: part.length, eligible: closed ? part.length : eligible.length },
      myParticipation: (part.find((p) => p.person_id === actor.personId)?.status ?? null) as
        'voted' | 'not_voting' | null,
      votes,
      tallies: stored.length
        ? stored.map((t) => ({
            candidateId: t.candidate_id,
            label: labelOf(t.candidate_id),
            agree: t.agree,
            disagree: t.disagree,
            abstain: t.abstain,
            defer: t.defer,
            result: t.result as Result,
          }))
        : runningTallies,
      result: it.result as Result | null,
      recordedOutcome: it.recorded_outcome as Result | null,
      quorum,
      expected: closed
        ? it.expected_count
        : expectedCount(facts, rules['PG-13']?.params.recusedCountInExpected !== false),
      findings: findings[idx] ?? [],
      deferReason: it.defer_reason,
    };
  });
  const minutesStatus = minutes.some((m) => m.status === 'approved') ? 'approved' : minutes.length ? 'draft' : 'none';
  const beforeStart = ctx.clock.now().getTime() < meetingStartInstant(meeting.date, meeting.start_time).getTime();
  const isOffice = canManage(seats);
  const meetingFindings: Finding[] = await findingsOf(db, 'meeting', meeting.id);
  const recorder =
    attendanceName(attendance, meeting.recorder_person_id) ?? (await personName(db, meeting.recorder_person_id));
  return {
    id: meeting.id,
    unitId: meeting.unit_id,
    unitName: organ.unitName,
    organLabel: organ.organ,
    title: meeting.title,
    subject: meeting.subject,
    year: meeting.year,
    seq: meeting.seq,
    numberKept: numberKept(meeting) || meeting.seq_set_by_office === 1,
    numberSetByOffice: meeting.seq_set_by_office === 1,
    date: meeting.date,
    startTime: meeting.start_time,
    location: meeting.location,
    status: meeting.status as MeetingDetail['status'],
    entryMode: meeting.entry_mode as 'live' | 'retrospective',
    retrospectiveReason: meeting.retrospective_reason,
    chair: meeting.chair_person_id
      ? {
          personId: meeting.chair_person_id,
          name: names.get(meeting.chair_person_id) ?? (await personName(db, meeting.chair_person_id)) ?? '',
        }
      : null,
    recorder: recorder ? { personId: meeting.recorder_person_id, name: recorder } : null,
    openedAt: meeting.opened_at,
    closedAt: meeting.closed_at,
    attendance: attendance.map((a) => ({
      personId: a.person_id,
      name: a.name,
      role: a.role as 'member' | 'attendee',
      post: a.post,
      status: a.status as MeetingDetail['attendance'][number]['status'],
      leaveReason: a.leave_reason,
      leaveRequestedAt: a.leave_requested_at,
      writtenOpinion: a.written_opinion,
    })),
    items: views,
    currentItemId: views.find((v) => v.state === 'voting')?.id ?? null,
    quorum: {
      members: members.length,
      present,
      required: whole.required,
      ok: whole.ok,
      personnelRequired,
      personnelOk: present >= personnelRequired,
      conveneRatio: qp.convene,
      personnelRatio: { ...qp.personnel, disciplineItemsToo: qp.disciplineItemsToo },
    },
    findings: meetingFindings,
    minutesStatus,
    version: meeting.version,
    me: {
      personId: actor.personId,
      role: me ? (me.role as 'member' | 'attendee') : 'none',
      isChair: !!actor.personId && actor.personId === meeting.chair_person_id,
      status: (me?.status ?? null) as MeetingDetail['me']['status'],
    },
    abilities: {
      manage: isOffice && ['draft', 'published', 'open'].includes(meeting.status),
      run: isOffice && meeting.status === 'open',
      requestLeave:
        me?.role === 'member' &&
        me.status !== 'leave' &&
        meeting.entry_mode === 'live' &&
        ['draft', 'published'].includes(meeting.status) &&
        beforeStart,
      recuse:
        me?.role === 'member' &&
        meeting.status === 'open' &&
        views.some((v) => v.state === 'pending' || v.state === 'voting'),
      approveMinutes: canApproveMinutes(seats) && minutesStatus === 'draft',
      writeMinutes:
        (isOffice || actor.personId === meeting.recorder_person_id) && ['open', 'closed'].includes(meeting.status),
      downloadSummary: minutesStatus === 'approved',
    },
  };
}

function attendanceName(att: readonly AttendanceRow[], personId: string): string | undefined {
  return att.find((a) => a.person_id === personId)?.name;
}

async function personName(db: Executor, id: string): Promise<string | undefined> {
  return (await db.selectFrom('people').select('name').where('id', '=', id).executeTakeFirst())?.name;
}

export async function getMeetingView(ctx: AppContext, actor: Actor, id: string): Promise<MeetingDetail> {
  const { meeting, seats } = await getReadableMeeting(ctx, actor, id);
  return buildMeetingView(ctx, actor, meeting, seats);
}
