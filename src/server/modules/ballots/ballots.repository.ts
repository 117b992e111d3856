/**
 * Ballots queries. Functions take an executor first; those that lock require a transaction.
 * No business decisions here.
 */
import { sql, type Transaction } from 'kysely';
import type { Category, Questionnaire, SmallGroupPolicy, Tally } from '../../../common/contracts/ballots.js';
import type { Finding } from '../../../common/rules/types.js';
import type { Database } from '../../db/database.js';
import type { Dialect } from '../../db/connect.js';
import { chunk, fromJson, toCount, type Executor } from '../../db/helpers.js';
import type { BallotSessionRow, BallotSessionsTable } from './ballots.table.js';

export interface Session {
  id: string;
  unitId: string;
  kind: 'team_evaluation' | 'member_evaluation' | 'recommendation';
  title: string;
  year: number;
  status: 'draft' | 'open' | 'closed';
  questionnaire: Questionnaire;
  categories: Category[];
  minGroupSize: number;
  smallGroupPolicy: SmallGroupPolicy;
  opensAt: string;
  closesAt: string;
  openedAt: string | null;
  closedAt: string | null;
  settingsDigest: string | null;
  results: Tally | null;
  /** Set at closing, when the code hashes are deleted */
  closingCounts: ClosingCounts | null;
  findings: Finding[];
  createdBy: string;
}

/** Per category: codes issued, codes used, logged-in voters who voted. */
export interface ClosingCounts {
  issued: Record<string, number>;
  spent: Record<string, number>;
  loginVoted: Record<string, number>;
}

export function toSession(r: BallotSessionRow): Session {
  return {
    id: r.id,
    unitId: r.unit_id,
    kind: r.kind as Session['kind'],
    title: r.title,
    year: r.year,
    status: r.status as Session['status'],
    questionnaire: fromJson(r.questionnaire, { intro: '', questions: [] }),
    categories: fromJson(r.categories, []),
    minGroupSize: r.min_group_size,
    smallGroupPolicy: r.small_group_policy as SmallGroupPolicy,
    opensAt: r.opens_at,
    closesAt: r.closes_at,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    settingsDigest: r.settings_digest,
    results: fromJson<Tally | null>(r.results, null),
    closingCounts: fromJson<ClosingCounts | null>(r.closing_counts, null),
    findings: fromJson(r.findings, []),
    createdBy: r.created_by,
  };
}

export async function findSession(db: Executor, id: string): Promise<Session | undefined> {
  const r = await db.selectFrom('ballot_sessions').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toSession(r) : undefined;
}

/** The session row locked for a state change (FOR UPDATE on PostgreSQL; SQLite serializes writers). */
export async function lockSession(
  trx: Transaction<Database>,
  id: string,
  dialect: Dialect,
  mode: 'update' | 'share',
): Promise<Session | undefined> {
  let q = trx.selectFrom('ballot_sessions').selectAll().where('id', '=', id);
  if (dialect === 'postgres') q = mode === 'update' ? q.forUpdate() : q.forShare();
  const r = await q.executeTakeFirst();
  return r ? toSession(r) : undefined;
}

/** Only the state of a session, locked for the length of a ballot's transaction (shared on PostgreSQL, so ballots run side by side and closing waits for them). */
export async function lockSessionState(trx: Transaction<Database>, id: string, dialect: Dialect) {
  let q = trx.selectFrom('ballot_sessions').select(['status', 'opens_at', 'closes_at']).where('id', '=', id);
  if (dialect === 'postgres') q = q.forShare();
  const r = await q.executeTakeFirst();
  return r ? { status: r.status as Session['status'], opensAt: r.opens_at, closesAt: r.closes_at } : undefined;
}

export async function listSessions(
  db: Executor,
  unitIds: string[],
  filter: { unitId?: string | undefined; year?: number | undefined },
) {
  if (!unitIds.length) return [];
  let q = db
    .selectFrom('ballot_sessions')
    .innerJoin('units', 'units.id', 'ballot_sessions.unit_id')
    .select([
      'ballot_sessions.id',
      'ballot_sessions.unit_id',
      'units.name as unit_name',
      'ballot_sessions.kind',
      'ballot_sessions.title',
      'ballot_sessions.year',
      'ballot_sessions.status',
      'ballot_sessions.opens_at',
      'ballot_sessions.closes_at',
      'ballot_sessions.opened_at',
      'ballot_sessions.closed_at',
    ])
    .where('ballot_sessions.unit_id', 'in', unitIds);
  if (filter.unitId) q = q.where('ballot_sessions.unit_id', '=', filter.unitId);
  if (filter.year) q = q.where('ballot_sessions.year', '=', filter.year);
  return q.orderBy('ballot_sessions.opens_at', 'desc').execute();
}

