/**
 * The influence-period table of regulations.md §17: one row per measure that restricts a person
 * (promotion, reserve listing, grades ...) for a period, or while a case is open (end_date null).
 * Written by the modules that decide measures (disclosures, later supervision and careers), read
 * by the eligibility engine. Frozen once released: never edit, add a new migration instead.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('influence_periods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text')
    .addColumn('source_id', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('blocks', 'text', (c) => c.notNull())
    .addColumn('citation', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('influence_periods_person_idx').on('influence_periods').column('person_id').execute();
  await db.schema
    .createIndex('influence_periods_source_idx')
    .on('influence_periods')
    .columns(['source_type', 'source_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('influence_periods').ifExists().execute();
}
