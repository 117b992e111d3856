/**
 * Assessments (issue 4): grading batches, grades, and the follow-up tasks of KH-07.
 * Frozen once released.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('grading_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('team_grade', 'text')
    .addColumn('team_grade_note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('grading_batches_unit_idx').on('grading_batches').columns(['unit_id', 'year']).execute();

  await db.schema
    .createTable('grades')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('grading_batches.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('post', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('grade', 'text')
    .addColumn('note', 'text')
    .addColumn('notified_on', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text')
    .addUniqueConstraint('grades_once', ['batch_id', 'person_id'])
    .execute();
  await db.schema.createIndex('grades_person_idx').on('grades').column('person_id').execute();

  await db.schema
    .createTable('assessment_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('grading_batches.id'))
    .addColumn('grade_id', 'text', (c) => c.notNull().references('grades.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .execute();
  await db.schema
    .createIndex('assessment_tasks_unit_idx')
    .on('assessment_tasks')
    .columns(['unit_id', 'status'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['assessment_tasks', 'grades', 'grading_batches']) await db.schema.dropTable(t).ifExists().execute();
}
