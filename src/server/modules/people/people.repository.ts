/**
 * Cadre records and their dated history: queries only. Lists are scoped in SQL by unit id lists
 * computed from the actor (see people.service.ts).
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { RANKS, rankOrdinal } from '../../../common/ranks.js';
import type { Database } from '../../db/database.js';
import type { Executor } from '../../db/helpers.js';

/** Whose records an actor may see: the people of these units, and the actor's own record. */
export interface PeopleScope {
  /** Units whose people the actor may see at all */
  unitIds: readonly string[];
  /** The actor's own person id (always visible to themself) */
  selfId: string | null;
}

/**
 * Who may see this person's record (architecture.md "Data scope"), the one place it is written in
 * SQL: a condition on `people` to compose into any query that joins it, so that a scoped list
 * stays one query. No units and no own record: nothing.
 */
export function visiblePeople(eb: ExpressionBuilder<Database, 'people'>, scope: PeopleScope): Expression<SqlBool> {
  const ors: Expression<SqlBool>[] = [];
  if (scope.unitIds.length) ors.push(eb('people.unit_id', 'in', [...scope.unitIds]));
  if (scope.selfId) ors.push(eb('people.id', '=', scope.selfId));
  // A literal, not a bound parameter: SQLite cannot bind a boolean.
  return ors.length ? eb.or(ors) : eb.lit(false);
}

/** The highest level ordinal among a person's current ranks, as SQL (for sorting by seniority). */
function levelOrdinalSql(today: string) {
  const cases = sql.join(
    RANKS.map((r) => sql`when ${sql.lit(r.code)} then ${sql.lit(rankOrdinal(r.code))}`),
    sql` `,
  );
  return sql<number>`coalesce((select max(case pr.rank_code ${cases} else 0 end) from person_ranks pr
    where pr.person_id = people.id and pr.start_date <= ${today} and (pr.end_date is null or pr.end_date >= ${today})), 0)`;
}

export interface ListFilter extends PeopleScope {
  unitId?: string | undefined;
  /** With unitId: the units directly below it too */
  includeChildren?: boolean;
  q?: string | undefined;
  sex?: string | undefined;
  ethnicity?: string | undefined;
  /** Only people with a current rank of one of these codes */
  rankCodes?: string[] | undefined;
  teamOnly: boolean;
  today: string;
  sort: 'name' | 'birthMonth' | 'unit' | 'level';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

function openOn(today: string) {
  return sql<boolean>`(start_date <= ${today} and (end_date is null or end_date >= ${today}))`;
}

function scoped(db: Executor, f: ListFilter) {
  let q = db.selectFrom('people').innerJoin('units', 'units.id', 'people.unit_id');
  q = q.where((eb) => visiblePeople(eb, f));
  if (f.unitId && f.includeChildren) {
    const unitId = f.unitId;
    q = q.where((eb) => eb.or([eb('people.unit_id', '=', unitId), eb('units.parent_id', '=', unitId)]));
  } else if (f.unitId) q = q.where('people.unit_id', '=', f.unitId);
  if (f.q) q = q.where('people.name', 'like', `%${f.q.replace(/[%_]/g, '')}%`);
  if (f.sex) q = q.where('people.sex', '=', f.sex);
  if (f.ethnicity) q = q.where('people.ethnicity', '=', f.ethnicity);
  if (f.rankCodes) {
    const codes = f.rankCodes.length ? f.rankCodes : ['-'];
    q = q.where('people.id', 'in', (eb) =>
      eb
        .selectFrom('person_ranks')
        .select('person_ranks.person_id')
        .where('person_ranks.rank_code', 'in', codes)
        .where(openOn(f.today)),
    );
  }
  if (f.teamOnly) {
    q = q.where('people.id', 'in', (eb) =>
      eb
        .selectFrom('team_members')
        .select('team_members.person_id')
        .whereRef('team_members.unit_id', '=', 'people.unit_id')
        .where(openOn(f.today)),
    );
  }
  return q;
}

export async function listPeople(db: Executor, f: ListFilter) {
  const base = scoped(db, f);
  const countRow = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  let q = base.select([
    'people.id',
    'people.name',
    'people.unit_id',
    'people.sex',
    'people.birth_month',
    'people.ethnicity',
    'people.political_status',
    'people.education_fulltime',
    'units.name as unit_name',
    'units.sort_order as unit_sort',
  ]);
  const dir = f.order;
  if (f.sort === 'name') q = q.orderBy('people.name', dir);
  else if (f.sort === 'birthMonth') q = q.orderBy('people.birth_month', dir);
  else if (f.sort === 'level') {
    q = q.orderBy(levelOrdinalSql(f.today), dir === 'asc' ? 'desc' : 'asc').orderBy('people.birth_month', 'asc');
  } else q = q.orderBy('units.sort_order', dir).orderBy('people.name', dir);
  const rows = await q.orderBy('people.id').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(countRow?.n ?? 0) };
}

