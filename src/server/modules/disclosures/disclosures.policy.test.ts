import { describe, expect, it } from 'vitest';
import type { Actor } from '../../http/actor.js';
import * as P from './disclosures.policy.js';

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
const report = { personId: 'p-leader', unitId: 'altay' };

const seats = {
  self: actor({ personId: 'p-leader', roles: [{ role: 'member', unitId: 'altay' }], ownUnitIds: ['altay'] }),
  ownSecretary: actor({
    personId: 'p-sec',
    roles: [
      { role: 'secretary', unitId: 'altay' },
      { role: 'member', unitId: 'altay' },
    ],
    ownUnitIds: ['altay'],
  }),
  ownPersonnel: actor({ personId: 'p-rs', roles: [{ role: 'personnel', unitId: 'altay' }], ownUnitIds: ['altay'] }),
  ownOffice: actor({ personId: 'p-of', roles: [{ role: 'office', unitId: 'altay' }], ownUnitIds: ['altay'] }),
  personnelAbove: actor({
    personId: 'p-up',
    roles: [{ role: 'personnel', unitId: 'urumqi' }],
    ownUnitIds: ['urumqi'],
    managed: [{ unitId: 'altay', roles: ['personnel'] }],
  }),
  disciplineAbove: actor({
    personId: 'p-jj',
    roles: [{ role: 'discipline', unitId: 'urumqi' }],
    ownUnitIds: ['urumqi'],
    managed: [{ unitId: 'altay', roles: ['discipline'] }],
  }),
  secretaryAbove: actor({
    personId: 'p-usec',
    roles: [{ role: 'secretary', unitId: 'urumqi' }],
    ownUnitIds: ['urumqi'],
  }),
  otherPersonnel: actor({
    personId: 'p-kh',
    roles: [{ role: 'personnel', unitId: 'khorgos' }],
    ownUnitIds: ['khorgos'],
  }),
  sysadmin: actor({ adminRole: 'system_admin' }),
  secadmin: actor({ adminRole: 'security_admin' }),
  auditor: actor({ adminRole: 'auditor' }),
};

describe('disclosures policy: who sees a report and who acts', () => {
  it.each([
    ['self', true, true, false, false, false],
    ['ownSecretary', false, false, false, false, false],
    ['ownPersonnel', false, false, false, false, false],
    ['ownOffice', false, false, false, false, false],
    ['personnelAbove', true, false, true, true, true],
    ['disciplineAbove', true, false, false, false, true],
    ['secretaryAbove', false, false, false, false, false],
    ['otherPersonnel', false, false, false, false, false],
    ['sysadmin', false, false, false, false, false],
    ['secadmin', false, false, false, false, false],
    ['auditor', false, false, false, false, false],
  ] as const)(
    '%s: read %s, write %s, subjects %s, check %s, decide %s',
    (seat, read, write, subjects, check, decide) => {
      const a = seats[seat];
      expect(P.canReadReport(a, report)).toBe(read);
      expect(P.canWriteReport(a, report)).toBe(write);
      expect(P.canManageSubjects(a, 'altay')).toBe(subjects);
      expect(P.canEnterCheck(a, report)).toBe(check);
      expect(P.canDecideCase(a, report)).toBe(decide);
    },
  );

  it('lets the office above run draws and shows a published draw to the reporters on it', () => {
    expect(P.canManageDraws(seats.personnelAbove, 'urumqi')).toBe(true);
    expect(P.canManageDraws(seats.disciplineAbove, 'urumqi')).toBe(false);
    expect(P.canViewOfficeDraws(seats.disciplineAbove, 'urumqi')).toBe(true);
    const draw = { unitId: 'urumqi', published: false, eligibleIds: ['p-leader'] };
    expect(P.canViewDraw(seats.self, draw)).toBe(false);
    expect(P.canViewDraw(seats.self, { ...draw, published: true })).toBe(true);
    expect(P.canViewDraw(seats.ownSecretary, { ...draw, published: true })).toBe(false);
    expect(P.canViewDraw(seats.auditor, { ...draw, published: true })).toBe(false);
  });

  it('shows the FB-06 publication to the unit and its managing offices only', () => {
    expect(P.canViewPublication(seats.ownSecretary, 'altay')).toBe(true);
    expect(P.canViewPublication(seats.disciplineAbove, 'altay')).toBe(true);
    expect(P.canViewPublication(seats.otherPersonnel, 'altay')).toBe(false);
    expect(P.canViewPublication(seats.sysadmin, 'altay')).toBe(false);
  });
});
