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
    .execute();
}

export function openPeriodsOfSource(db: Executor, sourceType: string, sourceId: string) {
  return db
    .selectFrom('influence_periods')
    .selectAll()
    .where('source_type', '=', sourceType)
    .where('source_id', '=', sourceId)
    .where('end_date', 'is', null)
    .execute();
}

export function closePeriod(db: Executor, id: string, endDate: string, at: string) {
  return db.updateTable('influence_periods').set({ end_date: endDate, updated_at: at }).where('id', '=', id).execute();
}
