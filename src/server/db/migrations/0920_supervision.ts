/**
 * Supervision records (issue 10; regulations.md §7, §17): talks, reminders, inquiry letters,
 * admonitions, first-form measures, organisational handling, Party and government sanctions and
 * open cases, one row each, with their texts encrypted; and a void mark on influence periods so a
 * revoked sanction's periods stay in history without effect. Frozen once released.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('supervision_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    /** The person's unit when recorded (scope) */
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('tier', 'integer')
    .addColumn('tier_override_reason', 'text')
    /** Records of one matter, or government sanctions decided together (Art. 15) */
    .addColumn('group_id', 'text')
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    /** 'same' (the cadre's own unit's Party organisation) or 'higher' (TX-03) */
    .addColumn('issuer_level', 'text', (c) => c.notNull())
    .addColumn('confidential', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('summary_enc', 'text', (c) => c.notNull())
    .addColumn('allegations_enc', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text')
    .addColumn('reply_due', 'text')
    .addColumn('extension_reason', 'text')
    .addColumn('replied_on', 'text')
    .addColumn('reply_enc', 'text')
    .addColumn('outcome', 'text')
    .addColumn('probation_months', 'integer')
    .addColumn('duty_related', 'integer')
    .addColumn('accountability', 'integer')
    .addColumn('stated_months', 'integer')
    /** Art. 15: the sanctions the offences each called for (JSON list), when decided together */
    .addColumn('combined_kinds', 'text')
    .addColumn('concluded_on', 'text')
    .addColumn('revoked_on', 'text')
    .addColumn('revoke_reason', 'text')
    /** 变更: the record that replaced this one */
    .addColumn('replaced_by', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supervision_records_person_idx').on('supervision_records').column('person_id').execute();
  await db.schema
    .createIndex('supervision_records_unit_idx')
    .on('supervision_records')
    .columns(['unit_id', 'issued_on'])
    .execute();
  await db.schema.alterTable('influence_periods').addColumn('voided_on', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('influence_periods').dropColumn('voided_on').execute();
  await db.schema.dropTable('supervision_records').ifExists().execute();
}
