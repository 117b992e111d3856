/**
 * Failed ballot-code attempts per client address (issue 8 §6), shared by every app instance on the
 * database. The address is stored only as a keyed hash (HMAC-SM3 with the field key); a row
 * expires a while after its last failure and is then deleted; accepted codes write nothing.
 * Frozen once released: never edit, add a new migration instead.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ballot_code_failures')
    .addColumn('address_hash', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ballot_code_failures_expires_idx')
    .on('ballot_code_failures')
    .column('expires_at')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ballot_code_failures').ifExists().execute();
}
