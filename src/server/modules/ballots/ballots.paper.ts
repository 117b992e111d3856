/**
 * Paper ballots, for halls without phones. Each paper ballot carries a code slip. Two clerks type
 * it independently; the entries are matched by the code, and only an identical pair counts: the
 * code is spent and the ballot stored in the same transaction, so no one votes on paper and by
 * phone. A pair that differs is listed for a third check (a third clerk types it; it counts when
 * it equals one of the others). Entries are deleted once accepted, and at closing.
 */
import { normalizeCode, type Answers } from '../../../common/contracts/ballots.js';
import { AppError, invalidField } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import { fromJson } from '../../db/helpers.js';
import { type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import { canonicalJson } from '../../platform/crypto.js';
import { randomId } from '../../platform/random.js';
import * as repo from './ballots.repository.js';
import { encodeAnswers, isWellFormedCode, receiptOf } from './ballots.rules.js';
import { getVisibleSession, isAccepting } from './ballots.service.js';
import { assertValidAnswers, codeHash } from './ballots.voting.js';

function differing(entries: Answers[]): string[] {
  const ids = new Set(entries.flatMap((a) => Object.keys(a)));
  return [...ids].filter((id) => new Set(entries.map((a) => canonicalJson(a[id] ?? null))).size > 1).sort();
}

export async function enterPaperBallot(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: { code: string; answers: Answers },
  meta: RequestMeta,
) {
  const s = await getVisibleSession(ctx, actor, id, 'manage');
  const code = normalizeCode(body.code);
  if (!isWellFormedCode(code)) throw invalidField('code', '测评码格式不正确，请核对选票上的测评码');
  assertValidAnswers(s, body.answers);
  const hash = codeHash(ctx, code);
  const answers = canonicalJson(body.answers);
  return ctx.db.transaction().execute(async (trx) => {
    const state = await repo.lockSessionState(trx, id, ctx.dialect);
    if (!state || !isAccepting({ ...s, ...state }, ctx.clock.now())) {
      throw new AppError('INVALID_STATE', '测评未开启或已结束，不能录入纸质选票');
    }
    let q = trx.selectFrom('ballot_codes').select(['session_id', 'category', 'spent']).where('code_hash', '=', hash);
    if (ctx.dialect === 'postgres') q = q.forUpdate(); // entries for one code are matched one at a time
    const c = await q.executeTakeFirst();
    if (!c || c.session_id !== id) throw invalidField('code', '测评码无效：不是本次测评的测评码');
    if (c.spent === 1) {
      throw new AppError('CONFLICT', '该测评码已经使用（已通过手机或纸质选票投票），这张纸质选票不能再计入', {
        field: 'code',
      });
    }
    const entries = await trx
      .selectFrom('ballot_paper_entries')
      .selectAll()
      .where('session_id', '=', id)
      .where('code_hash', '=', hash)
      .execute();
    if (entries.some((e) => e.clerk_user_id === actor.userId)) {
      throw new AppError('CONFLICT', '您已录入过这张选票，须由另一名录入员独立录入', { field: 'code' });
    }
    const audit = auditActorOf(actor, meta.requestId);
    if (entries.some((e) => e.answers === answers)) {
      const ballotId = randomId(ctx.random);
      const receipt = receiptOf(id, ballotId, body.answers);
      await trx.updateTable('ballot_codes').set({ spent: 1 }).where('code_hash', '=', hash).execute();
      await repo.insertBallot(trx, {
        id: ballotId,
        session_id: id,
        category: c.category,
        answers: encodeAnswers(s.questionnaire, body.answers),
        receipt,
      });
      await trx.deleteFrom('ballot_paper_entries').where('session_id', '=', id).where('code_hash', '=', hash).execute();
      await ctx.audit.record(trx, audit, {
        action: 'ballots.paper_ballot_accepted',
        entityType: 'ballot_session',
        entityId: id,
        unitId: s.unitId,
      });
      return { status: 'accepted' as const, receipt, differingQuestions: [] };
    }
    await trx
      .insertInto('ballot_paper_entries')
      .values({
        id: randomId(ctx.random),
        session_id: id,
        code_hash: hash,
        code_hint: code.slice(-4),
        clerk_user_id: actor.userId,
        answers,
      })
      .execute();
    await ctx.audit.record(trx, audit, {
      action: 'ballots.paper_entry_recorded',
      entityType: 'ballot_session',
      entityId: id,
      unitId: s.unitId,
    });
    if (!entries.length) return { status: 'waiting' as const, receipt: null, differingQuestions: [] };
    return {
      status: 'mismatch' as const,
      receipt: null,
      differingQuestions: differing([...entries.map((e) => fromJson<Answers>(e.answers, {})), body.answers]),
    };
  });
}

/** Paper ballots typed once (waiting for the second clerk) or typed differently (third check). */
export async function listPaperEntries(ctx: AppContext, actor: Actor, id: string) {
  await getVisibleSession(ctx, actor, id, 'manage');
  const rows = await ctx.db
    .selectFrom('ballot_paper_entries')
    .innerJoin('users', 'users.id', 'ballot_paper_entries.clerk_user_id')
    .select([
      'ballot_paper_entries.code_hash',
      'ballot_paper_entries.code_hint',
      'ballot_paper_entries.clerk_user_id',
      'ballot_paper_entries.answers',
      'users.display_name',
    ])
    .where('ballot_paper_entries.session_id', '=', id)
    .orderBy('ballot_paper_entries.code_hint')
    .execute();
  const byCode = new Map<string, typeof rows>();
  for (const r of rows) byCode.set(r.code_hash, [...(byCode.get(r.code_hash) ?? []), r]);
  return {
    items: [...byCode.values()].map((group) => ({
      codeHint: group[0]?.code_hint ?? '',
      status: group.length >= 2 ? ('mismatch' as const) : ('waiting' as const),
      clerks: group.map((g) => g.display_name),
      differingQuestions: group.length >= 2 ? differing(group.map((g) => fromJson<Answers>(g.answers, {}))) : [],
      enteredByMe: group.some((g) => g.clerk_user_id === actor.userId),
    })),
  };
}

/** Throw away every entry of one paper ballot, so it can be typed again from the start. */
export async function discardPaperEntries(
  ctx: AppContext,
  actor: Actor,
  id: string,
  rawCode: string,
  meta: RequestMeta,
): Promise<number> {
  const s = await getVisibleSession(ctx, actor, id, 'manage');
  const code = normalizeCode(rawCode);
  if (!isWellFormedCode(code)) throw invalidField('code', '测评码格式不正确');
  return ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .deleteFrom('ballot_paper_entries')
      .where('session_id', '=', id)
      .where('code_hash', '=', codeHash(ctx, code))
      .executeTakeFirst();
    const n = Number(r.numDeletedRows);
    if (!n) throw invalidField('code', '没有这张选票的录入记录');
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'ballots.paper_entries_discarded',
      entityType: 'ballot_session',
      entityId: id,
      unitId: s.unitId,
      details: { entries: n },
    });
    return n;
  });
}
