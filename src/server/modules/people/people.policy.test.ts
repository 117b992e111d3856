import { describe, expect, it } from 'vitest';
import type { Actor } from '../../http/actor.js';
import { accessTo, canEditPerson, canRevealIdNumber } from './people.policy.js';

const base: Actor = {
  userId: 'u',
  username: 'u',
  displayName: 'u',
  personId: null,
  adminRole: null,
  roles: [],
  ownUnitIds: [],
  managed: [],
  sessionId: 's',
  csrfToken: 'c',
  mustChangePassword: false,
};
const actor = (patch: Partial<Actor>): Actor => ({ ...base, ...patch });

const altayLeader = { id: 'p-leader', unitId: 'altay', onOwnTeam: true };
const altayStaff = { id: 'p-staff', unitId: 'altay', onOwnTeam: false };

// The matrix: who sees and edits what (scope policy)
const seats = {
  personnelAbove: actor({
    roles: [{ role: 'personnel', unitId: 'urumqi' }],
    ownUnitIds: ['urumqi'],
    managed: [{ unitId: 'altay', roles: ['personnel'] }],
  }),
  disciplineAbove: actor({
    roles: [{ role: 'discipline', unitId: 'urumqi' }],
    ownUnitIds: ['urumqi'],
    managed: [{ unitId: 'altay', roles: ['discipline'] }],
  }),
  ownPersonnel: actor({ roles: [{ role: 'personnel', unitId: 'altay' }], ownUnitIds: ['altay'] }),
  colleague: actor({ personId: 'p-other', roles: [{ role: 'member', unitId: 'altay' }], ownUnitIds: ['altay'] }),
  self: actor({ personId: 'p-leader', roles: [{ role: 'secretary', unitId: 'altay' }], ownUnitIds: ['altay'] }),
  otherUnit: actor({ personId: 'p-k', roles: [{ role: 'secretary', unitId: 'khorgos' }], ownUnitIds: ['khorgos'] }),
  sysadmin: actor({ adminRole: 'system_admin' }),
  auditor: actor({ adminRole: 'auditor' }),
};

describe('cadre record scope policy', () => {
  it.each([
    ['personnelAbove', 'full', 'full', true, true],
    ['disciplineAbove', 'full', 'full', false, true],
    ['ownPersonnel', 'basic', 'full', false, false],
    ['colleague', 'basic', 'basic', false, false],
    ['self', 'full', 'basic', false, false],
    ['otherUnit', 'none', 'none', false, false],
    ['sysadmin', 'none', 'none', false, false],
    ['auditor', 'none', 'none', false, false],
  ] as const)('%s: leader %s, staff %s, edits leader %s, reveals leader ID %s', (seat, leader, staff, edit, reveal) => {
    const a = seats[seat];
    expect(accessTo(a, altayLeader)).toBe(leader);
    expect(accessTo(a, altayStaff)).toBe(staff);
    expect(canEditPerson(a, altayLeader)).toBe(edit);
    expect(canRevealIdNumber(a, altayLeader)).toBe(reveal);
  });

  it('lets the unit personnel office edit its own staff but not its own leaders', () => {
    expect(canEditPerson(seats.ownPersonnel, altayStaff)).toBe(true);
    expect(canEditPerson(seats.ownPersonnel, altayLeader)).toBe(false);
  });
});
