/**
 * Pure authorization for evaluation and recommendation sessions.
 * - manage (set up, issue codes, open, close, enter paper ballots, see results): the unit's own
 *   Party Group office, or the personnel office of the unit above (下管一级).
 * - view results: also the discipline office of the unit above.
 * - anyone else who can see the unit: 403; a unit out of sight: 404.
 * The three admins read no business data (三员分立).
 */
import { hasRole, isManaging, visibleUnitIds, type Actor } from '../../http/actor.js';

export type SessionAccess = 'manage' | 'view' | 'forbidden' | 'none';

export function canManageSessions(actor: Actor, unitId: string): boolean {
  return actor.adminRole === null && (hasRole(actor, 'office', unitId) || isManaging(actor, unitId, 'personnel'));
}

export function canViewResults(actor: Actor, unitId: string): boolean {
  return canManageSessions(actor, unitId) || (actor.adminRole === null && isManaging(actor, unitId, 'discipline'));
}

export function sessionAccess(actor: Actor, unitId: string): SessionAccess {
  if (actor.adminRole !== null) return 'forbidden';
  if (canManageSessions(actor, unitId)) return 'manage';
  if (canViewResults(actor, unitId)) return 'view';
  return visibleUnitIds(actor).includes(unitId) ? 'forbidden' : 'none';
}

/** Units whose sessions the actor may list. */
export function listableUnitIds(actor: Actor): string[] {
  if (actor.adminRole !== null) return [];
  return visibleUnitIds(actor).filter((u) => canViewResults(actor, u));
}
