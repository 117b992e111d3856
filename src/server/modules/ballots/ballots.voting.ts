/**
 * Casting ballots. A code is spent and its ballot stored in one transaction, so a code counts
 * exactly once. The ballot row gets a random id and holds only the category, the answers and the
 * receipt. The audit event names only the session and the event (for a code voter no actor, no
 * request id). Nothing here logs. The transaction is short: the session state is share-locked
 * (closing waits for ballots in flight), the code spent, the ballot stored, and the audit chain's
 * head, the one point every write in Banzi passes in turn, is taken last.
 */
import { receiptFromSecret } from '../../../common/ballot-receipt.js';
import { normalizeCode, validateAnswers, type Answers, type BallotForm } from '../../../common/contracts/ballots.js';
import { AppError, forbidden, invalidField, notFound } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import { isUniqueViolation } from '../../db/helpers.js';
import { requireBusinessUser, visibleUnitIds, type Actor } from '../../http/actor.js';
import type { AuditActor } from '../../platform/audit.js';
import { randomId } from '../../platform/random.js';
import { ANONYMOUS, BallotBatcher } from './ballots.batcher.js';
import * as repo from './ballots.repository.js';
import { encodeAnswers, isWellFormedCode, receiptOf } from './ballots.rules.js';
import { isAccepting } from './ballots.service.js';

/** A refused code (unknown, another session's, spent or malformed): counted by the rate limiter. */
export class CodeAttemptFailed extends AppError {}

const invalidCode = () =>
  new CodeAttemptFailed('VALIDATION_FAILED', '测评码无效，请核对纸条上的测评码（不区分大小写，可省略短横线）', {
    field: 'code',
  });
const spentCode = () =>
  new CodeAttemptFailed('CONFLICT', '该测评码已经使用过，每个测评码只能投票一次', { field: 'code' });

/**
 * Frozen sessions (open or closed) cached per context: their settings can no longer change. The
 * lookup itself is shared, so a hall's first burst asks the database once, not once per phone.
 */
const caches = new WeakMap<AppContext, Map<string, Promise<repo.Session | undefined>>>();

export async function frozenSession(ctx: AppContext, id: string): Promise<repo.Session | undefined> {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new Map()));
  const hit = cache.get(id);
  if (hit) return hit;
  const lookup = repo.findSession(ctx.db, id);
  cache.set(id, lookup);
  try {
    const s = await lookup;
    if (!s || s.status === 'draft') cache.delete(id);
    return s;
  } catch (e) {
    cache.delete(id);
    throw e;
  }
}

export function forgetSession(ctx: AppContext, id: string): void {
  caches.get(ctx)?.delete(id);
}

export function codeHash(ctx: AppContext, code: string): string {
  return ctx.crypto.blindIndex('ballot_code', code);
}

function assertAccepting(ctx: AppContext, s: repo.Session): void {
  const now = ctx.clock.now();
  if (s.status === 'closed' || now.getTime() >= new Date(s.closesAt).getTime()) {
    throw new AppError('INVALID_STATE', '本次测评已经结束，不再接受投票');
  }
  if (!isAccepting(s, now)) throw new AppError('INVALID_STATE', '本次测评尚未开始，请在开始时间后再投票');
}

export function assertValidAnswers(s: repo.Session, answers: Answers): void {
  const problem = validateAnswers(s.questionnaire, answers);
  if (problem) throw invalidField(`answers.${problem.questionId}`, problem.message);
}

export async function publicSession(ctx: AppContext, s: repo.Session) {
  return {
    id: s.id,
    unitName: await repo.unitName(ctx.db, s.unitId),
    kind: s.kind,
    title: s.title,
    status: s.status,
    accepting: isAccepting(s, ctx.clock.now()),
    opensAt: s.opensAt,
    closesAt: s.closesAt,
    settingsDigest: s.settingsDigest,
    minGroupSize: s.minGroupSize,
    ballots: s.status === 'closed' ? (s.results?.totalBallots ?? null) : null,
  };
}

