/**
 * Failed login and activation attempts per client address (AC-03). Only failures are counted, so
 * a hall of 2,000 people behind one address logs in; while an address is over its limit in the
 * current one-minute window, its attempts answer 429 until the window ends. In memory, per
 * process (each instance counts its own); lockouts per account and address live in the database.
 */
export class FailedLoginLimiter {
  private readonly windows = new Map<string, { start: number; failures: number }>();
  private lastSweep = 0;

  constructor(
    private readonly perAddress: number,
    private readonly windowMs = 60_000,
  ) {}

  private current(address: string, now: number) {
    const w = this.windows.get(address);
    if (w && now - w.start >= this.windowMs) {
      this.windows.delete(address);
      return undefined;
    }
    return w;
  }

  /** Milliseconds until attempts from the address are accepted again, or 0. */
  blockedFor(address: string, now: number): number {
    const w = this.current(address, now);
    return w && w.failures >= this.perAddress ? w.start + this.windowMs - now : 0;
  }

  /** Count one failure; true when this failure brought the address to its limit. */
  recordFailure(address: string, now: number): boolean {
    const w = this.current(address, now) ?? { start: now, failures: 0 };
    w.failures += 1;
    this.windows.set(address, w);
    if (now - this.lastSweep > this.windowMs) {
      this.lastSweep = now;
      for (const [k, v] of this.windows) if (now - v.start >= this.windowMs) this.windows.delete(k);
    }
    return w.failures === this.perAddress;
  }
}
