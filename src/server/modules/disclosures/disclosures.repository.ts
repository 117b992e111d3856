/**
 * Personal-matters reports, draws, checks and cases: queries only. Lists are scoped in SQL by
 * the reporter's current unit (people.unit_id) or by the reporter's own person id.
 */
import { sql } from 'kysely';
import { chunk, type Executor } from '../../db/helpers.js';
import { visiblePeople } from '../people/index.js';
import type { Insertable, Updateable } from 'kysely';
import type {
  DisclosureAmendmentsTable,
  DisclosureDrawsTable,
  DisclosureReportsTable,
  DisclosureSpecialSubjectsTable,
} from './disclosures.table.js';

const openOn = (d: string, table: string) =>
  sql<boolean>`(${sql.ref(`${table}.start_date`)} <= ${d} and (${sql.ref(`${table}.end_date`)} is null or ${sql.ref(`${table}.end_date`)} >= ${d}))`;

/** Who is asking about whom: the person, their current unit and its parent. */
export function reporterFacts(db: Executor, personId: string) {
  return db
    .selectFrom('people')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select([
      'people.id',
      'people.name',
      'people.unit_id',
      'units.name as unit_name',
      'units.level as unit_level',
      'units.parent_id',
    ])
    .where('people.id', '=', personId)
    .executeTakeFirst();
}

export function unitsByIds(db: Executor, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('units')
    .select(['id', 'name', 'level', 'parent_id', 'sort_order'])
    .where('id', 'in', [...ids])
    .execute();
}

export function childUnits(db: Executor, parentId: string) {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'level', 'sort_order'])
    .where('parent_id', '=', parentId)
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
}

// ── PM-01 ────────────────────────────────────────────────────────────────────
/** Rank rows of the given codes held (ever) by people now in the units. */
export function qualifyingRanksInUnits(db: Executor, unitIds: readonly string[], codes: readonly string[]) {
  if (!unitIds.length || !codes.length) return Promise.resolve([]);
  return db
    .selectFrom('person_ranks')
    .innerJoin('people', 'people.id', 'person_ranks.person_id')
    .select(['person_ranks.person_id', 'person_ranks.rank_code', 'person_ranks.start_date', 'person_ranks.end_date'])
    .where('people.unit_id', 'in', [...unitIds])
    .where('person_ranks.rank_code', 'in', [...codes])
    .execute();
}

export function specialsInUnits(db: Executor, unitIds: readonly string[]) {
  if (!unitIds.length) return Promise.resolve([]);
  return db
    .selectFrom('disclosure_special_subjects')
    .innerJoin('people', 'people.id', 'disclosure_special_subjects.person_id')
    .selectAll('disclosure_special_subjects')
    .where('people.unit_id', 'in', [...unitIds])
    .orderBy('disclosure_special_subjects.start_date')
    .execute();
}

export function specialsOf(db: Executor, personId: string) {
  return db
    .selectFrom('disclosure_special_subjects')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('start_date')
    .execute();
}

export function ranksOf(db: Executor, personId: string) {
  return db
    .selectFrom('person_ranks')
    .select(['rank_code', 'start_date', 'end_date'])
    .where('person_id', '=', personId)
    .execute();
}

export async function peopleByIds(db: Executor, ids: readonly string[]) {
  const out = [];
  for (const part of chunk([...ids], 1000)) {
    out.push(
      ...(await db
        .selectFrom('people')
        .innerJoin('units', 'units.id', 'people.unit_id')
        .select(['people.id', 'people.name', 'people.unit_id', 'units.name as unit_name', 'units.sort_order'])
        .where('people.id', 'in', part)
        .execute()),
    );
  }
  return out;
}

export function peopleInUnit(db: Executor, unitId: string) {
  return db
    .selectFrom('people')
    .select(['id', 'name', 'unit_id'])
    .where('unit_id', '=', unitId)
    .orderBy('name')
    .execute();
}

export function currentRanksInUnit(db: Executor, unitId: string, date: string) {
  return db
    .selectFrom('person_ranks')
    .innerJoin('people', 'people.id', 'person_ranks.person_id')
    .select(['person_ranks.person_id', 'person_ranks.rank_code'])
    .where('people.unit_id', '=', unitId)
    .where(openOn(date, 'person_ranks'))
    .execute();
}

export function insertSpecial(db: Executor, row: Insertable<DisclosureSpecialSubjectsTable>) {
  return db.insertInto('disclosure_special_subjects').values(row).execute();
}

export function findSpecial(db: Executor, id: string) {
  return db.selectFrom('disclosure_special_subjects').selectAll().where('id', '=', id).executeTakeFirst();
}

export function updateSpecial(db: Executor, id: string, set: Updateable<DisclosureSpecialSubjectsTable>) {
  return db.updateTable('disclosure_special_subjects').set(set).where('id', '=', id).execute();
}

// ── reports ──────────────────────────────────────────────────────────────────
function reportsBase(db: Executor) {
  return db
    .selectFrom('disclosure_reports')
    .innerJoin('people', 'people.id', 'disclosure_reports.person_id')
    .innerJoin('units', 'units.id', 'disclosure_reports.unit_id')
    .selectAll('disclosure_reports')
    .select(['people.name as person_name', 'people.unit_id as person_unit_id', 'units.name as unit_name']);
}

export function findReport(db: Executor, id: string) {
  return reportsBase(db).where('disclosure_reports.id', '=', id).executeTakeFirst();
}
export type ReportWithNames = NonNullable<Awaited<ReturnType<typeof findReport>>>;

