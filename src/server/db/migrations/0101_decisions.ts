/**
 * Collective decisions (issue 3), part 2: follow-through (督办, ZD-09): tasks with owners and
 * deadlines, progress reports, and post-decision evaluations. Frozen once released.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('decision_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('agenda_item_id', 'text', (c) => c.notNull().references('agenda_items.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_unit', 'text')
    .addColumn('owner_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('percent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('completed_on', 'text')
    .addColumn('suspended_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('decision_tasks_unit_idx')
    .on('decision_tasks')
    .columns(['unit_id', 'status', 'deadline'])
    .execute();
  await db.schema.createIndex('decision_tasks_item_idx').on('decision_tasks').column('agenda_item_id').execute();

  await db.schema
    .createTable('task_progress')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('decision_tasks.id'))
    .addColumn('percent', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.references('decision_files.id'))
    .addColumn('reported_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_progress_task_idx').on('task_progress').column('task_id').execute();

  await db.schema
    .createTable('decision_evaluations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agenda_item_id', 'text', (c) => c.notNull().references('agenda_items.id'))
    .addColumn('evaluated_on', 'text', (c) => c.notNull())
    .addColumn('conclusion', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('decision_evaluations_item_idx')
    .on('decision_evaluations')
    .column('agenda_item_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['decision_evaluations', 'task_progress', 'decision_tasks']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
