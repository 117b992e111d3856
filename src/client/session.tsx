/**
 * The signed-in user (me) and the unit they are acting for. Officials who hold roles in
 * several units pick one in the top bar; pages use it as their default unit filter.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Me } from '../common/contracts/accounts.js';

export interface ActingUnit {
  id: string;
  name: string;
}

interface SessionValue {
  me: Me;
  /** Units where the user holds a business role, in first-seen order */
  actingUnits: ActingUnit[];
  unitId: string | undefined;
  setUnitId: (id: string) => void;
  isAdmin: boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

export function actingUnitsOf(me: Me): ActingUnit[] {
  const seen = new Map<string, string>();
  for (const r of me.roles) if (!seen.has(r.unitId)) seen.set(r.unitId, r.unitName);
  return [...seen].map(([id, name]) => ({ id, name }));
}

function storageKey(me: Me): string {
  return `banzi.unit.${me.userId}`;
}

function storedUnit(me: Me, units: ActingUnit[]): string | undefined {
  let saved: string | null = null;
  try {
    saved = globalThis.localStorage?.getItem(storageKey(me)) ?? null;
  } catch {
    saved = null;
  }
  if (saved && units.some((u) => u.id === saved)) return saved;
  return units[0]?.id;
}

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  const actingUnits = useMemo(() => actingUnitsOf(me), [me]);
  const [chosen, setChosen] = useState<string | undefined>(() => storedUnit(me, actingUnits));
  const unitId = chosen && actingUnits.some((u) => u.id === chosen) ? chosen : actingUnits[0]?.id;
  const setUnitId = useCallback(
    (id: string) => {
      setChosen(id);
      try {
        globalThis.localStorage?.setItem(storageKey(me), id);
      } catch {
        // not persisted
      }
    },
    [me],
  );
  const value = useMemo(
    () => ({ me, actingUnits, unitId, setUnitId, isAdmin: me.adminRole !== null }),
    [me, actingUnits, unitId, setUnitId],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useMe(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useMe outside SessionProvider');
  return v;
}

/** The roles the user holds in one unit. */
export function rolesIn(me: Me, unitId: string | undefined): string[] {
  return unitId ? me.roles.filter((r) => r.unitId === unitId).map((r) => r.role) : [];
}

export function hasRole(me: Me, role: string, unitId?: string): boolean {
  return me.roles.some((r) => r.role === role && (unitId === undefined || r.unitId === unitId));
}

/** What the menu and buttons ask: roles in the acting unit, and whether the user manages units below. */
export function menuAbilities(me: Me, unitId: string | undefined) {
  const managesBelow = me.managedUnitIds.some((id) => !me.ownUnitIds.includes(id));
  return { roles: rolesIn(me, unitId), managesBelow };
}

const ROLE_ORDER = ['secretary', 'member', 'office', 'personnel', 'discipline', 'staff'];

/** Sorts roles for display: secretary first, staff last. */
export function byRoleOrder(a: { role: string }, b: { role: string }): number {
  return ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role);
}
