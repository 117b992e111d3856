import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../platform/random.js';
import {
  CODE_ALPHABET,
  codeMatches,
  credentialState,
  formatPart,
  newCodePart,
  NO_PASSWORD,
  PART_LENGTH,
  partDigest,
  storedDigests,
} from './accounts.codes.js';
import { FailedLoginLimiter } from './accounts.limiter.js';

const part = fc.string({ unit: fc.constantFrom(...CODE_ALPHABET), minLength: PART_LENGTH, maxLength: PART_LENGTH });

describe('activation codes (AC-02)', () => {
  it('AC-02: makes 12-letter parts from the alphabet, shown as XXXX-XXXX-XXXX', () => {
    const p = newCodePart(seededRandom(7));
    expect(p).toMatch(new RegExp(`^[${CODE_ALPHABET}]{${PART_LENGTH}}$`));
    expect(formatPart(p)).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(CODE_ALPHABET).not.toMatch(/[01IO]/);
  });

  it('AC-02: accepts both halves in either order, with any case, spaces and dashes', () => {
    fc.assert(
      fc.property(part, part, fc.boolean(), (a, b, swap) => {
        const stored = storedDigests([partDigest('u1', a), partDigest('u1', b)]);
        const typed = swap ? `${formatPart(b)} ${formatPart(a).toLowerCase()}` : `${a}-${b}`;
        expect(codeMatches('u1', typed, stored)).toBe(true);
      }),
    );
  });

  it('AC-02: refuses one half alone, a changed letter, another account’s code, and an empty store', () => {
    fc.assert(
      fc.property(part, part, fc.nat({ max: 2 * PART_LENGTH - 1 }), (a, b, at) => {
        const stored = storedDigests([partDigest('u1', a), partDigest('u1', b)]);
        expect(codeMatches('u1', a, stored)).toBe(false);
        expect(codeMatches('u1', `${a}${a}`, stored)).toBe(a === b);
        const both = `${a}${b}`;
        const changed = both.slice(0, at) + (both[at] === 'A' ? 'B' : 'A') + both.slice(at + 1);
        expect(codeMatches('u1', changed, stored)).toBe(false);
        expect(codeMatches('u2', both, stored)).toBe(false);
        expect(codeMatches('u1', both, null)).toBe(false);
      }),
    );
  });

  it('AC-02: tells a password, an open code, an expired code and nothing apart', () => {
    const now = new Date('2026-06-08T02:00:00Z');
    const later = '2026-06-11T02:00:00.000Z';
    const row = (password_hash: string, activation_hash: string | null, activation_expires_at: string | null) => ({
      password_hash,
      activation_hash,
      activation_expires_at,
    });
    expect(credentialState(row('$argon2id$x', null, null), now)).toBe('password');
    expect(credentialState(row(NO_PASSWORD, '["d"]', later), now)).toBe('code_issued');
    expect(credentialState(row(NO_PASSWORD, '["d"]', later), new Date(later))).toBe('code_expired');
    expect(credentialState(row(NO_PASSWORD, null, null), now)).toBe('none');
  });
});

describe('failed login limiter (AC-03)', () => {
  it('AC-03: counts failures only, per address, and forgets them when the minute is over', () => {
    const l = new FailedLoginLimiter(3, 60_000);
    for (let i = 0; i < 2; i++) expect(l.recordFailure('a', 1000 + i)).toBe(false);
    expect(l.blockedFor('a', 2000)).toBe(0);
    expect(l.recordFailure('a', 2000)).toBe(true);
    expect(l.blockedFor('a', 2000)).toBe(59_000);
    expect(l.blockedFor('b', 2000)).toBe(0);
    expect(l.recordFailure('a', 3000)).toBe(false);
    expect(l.blockedFor('a', 61_000)).toBe(0);
  });
});
