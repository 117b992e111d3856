/**
 * Accounts, issue 8 §1 (rules AC-01..AC-03): activation codes (only their SM3 digests, with an
 * expiry), requests that a second admin confirms, and login lockouts per account and address.
 * Frozen once released: never edit, add a new migration instead.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // JSON array of the digests of the code's parts (one part, or two handed over by two admins).
  await db.schema.alterTable('users').addColumn('activation_hash', 'text').execute();
  await db.schema.alterTable('users').addColumn('activation_expires_at', 'text').execute();

  await db.schema
    .createTable('account_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // The account concerned; for create_admin the id the new account will get (no row yet).
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    // For link_person and unlink_person: the person concerned
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('payload', 'text', (c) => c.notNull())
    // Digest of the requester's half of the activation code, when the request issues credentials.
    .addColumn('code_hash', 'text')
    .addColumn('requested_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('account_requests_status_idx').on('account_requests').column('status').execute();
  await db.schema.createIndex('account_requests_user_idx').on('account_requests').column('user_id').execute();
  await db.schema.createIndex('account_requests_person_idx').on('account_requests').column('person_id').execute();

  await db.schema
    .createTable('login_lockouts')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('login_lockouts_pk', ['user_id', 'address'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_lockouts').ifExists().execute();
  await db.schema.dropTable('account_requests').ifExists().execute();
  await db.schema.alterTable('users').dropColumn('activation_expires_at').execute();
  await db.schema.alterTable('users').dropColumn('activation_hash').execute();
}
