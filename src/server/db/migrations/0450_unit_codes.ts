/**
 * Unit codes are unique (issue 16 §1): the units import keys units by their code. Units without a
 * code (NULL) are unaffected; both databases allow several NULLs in a unique index.
 * Frozen once released: never edit, add a new migration instead.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('units_code_unique').on('units').column('code').unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('units_code_unique').execute();
}
