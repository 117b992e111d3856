/**
 * Account batches (issue 16 §1, AC-01/AC-02): accounts for the people of an import, requested by
 * the system admin as one batch and confirmed or rejected as a whole by the security admin. Each
 * item keeps only the digest of the requester's half of its activation code; no code text is kept.
 * Frozen once released: never edit, add a new migration instead.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('account_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // 'pending' | 'confirmed' | 'rejected' | 'cancelled'
    .addColumn('status', 'text', (c) => c.notNull())
    // What was chosen, in words (units, or the people of an import file)
    .addColumn('scope', 'text', (c) => c.notNull())
    // Null when requested with the CLI on the server; the name says who ('cli (<os user>)')
    .addColumn('requested_by', 'text', (c) => c.references('users.id'))
    .addColumn('requested_by_name', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('reason', 'text')
    // When each admin took their halves (once): 1 = the requester's, 2 = the confirmer's
    .addColumn('first_issued_at', 'text')
    .addColumn('second_issued_at', 'text')
    .execute();
  await db.schema.createIndex('account_batches_status_idx').on('account_batches').column('status').execute();

  await db.schema
    .createTable('account_batch_items')
    .addColumn('batch_id', 'text', (c) => c.notNull().references('account_batches.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    // The id the account gets on confirmation
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('unit_name', 'text', (c) => c.notNull())
    // SM3 digest of the requester's half, once the requester has taken the halves
    .addColumn('code_hash', 'text')
    // 'pending' | 'created' | 'skipped'
    .addColumn('outcome', 'text', (c) => c.notNull())
    // Why an item was skipped on confirmation
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('account_batch_items_pk', ['batch_id', 'seq'])
    .execute();
  await db.schema.createIndex('account_batch_items_person_idx').on('account_batch_items').column('person_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('account_batch_items').ifExists().execute();
  await db.schema.dropTable('account_batches').ifExists().execute();
}
