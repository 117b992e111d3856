/**
 * The authenticated actor of a request, and pure helpers over its roles and scope.
 * Scope (architecture.md "Data scope"): an actor sees its own units, and the units directly
 * below a unit where it holds the personnel or discipline role (cadre management authority,
 * 下管一级). Queries use these id lists in SQL; an unseen record answers 404.
 */
import { AppError, forbidden } from '../../common/errors.js';
import type { AdminRole, BusinessRole, UnitRole } from '../../common/roles.js';
import type { AuditActor } from '../platform/audit.js';

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  personId: string | null;
  adminRole: AdminRole | null;
  /** Business roles: granted (office, personnel, discipline, staff) and derived (secretary, member, staff) */
  roles: UnitRole[];
  /** Units where the actor holds any business role */
  ownUnitIds: string[];
  /** Units directly below a unit where the actor is personnel or discipline, with those roles */
  managed: { unitId: string; roles: ('personnel' | 'discipline')[] }[];
  sessionId: string;
  csrfToken: string;
  mustChangePassword: boolean;
}

export function hasRole(actor: Actor, role: BusinessRole, unitId?: string): boolean {
  return actor.roles.some((r) => r.role === role && (unitId === undefined || r.unitId === unitId));
}

export function hasAnyRole(actor: Actor, roles: readonly BusinessRole[], unitId?: string): boolean {
  return roles.some((r) => hasRole(actor, r, unitId));
}

export function unitsWithRole(actor: Actor, roles: readonly BusinessRole[]): string[] {
  return [...new Set(actor.roles.filter((r) => roles.includes(r.role)).map((r) => r.unitId))];
}

/** Units whose records the actor may see at all: own units and managed units. */
export function visibleUnitIds(actor: Actor): string[] {
  return [...new Set([...actor.ownUnitIds, ...actor.managed.map((m) => m.unitId)])];
}

/** Units over which the actor holds cadre management authority, optionally with a given role. */
export function managedUnitIds(actor: Actor, role?: 'personnel' | 'discipline'): string[] {
  return actor.managed.filter((m) => !role || m.roles.includes(role)).map((m) => m.unitId);
}

export function isManaging(actor: Actor, unitId: string, role?: 'personnel' | 'discipline'): boolean {
  return managedUnitIds(actor, role).includes(unitId);
}

/** Admin accounts hold exactly one admin role and no business role (三员分立). */
export function requireAdmin(actor: Actor, role: AdminRole): void {
  if (actor.adminRole !== role) throw forbidden();
}

/** Any business user (not one of the three admins). */
export function requireBusinessUser(actor: Actor): void {
  if (actor.adminRole !== null) throw forbidden('管理员账户不能访问业务数据（三员分立）');
}

export function requireRoleIn(actor: Actor, roles: readonly BusinessRole[], unitId?: string): void {
  requireBusinessUser(actor);
  if (!hasAnyRole(actor, roles, unitId)) throw forbidden();
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', '请先登录');
  return actor;
}

/** What the audit log keeps about the request behind a change (filled by requestMeta in http/auth.ts). */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** The actor as the audit log records it. */
export function auditActorOf(actor: Actor | null, requestId: string | null = null): AuditActor {
  return { actorUserId: actor?.userId ?? null, actorName: actor?.displayName ?? null, requestId };
}

/** Routes: the authenticated business user (三员 admins see no business data). */
export function business(actor: Actor | null): Actor {
  const a = requireActor(actor);
  requireBusinessUser(a);
  return a;
}
