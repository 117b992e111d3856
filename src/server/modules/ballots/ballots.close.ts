/**
 * Closing and tallying. In one transaction: lock the session, check the settings still match the
 * digest taken at opening, rewrite ballots and login voters in random-key order, delete the code
 * hashes (keeping their counts), drop unmatched paper entries, tally with the minimum group size (C-01) and store the result. Then
 * the SQLite WAL is checkpointed (its frames were in commit order) or PostgreSQL vacuums the
 * rewritten tables (dead row versions carried the voting order).
 * Also: live participation, results, receipts, and the evaluation summary used beside grades.
 */
import type { Results } from '../../../common/contracts/ballots.js';
import { addMonths } from '../../../common/dates.js';
import { AppError } from '../../../common/errors.js';
import type { Finding } from '../../../common/rules/types.js';
import type { AppContext } from '../../context.js';
import { fromJson, toJson } from '../../db/helpers.js';
import { type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import { dateIn } from '../../../common/time.js';
import { cleanupAfterClose, rewriteAnonymously } from '../../platform/anonymity-cleanup.js';
import { nowIso } from '../../platform/clock.js';
import { finding, param, ruleContext } from '../rules/index.js';
import * as repo from './ballots.repository.js';
import { frozenSettingsOf, settingsDigest, tallyStored } from './ballots.rules.js';
import { getVisibleSession, isAccepting } from './ballots.service.js';
import { forgetSession } from './ballots.voting.js';

async function closingFindings(ctx: AppContext, s: repo.Session, closedOn: string): Promise<Finding[]> {
  if (s.kind !== 'recommendation') return [];
  const se04 = await ruleContext(ctx, 'SE-04', s.unitId, closedOn);
  const aj01 = await ruleContext(ctx, 'AJ-01', s.unitId, closedOn);
  const months = param<number>(se04, 'validityMonths');
  const validUntil = addMonths(closedOn, months);
  return [
    finding(
      se04,
      { closedOn, validUntil, months },
      `推荐结果是选拔任用的重要参考，不是选举结果；有效期 ${months} 个月，至 ${validUntil}。定向推荐仅对该职位有效。`,
      `The recommendation is a reference valid until ${validUntil}, not an election result.`,
      'info',
    ),
    finding(
      aj01,
      {},
      '确定考察对象应将民主推荐与日常了解、综合分析研判和岗位匹配度结合起来，防止简单以推荐票取人。',
      'Weigh the recommendation together with analysis and fit to the post; do not take people by votes alone.',
      'info',
    ),
  ];
}

/** Close the session and tally it. Returns the stored results. */
export async function closeSession(ctx: AppContext, actor: Actor, id: string, meta: RequestMeta): Promise<Results> {
  const s = await getVisibleSession(ctx, actor, id, 'manage');
  const now = ctx.clock.now();
  const closedOn = dateIn(now);
  const extra = await closingFindings(ctx, s, closedOn);
  const closed = await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockSession(trx, id, ctx.dialect, 'update');
    if (locked?.status !== 'open') {
      throw new AppError('INVALID_STATE', locked?.status === 'closed' ? '测评已经结束' : '测评尚未开启');
    }
    const issued = await repo.codesIssued(trx, id);
    const digest = settingsDigest(frozenSettingsOf(locked, issued));
    if (digest !== locked.settingsDigest) {
      throw new AppError(
        'INVALID_STATE',
        '测评设置与开启时记录的摘要不符（开启后被改动），拒绝计票，请联系安全审计员核查',
      );
    }
    const { ballots, counts, dropped } = await rewriteAnonymously(trx, ctx.dialect, async () => ({
      ...(await repo.scrubAnonymousRows(trx, ctx.dialect, id)),
      dropped: await trx.deleteFrom('ballot_paper_entries').where('session_id', '=', id).executeTakeFirst(),
    }));
    const result = tallyStored(
      locked.questionnaire,
      locked.categories,
      ballots,
      locked.minGroupSize,
      locked.smallGroupPolicy,
    );
    const findings = [...locked.findings, ...extra];
    await repo.updateSession(trx, id, {
      status: 'closed',
      closed_at: now.toISOString(),
      results: toJson(result),
      closing_counts: toJson(counts),
      findings: toJson(findings),
      updated_at: nowIso(ctx.clock),
    });
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'ballots.session_closed',
      entityType: 'ballot_session',
      entityId: id,
      unitId: locked.unitId,
      details: { ballots: ballots.length, unmatchedPaperEntriesDropped: Number(dropped.numDeletedRows) },
    });
    return {
      ...locked,
      status: 'closed' as const,
      closedAt: now.toISOString(),
      results: result,
      closingCounts: counts,
      findings,
    };
  });
  forgetSession(ctx, id);
  await cleanupAfterClose(ctx, ANONYMOUS_TABLES);
  return presentResults(ctx, closed);
}

