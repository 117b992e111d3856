/**
 * Pure authorization for cadre records.
 * - full record: the person; the personnel and discipline offices of the parent unit (下管一级); the
 *   unit's own personnel and discipline offices for people who are not on its leadership team.
 * - basic (name, post, 分工): colleagues in the same unit.
 * - none (404): everyone else, including the three admins (三员分立).
 * Editing needs the personnel role with that authority; discipline reads only.
 */
import { hasRole, isManaging, type Actor } from '../../http/actor.js';

export interface PersonScopeFacts {
  id: string;
  unitId: string;
  /** Currently on the leadership team of the unit they belong to */
  onOwnTeam: boolean;
}

export type Access = 'full' | 'basic' | 'none';

export function officeAuthority(actor: Actor, p: PersonScopeFacts, role?: 'personnel' | 'discipline'): boolean {
  if (isManaging(actor, p.unitId, role)) return true;
  const roles = role ? [role] : (['personnel', 'discipline'] as const);
  return !p.onOwnTeam && roles.some((r) => hasRole(actor, r, p.unitId));
}

export function accessTo(actor: Actor, p: PersonScopeFacts): Access {
  if (actor.adminRole !== null) return 'none';
  if (actor.personId === p.id) return 'full';
  if (officeAuthority(actor, p)) return 'full';
  if (actor.ownUnitIds.includes(p.unitId)) return 'basic';
  return 'none';
}

export function canEditPerson(actor: Actor, p: PersonScopeFacts): boolean {
  return actor.adminRole === null && officeAuthority(actor, p, 'personnel');
}

/** Unmasking an ID number: the offices with authority only, and it is audited. */
export function canRevealIdNumber(actor: Actor, p: PersonScopeFacts): boolean {
  return actor.adminRole === null && officeAuthority(actor, p);
}

/** Creating a record in a unit: personnel of the parent, or of the unit itself (for its staff). */
export function canCreateInUnit(actor: Actor, unitId: string): boolean {
  return actor.adminRole === null && (isManaging(actor, unitId, 'personnel') || hasRole(actor, 'personnel', unitId));
}
