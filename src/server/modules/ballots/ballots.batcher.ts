/**
 * Group commit for code ballots. In a full hall hundreds of phones submit at once; committing
 * each ballot alone costs a disk flush and a turn at the audit chain's head (the one point every
 * write in Banzi passes in turn) per ballot. Ballots that arrive while a commit is running wait and
 * go together in the next transaction: each still spends its own code, stores its own ballot and
 * gets its own audit event, in one transaction with them, and is acknowledged only after the
 * commit. A code submitted twice in one batch counts once (the second spend finds it spent).
 * If a batch fails as a whole, its ballots are retried one by one, so one bad ballot sinks no other.
 */
import { AppError } from '../../../common/errors.js';
import type { Answers } from '../../../common/contracts/ballots.js';
import type { AppContext } from '../../context.js';
import type { AuditEventInput } from '../../platform/audit.js';
import { randomId } from '../../platform/random.js';
import * as repo from './ballots.repository.js';
import { encodeAnswers, receiptOf } from './ballots.rules.js';
import { isAccepting } from './ballots.service.js';

export const ANONYMOUS = { actorUserId: null, actorName: null, requestId: null } as const;
const MAX_BATCH = 64;

interface Pending {
  s: repo.Session;
  codeHash: string;
  answers: Answers;
  /** The voter's own receipt (from the secret r its page holds), if it sent one */
  receipt: string | undefined;
  resolve: (receipt: string) => void;
  reject: (e: unknown) => void;
}

/** What happened to one ballot of a batch. */
type Outcome = { receipt: string } | { unspendable: true } | { closed: true };

export class BallotBatcher {
  private queue: Pending[] = [];
  private running = false;

  constructor(
    private readonly ctx: AppContext,
    /** Store one ballot alone (used when a whole batch fails) */
    private readonly single: (
      s: repo.Session,
      codeHash: string,
      answers: Answers,
      receipt: string | undefined,
    ) => Promise<string>,
    /** The error for a code that could not be spent (unknown to the session, or spent) */
    private readonly refusal: (sessionId: string, codeHash: string) => Promise<unknown>,
  ) {}

  submit(s: repo.Session, codeHash: string, answers: Answers, receipt?: string): Promise<string> {
    return new Promise((resolve, reject) => {
      this.queue.push({ s, codeHash, answers, receipt, resolve, reject });
      if (!this.running) {
        this.running = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  /**
   * Commit the queue batch by batch. better-sqlite3 runs statements synchronously, so a commit
   * holds the event loop; the drain starts, and each next batch is taken, only after the loop
   * has read the requests that arrived meanwhile (setImmediate), so they join that batch.
   */
  private async drain(): Promise<void> {
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, MAX_BATCH);
        let outcomes: Map<Pending, Outcome>;
        try {
          outcomes = await this.commit(batch);
        } catch {
          for (const p of batch) await this.single(p.s, p.codeHash, p.answers, p.receipt).then(p.resolve, p.reject);
          continue;
        }
        for (const p of batch) {
          const o = outcomes.get(p);
          if (o && 'receipt' in o) p.resolve(o.receipt);
          else if (o && 'closed' in o) p.reject(new AppError('INVALID_STATE', '本次测评已经结束，不再接受投票'));
          else p.reject(await this.refusal(p.s.id, p.codeHash));
        }
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      this.running = false;
    }
  }

  /**
   * One transaction for the batch, a fixed number of statements whatever its size: lock the
   * sessions' state, spend every code with one UPDATE, store every ballot with one INSERT, append
   * every audit event with one chain-head move.
   */
  private async commit(batch: Pending[]): Promise<Map<Pending, Outcome>> {
    const ctx = this.ctx;
    const out = new Map<Pending, Outcome>();
    await ctx.db.transaction().execute(async (trx) => {
      const now = ctx.clock.now();
      const open: Pending[] = [];
      for (const id of [...new Set(batch.map((p) => p.s.id))].sort()) {
        const state = await repo.lockSessionState(trx, id, ctx.dialect);
        for (const p of batch.filter((x) => x.s.id === id)) {
          if (state && isAccepting({ ...p.s, ...state }, now)) open.push(p);
          else out.set(p, { closed: true });
        }
      }
      const spent = await repo.spendCodes(
        trx,
        open.map((p) => ({ sessionId: p.s.id, codeHash: p.codeHash })),
      );
      const rows: { id: string; session_id: string; category: string; answers: string; receipt: string }[] = [];
      const events: AuditEventInput[] = [];
      for (const p of open) {
        const key = `${p.s.id}\n${p.codeHash}`;
        const category = spent.get(key);
        if (category === undefined) {
          out.set(p, { unspendable: true });
          continue;
        }
        spent.delete(key); // the same code twice in one batch: only the first counts
        const id = randomId(ctx.random);
        const receipt = p.receipt ?? receiptOf(p.s.id, id, p.answers);
        rows.push({ id, session_id: p.s.id, category, answers: encodeAnswers(p.s.questionnaire, p.answers), receipt });
        events.push({
          action: 'ballots.ballot_cast',
          entityType: 'ballot_session',
          entityId: p.s.id,
          unitId: p.s.unitId,
        });
        out.set(p, { receipt });
      }
      await repo.insertBallots(trx, rows);
      // The audit head last: on PostgreSQL its lock is held only for this insert and the commit.
      await ctx.audit.recordMany(trx, ANONYMOUS, events);
    });
    return out;
  }
}
