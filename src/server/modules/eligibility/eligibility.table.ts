import type { Insertable, Selectable } from 'kysely';

/** regulations.md §17: a measure's influence period (end_date null while a case is open). */
export interface InfluencePeriodsTable {
  id: string;
  person_id: string;
  /** What caused it, e.g. 'pm_concealment_case', 'pm11_emigration' (INFLUENCE_MEASURES) */
  measure: string;
  /** Rule id of the catalogue, e.g. 'PM-09' */
  rule_id: string;
  /** The record that caused it, e.g. 'disclosure_case' and its id */
  source_type: string | null;
  source_id: string | null;
  /** First day of the effect (Beijing date) */
  start_date: string;
  /** Last day of the effect; null while open */
  end_date: string | null;
  /** JSON InfluenceBlock[] */
  blocks: string;
  /** JSON Citation at the time of recording */
  citation: string;
  note: string | null;
  /** Set when the record that caused it was revoked (撤销): kept in history, without effect */
  voided_on: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface EligibilityTables {
  influence_periods: InfluencePeriodsTable;
}

declare module '../../db/database.js' {
  interface ModuleTables {
    influence_periods: InfluencePeriodsTable;
  }
}

export type InfluencePeriodRow = Selectable<InfluencePeriodsTable>;
export type NewInfluencePeriodRow = Insertable<InfluencePeriodsTable>;
