/**
 * Collective decisions (issue 3), part 1: the decision catalogue, agenda items with their
 * statutory procedures (modules `decisions`), and meetings, attendance, item-by-item votes and
 * minutes (module `meetings`). Frozen once released.
 *
 * Integrity is enforced by the database, not only in code:
 * - vote_participation: one row per member per meeting item (primary key), so two clients can
 *   never record two votes for one member; named_votes likewise per member per candidate.
 * - secret_votes carry no member id and no timestamp, keyed by a random id (SQLite: WITHOUT ROWID).
 * - named_votes and vote_participation are append-only (triggers refuse UPDATE and DELETE).
 * - approved minutes are locked (a trigger refuses any UPDATE of an approved version, and DELETE).
 */
import { sql, type Kysely } from 'kysely';

async function isPostgres(db: Kysely<any>): Promise<boolean> {
  try {
    await sql`select version()`.execute(db);
    return true;
  } catch {
    return false;
  }
}

const ts = (c: any) => c.notNull();

export async function up(db: Kysely<any>): Promise<void> {
  const pg = await isPostgres(db);

  await db.schema
    .createTable('decision_catalogue')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('tzyd_category', 'text')
    .addColumn('item_kind', 'text', (c) => c.notNull())
    .addColumn('collective_required', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('major_decision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('technical', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('stability_risk', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('not_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('important', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', ts)
    .addColumn('updated_at', 'text', ts)
    .execute();
  await db.schema
    .createIndex('decision_catalogue_unit_idx')
    .on('decision_catalogue')
    .columns(['unit_id', 'sort_order'])
    .execute();

  await db.schema
    .createTable('agenda_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('catalogue_id', 'text', (c) => c.notNull().references('decision_catalogue.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('tzyd_category', 'text')
    .addColumn('tzyd_auto', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('collective_required', 'integer', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint')
    .addColumn('project_amount_fen', 'bigint')
    .addColumn('important', 'integer', (c) => c.notNull())
    .addColumn('major_decision', 'integer', (c) => c.notNull())
    .addColumn('technical', 'integer', (c) => c.notNull())
    .addColumn('stability_risk', 'integer', (c) => c.notNull())
    .addColumn('not_public', 'integer', (c) => c.notNull())
    .addColumn('exploratory_reform', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('legal_risk_note', 'text')
    .addColumn('sponsor_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('proposed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('proposed_at', 'text', ts)
    .addColumn('approved_by', 'text', (c) => c.references('users.id'))
    .addColumn('approved_at', 'text')
    .addColumn('approved_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('paper_entry', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('deferred_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('decided_on', 'text')
    .addColumn('outcome', 'text')
    .addColumn('decision_text', 'text')
    .addColumn('decided_how', 'text')
    .addColumn('decided_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('decided_meeting_item_id', 'text')
    .addColumn('amends_item_id', 'text', (c) => c.references('agenda_items.id'))
    .addColumn('amend_kind', 'text')
    .addColumn('created_at', 'text', ts)
    .addColumn('updated_at', 'text', ts)
    .execute();
  await db.schema
    .createIndex('agenda_items_unit_status_idx')
    .on('agenda_items')
    .columns(['unit_id', 'status'])
    .execute();
  await db.schema
    .createIndex('agenda_items_unit_decided_idx')
    .on('agenda_items')
    .columns(['unit_id', 'decided_on'])
    .execute();
  await db.schema.createIndex('agenda_items_amends_idx').on('agenda_items').column('amends_item_id').execute();
  await db.schema
    .createIndex('agenda_items_outside_idx')
    .on('agenda_items')
    .columns(['unit_id', 'decided_on'])
    .where(sql<boolean>`origin = 'outside_meeting'`)
    .execute();

  await db.schema
    .createTable('agenda_item_candidates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agenda_item_id', 'text', (c) => c.notNull().references('agenda_items.id'))
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('current_post', 'text')
    .addColumn('proposed_post', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('agenda_item_candidates_item_idx')
    .on('agenda_item_candidates')
    .column('agenda_item_id')
    .execute();

  await db.schema
    .createTable('decision_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('agenda_item_id', 'text', (c) => c.notNull().references('agenda_items.id'))
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sm3', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('uploaded_at', 'text', ts)
    .execute();
  await db.schema
    .createIndex('decision_files_owner_idx')
    .on('decision_files')
    .columns(['owner_type', 'owner_id'])
    .execute();
  await db.schema.createIndex('decision_files_item_idx').on('decision_files').column('agenda_item_id').execute();

  await db.schema
    .createTable('procedure_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agenda_item_id', 'text', (c) => c.notNull().references('agenda_items.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('completed_on', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', ts)
    .addColumn('updated_at', 'text', ts)
    .addUniqueConstraint('procedure_steps_item_kind_uq', ['agenda_item_id', 'kind'])
    .execute();

  await db.schema
    .createTable('procedure_experts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('step_id', 'text', (c) => c.notNull().references('procedure_steps.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organization', 'text', (c) => c.notNull())
    .addColumn('field', 'text')
    .addColumn('opinion_signed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', ts)
    .execute();
  await db.schema.createIndex('procedure_experts_step_idx').on('procedure_experts').column('step_id').execute();

  await db.schema
    .createTable('item_consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agenda_item_id', 'text', (c) => c.notNull().references('agenda_items.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('consulted_on', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', ts)
    .execute();
  await db.schema
    .createIndex('item_consultations_item_idx')
    .on('item_consultations')
    .column('agenda_item_id')
    .execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('chair_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('recorder_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('entry_mode', 'text', (c) => c.notNull())
    .addColumn('retrospective_reason', 'text')
    .addColumn('published_at', 'text')
    .addColumn('opened_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('minutes_approved_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', ts)
    .addColumn('updated_at', 'text', ts)
    .addUniqueConstraint('meetings_unit_year_seq_uq', ['unit_id', 'year', 'seq'])
    .execute();
  await db.schema.createIndex('meetings_unit_date_idx').on('meetings').columns(['unit_id', 'date']).execute();

  await db.schema
    .createTable('meeting_attendance')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('post', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('leave_reason', 'text')
    .addColumn('leave_requested_at', 'text')
    .addColumn('written_opinion', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', ts)
    .addPrimaryKeyConstraint('meeting_attendance_pk', ['meeting_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('meeting_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('agenda_item_id', 'text', (c) => c.notNull().references('agenda_items.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('meeting_date', 'text', (c) => c.notNull())
    .addColumn('item_kind', 'text', (c) => c.notNull())
    .addColumn('tzyd_category', 'text')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('vote_method', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('is_prior', 'integer', (c) => c.notNull())
    .addColumn('is_reconsideration', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('added_at', 'text', ts)
    .addColumn('voting_opened_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('members_count', 'integer')
    .addColumn('expected_count', 'integer')
    .addColumn('present_count', 'integer')
    .addColumn('quorum_required', 'integer')
    .addColumn('quorum_ok', 'integer')
    .addColumn('participants', 'integer')
    .addColumn('result', 'text')
    .addColumn('recorded_outcome', 'text')
    .addColumn('defer_reason', 'text')
    /** Detector bits set when the item is settled: 1 below quorum, 2 no vote, 4 ad-hoc personnel, 8 outcome differs */
    .addColumn('flags', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('meeting_items_meeting_item_uq', ['meeting_id', 'agenda_item_id'])
    .execute();
  await db.schema.createIndex('meeting_items_meeting_idx').on('meeting_items').columns(['meeting_id', 'seq']).execute();
  await db.schema.createIndex('meeting_items_agenda_idx').on('meeting_items').column('agenda_item_id').execute();
  await db.schema
    .createIndex('meeting_items_flagged_idx')
    .on('meeting_items')
    .columns(['unit_id', 'meeting_date'])
    .where(sql<boolean>`flags > 0`)
    .execute();

  await db.schema
    .createTable('meeting_item_tallies')
    .addColumn('meeting_item_id', 'text', (c) => c.notNull().references('meeting_items.id'))
    .addColumn('candidate_id', 'text', (c) => c.notNull())
    .addColumn('agree', 'integer', (c) => c.notNull())
    .addColumn('disagree', 'integer', (c) => c.notNull())
    .addColumn('abstain', 'integer', (c) => c.notNull())
    .addColumn('defer', 'integer', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_item_tallies_pk', ['meeting_item_id', 'candidate_id'])
    .execute();

  await db.schema
    .createTable('meeting_item_recusals')
    .addColumn('meeting_item_id', 'text', (c) => c.notNull().references('meeting_items.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('declared_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('declared_at', 'text', ts)
    .addPrimaryKeyConstraint('meeting_item_recusals_pk', ['meeting_item_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('vote_participation')
    .addColumn('meeting_item_id', 'text', (c) => c.notNull().references('meeting_items.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('vote_participation_pk', ['meeting_item_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('named_votes')
    .addColumn('meeting_item_id', 'text', (c) => c.notNull().references('meeting_items.id'))
    .addColumn('candidate_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('choice', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('named_votes_pk', ['meeting_item_id', 'candidate_id', 'person_id'])
    .execute();

  // No member id, no timestamp, a random key: the row says what was voted, never by whom or when.
  let secret = db.schema
    .createTable('secret_votes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_item_id', 'text', (c) => c.notNull().references('meeting_items.id'))
    .addColumn('candidate_id', 'text', (c) => c.notNull())
    .addColumn('choice', 'text', (c) => c.notNull());
  if (!pg) secret = secret.modifyEnd(sql`without rowid`);
  await secret.execute();
  await db.schema
    .createIndex('secret_votes_item_idx')
    .on('secret_votes')
    .columns(['meeting_item_id', 'candidate_id', 'choice'])
    .execute();

  await db.schema
    .createTable('meeting_minutes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('correction_reason', 'text')
    .addColumn('written_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('written_at', 'text', ts)
    .addColumn('approved_by', 'text', (c) => c.references('users.id'))
    .addColumn('approved_at', 'text')
    .addUniqueConstraint('meeting_minutes_version_uq', ['meeting_id', 'version'])
    .execute();

  await guards(db, pg);
}

async function guards(db: Kysely<any>, pg: boolean): Promise<void> {
  if (pg) {
    await sql`create function banzi_votes_append_only() returns trigger language plpgsql as $$
      begin raise exception 'votes are append-only'; end $$`.execute(db);
    await sql`create trigger named_votes_append_only before update or delete on named_votes for each row execute function banzi_votes_append_only()`.execute(
      db,
    );
    await sql`create trigger vote_participation_append_only before update or delete on vote_participation for each row execute function banzi_votes_append_only()`.execute(
      db,
    );
    await sql`create function banzi_minutes_locked() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' or old.status = 'approved' then raise exception 'approved minutes are locked'; end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger meeting_minutes_locked before update or delete on meeting_minutes for each row execute function banzi_minutes_locked()`.execute(
      db,
    );
    return;
  }
  for (const t of ['named_votes', 'vote_participation']) {
    await sql`create trigger ${sql.raw(`${t}_no_update`)} before update on ${sql.table(t)} begin select raise(abort, 'votes are append-only'); end`.execute(
      db,
    );
    await sql`create trigger ${sql.raw(`${t}_no_delete`)} before delete on ${sql.table(t)} begin select raise(abort, 'votes are append-only'); end`.execute(
      db,
    );
  }
  await sql`create trigger meeting_minutes_locked before update on meeting_minutes when old.status = 'approved'
    begin select raise(abort, 'approved minutes are locked'); end`.execute(db);
  await sql`create trigger meeting_minutes_no_delete before delete on meeting_minutes
    begin select raise(abort, 'approved minutes are locked'); end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'meeting_minutes',
    'secret_votes',
    'named_votes',
    'vote_participation',
    'meeting_item_recusals',
    'meeting_item_tallies',
    'meeting_items',
    'meeting_attendance',
    'meetings',
    'item_consultations',
    'procedure_experts',
    'procedure_steps',
    'decision_files',
    'agenda_item_candidates',
    'agenda_items',
    'decision_catalogue',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  if (await isPostgres(db)) {
    await sql`drop function if exists banzi_votes_append_only cascade`.execute(db);
    await sql`drop function if exists banzi_minutes_locked cascade`.execute(db);
  }
}
