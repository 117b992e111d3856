/**
 * Accounts, role grants and sessions: queries only, no decisions.
 */
import type { Executor } from '../../db/helpers.js';
import type { NewUserRow, UsersTable } from './accounts.table.js';
import type { Updateable } from 'kysely';

export function findUserByUsername(db: Executor, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUserById(db: Executor, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Executor, row: NewUserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUser(db: Executor, id: string, set: Updateable<UsersTable>): Promise<void> {
  await db.updateTable('users').set(set).where('id', '=', id).execute();
}

export function listUsers(db: Executor) {
  return db
    .selectFrom('users')
    .leftJoin('people', 'people.id', 'users.person_id')
    .leftJoin('units', 'units.id', 'people.unit_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.person_id',
      'users.admin_role',
      'users.status',
      'users.locked_until',
      'users.last_login_at',
      'users.created_at',
      'people.name as person_name',
      'units.name as unit_name',
    ])
    .orderBy('users.username')
    .execute();
}

export function activeGrantsOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('role_grants')
    .select(['role', 'unit_id'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

export function listActiveGrants(db: Executor) {
  return db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .innerJoin('units', 'units.id', 'role_grants.unit_id')
    .select([
      'role_grants.id',
      'role_grants.user_id',
      'role_grants.role',
      'role_grants.unit_id',
      'role_grants.granted_at',
      'role_grants.granted_by',
      'users.username',
      'users.display_name',
      'units.name as unit_name',
    ])
    .where('role_grants.revoked_at', 'is', null)
    .orderBy('units.sort_order')
    .orderBy('users.username')
    .execute();
}

/** Current team memberships of a person on a Beijing date: derives the secretary and member roles. */
export function currentTeamPosts(db: Executor, personId: string, today: string) {
  return db
    .selectFrom('team_members')
    .select(['unit_id', 'team_post'])
    .where('person_id', '=', personId)
    .where('start_date', '<=', today)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', today)]))
    .execute();
}

export function personUnitId(db: Executor, personId: string) {
  return db.selectFrom('people').select('unit_id').where('id', '=', personId).executeTakeFirst();
}

export function childUnits(db: Executor, parentIds: string[]) {
  if (parentIds.length === 0) return Promise.resolve([] as { id: string; parent_id: string | null }[]);
  return db.selectFrom('units').select(['id', 'parent_id']).where('parent_id', 'in', parentIds).execute();
}

/** Those of the given units that have no unit above them (the root). */
export async function rootUnitIdsAmong(db: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('units')
    .select('id')
    .where('id', 'in', ids)
    .where('parent_id', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

export function unitNames(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([] as { id: string; name: string }[]);
  return db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute();
}

export function findSession(db: Executor, id: string) {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Executor, nowIso: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('idle_expires_at', '<', nowIso), eb('absolute_expires_at', '<', nowIso)]))
    .execute();
}
