/**
 * The database type: every module's tables. A module adds its tables here and its migration
 * under migrations/.
 */
import type { RoleGrantsTable, SessionsTable, UsersTable } from '../modules/accounts/accounts.table.js';
import type { AuditEventsTable, AuditHeadTable } from '../modules/audit/audit.table.js';
import type { CalendarDaysTable, CalendarYearsTable } from '../modules/calendar/calendar.table.js';
import type { TeamMembersTable, UnitsTable } from '../modules/orgs/orgs.table.js';
import type {
  PeopleTable,
  PersonFamilyTable,
  PersonPostsTable,
  PersonRanksTable,
  PersonResumeTable,
  PersonUnitsTable,
} from '../modules/people/people.table.js';
import type { RuleFindingsTable, RuleOverridesTable } from '../modules/rules/rules.table.js';

export interface AppMetaTable {
  key: string;
  value: string;
}

export interface FoundationTables {
  app_meta: AppMetaTable;
  units: UnitsTable;
  team_members: TeamMembersTable;
  people: PeopleTable;
  person_units: PersonUnitsTable;
  person_ranks: PersonRanksTable;
  person_posts: PersonPostsTable;
  person_resume: PersonResumeTable;
  person_family: PersonFamilyTable;
  users: UsersTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  rule_overrides: RuleOverridesTable;
  rule_findings: RuleFindingsTable;
  calendar_days: CalendarDaysTable;
  calendar_years: CalendarYearsTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
}

// Modules extend this interface with their own tables (declaration merging keeps the
// foundation file stable while issues add modules).
export type Database = FoundationTables & ModuleTables;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModuleTables {}
