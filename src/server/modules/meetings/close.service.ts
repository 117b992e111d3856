/**
 * Settling an item: close the vote and count it (PG-09: agree votes must exceed half of the
 * members expected to attend, not of those present; SE-09 for personnel items and for
 * reconsideration, which needs more than half of all members), warn on a close vote on an
 * important item and offer deferral (PG-18), enter a paper meeting's result afterwards (flagged
 * when the recorded outcome differs from the count), and defer. The result carries the rule that
 * decided it; the detector flags are stored with the item.
 */
import { RESULT_LABELS, type Result } from '../../../common/contracts/meetings.js';
import { invalidField } from '../../../common/errors.js';
import { paramsOf } from '../../../common/rules/engine.js';
import { finding } from '../../../common/rules/finding.js';
import type { Finding } from '../../../common/rules/types.js';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/database.js';
import type { Executor } from '../../db/helpers.js';
import { toBool } from '../../db/helpers.js';
import { type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import {
  canManage,
  invalidState,
  requireSeat,
  createRevoteItem,
  recordOutcome,
  returnToPool,
} from '../decisions/index.js';
import { type Rules, assertNoBlocking, findingsOf, ruleRefusal, storeFindings } from '../rules/index.js';
import { cleanupAfterClose, rewriteAnonymously } from '../../platform/anonymity-cleanup.js';
import { nowIso } from '../../platform/clock.js';
import { randomId } from '../../platform/random.js';
import { mutate } from './meetings.service.js';
import * as repo from './meetings.repository.js';
import {
  eligibleVoters,
  expectedCount,
  isCloseVote,
  itemQuorum,
  itemResult,
  questionResult,
  reconsiderationBase,
  reconsiderationPasses,
  settledFlags,
  tally,
  type Counts,
} from './meetings.rules.js';
import type { MeetingItemRow, MeetingRow } from './meetings.table.js';
import { memberFacts, QUORUM_RULES, quorumParams } from './meetings.view.js';
import { candidateIds, getReadableItem, quorumFinding } from './voting.service.js';
import { meetingRules } from './meetings.frozen.js';

const SETTLE_RULES = [...QUORUM_RULES, 'PG-09', 'SE-09', 'PG-18', 'ZD-09'] as const;

interface Settlement {
  counts: Map<string, Counts>;
  participants: number;
  recordedOutcome: Result | null;
}

/** Count, judge and store: one function for live closes and paper results, inside the caller's transaction. */
async function settle(
  ctx: AppContext,
  trx: Transaction<Database>,
  actor: Actor,
  meeting: MeetingRow,
  mi: MeetingItemRow & { important: number; approved_on: string | null; amend_kind: string | null },
  rules: Rules,
  s: Settlement,
  meta: RequestMeta,
) {
  const retro = meeting.entry_mode === 'retrospective';
  const attendance = await repo.attendanceOf(trx, meeting.id);
  const recused = new Set((await repo.recusalsOf(trx, [mi.id])).map((r) => r.person_id));
  const facts = memberFacts(attendance, recused);
  const q = itemQuorum(facts, mi.item_kind, quorumParams(rules));
  const findings: Finding[] = [];
  if (!q.ok) findings.push(quorumFinding(rules, q, mi.item_kind, retro));
  assertNoBlocking(findings);
  const expected = expectedCount(facts, rules['PG-13']?.params.recusedCountInExpected !== false);
  const personnel = mi.item_kind === 'personnel';
  const reconsider = toBool(mi.is_reconsideration);
  const passRule = reconsider || personnel ? 'SE-09' : 'PG-09';
  const p = rules[passRule]?.params ?? {};
  const num = Number(p.passMajorityNumerator ?? 1);
  const den = Number(p.passMajorityDenominator ?? 2);
  const margin = Number(rules['PG-18']?.params.closeVoteMargin ?? 1);
  const important = toBool(mi.important) || mi.tzyd_category !== null || personnel;
  // SE-09: reconsideration needs more than half of the unit's base (all members by default, §17a)
  const denominator = rules['SE-09']?.params.reconsiderationDenominator;
  const reconsiderBase = typeof denominator === 'string' ? denominator : 'all_members';
  const base = reconsider ? reconsiderationBase(reconsiderBase, facts.length, expected) : expected;
  const results: Result[] = [];
  for (const [cid, c] of s.counts) {
    const r = reconsider
      ? reconsiderationPasses(c.agree, base)
        ? 'passed'
        : 'not_passed'
      : questionResult(c, expected, num, den);
    results.push(r);
    if (important && r !== 'deferred' && isCloseVote(c.agree, c.disagree, margin)) {
      findings.push(
        finding('PG-18', { candidateId: cid, agree: c.agree, disagree: c.disagree, margin }, paramsOf(rules, 'PG-18'), {
          zh: `重要问题表决双方人数接近（同意 ${c.agree}、不同意 ${c.disagree}，差距不超过 ${margin} 票）：除紧急情况外，应暂缓作出决定，进一步调查研究、交换意见，下次再表决（PG-18）。`,
          en: `Close vote on an important question (${c.agree}:${c.disagree}); defer unless urgent (PG-18).`,
          kind: 'warn',
        }),
      );
    }
  }
  const result = itemResult(results);
  const first = [...s.counts.values()][0];
  findings.push(
    finding(
      passRule,
      { agree: first?.agree ?? 0, expected, members: facts.length, base, result, candidates: s.counts.size },
      paramsOf(rules, passRule),
      {
        zh: reconsider
          ? `复议须经超过半数的党组成员同意：${reconsiderBase === 'expected_members' ? '应到会成员' : '全体成员'} ${base} 人，同意 ${first?.agree ?? 0} 票，${RESULT_LABELS[result]}（SE-09）。`
          : `赞成票须超过应到会党组成员（${expected} 人）的半数：${[...s.counts.entries()].map(([, c]) => `同意 ${c.agree}`).join('；')}，结果：${RESULT_LABELS[result]}（${passRule}）。`,
        en: `Agree votes must exceed half of ${base} ${reconsider && reconsiderBase !== 'expected_members' ? 'members' : 'expected members'}: ${result} (${passRule}).`,
        kind: 'info',
      },
    ),
  );
  const recordedOutcome = s.recordedOutcome ?? result;
  if (mi.amend_kind === 'suspend' && (recordedOutcome === 'passed' || recordedOutcome === 'partial')) {
    findings.push(
      finding('ZD-09', { result: recordedOutcome }, paramsOf(rules, 'ZD-09'), {
        zh: '经会议决定中止执行原决定：原决定未完成的督办任务随之中止（ZD-09：未经法定程序不得随意变更或者停止执行）。',
        en: 'Suspended by a meeting decision: the original decision’s open tasks are suspended (ZD-09).',
        kind: 'info',
      }),
    );
  }
  const isPrior = mi.approved_on !== null && mi.approved_on < meeting.date;
  const flags = settledFlags({
    quorumOk: q.ok,
    participants: s.participants,
    kind: mi.item_kind,
    isPrior,
    result,
    recordedOutcome,
  });
  const now = nowIso(ctx.clock);
  await trx
    .updateTable('meeting_items')
    .set({
      state: 'closed',
      closed_at: now,
      members_count: facts.length,
      expected_count: expected,
      present_count: q.present,
      quorum_required: q.required,
      quorum_ok: q.ok ? 1 : 0,
      participants: s.participants,
      result,
      recorded_outcome: recordedOutcome,
      is_prior: isPrior ? 1 : 0,
      flags,
    })
    .where('id', '=', mi.id)
    .execute();
  await trx
    .insertInto('meeting_item_tallies')
    .values(
      [...s.counts.entries()].map(([cid, c], i) => ({
        meeting_item_id: mi.id,
        candidate_id: cid,
        ...c,
        result: results[i] ?? 'not_passed',
      })),
    )
    .execute();
  await storeFindings(trx, ctx, meeting.unit_id, 'meeting_item', mi.id, findings);
  await recordOutcome(trx, mi.agenda_item_id, {
    result: recordedOutcome,
    meetingItemId: mi.id,
    decidedOn: meeting.date,
    now,
  });
  if (reconsider && recordedOutcome === 'passed' && mi.amend_kind === 'reconsider') {
    await createRevoteItem(ctx, trx, mi.agenda_item_id, actor.userId, now);
  }
  await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
    action: 'meetings.item_settled',
    entityType: 'meeting_item',
    entityId: mi.id,
    unitId: meeting.unit_id,
    after: { result, recordedOutcome, tallies: Object.fromEntries(s.counts) },
    details: {
      expected,
      present: q.present,
      required: q.required,
      rule: passRule,
      flags,
      participants: s.participants,
    },
  });
  return { result, findings };
}

