/**
 * Throttle for failed ballot-code attempts (issue 8 §6; architecture.md security baseline).
 *
 * - A code is always checked first: a valid unused code is accepted whatever its address did
 *   before; an accepted code writes nothing here.
 * - Only the failing address slows down: after `free` failures within the window, each further
 *   failure from that address sets a delay growing by `stepMs` per failure, up to `maxDelayMs`.
 *   A failed attempt that arrives within the delay answers 429 with Retry-After instead of 400:
 *   a delay, never a lock (a valid code from the same address still goes through at once).
 * - There is no per-session counter, so no outsider can stop a session by failing on purpose.
 * - The state is a database row per address (ballot_code_failures), the address only as a keyed
 *   hash (HMAC-SM3 with the field key), so every app instance on the database shares it. A row
 *   expires `windowMs` after its last failure; expired rows are deleted as failures come in.
 *
 * Guessing stays hopeless whatever the delay (a code has 60 bits); the delay tells honest phones to
 * look at their slip again and bounds what a flood costs.
 */
import type { AppContext } from '../../context.js';
import * as repo from './ballots.repository.js';

export interface LimiterOptions {
  /** A row is forgotten this long after its last failure */
  windowMs: number;
  /** Failures within the window that cost no delay (a hall behind one NAT address makes typos) */
  free: number;
  /** Delay added per failure beyond `free` */
  stepMs: number;
  maxDelayMs: number;
}

export const DEFAULT_LIMITS: LimiterOptions = { windowMs: 15 * 60_000, free: 30, stepMs: 2_000, maxDelayMs: 120_000 };

/** The delay an address has earned after `failures` failures in the window (pure). */
export function delayAfter(failures: number, opts: LimiterOptions = DEFAULT_LIMITS): number {
  return Math.min(opts.maxDelayMs, Math.max(0, failures - opts.free) * opts.stepMs);
}

export interface FailureRow {
  failures: number;
  last_failure_at: string;
  expires_at: string;
}

/**
 * What one more failure does to an address's row (pure): the new row, and how long the attempt
 * must be answered as throttled (0: answer the plain refusal; > 0: 429 with that Retry-After).
 */
export function nextFailure(
  prev: FailureRow | undefined,
  now: number,
  opts: LimiterOptions = DEFAULT_LIMITS,
): { row: FailureRow; retryAfterMs: number } {
  const live = prev && Date.parse(prev.expires_at) > now ? prev : undefined;
  const failures = (live?.failures ?? 0) + 1;
  const delayedUntil = live ? Date.parse(live.last_failure_at) + delayAfter(live.failures, opts) : 0;
  const row = {
    failures,
    last_failure_at: new Date(now).toISOString(),
    expires_at: new Date(now + opts.windowMs).toISOString(),
  };
  return { row, retryAfterMs: delayedUntil > now ? delayAfter(failures, opts) : 0 };
}

export class CodeFailureLimiter {
  private lastSweep = 0;

  constructor(
    private readonly ctx: AppContext,
    private readonly opts: LimiterOptions = DEFAULT_LIMITS,
  ) {}

  addressHash(address: string): string {
    return this.ctx.crypto.blindIndex('ballot_code_failures', address);
  }

  /** Count one failed attempt from the address; returns the Retry-After in ms (0: not throttled). */
  async recordFailure(address: string, now = this.ctx.clock.now().getTime()): Promise<number> {
    const hash = this.addressHash(address);
    const db = this.ctx.db;
    const prev = await repo.findCodeFailure(db, hash);
    const { row, retryAfterMs } = nextFailure(prev, now, this.opts);
    await repo.saveCodeFailure(db, hash, row, prev !== undefined && Date.parse(prev.expires_at) > now);
    if (now - this.lastSweep > this.opts.windowMs) {
      this.lastSweep = now;
      await repo.sweepCodeFailures(db, new Date(now).toISOString());
    }
    return retryAfterMs;
  }
}
