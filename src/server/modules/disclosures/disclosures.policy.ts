/**
 * Who may see and do what with personal-matters reports. Pure.
 * - A report is seen by the reporter and by the personnel and discipline offices of the unit that
 *   manages the reporter (the parent unit, 下管一级: actor.managed). No one else: not the unit's own
 *   secretary or offices, not colleagues, not the three admins (三员分立).
 * - The reporter writes, submits and amends their own report and files explanations.
 * - The managing personnel office keeps the list of reporters, prepares draws and enters checks;
 *   personnel and discipline both decide the handling of cases.
 * An actor who cannot see a record gets 404; one who sees it but may not act gets 403.
 */
import { hasAnyRole, hasRole, isManaging, type Actor } from '../../http/actor.js';

export interface ReporterFacts {
  personId: string;
  /** The reporter's current unit */
  unitId: string;
}

const business = (a: Actor) => a.adminRole === null;

export function isSelf(actor: Actor, f: ReporterFacts): boolean {
  return business(actor) && actor.personId !== null && actor.personId === f.personId;
}

/** The offices of the managing unit (personnel or discipline). */
export function isManagingOffice(actor: Actor, unitId: string, role?: 'personnel' | 'discipline'): boolean {
  return business(actor) && isManaging(actor, unitId, role);
}

export function canReadReport(actor: Actor, f: ReporterFacts): boolean {
  return isSelf(actor, f) || isManagingOffice(actor, f.unitId);
}

export function canWriteReport(actor: Actor, f: ReporterFacts): boolean {
  return isSelf(actor, f);
}

/** Keep the list of reporters of a unit (special cases): the managing personnel office. */
export function canManageSubjects(actor: Actor, unitId: string): boolean {
  return isManagingOffice(actor, unitId, 'personnel');
}

export function canViewUnit(actor: Actor, unitId: string): boolean {
  return isManagingOffice(actor, unitId);
}

/** Draws belong to the checking office's own unit (the unit above the reporters). */
export function canManageDraws(actor: Actor, officeUnitId: string): boolean {
  return business(actor) && hasRole(actor, 'personnel', officeUnitId);
}

export function canViewOfficeDraws(actor: Actor, officeUnitId: string): boolean {
  return business(actor) && hasAnyRole(actor, ['personnel', 'discipline'], officeUnitId);
}

/** A published draw is also shown to the reporters on its list (published inside the unit). */
export function canViewDraw(
  actor: Actor,
  draw: { unitId: string; published: boolean; eligibleIds: readonly string[] },
): boolean {
  if (canViewOfficeDraws(actor, draw.unitId)) return true;
  return business(actor) && draw.published && actor.personId !== null && draw.eligibleIds.includes(actor.personId);
}

export function canEnterCheck(actor: Actor, f: ReporterFacts): boolean {
  return isManagingOffice(actor, f.unitId, 'personnel');
}

export function canViewCheck(actor: Actor, f: ReporterFacts): boolean {
  return canReadReport(actor, f);
}

export function canDecideCase(actor: Actor, f: ReporterFacts): boolean {
  return isManagingOffice(actor, f.unitId);
}

export function canResolveBusinessCase(actor: Actor, f: ReporterFacts): boolean {
  return isManagingOffice(actor, f.unitId, 'personnel');
}

/** Statistics of the units below: the offices of the unit above. */
export function canViewStats(actor: Actor, officeUnitId: string): boolean {
  return canViewOfficeDraws(actor, officeUnitId);
}

/** FB-06 in-unit publication (when the unit enables it): the unit's own people and its managing offices. */
export function canViewPublication(actor: Actor, unitId: string): boolean {
  return business(actor) && (actor.ownUnitIds.includes(unitId) || isManaging(actor, unitId));
}
