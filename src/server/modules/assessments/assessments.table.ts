/**
 * Assessment tables: grading batches (one unit, one year, one kind), the grades in them, and the
 * follow-up tasks a grade requires (KH-07).
 */
import type { Selectable } from 'kysely';

export interface GradingBatchesTable {
  id: string;
  unit_id: string;
  year: number;
  /** 'regular' | 'annual' | 'special' | 'term' (KH-01) */
  type: string;
  title: string;
  /** A label of KH-04 teamGradeLabels, or null while not graded */
  team_grade: string | null;
  team_grade_note: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface GradesTable {
  id: string;
  batch_id: string;
  person_id: string;
  /** Post at the time of the batch, e.g. 副关长 */
  post: string;
  /** Order on the team (secretary first) */
  sort_order: number;
  /** GRADES, or null while pending */
  grade: string | null;
  note: string | null;
  notified_on: string | null;
  recorded_by: string | null;
  recorded_at: string | null;
}

export interface AssessmentTasksTable {
  id: string;
  batch_id: string;
  grade_id: string;
  person_id: string;
  unit_id: string;
  /** 'demotion' | 'dismissal_review' */
  kind: string;
  rule_id: string;
  /** 'open' | 'done' | 'cancelled' */
  status: string;
  note: string | null;
  created_at: string;
  closed_at: string | null;
  closed_by: string | null;
}

export type GradingBatchRow = Selectable<GradingBatchesTable>;
export type GradeRow = Selectable<GradesTable>;
export type AssessmentTaskRow = Selectable<AssessmentTasksTable>;

declare module '../../db/database.js' {
  interface ModuleTables {
    grading_batches: GradingBatchesTable;
    grades: GradesTable;
    assessment_tasks: AssessmentTasksTable;
  }
}
