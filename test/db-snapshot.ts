/**
 * A cheap content digest of every table, to show that a refused request changed nothing.
 * Left out: the audit log (a refusal may be audited), sessions (they slide), rate-limiter state
 * (tables named *limit*, *attempt*, *lockout* or *_failures, and the login failure counters on users), migration
 * bookkeeping.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../src/server/db/connect.js';
import type { Database } from '../src/server/db/database.js';

const SKIP_TABLE = /^(audit_.*|sessions|kysely_migration.*)$|limit|attempt|lockout|_failures$/;
const SKIP_COLUMNS: Record<string, string[]> = { users: ['failed_logins', 'locked_until'] };

export type Snapshot = Map<string, string>;

function canonical(row: Record<string, unknown>, skip: string[]): string {
  const keys = Object.keys(row)
    .filter((k) => !skip.includes(k))
    .sort();
  return JSON.stringify(keys.map((k) => [k, row[k] instanceof Date ? row[k].toISOString() : String(row[k])]));
}

const tableLists = new WeakMap<Kysely<Database>, Promise<string[]>>();

/** The tables to digest (looked up once per database: the schema does not change during a test). */
function tablesOf(db: Kysely<Database>): Promise<string[]> {
  if (!tableLists.has(db)) {
    tableLists.set(
      db,
      db.introspection.getTables().then((ts) => ts.map((t) => t.name).filter((n) => !SKIP_TABLE.test(n))),
    );
  }
  return tableLists.get(db) as Promise<string[]>;
}

/** Table name -> digest of its rows (order-independent). */
export async function snapshot(db: Kysely<Database>, dialect: Dialect): Promise<Snapshot> {
  const tables = [...(await tablesOf(db))].sort();
  if (dialect === 'postgres') {
    // One round trip: each table's row count and the md5 of its rows as sorted JSON.
    const parts = tables.map((t) => {
      const drop = (SKIP_COLUMNS[t] ?? []).map((c) => ` - '${c}'`).join('');
      return `select '${t}' as name, count(*)::int as n, md5(coalesce(string_agg((to_jsonb(x)${drop})::text, '|' order by (to_jsonb(x)${drop})::text), '')) as h from "${t}" x`;
    });
    const { rows } = await sql.raw<{ name: string; n: number; h: string }>(parts.join(' union all ')).execute(db);
    return new Map(rows.map((r) => [r.name, `${r.n}:${r.h.slice(0, 16)}`]));
  }
  const out: Snapshot = new Map();
  for (const name of tables) {
    const rows = (await db
      .selectFrom(name as keyof Database)
      .selectAll()
      .execute()) as Record<string, unknown>[];
    const lines = rows.map((r) => canonical(r, SKIP_COLUMNS[name] ?? [])).sort();
    out.set(name, `${rows.length}:${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`);
  }
  return out;
}

/** The tables whose content differs, with row counts before -> after. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names]
    .filter((n) => before.get(n) !== after.get(n))
    .map((n) => `${n} (${before.get(n)?.split(':')[0] ?? '-'} -> ${after.get(n)?.split(':')[0] ?? '-'} rows)`);
}
