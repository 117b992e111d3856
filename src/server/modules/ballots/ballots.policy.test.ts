import { describe, expect, it } from 'vitest';
import type { Actor } from '../../http/actor.js';
import { FailedCodeLimiter } from './ballots.limiter.js';
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

describe('failed-code limiter', () => {
  it('counts failures per address and per session and blocks only until the window ends', () => {
    const l = new FailedCodeLimiter({ windowMs: 1000, perAddress: 3, perSession: 5 });
    for (let i = 0; i < 3; i++) l.recordFailure('1.1.1.1', 's1', 0);
    expect(l.blockedFor('1.1.1.1', 's1', 10)).toBe(990);
    expect(l.blockedFor('2.2.2.2', 's1', 10)).toBe(0);
    for (let i = 0; i < 2; i++) l.recordFailure('2.2.2.2', 's1', 20);
    expect(l.blockedFor('3.3.3.3', 's1', 30)).toBe(970); // the session as a whole reached 5
    expect(l.blockedFor('3.3.3.3', 's2', 30)).toBe(0);
    expect(l.blockedFor('1.1.1.1', 's1', 1000)).toBe(0);
  });
});