export function findPerson(db: Executor, id: string) {
  return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Current team memberships (post and 分工) of some people, in their own unit. */
export function currentTeamRows(db: Executor, personIds: string[], today: string) {
  if (!personIds.length) return Promise.resolve([]);
  return db
    .selectFrom('team_members')
    .innerJoin('people', 'people.id', 'team_members.person_id')
    .select([
      'team_members.person_id',
      'team_members.unit_id',
      'team_members.team_post',
      'team_members.admin_post',
      'team_members.division_of_work',
    ])
    .where('team_members.person_id', 'in', personIds)
    .whereRef('team_members.unit_id', '=', 'people.unit_id')
    .where(
      sql<boolean>`(team_members.start_date <= ${today} and (team_members.end_date is null or team_members.end_date >= ${today}))`,
    )
    .execute();
}

export function currentPosts(db: Executor, personIds: string[], today: string) {
  if (!personIds.length) return Promise.resolve([]);
  return db
    .selectFrom('person_posts')
    .select(['person_id', 'title', 'start_date'])
    .where('person_id', 'in', personIds)
    .where(openOn(today))
    .orderBy('start_date', 'desc')
    .execute();
}

export function currentRanks(db: Executor, personIds: string[], today: string) {
  if (!personIds.length) return Promise.resolve([]);
  return db
    .selectFrom('person_ranks')
    .select(['person_id', 'rank_code'])
    .where('person_id', 'in', personIds)
    .where(openOn(today))
    .execute();
}

export function ranksOf(db: Executor, personId: string) {
  return db
    .selectFrom('person_ranks')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('start_date', 'desc')
    .execute();
}

export function postsOf(db: Executor, personId: string) {
  return db
    .selectFrom('person_posts')
    .innerJoin('units', 'units.id', 'person_posts.unit_id')
    .select([
      'person_posts.id',
      'person_posts.unit_id',
      'units.name as unit_name',
      'person_posts.title',
      'person_posts.is_leading',
      'person_posts.start_date',
      'person_posts.end_date',
    ])
    .where('person_posts.person_id', '=', personId)
    .orderBy('person_posts.start_date', 'desc')
    .execute();
}

export function unitHistoryOf(db: Executor, personId: string) {
  return db
    .selectFrom('person_units')
    .innerJoin('units', 'units.id', 'person_units.unit_id')
    .select(['person_units.unit_id', 'units.name as unit_name', 'person_units.start_date', 'person_units.end_date'])
    .where('person_units.person_id', '=', personId)
    .orderBy('person_units.start_date', 'desc')
    .execute();
}

export function resumeOf(db: Executor, personId: string) {
  return db.selectFrom('person_resume').selectAll().where('person_id', '=', personId).orderBy('sort_order').execute();
}

export function familyOf(db: Executor, personId: string) {
  return db.selectFrom('person_family').selectAll().where('person_id', '=', personId).orderBy('sort_order').execute();
}

export function findByBlindIndex(db: Executor, blind: string) {
  return db.selectFrom('people').select(['id', 'unit_id', 'name']).where('id_number_blind', '=', blind).execute();
}

/** How many records each unit holds (the first-run checklist). */
export async function countByUnit(db: Executor, unitIds: string[]): Promise<Map<string, number>> {
  if (!unitIds.length) return new Map();
  const rows = await db
    .selectFrom('people')
    .select(['unit_id', (eb) => eb.fn.countAll().as('n')])
    .where('unit_id', 'in', unitIds)
    .groupBy('unit_id')
    .execute();
  return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
}

/** Records for several blind indexes at once (the units import). */
export function findManyByBlindIndex(db: Executor, blinds: string[]) {
  if (!blinds.length) return Promise.resolve([]);
  return db.selectFrom('people').selectAll().where('id_number_blind', 'in', blinds).execute();
}

export function openPostsOf(db: Executor, personIds: string[]) {
  if (!personIds.length) return Promise.resolve([]);
  return db
    .selectFrom('person_posts')
    .selectAll()
    .where('person_id', 'in', personIds)
    .where('end_date', 'is', null)
    .execute();
}

export function openRanksOf(db: Executor, personIds: string[]) {
  if (!personIds.length) return Promise.resolve([]);
  return db
    .selectFrom('person_ranks')
    .selectAll()
    .where('person_id', 'in', personIds)
    .where('end_date', 'is', null)
    .execute();
}

/** Is the person currently on the leadership team of their own unit? */
export async function isOnOwnTeam(db: Executor, personId: string, unitId: string, today: string): Promise<boolean> {
  const row = await db
    .selectFrom('team_members')
    .select('id')
    .where('person_id', '=', personId)
    .where('unit_id', '=', unitId)
    .where(openOn(today))
    .executeTakeFirst();
  return !!row;
}
