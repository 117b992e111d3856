import type { Selectable } from 'kysely';

export interface RuleOverridesTable {
  id: string;
  rule_id: string;
  unit_id: string;
  /** JSON: a partial map of parameter key -> value */
  params: string;
  /** 'YYYY-MM-DD' (Beijing); the override applies from this date on */
  effective_from: string;
  reason: string;
  set_by: string;
  set_at: string;
}

export interface RuleFindingsTable {
  id: string;
  rule_id: string;
  unit_id: string;
  entity_type: string;
  entity_id: string;
  kind: string;
  message_zh: string;
  message_en: string;
  /** JSON */
  facts: string;
  /** JSON: the parameter values used, so an old decision is judged by the values of its day */
  params: string;
  created_at: string;
}

/** Parameter values frozen with a record (a meeting when it closes), one row per rule. */
export interface RuleParamSnapshotsTable {
  entity_type: string;
  entity_id: string;
  rule_id: string;
  unit_id: string;
  /** The date the values were in force for ('YYYY-MM-DD') */
  at: string;
  /** JSON: every parameter key -> value */
  params: string;
  frozen_at: string;
}

declare module '../../db/database.js' {
  interface ModuleTables {
    rule_param_snapshots: RuleParamSnapshotsTable;
  }
}

export type RuleOverrideRow = Selectable<RuleOverridesTable>;
export type RuleFindingRow = Selectable<RuleFindingsTable>;
