/**
 * What the import planner reads (the file, what the database holds, who uploads) and what it
 * returns (errors, or the records to create and change). Pure data: no I/O.
 */
import type { PersonCreate, PersonFacts, PersonFields, PersonUpdate } from '../../people/index.js';
import type { ImportError, ImportFile } from './read.js';

export type { PersonCreate, PersonFacts, PersonFields, PersonUpdate };

export interface UnitFacts {
  id: string;
  code: string | null;
  name: string;
  shortName: string;
  parentId: string | null;
  level: string;
  organType: string;
  sortOrder: number;
}

export interface MembershipFacts {
  id: string;
  unitId: string;
  personId: string;
  teamPost: string;
  adminPost: string | null;
  isPartyGroupMember: boolean;
  divisionOfWork: string | null;
  startDate: string;
  endDate: string | null;
  endReason: string | null;
  sortOrder: number;
}

export interface Snapshot {
  units: UnitFacts[];
  /** Existing people whose ID numbers appear in the file, by blind index */
  peopleByBlind: Map<string, PersonFacts>;
  /** Memberships of the units and people the file names */
  memberships: MembershipFacts[];
}

/** The server's CLI imports anything; a personnel office imports within its own unit and one level down. */
export type ImportScope = { kind: 'server' } | { kind: 'office'; personnelUnitIds: string[] };

export interface PlanInput {
  file: ImportFile;
  snapshot: Snapshot;
  scope: ImportScope;
  today: string;
  blindOf(idNumber: string): string;
  newId(): string;
}

export interface Change {
  sheet: string;
  row: number;
  action: 'create' | 'update' | 'end';
  text: string;
}

export type UnitValues = Omit<UnitFacts, 'id'>;

export type MembershipValues = Omit<MembershipFacts, 'id'>;

export interface ImportPlan {
  unitCreates: (UnitValues & { id: string })[];
  unitUpdates: { id: string; before: UnitValues; after: UnitValues }[];
  personCreates: PersonCreate[];
  personUpdates: PersonUpdate[];
  teamCreates: (MembershipValues & { id: string })[];
  teamUpdates: { id: string; before: MembershipValues; after: MembershipValues }[];
  changes: Change[];
}

export interface PlanResult {
  errors: ImportError[];
  plan: ImportPlan;
}
