import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../http/actor.js';
import { delayAfter, nextFailure, type FailureRow } from './ballots.limiter.js';
import { listableUnitIds, sessionAccess } from './ballots.policy.js';

const base: Actor = {
  userId: 'u',
  username: 'u',
  displayName: 'u',
  personId: 'p',
  adminRole: null,
  roles: [],
  ownUnitIds: [],
  managed: [],
  sessionId: 's',
  csrfToken: 'c',
  mustChangePassword: false,
};
const actor = (patch: Partial<Actor>): Actor => ({ ...base, ...patch });

describe('session access', () => {
  const altay = 'altay';
  it.each([
    [
      'the unit’s Party Group office',
      actor({ roles: [{ role: 'office', unitId: altay }], ownUnitIds: [altay] }),
      'manage',
    ],
    [
      'personnel office of the unit above',
      actor({
        roles: [{ role: 'personnel', unitId: 'urumqi' }],
        ownUnitIds: ['urumqi'],
        managed: [{ unitId: altay, roles: ['personnel'] }],
      }),
      'manage',
    ],
    [
      'discipline office of the unit above',
      actor({
        roles: [{ role: 'discipline', unitId: 'urumqi' }],
        ownUnitIds: ['urumqi'],
        managed: [{ unitId: altay, roles: ['discipline'] }],
      }),
      'view',
    ],
    [
      'the unit’s secretary',
      actor({
        roles: [
          { role: 'secretary', unitId: altay },
          { role: 'member', unitId: altay },
        ],
        ownUnitIds: [altay],
      }),
      'forbidden',
    ],
    [
      'the unit’s own personnel office (not above)',
      actor({ roles: [{ role: 'personnel', unitId: altay }], ownUnitIds: [altay] }),
      'forbidden',
    ],
    [
      'another unit’s office',
      actor({ roles: [{ role: 'office', unitId: 'khorgos' }], ownUnitIds: ['khorgos'] }),
      'none',
    ],
    ['an admin', actor({ adminRole: 'auditor', personId: null }), 'forbidden'],
  ])('%s: %s', (_who, a, expected) => {
    expect(sessionAccess(a, altay)).toBe(expected);
  });

  it('lists only units whose results the actor may see', () => {
    const a = actor({
      roles: [
        { role: 'office', unitId: 'altay' },
        { role: 'staff', unitId: 'altay' },
      ],
      ownUnitIds: ['altay'],
      managed: [{ unitId: 'kh', roles: ['discipline'] }],
    });
    expect(listableUnitIds(a).sort()).toEqual(['altay', 'kh']);
    expect(listableUnitIds(actor({ adminRole: 'system_admin' }))).toEqual([]);
  });
});

describe('failed-code throttle (issue 8 §6)', () => {
  const opts = { windowMs: 1000, free: 3, stepMs: 100, maxDelayMs: 250 };
  const run = (times: number[]) => {
    let row: FailureRow | undefined;
    return times.map((t) => {
      const next = nextFailure(row, t, opts);
      row = next.row;
      return next.retryAfterMs;
    });
  };

  it('delays only after the free failures, by a step per failure, up to the cap: never a lock', () => {
    expect([0, 3, 4, 5, 6, 100].map((f) => delayAfter(f, opts))).toEqual([0, 0, 100, 200, 250, 250]);
  });

  it('answers throttled only to a failure within the delay the previous failures earned', () => {
    // failures 1-4 are free answers (the 4th earns the first delay); the 5th comes within it
    expect(run([0, 1, 2, 3, 50])).toEqual([0, 0, 0, 0, 200]);
    // waiting out the delay gives a plain answer again, though the count goes on
    expect(run([0, 1, 2, 3, 150])).toEqual([0, 0, 0, 0, 0]);
  });

  it('forgets an address a window after its last failure', () => {
    expect(run([0, 1, 2, 3, 4, 1004, 1005])).toEqual([0, 0, 0, 0, 200, 0, 0]);
  });

  it('never throttles for any sequence of failures longer than the cap, and within the window counts each', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 60 }), (gaps) => {
        let t = 0;
        const waits = run(gaps.map((g) => (t += g)));
        expect(waits.every((w) => w >= 0 && w <= opts.maxDelayMs)).toBe(true);
      }),
    );
  });
});
