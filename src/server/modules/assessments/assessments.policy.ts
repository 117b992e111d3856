/**
 * Pure authorization for grades. Cadre management authority (下管一级): the personnel office of
 * the unit above records grades; the personnel and discipline offices above read them. The person
 * graded reads their own grades (and their team's) through /mine. Everyone else who can see the
 * unit gets 403; a unit out of sight 404. The three admins read no business data.
 */
import { isManaging, visibleUnitIds, type Actor } from '../../http/actor.js';

export type BatchAccess = 'edit' | 'view' | 'forbidden' | 'none';

export function batchAccess(actor: Actor, unitId: string): BatchAccess {
  if (actor.adminRole !== null) return 'forbidden';
  if (isManaging(actor, unitId, 'personnel')) return 'edit';
  if (isManaging(actor, unitId)) return 'view';
  return visibleUnitIds(actor).includes(unitId) ? 'forbidden' : 'none';
}

/** Units whose batches and tasks the actor may list. */
export function gradedUnitIds(actor: Actor): string[] {
  return actor.adminRole === null ? actor.managed.map((m) => m.unitId) : [];
}
