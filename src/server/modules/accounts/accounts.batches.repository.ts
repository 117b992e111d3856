/**
 * Queries for account batches (issue 16 §1): the people a batch may cover, the names taken, the
 * batches and their items.
 */
import type { Updateable } from 'kysely';
import { chunk, type Executor } from '../../db/helpers.js';
import type { AccountBatchesTable, BatchRow, NewBatchItemRow } from './accounts.batches.table.js';

/** People of these units, or these people, with their unit and any account holding them; by unit code and name. */
export async function peopleInScope(db: Executor, unitIds: string[], personIds: string[]) {
  const base = () =>
    db
      .selectFrom('people')
      .innerJoin('units', 'units.id', 'people.unit_id')
      .leftJoin('users', 'users.person_id', 'people.id')
      .select([
        'people.id',
        'people.name',
        'units.name as unit_name',
        'units.code as unit_code',
        'users.username as account',
      ]);
  const rows = [];
  for (const part of chunk(unitIds, 500)) rows.push(...(await base().where('people.unit_id', 'in', part).execute()));
  for (const part of chunk(personIds, 500)) rows.push(...(await base().where('people.id', 'in', part).execute()));
  const seen = new Set<string>();
  return rows
    .filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)))
    .sort(
      (a, b) =>
        (a.unit_code ?? '').localeCompare(b.unit_code ?? '') ||
        a.name.localeCompare(b.name, 'zh-CN') ||
        a.id.localeCompare(b.id),
    );
}

export async function knownUnitIds(db: Executor, ids: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunk(ids, 500)) {
    for (const r of await db.selectFrom('units').select('id').where('id', 'in', part).execute()) out.add(r.id);
  }
  return out;
}

/** People with a pending single link request or in a pending batch. */
export async function peopleAwaitingAccounts(db: Executor): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const links = await db
    .selectFrom('account_requests')
    .select(['person_id', 'username'])
    .where('kind', '=', 'link_person')
    .where('status', '=', 'pending')
    .execute();
  for (const l of links) if (l.person_id) out.set(l.person_id, `已有待确认的关联申请（账户 ${l.username}）`);
  const items = await pendingItems(db);
  for (const i of items) out.set(i.person_id, `已在待确认的批量申请中（账户 ${i.username}）`);
  return out;
}

export function pendingBatchItemOf(db: Executor, personId: string) {
  return db
    .selectFrom('account_batch_items as i')
    .innerJoin('account_batches as b', 'b.id', 'i.batch_id')
    .select(['i.username'])
    .where('i.person_id', '=', personId)
    .where('b.status', '=', 'pending')
    .executeTakeFirst();
}

function pendingItems(db: Executor) {
  return db
    .selectFrom('account_batch_items as i')
    .innerJoin('account_batches as b', 'b.id', 'i.batch_id')
    .select(['i.person_id', 'i.username'])
    .where('b.status', '=', 'pending')
    .execute();
}

/** Every username in use or promised: accounts, pending admin creations, pending batches. */
export async function takenUsernames(db: Executor): Promise<string[]> {
  const users = await db.selectFrom('users').select('username').execute();
  const creates = await db
    .selectFrom('account_requests')
    .select('username')
    .where('kind', '=', 'create_admin')
    .where('status', '=', 'pending')
    .execute();
  return [...users, ...creates, ...(await pendingItems(db))].map((r) => r.username);
}

export async function insertBatch(db: Executor, batch: BatchRow, items: NewBatchItemRow[]): Promise<void> {
  await db.insertInto('account_batches').values(batch).execute();
  for (const part of chunk(items, 200)) await db.insertInto('account_batch_items').values(part).execute();
}

export async function updateBatch(db: Executor, id: string, set: Updateable<AccountBatchesTable>): Promise<void> {
  await db.updateTable('account_batches').set(set).where('id', '=', id).execute();
}

export async function updateItem(
  db: Executor,
  batchId: string,
  seq: number,
  set: { code_hash?: string; outcome?: string; note?: string | null },
): Promise<void> {
  await db.updateTable('account_batch_items').set(set).where('batch_id', '=', batchId).where('seq', '=', seq).execute();
}

export function findBatch(db: Executor, id: string) {
  return db.selectFrom('account_batches').selectAll().where('id', '=', id).executeTakeFirst();
}

export function itemsOf(db: Executor, batchId: string) {
  return db.selectFrom('account_batch_items').selectAll().where('batch_id', '=', batchId).orderBy('seq').execute();
}

export function listBatches(db: Executor) {
  return db.selectFrom('account_batches').selectAll().orderBy('requested_at', 'desc').limit(200).execute();
}

/** Item counts per batch and outcome. */
export async function itemCounts(db: Executor, ids: string[]) {
  const out = new Map<string, { count: number; created: number; skipped: number }>();
  for (const part of chunk(ids, 500)) {
    const rows = await db
      .selectFrom('account_batch_items')
      .select(['batch_id', 'outcome', db.fn.countAll<number | string>().as('n')])
      .where('batch_id', 'in', part)
      .groupBy(['batch_id', 'outcome'])
      .execute();
    for (const r of rows) {
      const c = out.get(r.batch_id) ?? { count: 0, created: 0, skipped: 0 };
      const n = Number(r.n);
      c.count += n;
      if (r.outcome === 'created') c.created += n;
      if (r.outcome === 'skipped') c.skipped += n;
      out.set(r.batch_id, c);
    }
  }
  return out;
}

/** Mark a batch's half as taken, only if not taken yet and the batch is in the expected state. */
export function claimHalf(
  db: Executor,
  id: string,
  column: 'first_issued_at' | 'second_issued_at',
  status: string,
  now: string,
) {
  return db
    .updateTable('account_batches')
    .set({ [column]: now })
    .where('id', '=', id)
    .where(column, 'is', null)
    .where('status', '=', status)
    .executeTakeFirst();
}

/** Names of units, for describing a batch's scope. */
export function unitNames(db: Executor, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('units')
    .select('name')
    .where('id', 'in', [...ids])
    .execute();
}
