/**
 * Influence periods: queries only.
 */
import type { Executor } from '../../db/helpers.js';
import type { NewInfluencePeriodRow } from './eligibility.table.js';

export function insertPeriods(db: Executor, rows: NewInfluencePeriodRow[]) {
  return db.insertInto('influence_periods').values(rows).execute();
}

export function periodsOfPerson(db: Executor, personId: string) {
  return db
    .selectFrom('influence_periods')
    .selectAll()
    .where('person_id', '=', personId)
    .where('voided_on', 'is', null)
    .orderBy('start_date', 'desc')
    .orderBy('id')
    .execute();
}

export function periodsOfPeople(db: Executor, personIds: readonly string[]) {
  if (!personIds.length) return Promise.resolve([]);
  return db
    .selectFrom('influence_periods')
    .selectAll()
    .where('person_id', 'in', [...personIds])
    .where('voided_on', 'is', null)
    .execute();
}

export function openPeriodsOfSource(db: Executor, sourceType: string, sourceId: string) {
  return db
    .selectFrom('influence_periods')
    .selectAll()
    .where('source_type', '=', sourceType)
    .where('source_id', '=', sourceId)
    .where('end_date', 'is', null)
    .where('voided_on', 'is', null)
    .execute();
}

/** The periods a record caused that still have effect (not voided). */
export function periodsOfSource(db: Executor, sourceType: string, sourceId: string) {
  return db
    .selectFrom('influence_periods')
    .selectAll()
    .where('source_type', '=', sourceType)
    .where('source_id', '=', sourceId)
    .where('voided_on', 'is', null)
    .execute();
}

/** Void periods (a revoked record's): they stay in history without effect. */
export function voidPeriods(db: Executor, ids: readonly string[], on: string, at: string) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .updateTable('influence_periods')
    .set({ voided_on: on, updated_at: at })
    .where('id', 'in', [...ids])
    .execute();
}

export function closePeriod(db: Executor, id: string, endDate: string, at: string) {
  return db.updateTable('influence_periods').set({ end_date: endDate, updated_at: at }).where('id', '=', id).execute();
}

/** Every period a record caused, voided ones too (its history). */
export function periodsOfSourceAll(db: Executor, sourceType: string, sourceId: string) {
  return db
    .selectFrom('influence_periods')
    .selectAll()
    .where('source_type', '=', sourceType)
    .where('source_id', '=', sourceId)
    .orderBy('start_date')
    .orderBy('id')
    .execute();
}
