/**
 * Meeting headings (issue 16 §4): a title (subject) the office gives a meeting beside its number,
 * and whether the office set the number by hand. Otherwise the number follows the meeting date
 * within the year until the meeting is published, and never changes afterwards
 * (meetings/numbering.rules.ts). Frozen once released: never edit, add a new migration instead.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('meetings').addColumn('subject', 'text').execute();
  await db.schema
    .alterTable('meetings')
    .addColumn('seq_set_by_office', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('meetings').dropColumn('seq_set_by_office').execute();
  await db.schema.alterTable('meetings').dropColumn('subject').execute();
}
