import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates.js';
import { checkCharacter, parseIdNumber } from './id-number.js';

describe('ID numbers (ID-01, GB 11643)', () => {
  it('accepts a valid number and reads birth date and sex', () => {
    const first17 = '65990119800101121';
    const v = first17 + checkCharacter(first17);
    expect(parseIdNumber(v)).toEqual({ ok: true, value: v, birthDate: '1980-01-01', sex: 'M' });
  });

  it('accepts a lower-case x and stores it as X', () => {
    // 11010519491231002X is the standard's own example
    const r = parseIdNumber('11010519491231002x');
    expect(r).toEqual({ ok: true, value: '11010519491231002X', birthDate: '1949-12-31', sex: 'F' });
  });

  it('refuses a wrong check digit with a Chinese message', () => {
    const r = parseIdNumber('110105194912310021');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('校验码');
  });

  it('refuses 15-digit numbers, asking for the 18-digit one', () => {
    const r = parseIdNumber('110105491231002');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('18 位');
  });

  it('refuses an impossible birth date', () => {
    const first17 = '65990119800231121';
    expect(parseIdNumber(first17 + checkCharacter(first17)).ok).toBe(false);
  });

  it('property: any single-digit change of a valid number is caught', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 364 }),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (day, serial, pos, delta) => {
          const d = addDays('1985-01-01', day).replace(/-/g, '');
          const first17 = `659901${d}${String(serial).padStart(3, '0')}`;
          const valid = first17 + checkCharacter(first17);
          if (!parseIdNumber(valid).ok) return false;
          const digits = valid.split('');
          digits[pos] = String((Number(digits[pos]) + delta) % 10);
          const changed = digits.join('');
          const r = parseIdNumber(changed);
          // A changed digit either breaks the check digit or the birth date.
          return !r.ok;
        },
      ),
    );
  });
});
