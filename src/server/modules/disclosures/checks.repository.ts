/**
 * Checks, their per-item classifications, explanations and cases: queries only.
 */
import { sql } from 'kysely';
import { chunk, type Executor } from '../../db/helpers.js';
import { visiblePeople } from '../people/index.js';
import type { Insertable, Updateable } from 'kysely';
import type {
  DisclosureBusinessCasesTable,
  DisclosureCasesTable,
  DisclosureCheckItemsTable,
  DisclosureChecksTable,
  DisclosureExplanationsTable,
} from './disclosures.table.js';

function checksBase(db: Executor) {
  return db
    .selectFrom('disclosure_checks')
    .innerJoin('people', 'people.id', 'disclosure_checks.person_id')
    .innerJoin('units', 'units.id', 'disclosure_checks.unit_id')
    .selectAll('disclosure_checks')
    .select(['people.name as person_name', 'people.unit_id as person_unit_id', 'units.name as unit_name']);
}

export function findCheck(db: Executor, id: string) {
  return checksBase(db).where('disclosure_checks.id', '=', id).executeTakeFirst();
}
export type CheckWithNames = NonNullable<Awaited<ReturnType<typeof findCheck>>>;

export function listChecks(
  db: Executor,
  f: {
    unitIds: readonly string[];
    selfId: string | null;
    year?: number | undefined;
    kind?: string | undefined;
    drawId?: string | undefined;
  },
) {
  let q = checksBase(db).where((eb) => visiblePeople(eb, f));
  if (f.year) q = q.where('disclosure_checks.year', '=', f.year);
  if (f.kind) q = q.where('disclosure_checks.kind', '=', f.kind);
  if (f.drawId) q = q.where('disclosure_checks.draw_id', '=', f.drawId);
  return q.orderBy('disclosure_checks.year', 'desc').orderBy('disclosure_checks.kind').orderBy('people.name').execute();
}

export async function insertChecks(db: Executor, rows: Insertable<DisclosureChecksTable>[]) {
  for (const part of chunk(rows, 200)) await db.insertInto('disclosure_checks').values(part).execute();
}

export function updateCheck(db: Executor, id: string, set: Updateable<DisclosureChecksTable>) {
  return db.updateTable('disclosure_checks').set(set).where('id', '=', id).execute();
}

