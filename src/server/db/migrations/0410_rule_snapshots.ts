/**
 * Rule parameter values frozen with the record they judged (issue 8 §3): a meeting freezes the
 * values of its rules when it closes, so an override made later (even one effective the same day)
 * never changes a closed meeting. Frozen once released: never edit, add a new migration.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rule_param_snapshots')
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('frozen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rule_param_snapshots_pk', ['entity_type', 'entity_id', 'rule_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rule_param_snapshots').ifExists().execute();
}