/** A session reachable by the public pages: opened or closed (a draft does not exist for them). */
export async function getPublicSession(ctx: AppContext, id: string): Promise<repo.Session> {
  const s = await frozenSession(ctx, id);
  if (!s || s.status === 'draft') throw notFound('测评');
  return s;
}

async function refusal(ctx: AppContext, sessionId: string, hash: string): Promise<CodeAttemptFailed> {
  const c = await repo.findCode(ctx.db, hash);
  return c && c.session_id === sessionId && c.spent === 1 ? spentCode() : invalidCode();
}

/** The questionnaire for a code holder, once the code is known to be valid and unspent. */
export async function formForCode(ctx: AppContext, sessionId: string, rawCode: string): Promise<BallotForm> {
  const code = normalizeCode(rawCode);
  const s = await getPublicSession(ctx, sessionId);
  assertAccepting(ctx, s);
  if (!isWellFormedCode(code)) throw invalidCode();
  const c = await repo.findCode(ctx.db, codeHash(ctx, code));
  if (!c || c.session_id !== sessionId) throw invalidCode();
  if (c.spent === 1) throw spentCode();
  return {
    session: await publicSession(ctx, s),
    categoryLabel: s.categories.find((x) => x.key === c.category)?.label ?? '',
    questionnaire: s.questionnaire,
  };
}

export type Voter = { kind: 'code'; codeHash: string } | { kind: 'member'; personId: string; category: string };

const NOT_SPENDABLE = new Error('code not spendable');

/** The same receipt secret sent with two ballots: the second would publish a duplicate receipt. */
export const receiptTaken = () =>
  new AppError('CONFLICT', '回执随机数已被使用，请刷新页面重新生成后再提交（测评码未被使用）', { field: 'r' });

/**
 * Store one ballot for a voter; returns its receipt: the voter's own (`given`, computed from the
 * secret r the page holds) or one derived from the ballot.
 */
export async function castBallot(
  ctx: AppContext,
  s: repo.Session,
  voter: Voter,
  answers: Answers,
  auditActor: AuditActor,
  given?: string,
): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const id = randomId(ctx.random);
    const receipt = given ?? receiptOf(s.id, id, answers);
    try {
      await ctx.db.transaction().execute(async (trx) => {
        const state = await repo.lockSessionState(trx, s.id, ctx.dialect);
        if (!state) throw notFound('测评');
        assertAccepting(ctx, { ...s, ...state });
        let category: string | undefined;
        if (voter.kind === 'code') {
          category = await repo.spendCode(trx, s.id, voter.codeHash);
          if (!category) throw NOT_SPENDABLE;
        } else {
          category = voter.category;
          await trx
            .insertInto('ballot_voters')
            .values({ id: randomId(ctx.random), session_id: s.id, person_id: voter.personId, category })
            .execute();
        }
        await repo.insertBallot(trx, {
          id,
          session_id: s.id,
          category,
          answers: encodeAnswers(s.questionnaire, answers),
          receipt,
        });
        await ctx.audit.record(trx, auditActor, {
          action: 'ballots.ballot_cast',
          entityType: 'ballot_session',
          entityId: s.id,
          unitId: s.unitId,
        });
      });
      return receipt;
    } catch (e) {
      if (e === NOT_SPENDABLE && voter.kind === 'code') throw await refusal(ctx, s.id, voter.codeHash);
      if (isUniqueViolation(e)) {
        if (voter.kind === 'member' && (await repo.findVoter(ctx.db, s.id, voter.personId))) {
          throw new AppError('CONFLICT', '您已经投过票了，每人只能投票一次');
        }
        if (given !== undefined) throw receiptTaken();
        if (attempt < 2) continue; // an 80-bit receipt collided: draw a new ballot id
      }
      throw e;
    }
  }
}

/**
 * A code holder's ballot (public route), committed together with ballots arriving at the same
 * moment. With the voter's secret r the receipt is SM3(session ‖ r), known to the phone already.
 */
export async function castWithCode(
  ctx: AppContext,
  sessionId: string,
  rawCode: string,
  answers: Answers,
  secret?: string,
): Promise<string> {
  const code = normalizeCode(rawCode);
  const s = await getPublicSession(ctx, sessionId);
  assertAccepting(ctx, s);
  assertValidAnswers(s, answers);
  if (!isWellFormedCode(code)) throw invalidCode();
  const receipt = secret === undefined ? undefined : receiptFromSecret(s.id, secret);
  return batcherOf(ctx).submit(s, codeHash(ctx, code), answers, receipt);
}