export function openCheckOf(db: Executor, personId: string, year: number, kind: string) {
  return db
    .selectFrom('disclosure_checks')
    .select('id')
    .where('person_id', '=', personId)
    .where('year', '=', year)
    .where('kind', '=', kind)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

export async function insertCheckItems(db: Executor, rows: Insertable<DisclosureCheckItemsTable>[]) {
  for (const part of chunk(rows, 200)) await db.insertInto('disclosure_check_items').values(part).execute();
}

export function checkItemsOf(db: Executor, checkId: string) {
  return db.selectFrom('disclosure_check_items').selectAll().where('check_id', '=', checkId).execute();
}

export function explanationsOf(db: Executor, checkId: string) {
  return db
    .selectFrom('disclosure_explanations')
    .selectAll()
    .where('check_id', '=', checkId)
    .orderBy('requested_at')
    .orderBy('kind')
    .execute();
}

export async function insertExplanations(db: Executor, rows: Insertable<DisclosureExplanationsTable>[]) {
  if (rows.length) await db.insertInto('disclosure_explanations').values(rows).execute();
}

export function updateExplanation(db: Executor, id: string, set: Updateable<DisclosureExplanationsTable>) {
  return db.updateTable('disclosure_explanations').set(set).where('id', '=', id).execute();
}

export function pendingExplanationCount(db: Executor, personId: string) {
  return db
    .selectFrom('disclosure_explanations')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('person_id', '=', personId)
    .where('status', '=', 'requested')
    .executeTakeFirst();
}

// ── cases ────────────────────────────────────────────────────────────────────
function casesBase(db: Executor) {
  return db
    .selectFrom('disclosure_cases')
    .innerJoin('people', 'people.id', 'disclosure_cases.person_id')
    .innerJoin('units', 'units.id', 'disclosure_cases.unit_id')
    .selectAll('disclosure_cases')
    .select(['people.name as person_name', 'people.unit_id as person_unit_id', 'units.name as unit_name']);
}

export function findCase(db: Executor, id: string) {
  return casesBase(db).where('disclosure_cases.id', '=', id).executeTakeFirst();
}
export type CaseWithNames = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export function caseOfCheck(db: Executor, checkId: string) {
  return db.selectFrom('disclosure_cases').select(['id']).where('check_id', '=', checkId).executeTakeFirst();
}

export function listCases(
  db: Executor,
  f: { unitIds: readonly string[]; selfId: string | null; year?: number | undefined },
) {
  let q = casesBase(db).where((eb) => visiblePeople(eb, f));
  if (f.year) q = q.where('disclosure_cases.year', '=', f.year);
  return q.orderBy('disclosure_cases.opened_at', 'desc').execute();
}

export function insertCase(db: Executor, row: Insertable<DisclosureCasesTable>) {
  return db.insertInto('disclosure_cases').values(row).execute();
}

export async function insertCases(db: Executor, rows: Insertable<DisclosureCasesTable>[]) {
  if (rows.length) await db.insertInto('disclosure_cases').values(rows).execute();
}

export function updateCase(db: Executor, id: string, set: Updateable<DisclosureCasesTable>) {
  return db.updateTable('disclosure_cases').set(set).where('id', '=', id).execute();
}

function businessBase(db: Executor) {
  return db
    .selectFrom('disclosure_business_cases')
    .innerJoin('people', 'people.id', 'disclosure_business_cases.person_id')
    .innerJoin('units', 'units.id', 'disclosure_business_cases.unit_id')
    .selectAll('disclosure_business_cases')
    .select(['people.name as person_name', 'people.unit_id as person_unit_id', 'units.name as unit_name']);
}

export function findBusinessCase(db: Executor, id: string) {
  return businessBase(db).where('disclosure_business_cases.id', '=', id).executeTakeFirst();
}
export type BusinessCaseWithNames = NonNullable<Awaited<ReturnType<typeof findBusinessCase>>>;

export function listBusinessCases(db: Executor, f: { unitIds: readonly string[]; selfId: string | null }) {
  return businessBase(db)
    .where((eb) => visiblePeople(eb, f))
    .orderBy('disclosure_business_cases.opened_at', 'desc')
    .execute();
}

export function openBusinessCasesOf(db: Executor, personId: string) {
  return db
    .selectFrom('disclosure_business_cases')
    .select(['id', 'relative_id', 'activity', 'rule_id'])
    .where('person_id', '=', personId)
    .where('status', '=', 'open')
    .execute();
}

export function insertBusinessCase(db: Executor, row: Insertable<DisclosureBusinessCasesTable>) {
  return db.insertInto('disclosure_business_cases').values(row).execute();
}

export function updateBusinessCase(db: Executor, id: string, set: Updateable<DisclosureBusinessCasesTable>) {
  return db.updateTable('disclosure_business_cases').set(set).where('id', '=', id).execute();
}

export function findChecks(db: Executor, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return checksBase(db)
    .where('disclosure_checks.id', 'in', [...ids])
    .execute();
}

/** Family rows of several people (the relatives a registry entry may name). */
export async function familyOfPeople(db: Executor, personIds: readonly string[]) {
  const out = [];
  for (const part of chunk([...personIds], 500)) {
    out.push(
      ...(await db
        .selectFrom('person_family')
        .select(['id', 'person_id', 'relation', 'name'])
        .where('person_id', 'in', part)
        .execute()),
    );
  }
  return out;
}

/** Classify many pending checks with one UPDATE per 200 (CASE by id: portable to both databases); returns how many were still pending. */
export async function classifyChecks(
  db: Executor,
  rows: readonly { id: string; registry_enc: string; result: string | null; assets_flag: number }[],
  by: string,
  at: string,
): Promise<number> {
  let updated = 0;
  for (const part of chunk([...rows], 200)) {
    const caseOf = <T>(col: (r: (typeof part)[number]) => T) =>
      sql<T>`case ${sql.join(
        part.map((r) => sql`when id = ${r.id} then ${col(r)}`),
        sql` `,
      )} end`;
    await db
      .updateTable('disclosure_checks')
      .set({
        registry_enc: caseOf((r) => r.registry_enc),
        result: caseOf((r) => r.result),
        assets_flag: sql<number>`cast(${caseOf((r) => r.assets_flag)} as integer)`,
        status: 'classified',
        checked_by: by,
        checked_at: at,
      })
      .where(
        'id',
        'in',
        part.map((r) => r.id),
      )
      .where('status', '=', 'pending')
      .executeTakeFirst()
      .then((r) => {
        updated += Number(r.numUpdatedRows);
      });
  }
  return updated;
}
