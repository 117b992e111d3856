/**
 * The clock port. Everything that needs "now" or "today" asks the clock, so tests can fix time.
 * Today is always the Beijing date (common/time.ts), never the server's local date.
 */
import { dateIn } from '../../common/time.js';
import type { IsoDate } from '../../common/dates.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where it is set; tests move it by hand. */
export class FixedClock implements Clock {
  private t: number;
  constructor(start: Date | string) {
    this.t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(to: Date | string): void {
    this.t = new Date(to).getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export function nowIso(clock: Clock): string {
  return clock.now().toISOString();
}

export function today(clock: Clock): IsoDate {
  return dateIn(clock.now());
}
