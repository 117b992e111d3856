/**
 * Decisions tables (migrations 0100_meetings and 0101_decisions): the decision catalogue, agenda
 * items with candidates, files, statutory procedure steps, pre-consultation notes, follow-through
 * tasks and evaluations. Added to the Database type by declaration merging.
 */
import type { Insertable, Selectable } from 'kysely';

export interface DecisionCatalogueTable {
  id: string;
  unit_id: string;
  name: string;
  /** PG-17 category, e.g. 本单位重大问题 */
  category: string;
  /** TZ-01 category code or null */
  tzyd_category: string | null;
  item_kind: string;
  collective_required: number;
  /** ZD-01: a major administrative decision, needing the statutory procedures */
  major_decision: number;
  technical: number;
  stability_risk: number;
  not_public: number;
  /** PG-18: an important question (close votes warn) */
  important: number;
  active: number;
  sort_order: number;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface AgendaItemsTable {
  id: string;
  unit_id: string;
  catalogue_id: string;
  title: string;
  summary: string;
  kind: string;
  tzyd_category: string | null;
  /** 1 when the category came from an amount passing a TZ-02 threshold */
  tzyd_auto: number;
  collective_required: number;
  amount_fen: number | null;
  project_amount_fen: number | null;
  important: number;
  major_decision: number;
  technical: number;
  stability_risk: number;
  not_public: number;
  exploratory_reform: number;
  legal_risk_note: string | null;
  sponsor_person_id: string | null;
  proposed_by: string;
  proposed_at: string;
  approved_by: string | null;
  approved_at: string | null;
  /** Beijing date of the secretary's approval (PG-05); before the meeting day = a prior motion (ZZ-03) */
  approved_on: string | null;
  status: string;
  origin: string;
  paper_entry: number;
  deferred_count: number;
  decided_on: string | null;
  outcome: string | null;
  decision_text: string | null;
  decided_how: string | null;
  decided_by_person_id: string | null;
  decided_meeting_item_id: string | null;
  amends_item_id: string | null;
  amend_kind: string | null;
  created_at: string;
  updated_at: string;
}

export interface AgendaItemCandidatesTable {
  id: string;
  agenda_item_id: string;
  person_id: string | null;
  name: string;
  current_post: string | null;
  proposed_post: string;
  sort_order: number;
}

export interface DecisionFilesTable {
  id: string;
  unit_id: string;
  agenda_item_id: string;
  /** 'item' | 'procedure' | 'progress' */
  owner_type: string;
  owner_id: string;
  name: string;
  mime: string;
  size: number;
  sm3: string;
  /** base64 */
  content: string;
  uploaded_by: string;
  uploaded_at: string;
}

export interface ProcedureStepsTable {
  id: string;
  agenda_item_id: string;
  kind: string;
  result: string | null;
  completed_on: string | null;
  /** JSON: the step's fields */
  data: string;
  recorded_by: string;
  recorded_at: string;
  updated_at: string;
}

export interface ProcedureExpertsTable {
  id: string;
  step_id: string;
  name: string;
  organization: string;
  field: string | null;
  opinion_signed: number;
  recorded_by: string;
  recorded_at: string;
}

export interface ItemConsultationsTable {
  id: string;
  agenda_item_id: string;
  person_id: string;
  note: string;
  consulted_on: string;
  recorded_by: string;
  recorded_at: string;
}

export interface DecisionTasksTable {
  id: string;
  unit_id: string;
  agenda_item_id: string;
  title: string;
  owner_unit: string | null;
  owner_person_id: string | null;
  deadline: string;
  /** 'not_started' | 'in_progress' | 'done' | 'suspended' (overdue is computed) */
  status: string;
  percent: number;
  completed_on: string | null;
  suspended_reason: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface TaskProgressTable {
  id: string;
  task_id: string;
  percent: number;
  note: string;
  file_id: string | null;
  reported_by: string;
  reported_at: string;
}

export interface DecisionEvaluationsTable {
  id: string;
  agenda_item_id: string;
  evaluated_on: string;
  conclusion: string;
  text: string;
  recorded_by: string;
  recorded_at: string;
}

declare module '../../db/database.js' {
  interface ModuleTables {
    decision_catalogue: DecisionCatalogueTable;
    agenda_items: AgendaItemsTable;
    agenda_item_candidates: AgendaItemCandidatesTable;
    decision_files: DecisionFilesTable;
    procedure_steps: ProcedureStepsTable;
    procedure_experts: ProcedureExpertsTable;
    item_consultations: ItemConsultationsTable;
    decision_tasks: DecisionTasksTable;
    task_progress: TaskProgressTable;
    decision_evaluations: DecisionEvaluationsTable;
  }
}

export type CatalogueRow = Selectable<DecisionCatalogueTable>;
export type AgendaItemRow = Selectable<AgendaItemsTable>;
export type NewAgendaItemRow = Insertable<AgendaItemsTable>;
export type ProcedureStepRow = Selectable<ProcedureStepsTable>;
export type TaskRow = Selectable<DecisionTasksTable>;
