import { describe, expect, it } from 'vitest';
import { afterFailure, isLocked, isSessionAlive, LOCKOUT_MINUTES } from './accounts.rules.js';

const now = new Date('2026-06-08T02:00:00Z');

describe('lockout', () => {
  it('locks on the 5th consecutive failure for 15 minutes', () => {
    let s = { failedLogins: 0, lockedUntil: null as string | null };
    for (let i = 1; i <= 4; i++) {
      const n = afterFailure(s, now);
      expect(n.justLocked).toBe(false);
      expect(n.failedLogins).toBe(i);
      s = n;
    }
    const locked = afterFailure(s, now);
    expect(locked.justLocked).toBe(true);
    expect(locked.lockedUntil).toBe(new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString());
    expect(isLocked(locked, new Date(now.getTime() + 14 * 60_000))).toBe(true);
    expect(isLocked(locked, new Date(now.getTime() + 15 * 60_000))).toBe(false);
  });

  it('starts counting again after a lock has expired', () => {
    const expired = { failedLogins: 0, lockedUntil: new Date(now.getTime() - 1000).toISOString() };
    expect(afterFailure(expired, now)).toMatchObject({ failedLogins: 1, lockedUntil: null, justLocked: false });
  });
});

describe('sessions', () => {
  it('expire on idle or absolute timeout', () => {
    const s = { idle_expires_at: '2026-06-08T02:30:00Z', absolute_expires_at: '2026-06-08T14:00:00Z' };
    expect(isSessionAlive(s, now)).toBe(true);
    expect(isSessionAlive(s, new Date('2026-06-08T02:30:00Z'))).toBe(false);
  });
});
