/**
 * Pure account rules: lockout after 5 failures for 15 minutes, session expiry.
 */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;

export interface LockState {
  failedLogins: number;
  lockedUntil: string | null;
}

export function isLocked(state: LockState, now: Date): boolean {
  return state.lockedUntil !== null && new Date(state.lockedUntil).getTime() > now.getTime();
}

/** The state after one more failed attempt: the 5th failure locks the account for 15 minutes. */
export function afterFailure(state: LockState, now: Date): LockState & { justLocked: boolean } {
  // An expired lock starts the count again.
  const failed = (state.lockedUntil && !isLocked(state, now) ? 0 : state.failedLogins) + 1;
  if (failed >= LOCKOUT_THRESHOLD) {
    return {
      failedLogins: 0,
      lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString(),
      justLocked: true,
    };
  }
  return { failedLogins: failed, lockedUntil: null, justLocked: false };
}

export function sessionExpiry(now: Date, idleMinutes: number, maxHours: number): { idle: string; absolute: string } {
  return {
    idle: new Date(now.getTime() + idleMinutes * 60_000).toISOString(),
    absolute: new Date(now.getTime() + maxHours * 3_600_000).toISOString(),
  };
}

export function isSessionAlive(s: { idle_expires_at: string; absolute_expires_at: string }, now: Date): boolean {
  const t = now.getTime();
  return new Date(s.idle_expires_at).getTime() > t && new Date(s.absolute_expires_at).getTime() > t;
}
