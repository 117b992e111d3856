/**
 * Rate limit for failed code attempts only (architecture.md security baseline). Valid ballots are
 * never counted. Two fixed windows: per address, loose because a hall's phones may share one NAT
 * address (hundreds of typos are normal there), and per session, which bounds guessing from many
 * addresses. While a key is over its limit, code attempts from it answer 429 until the window ends.
 * In memory, per process: guessing a 60-bit code is hopeless anyway; this stops noise and floods.
 */
export interface LimiterOptions {
  windowMs: number;
  perAddress: number;
  perSession: number;
}

export const DEFAULT_LIMITS: LimiterOptions = { windowMs: 10 * 60_000, perAddress: 300, perSession: 3000 };

interface Window {
  start: number;
  failures: number;
}

export class FailedCodeLimiter {
  private readonly windows = new Map<string, Window>();
  private lastSweep = 0;

  constructor(private readonly opts: LimiterOptions = DEFAULT_LIMITS) {}

  private current(key: string, now: number): Window | undefined {
    const w = this.windows.get(key);
    if (w && now - w.start >= this.opts.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return w;
  }

  /** Milliseconds until code attempts are accepted again, or 0 when not blocked. */
  blockedFor(address: string, sessionId: string, now: number): number {
    const a = this.current(`a:${address}`, now);
    const s = this.current(`s:${sessionId}`, now);
    const waits = [
      a && a.failures >= this.opts.perAddress ? a.start + this.opts.windowMs - now : 0,
      s && s.failures >= this.opts.perSession ? s.start + this.opts.windowMs - now : 0,
    ];
    return Math.max(0, ...waits);
  }

  /** Count one failed attempt against the address and the session. */
  recordFailure(address: string, sessionId: string, now: number): void {
    for (const key of [`a:${address}`, `s:${sessionId}`]) {
      const w = this.current(key, now) ?? { start: now, failures: 0 };
      w.failures += 1;
      this.windows.set(key, w);
    }
    if (now - this.lastSweep > this.opts.windowMs) {
      this.lastSweep = now;
      for (const [k, w] of this.windows) if (now - w.start >= this.opts.windowMs) this.windows.delete(k);
    }
  }
}
