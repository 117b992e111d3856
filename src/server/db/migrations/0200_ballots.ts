/**
 * Ballots (issue 4): evaluation and recommendation sessions, one-time codes, login voters,
 * anonymous ballots and paper-ballot entries. Frozen once released.
 * The anonymous tables (codes, voters, ballots, paper entries) have random text keys and, on
 * SQLite, are WITHOUT ROWID tables: no hidden insertion counter exists to sort them by.
 * Ballots have no user, code, time or address column, by design. Ballots carry no foreign key to
 * their session: the check would run for every row at voting and again at the closing rewrite.
 */
import { sql, type CreateTableBuilder, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = !(await isPostgres(db));
  const noRowid = <T extends string>(b: CreateTableBuilder<T, any>) => (sqlite ? b.modifyEnd(sql`without rowid`) : b);

  await db.schema
    .createTable('ballot_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('questionnaire', 'text', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('min_group_size', 'integer', (c) => c.notNull())
    .addColumn('small_group_policy', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('settings_digest', 'text')
    .addColumn('results', 'text')
    .addColumn('closing_counts', 'text')
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ballot_sessions_unit_idx').on('ballot_sessions').columns(['unit_id', 'year']).execute();

  await noRowid(
    db.schema
      .createTable('ballot_codes')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('session_id', 'text', (c) => c.notNull().references('ballot_sessions.id'))
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('spent', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();
  await db.schema
    .createIndex('ballot_codes_session_idx')
    .on('ballot_codes')
    .columns(['session_id', 'category', 'spent'])
    .execute();

  await noRowid(
    db.schema
      .createTable('ballot_voters')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('session_id', 'text', (c) => c.notNull().references('ballot_sessions.id'))
      .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
      .addColumn('category', 'text', (c) => c.notNull())
      .addUniqueConstraint('ballot_voters_once', ['session_id', 'person_id']),
  ).execute();

  await noRowid(
    db.schema
      .createTable('ballots')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('session_id', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('answers', 'text', (c) => c.notNull())
      .addColumn('receipt', 'text', (c) => c.notNull())
      .addUniqueConstraint('ballots_receipt_unique', ['session_id', 'receipt']),
  ).execute();

  await noRowid(
    db.schema
      .createTable('ballot_paper_entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('session_id', 'text', (c) => c.notNull().references('ballot_sessions.id'))
      .addColumn('code_hash', 'text', (c) => c.notNull())
      .addColumn('code_hint', 'text', (c) => c.notNull())
      .addColumn('clerk_user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('answers', 'text', (c) => c.notNull())
      .addUniqueConstraint('ballot_paper_entries_once', ['session_id', 'code_hash', 'clerk_user_id']),
  ).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['ballot_paper_entries', 'ballots', 'ballot_voters', 'ballot_codes', 'ballot_sessions']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}

async function isPostgres(db: Kysely<any>): Promise<boolean> {
  try {
    await sql`select version()`.execute(db);
    return true;
  } catch {
    return false;
  }
}
