/**
 * Plan an import (pure): check every row of the file against itself, the database and the
 * uploader's scope, and list what would be created and changed. Any error means nothing is
 * written. Importing the same file twice plans no change the second time; rows absent from the
 * file are never deleted.
 */
import { parseIdNumber } from '../../../../common/id-number.js';
import type { ImportError } from './read.js';
import { planPeople } from './plan.people.js';
import { planTeam } from './plan.team.js';
import type { ImportPlan, PlanInput, PlanResult } from './plan.types.js';
import { initState, planUnits } from './plan.units.js';

export function emptyPlan(): ImportPlan {
  return {
    unitCreates: [],
    unitUpdates: [],
    personCreates: [],
    personUpdates: [],
    teamCreates: [],
    teamUpdates: [],
    changes: [],
  };
}

/** ID numbers named anywhere in the file (valid ones), so their records can be looked up first. */
export function idNumbersIn(file: PlanInput['file']): string[] {
  const out = new Set<string>();
  for (const r of [...file.people, ...file.team]) {
    const v = r.cells.idNumber;
    const p = v ? parseIdNumber(v) : null;
    if (p?.ok) out.add(p.value);
  }
  return [...out];
}

export function planImport(input: PlanInput): PlanResult {
  const errors: ImportError[] = [...input.file.errors];
  const plan = emptyPlan();
  const s = initState(input, errors, plan);
  planUnits(s);
  // Who will be on their own unit's team: a current membership in the database or in the file.
  const teamBlinds = new Set<string>();
  for (const r of input.file.team) {
    const id = r.cells.idNumber ? parseIdNumber(r.cells.idNumber) : null;
    const unitId = r.cells.unitCode ? s.unitIdByCode.get(r.cells.unitCode) : undefined;
    if (id?.ok && unitId && !r.cells.endDate) teamBlinds.add(`${unitId}:${input.blindOf(id.value)}`);
  }
  const onOwnTeam = (unitId: string, blind: string) => {
    if (teamBlinds.has(`${unitId}:${blind}`)) return true;
    const p = input.snapshot.peopleByBlind.get(blind);
    return !!p && input.snapshot.memberships.some((m) => m.personId === p.id && m.unitId === unitId && !m.endDate);
  };
  const { known: people, rowOf } = planPeople(s, onOwnTeam);
  // People already in the system may be named by the team sheet without a row in the people sheet.
  for (const [blind, p] of input.snapshot.peopleByBlind) {
    if (!people.has(blind)) people.set(blind, { id: p.id, name: p.name, unitId: p.unitId });
  }
  planTeam(s, people, rowOf);
  errors.sort((a, b) => sheetOrder(a.sheet) - sheetOrder(b.sheet) || a.row - b.row);
  return { errors, plan };
}

const ORDER = ['', '单位', '人员', '班子成员'];
const sheetOrder = (sheet: string) => ORDER.indexOf(sheet);
