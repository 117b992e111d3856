import { describe, expect, it } from 'vitest';
import { dateIn, endOfDayInstant, isPastDeadline } from './time.js';

describe('Beijing time', () => {
  it('gives the Beijing date, not the UTC date', () => {
    expect(dateIn(new Date('2026-06-08T15:59:59Z'))).toBe('2026-06-08');
    expect(dateIn(new Date('2026-06-08T16:00:00Z'))).toBe('2026-06-09');
  });
  it('ends a deadline day at 24:00 Beijing time', () => {
    expect(endOfDayInstant('2026-01-31').toISOString()).toBe('2026-01-31T16:00:00.000Z');
    expect(isPastDeadline('2026-01-31', new Date('2026-01-31T15:59:59Z'))).toBe(false);
    expect(isPastDeadline('2026-01-31', new Date('2026-01-31T16:00:00Z'))).toBe(true);
  });
});
