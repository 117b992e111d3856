import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planUsernames, usernamePrefix } from './accounts.batches.usernames.js';

describe('batch usernames', () => {
  it('unit code in lower case, a dot and a three-digit sequence per unit', () => {
    const plan = planUsernames(
      [
        { personId: 'a', unitCode: 'GZ01' },
        { personId: 'b', unitCode: 'GZ01' },
        { personId: 'c', unitCode: 'ALT' },
      ],
      [],
    );
    expect([...plan.values()]).toEqual(['gz01.001', 'gz01.002', 'alt.001']);
  });

  it('continues after the highest number taken, case-insensitively', () => {
    const plan = planUsernames([{ personId: 'a', unitCode: 'GZ01' }], ['GZ01.007', 'gz01.003', 'other']);
    expect(plan.get('a')).toBe('gz01.008');
  });

  it('a unit without a code uses the prefix user', () => {
    expect(usernamePrefix(null)).toBe('user');
    expect(usernamePrefix('中文')).toBe('user');
  });

  it('never a taken name, never twice, always a valid username (property)', () => {
    const code = fc.option(fc.stringMatching(/^[A-Za-z0-9._-]{1,40}$/), { nil: null });
    fc.assert(
      fc.property(
        fc.array(code, { maxLength: 30 }),
        fc.array(fc.stringMatching(/^[a-z0-9]{1,6}\.\d{1,4}$/), { maxLength: 20 }),
        (codes, taken) => {
          const people = codes.map((unitCode, i) => ({ personId: `p${i}`, unitCode }));
          const plan = planUsernames(people, taken);
          const names = [...plan.values()];
          expect(new Set(names).size).toBe(names.length);
          const lowerTaken = new Set(taken.map((t) => t.toLowerCase()));
          for (const n of names) {
            expect(lowerTaken.has(n)).toBe(false);
            expect(n).toMatch(/^[a-z0-9._-]{3,64}$/);
          }
          expect(planUsernames(people, taken)).toEqual(plan);
        },
      ),
    );
  });
});
