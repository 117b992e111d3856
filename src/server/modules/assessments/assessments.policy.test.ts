import { describe, expect, it } from 'vitest';
import type { Actor } from '../../http/actor.js';
import { batchAccess, gradedUnitIds } from './assessments.policy.js';

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

describe('grade access', () => {
  it.each([
    [
      'personnel above',
      {
        roles: [{ role: 'personnel' as const, unitId: 'ur' }],
        ownUnitIds: ['ur'],
        managed: [{ unitId: 'alt', roles: ['personnel' as const] }],
      },
      'edit',
    ],
    [
      'discipline above',
      {
        roles: [{ role: 'discipline' as const, unitId: 'ur' }],
        ownUnitIds: ['ur'],
        managed: [{ unitId: 'alt', roles: ['discipline' as const] }],
      },
      'view',
    ],
    [
      'the unit’s own office',
      { roles: [{ role: 'office' as const, unitId: 'alt' }], ownUnitIds: ['alt'] },
      'forbidden',
    ],
    [
      'the unit’s own personnel office',
      { roles: [{ role: 'personnel' as const, unitId: 'alt' }], ownUnitIds: ['alt'] },
      'forbidden',
    ],
    ['a team member', { roles: [{ role: 'member' as const, unitId: 'alt' }], ownUnitIds: ['alt'] }, 'forbidden'],
    ['another unit', { roles: [{ role: 'office' as const, unitId: 'kh' }], ownUnitIds: ['kh'] }, 'none'],
    ['an admin', { adminRole: 'system_admin' as const }, 'forbidden'],
  ])('%s', (_w, patch, expected) => {
    expect(batchAccess({ ...base, ...patch }, 'alt')).toBe(expected);
  });
  it('lists managed units only', () => {
    expect(gradedUnitIds({ ...base, managed: [{ unitId: 'alt', roles: ['discipline'] }] })).toEqual(['alt']);
    expect(gradedUnitIds({ ...base, adminRole: 'auditor', managed: [] })).toEqual([]);
  });
});
