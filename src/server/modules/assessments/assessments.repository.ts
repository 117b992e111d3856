/**
 * Assessment queries; functions take an executor first. No business decisions here.
 */
import type { Executor } from '../../db/helpers.js';
import type { AssessmentTasksTable, GradesTable, GradingBatchesTable } from './assessments.table.js';

export async function findBatch(db: Executor, id: string) {
  return db
    .selectFrom('grading_batches')
    .innerJoin('units', 'units.id', 'grading_batches.unit_id')
    .selectAll('grading_batches')
    .select('units.name as unit_name')
    .where('grading_batches.id', '=', id)
    .executeTakeFirst();
}

export async function findAnnualBatch(db: Executor, unitId: string, year: number) {
  return db
    .selectFrom('grading_batches')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .where('type', '=', 'annual')
    .executeTakeFirst();
}

export async function listBatches(
  db: Executor,
  unitIds: string[],
  filter: { unitId?: string | undefined; year?: number | undefined },
) {
  if (!unitIds.length) return [];
  let q = db
    .selectFrom('grading_batches')
    .innerJoin('units', 'units.id', 'grading_batches.unit_id')
    .selectAll('grading_batches')
    .select('units.name as unit_name')
    .where('grading_batches.unit_id', 'in', unitIds);
  if (filter.unitId) q = q.where('grading_batches.unit_id', '=', filter.unitId);
  if (filter.year) q = q.where('grading_batches.year', '=', filter.year);
  return q.orderBy('grading_batches.year', 'desc').orderBy('units.sort_order').execute();
}

export async function insertBatch(db: Executor, row: GradingBatchesTable): Promise<void> {
  await db.insertInto('grading_batches').values(row).execute();
}

export async function insertGrades(db: Executor, rows: GradesTable[]): Promise<void> {
  if (rows.length) await db.insertInto('grades').values(rows).execute();
}

export async function gradesOf(db: Executor, batchIds: string[]) {
  if (!batchIds.length) return [];
  return db
    .selectFrom('grades')
    .innerJoin('people', 'people.id', 'grades.person_id')
    .selectAll('grades')
    .select('people.name as person_name')
    .where('grades.batch_id', 'in', batchIds)
    .orderBy('grades.sort_order')
    .orderBy('people.name')
    .execute();
}

/** A person's annual grades of earlier years, nearest first. */
export async function earlierAnnualGrades(db: Executor, personId: string, beforeYear: number) {
  return db
    .selectFrom('grades')
    .innerJoin('grading_batches', 'grading_batches.id', 'grades.batch_id')
    .select(['grading_batches.year', 'grades.grade'])
    .where('grades.person_id', '=', personId)
    .where('grading_batches.type', '=', 'annual')
    .where('grading_batches.year', '<', beforeYear)
    .orderBy('grading_batches.year', 'desc')
    .execute();
}

export async function insertTask(db: Executor, row: AssessmentTasksTable): Promise<void> {
  await db.insertInto('assessment_tasks').values(row).execute();
}

export function tasksQuery(db: Executor) {
  return db
    .selectFrom('assessment_tasks')
    .innerJoin('people', 'people.id', 'assessment_tasks.person_id')
    .innerJoin('units', 'units.id', 'assessment_tasks.unit_id')
    .innerJoin('grading_batches', 'grading_batches.id', 'assessment_tasks.batch_id')
    .selectAll('assessment_tasks')
    .select(['people.name as person_name', 'units.name as unit_name', 'grading_batches.year']);
}

export type TaskRowWithNames = Awaited<ReturnType<ReturnType<typeof tasksQuery>['execute']>>[number];
