import type { Selectable } from 'kysely';

/** PM-01 special cases: people who report although their rank alone would not require it. */
export interface DisclosureSpecialSubjectsTable {
  id: string;
  person_id: string;
  reason: string;
  start_date: string;
  end_date: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A report: annual, first (new reporter) or change (PM-05). Contents encrypted as one JSON. */
export interface DisclosureReportsTable {
  id: string;
  person_id: string;
  /** The reporter's unit when the report was created (statistics per unit) */
  unit_id: string;
  year: number;
  /** 'annual' | 'first' | 'change' */
  kind: string;
  event_date: string | null;
  /** 'person:year' for annual and first reports (unique), null for change reports */
  annual_key: string | null;
  /** 'draft' | 'submitted' */
  status: string;
  due_date: string | null;
  reminder_from: string | null;
  /** Encrypted ReportPayload (items, relatives snapshot, notes) as drafted or submitted */
  payload_enc: string;
  /** SM3 of the canonical payload at submission (frozen) */
  payload_hash: string | null;
  signature: string | null;
  submitted_at: string | null;
  submitted_on: string | null;
  on_time: number | null;
  amendment_count: number;
  created_at: string;
  updated_at: string;
}

/** A dated correction of a submitted report: the full corrected payload, encrypted. */
export interface DisclosureAmendmentsTable {
  id: string;
  report_id: string;
  seq: number;
  amended_on: string;
  amended_at: string;
  reason_enc: string;
  payload_enc: string;
  payload_hash: string;
  /** JSON ItemKey[] (non-sensitive: which items changed) */
  changed_items: string;
  created_by: string;
}

/** The year's random draw of a checking office (PM-06), committed before it is drawn. */
export interface DisclosureDrawsTable {
  id: string;
  /** The checking office's unit; the population is the reporters of the units it manages */
  unit_id: string;
  year: number;
  ratio_bp: number;
  /** 'prepared' | 'published' | 'drawn' */
  status: string;
  /** JSON [{ id, name, unitName }] sorted by id */
  eligible: string;
  eligible_count: number;
  /** SM3 hex of the 32-byte seed */
  commitment: string;
  seed_enc: string;
  /** The seed in hex, revealed at the draw */
  seed_hex: string | null;
  /** SM3 of the committed inputs, fixed at publication */
  inputs_digest: string | null;
  public_value: string | null;
  /** JSON reporter ids in rank order */
  selected: string | null;
  created_by: string;
  created_at: string;
  published_at: string | null;
  drawn_at: string | null;
  verified_at: string | null;
  verified_ok: number | null;
}

export interface DisclosureChecksTable {
  id: string;
  person_id: string;
  unit_id: string;
  year: number;
  /** 'random' | 'targeted' | 'pre_promotion' */
  kind: string;
  trigger: string | null;
  reason_enc: string | null;
  draw_id: string | null;
  report_id: string | null;
  /** Amendments counted in the baseline: those made before the check was opened */
  report_version: number;
  /** 'pending' | 'classified' */
  status: string;
  registry_enc: string | null;
  /** Worst classification over the items */
  result: string | null;
  assets_flag: number;
  created_by: string;
  created_at: string;
  checked_by: string | null;
  checked_at: string | null;
}

export interface DisclosureCheckItemsTable {
  id: string;
  check_id: string;
  unit_id: string;
  year: number;
  item_key: string;
  classification: string;
  reasons_enc: string;
}

export interface DisclosureExplanationsTable {
  id: string;
  check_id: string;
  person_id: string;
  /** 'discrepancy' | 'assets_income' (PM-07) */
  kind: string;
  /** 'requested' | 'filed' */
  status: string;
  requested_at: string;
  text_enc: string | null;
  filed_at: string | null;
}

/** Handling of an omission or concealment found by a check (PM-09..PM-10). */
export interface DisclosureCasesTable {
  id: string;
  check_id: string;
  person_id: string;
  unit_id: string;
  year: number;
  classification: string;
  severity: string | null;
  /** 'open' | 'decided' | 'closed' */
  status: string;
  /** JSON string[] */
  measures: string;
  refer_discipline: number;
  note_enc: string | null;
  opened_on: string;
  opened_at: string;
  decided_at: string | null;
  decided_by: string | null;
  closed_on: string | null;
  closed_by: string | null;
}

/** A relative's business or employment that breaks a prohibition (FB-01..FB-05). */
export interface DisclosureBusinessCasesTable {
  id: string;
  person_id: string;
  unit_id: string;
  report_id: string | null;
  relative_id: string;
  rule_id: string;
  activity: string;
  /** Encrypted { relativeName, relation, detail } */
  details_enc: string;
  /** 'open' | 'resolved' */
  status: string;
  deadline: string | null;
  outcome: string | null;
  note_enc: string | null;
  opened_on: string;
  opened_at: string;
  resolved_on: string | null;
  resolved_by: string | null;
}

declare module '../../db/database.js' {
  interface ModuleTables {
    disclosure_special_subjects: DisclosureSpecialSubjectsTable;
    disclosure_reports: DisclosureReportsTable;
    disclosure_amendments: DisclosureAmendmentsTable;
    disclosure_draws: DisclosureDrawsTable;
    disclosure_checks: DisclosureChecksTable;
    disclosure_check_items: DisclosureCheckItemsTable;
    disclosure_explanations: DisclosureExplanationsTable;
    disclosure_cases: DisclosureCasesTable;
    disclosure_business_cases: DisclosureBusinessCasesTable;
  }
}

export type ReportRow = Selectable<DisclosureReportsTable>;
export type DrawRow = Selectable<DisclosureDrawsTable>;
export type CheckRow = Selectable<DisclosureChecksTable>;
export type CaseRow = Selectable<DisclosureCasesTable>;
export type BusinessCaseRow = Selectable<DisclosureBusinessCasesTable>;