export async function insertSession(db: Executor, row: BallotSessionsTable): Promise<void> {
  await db.insertInto('ballot_sessions').values(row).execute();
}

export async function updateSession(db: Executor, id: string, patch: Partial<BallotSessionsTable>): Promise<void> {
  await db.updateTable('ballot_sessions').set(patch).where('id', '=', id).execute();
}

export async function unitName(db: Executor, id: string): Promise<string> {
  return (await db.selectFrom('units').select('name').where('id', '=', id).executeTakeFirst())?.name ?? '';
}

// ── codes ──

export async function insertCodes(
  trx: Transaction<Database>,
  rows: { code_hash: string; session_id: string; category: string }[],
): Promise<void> {
  for (const part of chunk(rows, 200)) {
    await trx
      .insertInto('ballot_codes')
      .values(part.map((r) => ({ ...r, spent: 0 })))
      .execute();
  }
}

/** Codes issued per category. */
export async function codesIssued(db: Executor, sessionId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('ballot_codes')
    .select(['category', (eb) => eb.fn.countAll().as('n')])
    .where('session_id', '=', sessionId)
    .groupBy('category')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.category, toCount(r.n)]));
}

/** Spend a code of this session if it is unspent; its category, or undefined when it cannot be spent. */
export async function spendCode(
  trx: Transaction<Database>,
  sessionId: string,
  codeHash: string,
): Promise<string | undefined> {
  const r = await trx
    .updateTable('ballot_codes')
    .set({ spent: 1 })
    .where('code_hash', '=', codeHash)
    .where('session_id', '=', sessionId)
    .where('spent', '=', 0)
    .returning('category')
    .executeTakeFirst();
  return r?.category;
}

/**
 * Spend many codes with one statement; returns 'session\ncodeHash' -> category for those spent now.
 * A code already spent, unknown, or of another session is simply not in the answer.
 */