async function itemWithAgenda(db: Executor, id: string) {
  return db
    .selectFrom('meeting_items')
    .innerJoin('agenda_items', 'agenda_items.id', 'meeting_items.agenda_item_id')
    .selectAll('meeting_items')
    .select(['agenda_items.important', 'agenda_items.approved_on', 'agenda_items.amend_kind'])
    .where('meeting_items.id', '=', id)
    .executeTakeFirstOrThrow();
}

/** Close the vote on the item being voted: members who have not voted are recorded as not voting. */
export async function closeVoting(ctx: AppContext, actor: Actor, meetingItemId: string, meta: RequestMeta) {
  const { mi, meeting, seats } = await getReadableItem(ctx, actor, meetingItemId);
  requireSeat(canManage(seats), '表决由党组办公室（会议记录人）按主持人要求结束');
  if (meeting.status !== 'open') throw invalidState('会议未在进行中');
  const rules = await meetingRules(ctx, meeting, SETTLE_RULES);
  const cands = await candidateIds(ctx.db, mi.agenda_item_id);
  const postgres = ctx.dialect === 'postgres';
  const out = await mutate(ctx, meeting.id, 'voting_closed', async (trx) => {
    const locked = await repo.lockMeetingItem(trx, mi.id, postgres);
    if (locked.state !== 'voting') throw invalidState('本议题不在表决中');
    const item = await itemWithAgenda(trx, mi.id);
    const attendance = await repo.attendanceOf(trx, meeting.id);
    const recused = new Set((await repo.recusalsOf(trx, [mi.id])).map((r) => r.person_id));
    const done = new Set((await repo.participationOf(trx, [mi.id])).map((p) => p.person_id));
    const missing = eligibleVoters(memberFacts(attendance, recused)).filter((id) => !done.has(id));
    if (missing.length) {
      await trx
        .insertInto('vote_participation')
        .values(
          missing.map((id) => ({
            meeting_item_id: mi.id,
            person_id: id,
            status: 'not_voting',
            recorded_by: actor.userId,
          })),
        )
        .execute();
    }
    const participation = await repo.participationOf(trx, [mi.id]);
    const secret = mi.vote_method === 'secret';
    const votes = secret
      ? (await repo.secretCounts(trx, mi.id)).flatMap((r) =>
          Array.from({ length: Number(r.n) }, () => ({ candidateId: r.candidate_id, choice: r.choice as never })),
        )
      : (await repo.namedVotesOf(trx, [mi.id])).map((v) => ({
          candidateId: v.candidate_id,
          choice: v.choice as never,
        }));
    const settled = await settle(
      ctx,
      trx,
      actor,
      meeting,
      item,
      rules,
      {
        counts: tally(votes, cands),
        participants: participation.filter((p) => p.status === 'voted').length,
        recordedOutcome: null,
      },
      meta,
    );
    if (secret) await rewriteAnonymously(trx, ctx.dialect, () => rewriteSecretVotes(ctx, trx, mi.id));
    return { ...settled, secret };
  });
  // The secret rows were rewritten in random-key order: no WAL frame or dead row version keeps the voting order.
  if (out.secret) await cleanupAfterClose(ctx, ['secret_votes']);
  return { result: out.result, findings: out.findings };
}

