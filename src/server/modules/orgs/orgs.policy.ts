/**
 * Pure authorization for units and teams.
 * - A team page is visible to the unit's own people and to those managing the unit.
 * - Cadre management authority (下管一级): the personnel office of the parent unit adds and edits
 *   team memberships and child units; the discipline office of the parent sees members' records.
 */
import { hasRole, isManaging, visibleUnitIds, type Actor } from '../../http/actor.js';

export function canViewTeam(actor: Actor, unitId: string): boolean {
  return actor.adminRole === null && visibleUnitIds(actor).includes(unitId);
}

export function canEditTeam(actor: Actor, unitId: string): boolean {
  return actor.adminRole === null && isManaging(actor, unitId, 'personnel');
}

export function canViewTeamRecords(actor: Actor, unitId: string): boolean {
  return actor.adminRole === null && isManaging(actor, unitId);
}

/** Creating a child unit: the personnel office of the parent unit. */
export function canCreateChildUnit(actor: Actor, parentId: string): boolean {
  return actor.adminRole === null && hasRole(actor, 'personnel', parentId);
}

/** Editing a unit's own data: the personnel office of its parent. */
export function canEditUnit(actor: Actor, unitId: string): boolean {
  return canEditTeam(actor, unitId);
}
