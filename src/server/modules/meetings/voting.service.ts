/**
 * Item-by-item voting: recusal (PG-13), opening the vote with the item's quorum at that moment
 * (PG-06/PG-07, one item at a time, PG-11), members casting named or secret ballots from their
 * own session, the recorder entering oral and show-of-hands votes, the chair last (PG-10),
 * non-members without a vote (PG-14). The database refuses a second participation row, so two
 * clients can never record two votes for one member. A secret ballot stores who took part and
 * what was voted apart: the vote row has a random key, no member id and no timestamp; only the
 * participation is audited.
 */
import {
  SELF_CAST_METHODS,
  VOTE_METHOD_LABELS,
  type VoteBody,
  type VoteMethod,
} from '../../../common/contracts/meetings.js';
import { AppError, forbidden, invalidField, notFound } from '../../../common/errors.js';
import { paramsOf } from '../../../common/rules/engine.js';
import { finding, RuleError } from '../../../common/rules/finding.js';
import type { Finding } from '../../../common/rules/types.js';
import type { AppContext } from '../../context.js';
import { isUniqueViolation, type Executor } from '../../db/helpers.js';
import { type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import {
  canManage,
  canRecordRecusal,
  scopeUnitIds,
  candidatesOf,
  invalidState,
  requireSeat,
} from '../decisions/index.js';
import { type Rules, assertNoBlocking, storeFindings } from '../rules/index.js';
import { nowIso } from '../../platform/clock.js';
import { randomId } from '../../platform/random.js';
import { mutate } from './meetings.service.js';
import * as repo from './meetings.repository.js';
import { chairMustWaitFor, checkBallot, eligibleVoters, itemQuorum } from './meetings.rules.js';
import { getReadableMeeting, memberFacts, QUORUM_RULES, quorumParams } from './meetings.view.js';
import { MAIN_QUESTION } from '../../../common/contracts/meetings.js';
import { meetingRules } from './meetings.frozen.js';

export async function getReadableItem(ctx: AppContext, actor: Actor, meetingItemId: string) {
  const mi = await repo.findMeetingItem(ctx.db, meetingItemId, scopeUnitIds(actor));
  if (!mi) throw notFound('会议议题');
  return { mi, ...(await getReadableMeeting(ctx, actor, mi.meeting_id)) };
}

export async function candidateIds(db: Executor, agendaItemId: string): Promise<string[]> {
  const c = await candidatesOf(db, [agendaItemId]);
  return c.length ? c.map((x) => x.id) : [MAIN_QUESTION];
}

/** PG-13: a member declares a conflict on an item (or the secretary or office records one); no part in its vote. */
export async function recuse(
  ctx: AppContext,
  actor: Actor,
  meetingItemId: string,
  body: { personId?: string | undefined; reason: string },
  meta: RequestMeta,
) {
  const { mi, meeting, seats } = await getReadableItem(ctx, actor, meetingItemId);
  const personId = body.personId ?? actor.personId;
  if (!personId) throw invalidField('personId', '请指明回避人员');
  if (personId !== actor.personId) {
    requireSeat(canRecordRecusal(seats), '只能本人申请回避；代为登记由书记或党组办公室办理');
  }
  if (!['draft', 'published', 'open'].includes(meeting.status)) throw invalidState('会议已结束或已取消');
  if (mi.state !== 'pending' && mi.state !== 'voting') throw invalidState('该议题已表决或暂缓');
  const att = await ctx.db
    .selectFrom('meeting_attendance')
    .select(['role', 'name'])
    .where('meeting_id', '=', meeting.id)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (!att || att.role !== 'member') throw invalidField('personId', '回避适用于本次会议的党组成员');
  const voted = await ctx.db
    .selectFrom('vote_participation')
    .select('status')
    .where('meeting_item_id', '=', mi.id)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (voted) throw invalidState('已对该议题表决，不能再登记回避');
  try {
    await mutate(ctx, meeting.id, 'recusal', async (trx) => {
      await trx
        .insertInto('meeting_item_recusals')
        .values({
          meeting_item_id: mi.id,
          person_id: personId,
          reason: body.reason,
          declared_by: actor.userId,
          declared_at: nowIso(ctx.clock),
        })
        .execute();
      await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
        action: 'meetings.recusal_declared',
        entityType: 'meeting_item',
        entityId: mi.id,
        unitId: meeting.unit_id,
        after: { personId, reason: body.reason },
        details: { rule: 'PG-13', byOther: personId !== actor.personId },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', `${att.name}已登记回避`);
    throw e;
  }
}

/** Open the vote on one item: PG-11 one at a time, and the item's quorum at this moment (PG-06/PG-07). */
export async function startVoting(ctx: AppContext, actor: Actor, meetingItemId: string, meta: RequestMeta) {
  const { mi, meeting, seats } = await getReadableItem(ctx, actor, meetingItemId);
  requireSeat(canManage(seats), '表决由党组办公室（会议记录人）按主持人要求开启');
  if (meeting.status !== 'open') throw invalidState('会议未在进行中');
  if (mi.state !== 'pending') throw invalidState('该议题已表决或暂缓');
  const retro = meeting.entry_mode === 'retrospective';
  const rules = await meetingRules(ctx, meeting, [...QUORUM_RULES, 'PG-11']);
  const findings: Finding[] = [];
  const other = await ctx.db
    .selectFrom('meeting_items')
    .select('id')
    .where('meeting_id', '=', meeting.id)
    .where('state', '=', 'voting')
    .executeTakeFirst();
  if (other) {
    findings.push(
      finding('PG-11', { votingItem: other.id }, paramsOf(rules, 'PG-11'), {
        zh: '会议决定多个事项的应逐项表决：请先结束正在表决的议题（PG-11）。',
        en: 'Items are voted one by one: close the item being voted first (PG-11).',
        kind: 'block',
      }),
    );
  }
  const attendance = await repo.attendanceOf(ctx.db, meeting.id);
  const recused = new Set((await repo.recusalsOf(ctx.db, [mi.id])).map((r) => r.person_id));
  const q = itemQuorum(memberFacts(attendance, recused), mi.item_kind, quorumParams(rules));
  if (!q.ok) findings.push(quorumFinding(rules, q, mi.item_kind, retro));
  assertNoBlocking(findings);
  await mutate(ctx, meeting.id, 'voting_opened', async (trx) => {
    const r = await trx
      .updateTable('meeting_items')
      .set({ state: 'voting', voting_opened_at: nowIso(ctx.clock) })
      .where('id', '=', mi.id)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw invalidState('议题状态已变化，请刷新');
    await storeFindings(trx, ctx, meeting.unit_id, 'meeting_item', mi.id, findings);
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'meetings.voting_opened',
      entityType: 'meeting_item',
      entityId: mi.id,
      unitId: meeting.unit_id,
      details: { present: q.present, required: q.required, rule: q.ruleId },
    });
  });
  return { findings, quorum: q };
}

export function quorumFinding(
  rules: Rules,
  q: { ruleId: string; members: number; present: number; required: number },
  kind: string,
  retro: boolean,
): Finding {
  // PG-07's text covers personnel items; extending it to Party-discipline items rests on secondary
  // summaries of the 2019 text only (UNVERIFIED), applied while the unit's disciplineItemsToo is on (§17a).
  const discipline = q.ruleId === 'PG-07' && kind !== 'personnel';
  const what =
    q.ruleId === 'PG-07'
      ? discipline
        ? '讨论决定处分党员事项须有三分之二以上党组成员到会（此项扩展据2019年版二手摘要，待核实；本单位参数“处分党员事项也适用”开启）'
        : '讨论决定干部任免事项须有三分之二以上党组成员到会'
      : '须有半数以上党组成员到会';
  return finding(
    q.ruleId,
    {
      members: q.members,
      present: q.present,
      required: q.required,
      kind,
      ...(discipline ? { extension: 'party_discipline', extensionLabel: 'UNVERIFIED' } : {}),
    },
    paramsOf(rules, q.ruleId),
    {
      zh: `${what}：应到 ${q.members} 人，本议题实到（不含回避）${q.present} 人，至少需 ${q.required} 人，${retro ? '该议题表决不符合到会要求' : '不能表决'}（${q.ruleId}）。`,
      en: `${q.present} of ${q.members} members present for this item (recused excluded); ${q.required} needed (${q.ruleId}${discipline ? ', extended to Party-discipline items: UNVERIFIED' : ''}).`,
      kind: retro ? 'warn' : 'block',
    },
  );
}

const CAST_RULES = ['PG-09', 'PG-10', 'PG-11', 'PG-13', 'PG-14', 'SE-09'] as const;

interface Entry {
  personId: string;
  notVoting: boolean;
  choices: VoteBody['choices'];
}

/**
 * Record ballots in one transaction. Checks every voter against the rules, the chair last (PG-10),
 * and lets the database refuse a second participation.
 */
async function recordBallots(
  ctx: AppContext,
  actor: Actor,
  meetingItemId: string,
  entries: readonly Entry[],
  mode: 'self' | 'recorder',
  meta: RequestMeta,
) {
  const { mi, meeting } = await getReadableItem(ctx, actor, meetingItemId);
  const rules = await meetingRules(ctx, meeting, CAST_RULES);
  const cands = await candidateIds(ctx.db, mi.agenda_item_id);
  const method = mi.vote_method as VoteMethod;
  const postgres = ctx.dialect === 'postgres';
  // The chair's entries go last, so a recorder's batch may hold the chair's vote after the others (PG-10).
  const ordered = [...entries].sort(
    (a, b) => Number(a.personId === meeting.chair_person_id) - Number(b.personId === meeting.chair_person_id),
  );
  try {
    await mutate(ctx, meeting.id, 'ballot', async (trx) => {
      const item = await repo.lockMeetingItem(trx, mi.id, postgres);
      const m = await trx
        .selectFrom('meetings')
        .select('status')
        .where('id', '=', meeting.id)
        .executeTakeFirstOrThrow();
      if (m.status !== 'open') throw invalidState('会议未在进行中，不能表决');
      if (item.state !== 'voting') {
        throw invalidState(item.state === 'pending' ? '本议题尚未开始表决' : '本议题表决已结束');
      }
      const attendance = await repo.attendanceOf(trx, meeting.id);
      const recused = new Set((await repo.recusalsOf(trx, [mi.id])).map((r) => r.person_id));
      const done = new Set((await repo.participationOf(trx, [mi.id])).map((p) => p.person_id));
      const eligible = eligibleVoters(memberFacts(attendance, recused));
      for (const e of ordered) {
        const att = attendance.find((a) => a.person_id === e.personId);
        if (!att) {
          throw mode === 'self'
            ? forbidden('您不在本次会议的出席名单中，没有表决权')
            : invalidField('personId', '该人员不在本次会议的出席名单中');
        }
        if (att.role !== 'member') {
          assertNoBlocking([
            finding('PG-14', { personId: e.personId }, paramsOf(rules, 'PG-14'), {
              zh: `${att.name}为列席人员，可以发表意见，但没有表决权（PG-14）。`,
              en: 'Non-member attendees have no vote (PG-14).',
              kind: 'block',
            }),
          ]);
        }
        if (att.status !== 'present') {
          assertNoBlocking([
            finding('PG-09', { personId: e.personId, status: att.status }, paramsOf(rules, 'PG-09'), {
              zh: `${att.name}未到会，不能表决；未到会成员的书面意见不计入票数（PG-09）。`,
              en: 'A member not present cannot vote; written opinions are not votes (PG-09).',
              kind: 'block',
            }),
          ]);
        }
        if (recused.has(e.personId)) {
          assertNoBlocking([
            finding('PG-13', { personId: e.personId }, paramsOf(rules, 'PG-13'), {
              zh: `${att.name}已就本议题回避，不参加表决（PG-13）。`,
              en: 'A recused member takes no part in the vote (PG-13).',
              kind: 'block',
            }),
          ]);
        }
        if (!e.notVoting) {
          const problem = checkBallot(mi.item_kind, cands, e.choices);
          if (problem) {
            throw new RuleError(
              finding(problem.ruleId, { personId: e.personId }, paramsOf(rules, problem.ruleId), {
                zh: `${problem.message}（${problem.ruleId}）`,
                en: problem.en,
              }),
              { code: 'VALIDATION_FAILED', field: 'choices', message: problem.message },
            );
          }
        }
        if (e.personId === meeting.chair_person_id) {
          const waiting = chairMustWaitFor(meeting.chair_person_id, eligible, done);
          if (waiting.length) {
            const names = waiting.map((id) => attendance.find((a) => a.person_id === id)?.name ?? id).join('、');
            assertNoBlocking([
              finding('PG-10', { waitingFor: waiting }, paramsOf(rules, 'PG-10'), {
                zh: `主持人末位表态：须待其他到会成员（${names}）表态或登记为不表决后，主持人再表态（PG-10）。`,
                en: 'The chair votes last, after every other present member (PG-10).',
                kind: 'block',
              }),
            ]);
          }
        }
        await trx
          .insertInto('vote_participation')
          .values({
            meeting_item_id: mi.id,
            person_id: e.personId,
            status: e.notVoting ? 'not_voting' : 'voted',
            recorded_by: mode === 'self' ? null : actor.userId,
          })
          .execute();
        done.add(e.personId);
        if (!e.notVoting && method === 'secret') {
          await trx
            .insertInto('secret_votes')
            .values(
              e.choices.map((c) => ({
                id: randomId(ctx.random),
                meeting_item_id: mi.id,
                candidate_id: c.candidateId,
                choice: c.choice,
              })),
            )
            .execute();
        } else if (!e.notVoting) {
          await trx
            .insertInto('named_votes')
            .values(
              e.choices.map((c) => ({
                meeting_item_id: mi.id,
                candidate_id: c.candidateId,
                person_id: e.personId,
                choice: c.choice,
              })),
            )
            .execute();
        }
        // A secret ballot audits the participation only; named methods keep who voted what (ZD-10).
        await ctx.audit.record(
          trx,
          auditActorOf(actor, meta.requestId),
          method === 'secret'
            ? {
                action: 'meetings.ballot_participation',
                entityType: 'meeting_item',
                entityId: mi.id,
                unitId: meeting.unit_id,
                details: { personId: e.personId, method, notVoting: e.notVoting },
              }
            : {
                action: e.notVoting ? 'meetings.marked_not_voting' : 'meetings.vote_recorded',
                entityType: 'meeting_item',
                entityId: mi.id,
                unitId: meeting.unit_id,
                after: e.notVoting ? null : { personId: e.personId, choices: e.choices },
                details: { personId: e.personId, method, by: mode },
              },
        );
      }
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      // PG-09: each member's vote counts once; the database refuses a second participation row
      const message =
        mode === 'self' ? '您已对本议题表决，不能重复投票' : '该成员已对本议题表决（或已登记为不表决），不能重复登记';
      throw new RuleError(
        finding('PG-09', { meetingItemId: mi.id }, paramsOf(rules, 'PG-09'), {
          zh: `${message}（PG-09）`,
          en: 'A member votes once on an item (PG-09).',
        }),
        { code: 'CONFLICT', message },
      );
    }
    throw e;
  }
}

/** A member casts a named or secret ballot from their own session. */
export async function castVote(
  ctx: AppContext,
  actor: Actor,
  meetingItemId: string,
  body: VoteBody,
  meta: RequestMeta,
) {
  const { mi, meeting } = await getReadableItem(ctx, actor, meetingItemId);
  if (!actor.personId) throw forbidden('当前账户未关联人员，没有表决权');
  const att = await ctx.db
    .selectFrom('meeting_attendance')
    .select('role')
    .where('meeting_id', '=', meeting.id)
    .where('person_id', '=', actor.personId)
    .executeTakeFirst();
  if (!att) throw forbidden('您不在本次会议的出席名单中，没有表决权');
  if (!SELF_CAST_METHODS.includes(mi.vote_method as VoteMethod)) {
    throw invalidState(`本议题采用${VOTE_METHOD_LABELS[mi.vote_method as VoteMethod]}，由会议记录人登记表决结果`);
  }
  await recordBallots(
    ctx,
    actor,
    meetingItemId,
    [{ personId: actor.personId, notVoting: false, choices: body.choices }],
    'self',
    meta,
  );
}

/** The recorder enters oral and show-of-hands votes, and marks members as not voting under any method. */
export async function recordVotes(
  ctx: AppContext,
  actor: Actor,
  meetingItemId: string,
  entries: readonly Entry[],
  meta: RequestMeta,
) {
  const { mi, meeting, seats } = await getReadableItem(ctx, actor, meetingItemId);
  requireSeat(canManage(seats), '口头、举手表决由党组办公室（会议记录人）登记');
  const method = mi.vote_method as VoteMethod;
  const retroNamed = meeting.entry_mode === 'retrospective' && method === 'named';
  for (const e of entries) {
    if (!e.notVoting && SELF_CAST_METHODS.includes(method) && !retroNamed) {
      throw invalidField('entries', `${VOTE_METHOD_LABELS[method]}由成员本人投票；记录人只能登记“不表决”`);
    }
  }
  await recordBallots(ctx, actor, meetingItemId, entries, 'recorder', meta);
}
