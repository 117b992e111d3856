/**
 * Personal-matters reports and spot checks (regulations.md §5-6). Report contents, registry
 * results, reasons, explanations and case notes are stored encrypted (SM4-CTR + HMAC-SM3, the
 * `_enc` columns); the columns statistics group by (unit, year, item, classification, dates)
 * stay readable. Frozen once released: never edit, add a new migration instead.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('disclosure_special_subjects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('disclosure_special_person_idx')
    .on('disclosure_special_subjects')
    .column('person_id')
    .execute();

  await db.schema
    .createTable('disclosure_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('event_date', 'text')
    // person:year for annual and first reports, null for change reports: one report per year
    .addColumn('annual_key', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('reminder_from', 'text')
    .addColumn('payload_enc', 'text', (c) => c.notNull())
    .addColumn('payload_hash', 'text')
    .addColumn('signature', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_on', 'text')
    .addColumn('on_time', 'integer')
    .addColumn('amendment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('disclosure_reports_person_idx')
    .on('disclosure_reports')
    .columns(['person_id', 'year'])
    .execute();
  await db.schema
    .createIndex('disclosure_reports_unit_idx')
    .on('disclosure_reports')
    .columns(['unit_id', 'year'])
    .execute();

  await db.schema
    .createTable('disclosure_amendments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('disclosure_reports.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('amended_on', 'text', (c) => c.notNull())
    .addColumn('amended_at', 'text', (c) => c.notNull())
    .addColumn('reason_enc', 'text', (c) => c.notNull())
    .addColumn('payload_enc', 'text', (c) => c.notNull())
    .addColumn('payload_hash', 'text', (c) => c.notNull())
    .addColumn('changed_items', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('disclosure_amendments_report_idx')
    .on('disclosure_amendments')
    .columns(['report_id', 'seq'])
    .unique()
    .execute();

  await db.schema
    .createTable('disclosure_draws')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('ratio_bp', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('eligible', 'text', (c) => c.notNull())
    .addColumn('eligible_count', 'integer', (c) => c.notNull())
    .addColumn('commitment', 'text', (c) => c.notNull())
    .addColumn('seed_enc', 'text', (c) => c.notNull())
    .addColumn('seed_hex', 'text')
    .addColumn('inputs_digest', 'text')
    .addColumn('public_value', 'text')
    .addColumn('selected', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('drawn_at', 'text')
    .addColumn('verified_at', 'text')
    .addColumn('verified_ok', 'integer')
    .execute();
  await db.schema
    .createIndex('disclosure_draws_unit_year_idx')
    .on('disclosure_draws')
    .columns(['unit_id', 'year'])
    .unique()
    .execute();

  await db.schema
    .createTable('disclosure_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text')
    .addColumn('reason_enc', 'text')
    .addColumn('draw_id', 'text', (c) => c.references('disclosure_draws.id'))
    .addColumn('report_id', 'text', (c) => c.references('disclosure_reports.id'))
    .addColumn('report_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('registry_enc', 'text')
    .addColumn('result', 'text')
    .addColumn('assets_flag', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('checked_by', 'text')
    .addColumn('checked_at', 'text')
    .execute();
  await db.schema
    .createIndex('disclosure_checks_unit_idx')
    .on('disclosure_checks')
    .columns(['unit_id', 'year'])
    .execute();
  await db.schema.createIndex('disclosure_checks_person_idx').on('disclosure_checks').column('person_id').execute();
  await db.schema.createIndex('disclosure_checks_draw_idx').on('disclosure_checks').column('draw_id').execute();

  await db.schema
    .createTable('disclosure_check_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('check_id', 'text', (c) => c.notNull().references('disclosure_checks.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('reasons_enc', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('disclosure_check_items_check_idx')
    .on('disclosure_check_items')
    .column('check_id')
    .execute();
  await db.schema
    .createIndex('disclosure_check_items_unit_idx')
    .on('disclosure_check_items')
    .columns(['unit_id', 'year'])
    .execute();

  await db.schema
    .createTable('disclosure_explanations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('check_id', 'text', (c) => c.notNull().references('disclosure_checks.id'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('text_enc', 'text')
    .addColumn('filed_at', 'text')
    .execute();
  await db.schema
    .createIndex('disclosure_explanations_check_idx')
    .on('disclosure_explanations')
    .column('check_id')
    .execute();

  await db.schema
    .createTable('disclosure_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('check_id', 'text', (c) => c.notNull().unique().references('disclosure_checks.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('severity', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('measures', 'text', (c) => c.notNull())
    .addColumn('refer_discipline', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note_enc', 'text')
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('closed_by', 'text')
    .execute();
  await db.schema
    .createIndex('disclosure_cases_unit_idx')
    .on('disclosure_cases')
    .columns(['unit_id', 'year'])
    .execute();
  await db.schema.createIndex('disclosure_cases_person_idx').on('disclosure_cases').column('person_id').execute();

  await db.schema
    .createTable('disclosure_business_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('report_id', 'text', (c) => c.references('disclosure_reports.id'))
    .addColumn('relative_id', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('activity', 'text', (c) => c.notNull())
    .addColumn('details_enc', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('outcome', 'text')
    .addColumn('note_enc', 'text')
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('resolved_on', 'text')
    .addColumn('resolved_by', 'text')
    .execute();
  await db.schema
    .createIndex('disclosure_business_person_idx')
    .on('disclosure_business_cases')
    .columns(['person_id', 'status'])
    .execute();
  await db.schema
    .createIndex('disclosure_business_unit_idx')
    .on('disclosure_business_cases')
    .column('unit_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'disclosure_business_cases',
    'disclosure_cases',
    'disclosure_explanations',
    'disclosure_check_items',
    'disclosure_checks',
    'disclosure_draws',
    'disclosure_amendments',
    'disclosure_reports',
    'disclosure_special_subjects',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