export async function spendCodes(
  trx: Transaction<Database>,
  items: { sessionId: string; codeHash: string }[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const bySession = new Map<string, string[]>();
  for (const i of items) bySession.set(i.sessionId, [...(bySession.get(i.sessionId) ?? []), i.codeHash]);
  for (const [sessionId, hashes] of bySession) {
    for (const part of chunk([...new Set(hashes)], 500)) {
      // `session_id || ''` keeps SQLite's planner on the primary key (it would scan the session's index)
      const rows = await trx
        .updateTable('ballot_codes')
        .set({ spent: 1 })
        .where('code_hash', 'in', part)
        .where(sql<string>`${sql.ref('session_id')} || ''`, '=', sessionId)
        .where('spent', '=', 0)
        .returning(['code_hash', 'category'])
        .execute();
      for (const r of rows) out.set(`${sessionId}\n${r.code_hash}`, r.category);
    }
  }
  return out;
}

export async function insertBallots(
  trx: Transaction<Database>,
  rows: { id: string; session_id: string; category: string; answers: string; receipt: string }[],
): Promise<void> {
  for (const part of chunk(rows, 500)) await trx.insertInto('ballots').values(part).execute();
}

export async function findCode(db: Executor, codeHash: string) {
  return db
    .selectFrom('ballot_codes')
    .select(['session_id', 'category', 'spent'])
    .where('code_hash', '=', codeHash)
    .executeTakeFirst();
}

// ── participation ──

/** Spent codes and login voters per category: how many voted, never what. */
export async function participationCounts(db: Executor, sessionId: string): Promise<ClosingCounts> {
  const [codes, voters] = await Promise.all([
    db
      .selectFrom('ballot_codes')
      .select(['category', 'spent', (eb) => eb.fn.countAll().as('n')])
      .where('session_id', '=', sessionId)
      .groupBy(['category', 'spent'])
      .execute(),
    db
      .selectFrom('ballot_voters')
      .select(['category', (eb) => eb.fn.countAll().as('n')])
      .where('session_id', '=', sessionId)
      .groupBy('category')
      .execute(),
  ]);
  return {
    issued: codes.reduce<Record<string, number>>(
      (m, r) => ({ ...m, [r.category]: (m[r.category] ?? 0) + toCount(r.n) }),
      {},
    ),
    spent: codes
      .filter((r) => r.spent === 1)
      .reduce<Record<string, number>>((m, r) => ({ ...m, [r.category]: toCount(r.n) }), {}),
    loginVoted: Object.fromEntries(voters.map((r) => [r.category, toCount(r.n)])),
  };
}

export async function findVoter(db: Executor, sessionId: string, personId: string) {
  return db
    .selectFrom('ballot_voters')
    .select('id')
    .where('session_id', '=', sessionId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export async function votedSessionIds(db: Executor, personId: string, sessionIds: string[]): Promise<Set<string>> {
  if (!sessionIds.length) return new Set();
  const rows = await db
    .selectFrom('ballot_voters')
    .select('session_id')
    .where('person_id', '=', personId)
    .where('session_id', 'in', sessionIds)
    .execute();
  return new Set(rows.map((r) => r.session_id));
}

// ── ballots ──

export async function insertBallot(
  trx: Transaction<Database>,
  row: { id: string; session_id: string; category: string; answers: string; receipt: string },
): Promise<void> {
  await trx.insertInto('ballots').values(row).execute();
}

export async function countBallots(db: Executor, sessionId: string): Promise<number> {
  const r = await db
    .selectFrom('ballots')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  return toCount(r?.n);
}

export async function receiptsOf(db: Executor, sessionId: string): Promise<string[]> {
  return (
    await db.selectFrom('ballots').select('receipt').where('session_id', '=', sessionId).orderBy('receipt').execute()
  ).map((r) => r.receipt);
}

/**
 * At closing: rewrite ballots and logged-in voters in random-key order (delete, then insert sorted
 * by key), so no physical order, row version or page layout left over from voting says who voted
 * when; delete the code hashes, no longer needed, after counting them. PostgreSQL moves the rows
 * inside the server (a data-modifying WITH); SQLite, in process anyway, through memory.
 * Returns the stored ballots for the tally and the counts.
 */
export async function scrubAnonymousRows(
  trx: Transaction<Database>,
  dialect: Dialect,
  sessionId: string,
): Promise<{ ballots: { category: string; answers: string }[]; counts: ClosingCounts }> {
  const counts = await participationCounts(trx, sessionId);
  await trx.deleteFrom('ballot_codes').where('session_id', '=', sessionId).execute();
  if (dialect === 'postgres') {
    for (const [table, key, cols] of [
      ['ballots', 'id', 'id, session_id, category, answers, receipt'],
      ['ballot_voters', 'id', 'id, session_id, person_id, category'],
    ] as const) {
      await sql`with d as (delete from ${sql.table(table)} where session_id = ${sessionId} returning ${sql.raw(cols)})
        insert into ${sql.table(table)} (${sql.raw(cols)}) select ${sql.raw(cols)} from d order by ${sql.ref(key)}`.execute(
        trx,
      );
    }
    return {
      ballots: await trx
        .selectFrom('ballots')
        .select(['category', 'answers'])
        .where('session_id', '=', sessionId)
        .execute(),
      counts,
    };
  }
  const ballots = await trx
    .selectFrom('ballots')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('id')
    .execute();
  const voters = await trx
    .selectFrom('ballot_voters')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('id')
    .execute();
  await trx.deleteFrom('ballots').where('session_id', '=', sessionId).execute();
  await trx.deleteFrom('ballot_voters').where('session_id', '=', sessionId).execute();
  for (const part of chunk(ballots, 1000)) await trx.insertInto('ballots').values(part).execute();
  for (const part of chunk(voters, 2000)) await trx.insertInto('ballot_voters').values(part).execute();
  return { ballots, counts };
}

/** The failed-code counter of an address (its HMAC), if any. */
export function findCodeFailure(db: Executor, hash: string) {
  return db
    .selectFrom('ballot_code_failures')
    .select(['failures', 'last_failure_at', 'expires_at'])
    .where('address_hash', '=', hash)
    .executeTakeFirst();
}

/** Store the new row; a live row is incremented in the database, so concurrent failures all count. */
export async function saveCodeFailure(
  db: Executor,
  hash: string,
  row: { failures: number; last_failure_at: string; expires_at: string },
  live: boolean,
): Promise<void> {
  await db
    .insertInto('ballot_code_failures')
    .values({ address_hash: hash, ...row })
    .onConflict((oc) =>
      oc.column('address_hash').doUpdateSet((eb) => ({
        failures: live ? eb('ballot_code_failures.failures', '+', 1) : row.failures,
        last_failure_at: row.last_failure_at,
        expires_at: row.expires_at,
      })),
    )
    .execute();
}

/** Forget counters that have expired. */
export async function sweepCodeFailures(db: Executor, before: string): Promise<void> {
  await db.deleteFrom('ballot_code_failures').where('expires_at', '<=', before).execute();
}