/** Rewrite a closed secret ballot's rows with fresh random keys, in key order (architecture.md "Anonymous ballots"). */
async function rewriteSecretVotes(ctx: AppContext, trx: Executor, meetingItemId: string): Promise<void> {
  const rows = await trx
    .selectFrom('secret_votes')
    .select(['candidate_id', 'choice'])
    .where('meeting_item_id', '=', meetingItemId)
    .execute();
  await trx.deleteFrom('secret_votes').where('meeting_item_id', '=', meetingItemId).execute();
  const fresh = rows
    .map((r) => ({
      id: randomId(ctx.random),
      meeting_item_id: meetingItemId,
      candidate_id: r.candidate_id,
      choice: r.choice,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  for (let i = 0; i < fresh.length; i += 200) {
    await trx
      .insertInto('secret_votes')
      .values(fresh.slice(i, i + 200))
      .execute();
  }
}

/** A paper meeting's result entered afterwards: the counts as recorded and the outcome the paper states. */
export async function enterPaperResult(
  ctx: AppContext,
  actor: Actor,
  meetingItemId: string,
  body: {
    tallies: { candidateId: string; agree: number; disagree: number; abstain: number; defer: number }[];
    recordedOutcome: Result;
  },
  meta: RequestMeta,
) {
  const { mi, meeting, seats } = await getReadableItem(ctx, actor, meetingItemId);
  requireSeat(canManage(seats), '补录表决结果由党组办公室办理');
  if (meeting.entry_mode !== 'retrospective') throw invalidState('只有补录的会议可以直接录入表决结果');
  if (meeting.status !== 'open') throw invalidState('请先开始（补录）会议并登记出席情况');
  if (mi.state !== 'pending' && mi.state !== 'voting') throw invalidState('该议题已表决或暂缓');
  const cands = await candidateIds(ctx.db, mi.agenda_item_id);
  if (body.tallies.length !== cands.length || !body.tallies.every((t) => cands.includes(t.candidateId))) {
    throw invalidField('tallies', '请为每个表决对象录入票数');
  }
  const attendance = await repo.attendanceOf(ctx.db, meeting.id);
  const presentMembers = attendance.filter((a) => a.role === 'member' && a.status === 'present').length;
  const votes = Math.max(...body.tallies.map((t) => t.agree + t.disagree + t.abstain + t.defer));
  if (votes > presentMembers) throw invalidField('tallies', `票数合计 ${votes} 超过到会党组成员 ${presentMembers} 人`);
  const rules = await meetingRules(ctx, meeting, SETTLE_RULES);
  return mutate(ctx, meeting.id, 'paper_result', async (trx) => {
    const item = await itemWithAgenda(trx, mi.id);
    const counts = new Map(
      body.tallies.map((t) => [
        t.candidateId,
        { agree: t.agree, disagree: t.disagree, abstain: t.abstain, defer: t.defer },
      ]),
    );
    return settle(
      ctx,
      trx,
      actor,
      meeting,
      item,
      rules,
      { counts, participants: votes, recordedOutcome: body.recordedOutcome },
      meta,
    );
  });
}

/** PG-18: defer an item not yet voted, or one just closed on a close vote; it returns to a later agenda. */
export async function deferItem(
  ctx: AppContext,
  actor: Actor,
  meetingItemId: string,
  reason: string,
  meta: RequestMeta,
) {
  const { mi, meeting, seats } = await getReadableItem(ctx, actor, meetingItemId);
  requireSeat(canManage(seats), '暂缓表决由党组办公室按主持人意见登记');
  if (!['published', 'open'].includes(meeting.status)) throw invalidState('会议未在进行中');
  if (mi.state === 'voting') throw invalidState('表决进行中，请先结束表决；双方人数接近的，结束后可暂缓');
  if (mi.state === 'closed') {
    const close = (await findingsOf(ctx.db, 'meeting_item', mi.id)).some((f) => f.ruleId === 'PG-18');
    if (!close) {
      throw await ruleRefusal(
        ctx,
        'PG-18',
        meeting.unit_id,
        meeting.date,
        {
          zh: '已表决的议题只有在双方人数接近时（PG-18）才能暂缓',
          en: 'A voted item is deferred only after a close vote (PG-18).',
        },
        { code: 'INVALID_STATE', kind: 'info' },
      );
    }
    const tasks = await ctx.db
      .selectFrom('decision_tasks')
      .select('id')
      .where('agenda_item_id', '=', mi.agenda_item_id)
      .executeTakeFirst();
    if (tasks) throw invalidState('该决定已分解督办任务，不能再暂缓');
  } else if (mi.state !== 'pending') throw invalidState('该议题已暂缓');
  await mutate(ctx, meeting.id, 'deferred', async (trx) => {
    await trx
      .updateTable('meeting_items')
      .set({ state: 'deferred', defer_reason: reason, flags: 0 })
      .where('id', '=', mi.id)
      .execute();
    await returnToPool(trx, mi.agenda_item_id, nowIso(ctx.clock), true);
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'meetings.item_deferred',
      entityType: 'meeting_item',
      entityId: mi.id,
      unitId: meeting.unit_id,
      before: { state: mi.state, result: mi.result },
      after: { state: 'deferred' },
      details: { reason, rule: 'PG-18' },
    });
  });
}
