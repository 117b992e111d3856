/**
 * Units and team memberships: queries only.
 */
import type { Executor } from '../../db/helpers.js';
import type { NewTeamMemberRow, NewUnitRow } from './orgs.table.js';

export function listAllUnits(db: Executor) {
  return db.selectFrom('units').selectAll().orderBy('sort_order').orderBy('name').execute();
}

export function findUnit(db: Executor, id: string) {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The units directly below a unit, in display order. */
export function childUnits(db: Executor, parentId: string) {
  return db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('parent_id', '=', parentId)
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
}

export async function insertUnit(db: Executor, row: NewUnitRow): Promise<void> {
  await db.insertInto('units').values(row).execute();
}

/** Team memberships of a unit; current ones only unless history is asked for. */
export function listTeam(db: Executor, unitId: string, opts: { history: boolean; at: string }) {
  let q = db
    .selectFrom('team_members')
    .innerJoin('people', 'people.id', 'team_members.person_id')
    .select([
      'team_members.id',
      'team_members.unit_id',
      'team_members.person_id',
      'team_members.team_post',
      'team_members.admin_post',
      'team_members.is_party_group_member',
      'team_members.division_of_work',
      'team_members.start_date',
      'team_members.end_date',
      'team_members.end_reason',
      'team_members.sort_order',
      'people.name',
      'people.sex',
      'people.birth_month',
      'people.ethnicity',
    ])
    .where('team_members.unit_id', '=', unitId);
  if (!opts.history) {
    q = q
      .where('team_members.start_date', '<=', opts.at)
      .where((eb) => eb.or([eb('team_members.end_date', 'is', null), eb('team_members.end_date', '>=', opts.at)]));
  }
  return q
    .orderBy('team_members.end_date', 'desc')
    .orderBy('team_members.sort_order')
    .orderBy('team_members.start_date')
    .execute();
}

export function findTeamMember(db: Executor, id: string) {
  return db.selectFrom('team_members').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An open membership of the person in the unit (no end date, or ending on/after the date). */
export function findOpenMembership(db: Executor, unitId: string, personId: string, at: string) {
  return db
    .selectFrom('team_members')
    .select(['id', 'team_post'])
    .where('unit_id', '=', unitId)
    .where('person_id', '=', personId)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', at)]))
    .executeTakeFirst();
}

export function findOpenSecretary(db: Executor, unitId: string, at: string) {
  return db
    .selectFrom('team_members')
    .select(['id', 'person_id'])
    .where('unit_id', '=', unitId)
    .where('team_post', '=', 'secretary')
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', at)]))
    .executeTakeFirst();
}

export async function insertTeamMember(db: Executor, row: NewTeamMemberRow): Promise<void> {
  await db.insertInto('team_members').values(row).execute();
}

export function findUnitByCode(db: Executor, code: string) {
  return db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The root unit(s): no unit above them in the system. */
export function rootUnits(db: Executor) {
  return db.selectFrom('units').selectAll().where('parent_id', 'is', null).execute();
}

export async function updateUnitRow(db: Executor, id: string, values: Partial<NewUnitRow>): Promise<void> {
  await db.updateTable('units').set(values).where('id', '=', id).execute();
}

/** Every membership (current and past) of the given people. */
export function membershipsOfPeople(db: Executor, personIds: string[]) {
  if (!personIds.length) return Promise.resolve([]);
  return db.selectFrom('team_members').selectAll().where('person_id', 'in', personIds).execute();
}

/** Memberships of the given units that have not ended. */
export function openMembershipsOfUnits(db: Executor, unitIds: string[]) {
  if (!unitIds.length) return Promise.resolve([]);
  return db
    .selectFrom('team_members')
    .selectAll()
    .where('unit_id', 'in', unitIds)
    .where('end_date', 'is', null)
    .execute();
}

export async function updateTeamMemberRow(db: Executor, id: string, values: Partial<NewTeamMemberRow>): Promise<void> {
  await db.updateTable('team_members').set(values).where('id', '=', id).execute();
}
