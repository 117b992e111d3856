/**
 * Pure authorization rules for account administration (AC-01, AC-02): which changes the system
 * admin makes alone, which wait for a second admin, and who may confirm. No I/O.
 *
 * - An account that carries no business access and no admin role (not linked to a person, no
 *   grants) is created, reset, enabled and disabled by the system admin alone: it opens nothing.
 * - Linking or unlinking a person, and resetting a linked account, wait for the security admin.
 * - Creating, enabling, disabling and resetting an admin account wait for an admin of another kind.
 * - Requests that issue credentials split the activation code: the requester and the confirmer
 *   each see one half, so neither alone can activate the account.
 * - Nobody confirms their own request, nor one made by an admin of their own kind.
 */
import type { RequestKind } from '../../../common/contracts/accounts.js';
import type { AdminRole } from '../../../common/roles.js';

export interface AccountFacts {
  adminRole: AdminRole | null;
  personId: string | null;
  /** Active business role grants (only linked accounts get new ones; older data may differ) */
  hasGrants: boolean;
}

/** The kind of request a reset needs, or null when the system admin resets alone. */
export function resetKind(target: AccountFacts): RequestKind | null {
  if (target.adminRole) return 'reset_admin';
  if (target.personId || target.hasGrants) return 'reset_linked';
  return null;
}

/** The kind of request a status change needs, or null when the system admin changes it alone. */
export function statusKind(target: AccountFacts, status: 'active' | 'disabled'): RequestKind | null {
  if (!target.adminRole) return null;
  return status === 'active' ? 'enable_admin' : 'disable_admin';
}

/** Requests whose confirmation issues a new, two-part activation code. */
export function issuesCredentials(kind: RequestKind): boolean {
  return kind === 'link_person' || kind === 'reset_linked' || kind === 'create_admin' || kind === 'reset_admin';
}

/** The admin kinds that may confirm a request of this kind. */
export function confirmerRoles(kind: RequestKind): AdminRole[] {
  switch (kind) {
    case 'link_person':
    case 'unlink_person':
    case 'reset_linked':
      return ['security_admin'];
    case 'create_admin':
    case 'enable_admin':
    case 'disable_admin':
    case 'reset_admin':
      return ['security_admin', 'auditor'];
  }
}

export interface Refusal {
  attempt: string;
  message_zh: string;
  message_en: string;
}

/** Null when the actor may confirm (or reject) the request; otherwise why not. */
export function confirmRefusal(
  actor: { userId: string; adminRole: AdminRole | null },
  request: { kind: RequestKind; requestedBy: string; requesterRole: AdminRole | null },
): Refusal | null {
  if (actor.userId === request.requestedBy) {
    return {
      attempt: 'confirm_request',
      message_zh: '不能确认本人提出的申请：须由另一类管理员确认（三员分立）',
      message_en: 'You cannot confirm your own request: an admin of another kind must',
    };
  }
  if (actor.adminRole !== null && actor.adminRole === request.requesterRole) {
    return {
      attempt: 'confirm_request',
      message_zh: '申请人与确认人不能是同一类管理员：须由另一类管理员确认（三员分立）',
      message_en: 'The requester and the confirmer must be admins of different kinds',
    };
  }
  if (!actor.adminRole || !confirmerRoles(request.kind).includes(actor.adminRole)) {
    return {
      attempt: 'confirm_request',
      message_zh:
        confirmerRoles(request.kind).length === 1
          ? '关联或解除关联人员、重置已关联人员的账户，须由安全管理员确认'
          : '管理员账户的变更须由另一类管理员确认',
      message_en: 'This request must be confirmed by another kind of admin',
    };
  }
  return null;
}
