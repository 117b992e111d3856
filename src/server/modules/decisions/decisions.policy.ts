/**
 * Who may do what with decisions and meetings (pure; the meetings module uses the same seats). Seats in a unit:
 * - office (党组办公室): keeps the catalogue, schedules and runs meetings, records attendance and
 *   oral/show-of-hands votes, writes minutes, tracks tasks;
 * - secretary (书记): approves agenda items (PG-05) and minutes, records recusals;
 * - member (班子成员): proposes items, asks for leave, declares recusal, votes from own session;
 * - oversight: the personnel or discipline office of the unit above (下管一级) reads, and sees the
 *   violation report across the units it manages.
 * A unit the actor cannot see at all answers 404; a visible unit without a seat answers 403.
 */
import { hasRole, isManaging, visibleUnitIds, type Actor } from '../../http/actor.js';

export interface Seats {
  visible: boolean;
  office: boolean;
  secretary: boolean;
  member: boolean;
  oversight: boolean;
}

export function seatsIn(actor: Actor, unitId: string): Seats {
  if (actor.adminRole !== null) {
    return { visible: false, office: false, secretary: false, member: false, oversight: false };
  }
  return {
    visible: visibleUnitIds(actor).includes(unitId),
    office: hasRole(actor, 'office', unitId),
    secretary: hasRole(actor, 'secretary', unitId),
    member: hasRole(actor, 'member', unitId),
    oversight: isManaging(actor, unitId),
  };
}

export const canRead = (s: Seats): boolean => s.office || s.secretary || s.member || s.oversight;
export const canManage = (s: Seats): boolean => s.office;
export const canApproveItems = (s: Seats): boolean => s.secretary;
export const canPropose = (s: Seats): boolean => s.office || s.member;
export const canApproveMinutes = (s: Seats): boolean => s.secretary;
export const canRecordRecusal = (s: Seats): boolean => s.secretary || s.office;

/**
 * Units whose records a lookup by id may find (scoped in SQL): every unit the actor sees, own and
 * managed. A record outside them answers 404; one inside without a seat answers 403 (readSeats).
 */
export function scopeUnitIds(actor: Actor): string[] {
  return actor.adminRole !== null ? [] : visibleUnitIds(actor);
}

/** Is the unit invisible (404) or visible without a seat (403)? */
export type Refusal = 'not_found' | 'forbidden' | null;

export function readRefusal(s: Seats): Refusal {
  if (!s.visible) return 'not_found';
  return canRead(s) ? null : 'forbidden';
}
