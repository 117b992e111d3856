import { describe, expect, it } from 'vitest';
import type { Actor } from '../../http/actor.js';
import {
  canApproveItems,
  canApproveMinutes,
  canManage,
  canPropose,
  canRead,
  readRefusal,
  scopeUnitIds,
  seatsIn,
} from './decisions.policy.js';
import { chineseDate, chineseNumber } from '../meetings/summary.docx.js';

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
const actor = (roles: Actor['roles'], managed: Actor['managed'] = []): Actor => ({
  ...base,
  roles,
  ownUnitIds: [...new Set(roles.map((r) => r.unitId))],
  managed,
});

describe('seats in a unit (who may do what with meetings and decisions)', () => {
  const office = actor([
    { role: 'office', unitId: 'A' },
    { role: 'staff', unitId: 'A' },
  ]);
  const secretary = actor([
    { role: 'secretary', unitId: 'A' },
    { role: 'member', unitId: 'A' },
  ]);
  const member = actor([{ role: 'member', unitId: 'A' }]);
  const staff = actor([{ role: 'staff', unitId: 'A' }]);
  const above = actor([{ role: 'personnel', unitId: 'P' }], [{ unitId: 'A', roles: ['personnel'] }]);
  const other = actor([{ role: 'secretary', unitId: 'B' }]);
  const admin: Actor = { ...base, adminRole: 'system_admin' };

  it.each([
    ['office', office, { read: true, manage: true, approve: false, propose: true, minutes: false, refusal: null }],
    ['secretary', secretary, { read: true, manage: false, approve: true, propose: true, minutes: true, refusal: null }],
    ['member', member, { read: true, manage: false, approve: false, propose: true, minutes: false, refusal: null }],
    [
      'staff',
      staff,
      { read: false, manage: false, approve: false, propose: false, minutes: false, refusal: 'forbidden' },
    ],
    [
      'personnel above',
      above,
      { read: true, manage: false, approve: false, propose: false, minutes: false, refusal: null },
    ],
    [
      'another unit',
      other,
      { read: false, manage: false, approve: false, propose: false, minutes: false, refusal: 'not_found' },
    ],
    [
      'admin',
      admin,
      { read: false, manage: false, approve: false, propose: false, minutes: false, refusal: 'not_found' },
    ],
  ] as const)('%s', (_name, a, want) => {
    const s = seatsIn(a, 'A');
    expect({
      read: canRead(s),
      manage: canManage(s),
      approve: canApproveItems(s),
      propose: canPropose(s),
      minutes: canApproveMinutes(s),
      refusal: readRefusal(s),
    }).toEqual(want);
  });

  it('scopes lookups to the units the actor sees, none for admins', () => {
    expect(scopeUnitIds(above).sort()).toEqual(['A', 'P']);
    expect(scopeUnitIds(admin)).toEqual([]);
  });
});

describe('会议纪要 numbering', () => {
  it('writes Chinese numerals and dates', () => {
    expect([1, 10, 11, 20, 23].map(chineseNumber)).toEqual(['一', '十', '十一', '二十', '二十三']);
    expect(chineseDate('2026-06-08')).toBe('2026年6月8日');
  });
});