const batchers = new WeakMap<AppContext, BallotBatcher>();

function batcherOf(ctx: AppContext): BallotBatcher {
  let b = batchers.get(ctx);
  if (!b) {
    b = new BallotBatcher(
      ctx,
      (s, hash, answers, receipt) => castBallot(ctx, s, { kind: 'code', codeHash: hash }, answers, ANONYMOUS, receipt),
      (sessionId, hash) => refusal(ctx, sessionId, hash),
    );
    batchers.set(ctx, b);
  }
  return b;
}

/** The category a logged-in person votes in, checking scope (404 out of sight, 403 not on the list). */
async function memberCategory(ctx: AppContext, actor: Actor, sessionId: string) {
  requireBusinessUser(actor);
  const s = await repo.findSession(ctx.db, sessionId);
  if (!s || s.status === 'draft' || !visibleUnitIds(actor).includes(s.unitId)) throw notFound('测评');
  const category = actor.personId
    ? s.categories.find((c) => c.loginPersonIds.includes(actor.personId as string))
    : undefined;
  if (!category || !actor.personId) throw forbidden('您不在本次测评的登录投票人员名单中，请使用纸条上的测评码投票');
  return { s: (await frozenSession(ctx, sessionId)) ?? s, category, personId: actor.personId };
}

export async function memberForm(
  ctx: AppContext,
  actor: Actor,
  sessionId: string,
): Promise<BallotForm & { voted: boolean }> {
  const { s, category, personId } = await memberCategory(ctx, actor, sessionId);
  return {
    session: await publicSession(ctx, s),
    categoryLabel: category.label,
    questionnaire: s.questionnaire,
    voted: !!(await repo.findVoter(ctx.db, s.id, personId)),
  };
}

/** A logged-in member's ballot: who voted is recorded (ballot_voters), how is not linked to them. */
export async function castAsMember(
  ctx: AppContext,
  actor: Actor,
  sessionId: string,
  answers: Answers,
): Promise<string> {
  const { s, category, personId } = await memberCategory(ctx, actor, sessionId);
  assertAccepting(ctx, s);
  assertValidAnswers(s, answers);
  if (await repo.findVoter(ctx.db, s.id, personId)) throw new AppError('CONFLICT', '您已经投过票了，每人只能投票一次');
  return castBallot(ctx, s, { kind: 'member', personId, category: category.key }, answers, {
    actorUserId: actor.userId,
    actorName: actor.displayName,
    requestId: null,
  });
}

/** Open sessions where the actor may vote while logged in. */
export async function mySessions(ctx: AppContext, actor: Actor) {
  requireBusinessUser(actor);
  if (!actor.personId) return [];
  const personId = actor.personId;
  const rows = await repo.listSessions(ctx.db, actor.ownUnitIds, {});
  const sessions = (
    await Promise.all(rows.filter((r) => r.status !== 'draft').map((r) => repo.findSession(ctx.db, r.id)))
  ).filter((s): s is repo.Session => !!s);
  const mine = sessions.filter((s) => s.categories.some((c) => c.loginPersonIds.includes(personId)));
  const voted = await repo.votedSessionIds(
    ctx.db,
    personId,
    mine.map((s) => s.id),
  );
  const names = new Map(rows.map((r) => [r.id, r.unit_name]));
  return mine.map((s) => ({
    id: s.id,
    unitId: s.unitId,
    unitName: names.get(s.id) ?? '',
    kind: s.kind,
    title: s.title,
    year: s.year,
    status: s.status,
    opensAt: s.opensAt,
    closesAt: s.closesAt,
    openedAt: s.openedAt,
    closedAt: s.closedAt,
    categoryLabel: s.categories.find((c) => c.loginPersonIds.includes(personId))?.label ?? '',
    voted: voted.has(s.id),
    accepting: isAccepting(s, ctx.clock.now()),
  }));
}
