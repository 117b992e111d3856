/**
 * Accounts, role grants and sessions: queries only, no decisions.
 */
import type { Executor } from '../../db/helpers.js';
import type { AccountRequestsTable, NewUserRow, UsersTable } from './accounts.table.js';
import type { Insertable, Updateable } from 'kysely';

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

/**
 * Set the holder's password if the activation code is still the one that was checked (a code is
 * used once, also when two activations race). True when this call consumed it.
 */
export async function consumeActivation(
  db: Executor,
  id: string,
  activationHash: string,
  set: Updateable<UsersTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ ...set, activation_hash: null, activation_expires_at: null })
    .where('id', '=', id)
    .where('activation_hash', '=', activationHash)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
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
      'users.password_hash',
      'users.activation_hash',
      'users.activation_expires_at',
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

/** Name and unit of a person, for the link request and the audit log (no other field). */
export function personSummary(db: Executor, personId: string) {
  return db
    .selectFrom('people')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select(['people.id', 'people.name', 'units.name as unit_name'])
    .where('people.id', '=', personId)
    .executeTakeFirst();
}

export function accountOfPerson(db: Executor, personId: string) {
  return db.selectFrom('users').select(['id', 'username']).where('person_id', '=', personId).executeTakeFirst();
}

/** People matching a name, for the link picker: name and unit only. */
export function pickPeople(db: Executor, q: string) {
  return db
    .selectFrom('people')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select(['people.id', 'people.name', 'units.name as unit_name'])
    .where('people.name', 'like', `%${q.replace(/[%_]/g, '')}%`)
    .orderBy('people.name')
    .limit(20)
    .execute();
}

export function findUnit(db: Executor, unitId: string) {
  return db.selectFrom('units').select('id').where('id', '=', unitId).executeTakeFirst();
}

export function findActiveGrant(db: Executor, userId: string, role: string, unitId: string) {
  return db
    .selectFrom('role_grants')
    .select('id')
    .where('user_id', '=', userId)
    .where('role', '=', role)
    .where('unit_id', '=', unitId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

// ── Requests that a second admin confirms (AC-01) ──

export async function insertRequest(db: Executor, row: Insertable<AccountRequestsTable>): Promise<void> {
  await db.insertInto('account_requests').values(row).execute();
}

export async function updateRequest(db: Executor, id: string, set: Updateable<AccountRequestsTable>): Promise<void> {
  await db.updateTable('account_requests').set(set).where('id', '=', id).execute();
}

function requestsWithNames(db: Executor) {
  return db
    .selectFrom('account_requests as r')
    .innerJoin('users as rb', 'rb.id', 'r.requested_by')
    .leftJoin('users as db', 'db.id', 'r.decided_by')
    .selectAll('r')
    .select([
      'rb.display_name as requested_by_name',
      'rb.admin_role as requester_role',
      'db.display_name as decided_by_name',
    ]);
}

export function findRequest(db: Executor, id: string) {
  return requestsWithNames(db).where('r.id', '=', id).executeTakeFirst();
}

export function listRequests(db: Executor, onlyPending: boolean) {
  let q = requestsWithNames(db);
  if (onlyPending) q = q.where('r.status', '=', 'pending');
  return q.orderBy('r.requested_at', 'desc').limit(500).execute();
}

export function pendingRequestOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('account_requests')
    .select(['id', 'kind'])
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

export function pendingLinkOfPerson(db: Executor, personId: string) {
  return db
    .selectFrom('account_requests')
    .select(['id', 'username'])
    .where('person_id', '=', personId)
    .where('kind', '=', 'link_person')
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

export function pendingCreateOfUsername(db: Executor, username: string) {
  return db
    .selectFrom('account_requests')
    .select('id')
    .where('username', '=', username)
    .where('kind', '=', 'create_admin')
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

export function pendingRequestKinds(db: Executor) {
  return db.selectFrom('account_requests').select(['user_id', 'kind']).where('status', '=', 'pending').execute();
}

// ── Lockouts per account and client address (AC-03) ──

export function findLockout(db: Executor, userId: string, address: string) {
  return db
    .selectFrom('login_lockouts')
    .selectAll()
    .where('user_id', '=', userId)
    .where('address', '=', address)
    .executeTakeFirst();
}

export async function saveLockout(
  db: Executor,
  row: { user_id: string; address: string; failures: number; locked_until: string | null; last_failure_at: string },
): Promise<void> {
  await db
    .insertInto('login_lockouts')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['user_id', 'address']).doUpdateSet({
        failures: row.failures,
        locked_until: row.locked_until,
        last_failure_at: row.last_failure_at,
      }),
    )
    .execute();
}

export async function deleteLockout(db: Executor, userId: string, address: string): Promise<void> {
  await db.deleteFrom('login_lockouts').where('user_id', '=', userId).where('address', '=', address).execute();
}

export async function deleteLockoutsOfUser(db: Executor, userId: string): Promise<number> {
  const r = await db.deleteFrom('login_lockouts').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Lockouts still running, per account: how many addresses, and when the last one ends. */
export function runningLockouts(db: Executor, nowIso: string) {
  return db
    .selectFrom('login_lockouts')
    .select((eb) => ['user_id', eb.fn.max('locked_until').as('until'), eb.fn.countAll<string | number>().as('n')])
    .where('locked_until', '>', nowIso)
    .groupBy('user_id')
    .execute();
}
