import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REQUEST_KINDS } from '../../../common/contracts/accounts.js';
import { ADMIN_ROLES } from '../../../common/roles.js';
import { confirmerRoles, confirmRefusal, issuesCredentials, resetKind, statusKind } from './accounts.policy.js';

const role = fc.constantFrom(...ADMIN_ROLES, null);
const kind = fc.constantFrom(...REQUEST_KINDS);

describe('who confirms a request (AC-01)', () => {
  it('AC-01: a confirmer is never the requester, never of the requester’s kind, and of a kind the request names', () => {
    fc.assert(
      fc.property(kind, role, role, fc.boolean(), (k, actorRole, requesterRole, same) => {
        const actor = { userId: same ? 'u1' : 'u2', adminRole: actorRole };
        const ok = confirmRefusal(actor, { kind: k, requestedBy: 'u1', requesterRole }) === null;
        const expected =
          !same && actorRole !== null && actorRole !== requesterRole && confirmerRoles(k).includes(actorRole);
        expect(ok).toBe(expected);
      }),
    );
  });

  it('AC-01: what touches a person is confirmed by the security admin only; admin accounts by another kind', () => {
    for (const k of ['link_person', 'unlink_person', 'reset_linked'] as const) {
      expect(confirmerRoles(k)).toEqual(['security_admin']);
    }
    for (const k of ['create_admin', 'enable_admin', 'disable_admin', 'reset_admin'] as const) {
      expect(confirmerRoles(k)).not.toContain('system_admin');
    }
    // The system admin asks; so it never confirms anything it asked for, nor another system admin's request.
    for (const k of REQUEST_KINDS) {
      const r = confirmRefusal(
        { userId: 'b', adminRole: 'system_admin' },
        { kind: k, requestedBy: 'a', requesterRole: 'system_admin' },
      );
      expect(r?.attempt).toBe('confirm_request');
    }
  });
});

describe('what waits for a second admin (AC-01, AC-02)', () => {
  it('AC-01: resets of admin accounts and of accounts with business access wait; others do not', () => {
    expect(resetKind({ adminRole: 'auditor', personId: null, hasGrants: false })).toBe('reset_admin');
    expect(resetKind({ adminRole: null, personId: 'p', hasGrants: false })).toBe('reset_linked');
    expect(resetKind({ adminRole: null, personId: null, hasGrants: true })).toBe('reset_linked');
    expect(resetKind({ adminRole: null, personId: null, hasGrants: false })).toBeNull();
  });

  it('AC-01: enabling or disabling an admin waits; a business account does not', () => {
    const admin = { adminRole: 'security_admin' as const, personId: null, hasGrants: false };
    expect(statusKind(admin, 'disabled')).toBe('disable_admin');
    expect(statusKind(admin, 'active')).toBe('enable_admin');
    expect(statusKind({ adminRole: null, personId: 'p', hasGrants: false }, 'disabled')).toBeNull();
  });

  it('AC-02: every request that opens access issues a split code; unlink, enable and disable issue none', () => {
    expect(REQUEST_KINDS.filter(issuesCredentials)).toEqual([
      'link_person',
      'reset_linked',
      'create_admin',
      'reset_admin',
    ]);
  });
});