/** The tables closing rewrites or empties: cleaned after the commit (platform/anonymity-cleanup.ts). */
const ANONYMOUS_TABLES = ['ballots', 'ballot_codes', 'ballot_voters', 'ballot_paper_entries'] as const;

async function participationOf(ctx: AppContext, s: repo.Session) {
  const p = s.closingCounts ?? (await repo.participationCounts(ctx.db, s.id));
  return s.categories.map((c) => ({
    key: c.key,
    label: c.label,
    expected: c.expected,
    issued: p.issued[c.key] ?? 0,
    loginVoters: c.loginPersonIds.length,
    voted: (p.spent[c.key] ?? 0) + (p.loginVoted[c.key] ?? 0),
  }));
}

/** Live participation for the hall screen: how many of each category voted, never what. */
export async function participation(ctx: AppContext, actor: Actor, id: string) {
  const s = await getVisibleSession(ctx, actor, id, 'view');
  const categories = await participationOf(ctx, s);
  return {
    sessionId: s.id,
    status: s.status,
    accepting: isAccepting(s, ctx.clock.now()),
    expected: categories.reduce((n, c) => n + c.expected, 0),
    voted: categories.reduce((n, c) => n + c.voted, 0),
    categories,
    at: nowIso(ctx.clock),
  };
}

/** The stored results of a closed session (small categories already merged or withheld). */
export async function results(ctx: AppContext, actor: Actor, id: string): Promise<Results> {
  return presentResults(ctx, await getVisibleSession(ctx, actor, id, 'view'));
}

async function presentResults(ctx: AppContext, s: repo.Session): Promise<Results> {
  if (s.status !== 'closed' || !s.results) {
    throw new AppError('INVALID_STATE', '测评尚未结束，结束后才能计票和查看结果');
  }
  const se04 = s.findings.find((f) => f.ruleId === 'SE-04');
  return {
    session: {
      id: s.id,
      unitId: s.unitId,
      unitName: await repo.unitName(ctx.db, s.unitId),
      kind: s.kind,
      title: s.title,
      year: s.year,
      status: s.status,
      opensAt: s.opensAt,
      closesAt: s.closesAt,
      openedAt: s.openedAt,
      closedAt: s.closedAt,
    },
    participation: await participationOf(ctx, s),
    tally: s.results,
    referenceValidUntil: typeof se04?.facts.validUntil === 'string' ? se04.facts.validUntil : null,
    findings: s.findings,
    settingsDigest: s.settingsDigest,
    receiptsPublished: s.results.totalBallots,
  };
}

/** Every receipt of a closed session, sorted (published so each voter can find theirs). */
export async function receipts(ctx: AppContext, s: repo.Session) {
  return {
    sessionId: s.id,
    status: s.status,
    receipts: s.status === 'closed' ? await repo.receiptsOf(ctx.db, s.id) : [],
  };
}

export interface EvaluationSummary {
  sessionId: string;
  title: string;
  kind: repo.Session['kind'];
  /** Subject person id, or 'team' for the team's overall rating */
  subject: string;
  ballots: number;
  counts: Record<string, number>;
  options: string[];
}

/**
 * The overall ratings of a unit's closed evaluations of a year, for the annual grades page: the
 * team's overall rating and each member's. Only totals that passed the minimum group size exist.
 */
export async function evaluationSummaries(ctx: AppContext, unitId: string, year: number): Promise<EvaluationSummary[]> {
  const rows = await ctx.db
    .selectFrom('ballot_sessions')
    .select(['id', 'title', 'kind', 'results'])
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .where('status', '=', 'closed')
    .where('kind', 'in', ['team_evaluation', 'member_evaluation'])
    .execute();
  return rows.flatMap((r) => {
    const t = fromJson<Results['tally'] | null>(r.results, null);
    if (!t || t.allWithheld) return [];
    return t.questions
      .filter((q) => q.role === 'overall')
      .map((q) => ({
        sessionId: r.id,
        title: r.title,
        kind: r.kind as repo.Session['kind'],
        subject: r.kind === 'team_evaluation' ? 'team' : (q.subjectPersonId ?? ''),
        ballots: q.total.answered,
        counts: q.total.counts,
        options: q.options,
      }));
  });
}
