/**
 * Supervision records: queries only.
 */
import type { Executor } from '../../db/helpers.js';
import type { NewSupervisionRecordRow, SupervisionRecordsTable } from './supervision.table.js';

export function insertRecord(db: Executor, row: NewSupervisionRecordRow) {
  return db.insertInto('supervision_records').values(row).execute();
}

const withNames = (db: Executor) =>
  db
    .selectFrom('supervision_records as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .selectAll('r')
    .select(['p.name as person_name', 'u.name as unit_name']);

export type RecordWithNames = NonNullable<Awaited<ReturnType<typeof findRecord>>>;

export function findRecord(db: Executor, id: string) {
  return withNames(db).where('r.id', '=', id).executeTakeFirst();
}

/**
 * Candidate records for a reader (the policy filters them exactly): the units where the reader
 * holds an office with authority, the records the reader issued, and the reader's own.
 */
export function candidateRecords(
  db: Executor,
  who: { unitIds: readonly string[]; userId: string; personId: string | null },
  filter: { personId?: string; unitId?: string; kind?: string },
) {
  let q = withNames(db).where((eb) =>
    eb.or([
      ...(who.unitIds.length ? [eb('r.unit_id', 'in', [...who.unitIds])] : []),
      eb('r.created_by', '=', who.userId),
      ...(who.personId ? [eb('r.person_id', '=', who.personId)] : []),
    ]),
  );
  if (filter.personId) q = q.where('r.person_id', '=', filter.personId);
  if (filter.unitId) q = q.where('r.unit_id', '=', filter.unitId);
  if (filter.kind) q = q.where('r.kind', '=', filter.kind);
  return q.orderBy('r.issued_on', 'desc').orderBy('r.id', 'desc').limit(2000).execute();
}

export function updateRecord(
  db: Executor,
  id: string,
  set: Partial<Omit<SupervisionRecordsTable, 'id' | 'person_id' | 'unit_id' | 'created_at'>>,
) {
  return db.updateTable('supervision_records').set(set).where('id', '=', id).execute();
}

/** A matter (group) of the person's: a record with that id, or records carrying it as their group. */
export async function groupOfPerson(db: Executor, personId: string, groupId: string): Promise<boolean> {
  const r = await db
    .selectFrom('supervision_records')
    .select('id')
    .where('person_id', '=', personId)
    .where((eb) => eb.or([eb('id', '=', groupId), eb('group_id', '=', groupId)]))
    .executeTakeFirst();
  return r !== undefined;
}