/** Reports whose reporter is now in one of the units, or who is the given person. */
export function listReports(
  db: Executor,
  f: {
    unitIds: readonly string[];
    selfId: string | null;
    unitId?: string | undefined;
    year?: number | undefined;
    personId?: string | undefined;
  },
) {
  let q = reportsBase(db).where((eb) => visiblePeople(eb, f));
  if (f.unitId) q = q.where('people.unit_id', '=', f.unitId);
  if (f.year) q = q.where('disclosure_reports.year', '=', f.year);
  if (f.personId) q = q.where('disclosure_reports.person_id', '=', f.personId);
  return q
    .orderBy('disclosure_reports.year', 'desc')
    .orderBy('people.name')
    .orderBy('disclosure_reports.created_at')
    .execute();
}

export function annualReportsOf(db: Executor, personIds: readonly string[], year: number) {
  if (!personIds.length) return Promise.resolve([]);
  return reportsBase(db)
    .where('disclosure_reports.person_id', 'in', [...personIds])
    .where('disclosure_reports.year', '=', year)
    .where('disclosure_reports.annual_key', 'is not', null)
    .execute();
}

/** The latest submitted annual or first report before a year (prefill). */
export function lastSubmittedBefore(db: Executor, personId: string, year: number) {
  return db
    .selectFrom('disclosure_reports')
    .selectAll()
    .where('person_id', '=', personId)
    .where('year', '<', year)
    .where('status', '=', 'submitted')
    .where('annual_key', 'is not', null)
    .orderBy('year', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function insertReport(db: Executor, row: Insertable<DisclosureReportsTable>) {
  return db.insertInto('disclosure_reports').values(row).execute();
}

export function updateReport(db: Executor, id: string, set: Updateable<DisclosureReportsTable>) {
  return db.updateTable('disclosure_reports').set(set).where('id', '=', id).execute();
}

export function amendmentsOf(db: Executor, reportId: string) {
  return db
    .selectFrom('disclosure_amendments')
    .leftJoin('users', 'users.id', 'disclosure_amendments.created_by')
    .selectAll('disclosure_amendments')
    .select('users.display_name as by_name')
    .where('report_id', '=', reportId)
    .orderBy('seq')
    .execute();
}

export function insertAmendment(db: Executor, row: Insertable<DisclosureAmendmentsTable>) {
  return db.insertInto('disclosure_amendments').values(row).execute();
}

// ── draws ────────────────────────────────────────────────────────────────────
export function insertDraw(db: Executor, row: Insertable<DisclosureDrawsTable>) {
  return db.insertInto('disclosure_draws').values(row).execute();
}

export function findDraw(db: Executor, id: string) {
  return db
    .selectFrom('disclosure_draws')
    .innerJoin('units', 'units.id', 'disclosure_draws.unit_id')
    .selectAll('disclosure_draws')
    .select('units.name as unit_name')
    .where('disclosure_draws.id', '=', id)
    .executeTakeFirst();
}

export function findDrawOfYear(db: Executor, unitId: string, year: number) {
  return db
    .selectFrom('disclosure_draws')
    .select(['id', 'status'])
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .executeTakeFirst();
}

export function listDraws(db: Executor, unitIds: readonly string[]) {
  if (!unitIds.length) return Promise.resolve([]);
  return db
    .selectFrom('disclosure_draws')
    .innerJoin('units', 'units.id', 'disclosure_draws.unit_id')
    .selectAll('disclosure_draws')
    .select('units.name as unit_name')
    .where('disclosure_draws.unit_id', 'in', [...unitIds])
    .orderBy('disclosure_draws.year', 'desc')
    .execute();
}

export function updateDraw(db: Executor, id: string, set: Updateable<DisclosureDrawsTable>) {
  return db.updateTable('disclosure_draws').set(set).where('id', '=', id).execute();
}

/** Move a draw on from a status; false when another request moved it first. */
export async function advanceDraw(
  db: Executor,
  id: string,
  from: string,
  set: Updateable<DisclosureDrawsTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('disclosure_draws')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function deleteDraw(db: Executor, id: string) {
  return db.deleteFrom('disclosure_draws').where('id', '=', id).execute();
}

export function findReports(db: Executor, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return reportsBase(db)
    .where('disclosure_reports.id', 'in', [...ids])
    .execute();
}

/**
 * How many reporters each unit has on a date: a current rank among the codes, or an open special
 * case. Units are given as a list, or as all children of a parent (no long parameter lists).
 */
export function reporterCountsByUnit(
  db: Executor,
  units: { unitIds: readonly string[] } | { parentId: string },
  date: string,
  codes: readonly string[],
) {
  if ('unitIds' in units && !units.unitIds.length) return Promise.resolve([]);
  return db
    .selectFrom('people')
    .select((eb) => ['people.unit_id', eb.fn.countAll<number>().as('n')])
    .where('people.unit_id', 'in', (eb) =>
      'parentId' in units
        ? eb.selectFrom('units').select('units.id').where('units.parent_id', '=', units.parentId)
        : eb
            .selectFrom('units')
            .select('units.id')
            .where('units.id', 'in', [...units.unitIds]),
    )
    .where((eb) =>
      eb.or([
        eb(
          'people.id',
          'in',
          eb
            .selectFrom('person_ranks')
            .select('person_ranks.person_id')
            .where('person_ranks.rank_code', 'in', codes.length ? [...codes] : ['-'])
            .where(openOn(date, 'person_ranks')),
        ),
        eb(
          'people.id',
          'in',
          eb
            .selectFrom('disclosure_special_subjects')
            .select('disclosure_special_subjects.person_id')
            .where(openOn(date, 'disclosure_special_subjects')),
        ),
      ]),
    )
    .groupBy('people.unit_id')
    .execute();
}
