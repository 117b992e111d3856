/**
 * After-close cleanup for anonymous rows: evaluation ballots and secret meeting votes (issue 8 §7,
 * architecture.md "Anonymous ballots"). Closing rewrites the rows in random-key order inside its
 * transaction; these two functions make sure nothing of the earlier rows survives beside them:
 *
 * - `rewriteAnonymously(trx, dialect, fn)`, inside the closing transaction, around the rewrite:
 *   on SQLite `secure_delete` is on, so the deleted cells, freed pages and index entries are
 *   overwritten with zeros instead of staying readable in the file. (PostgreSQL keeps dead row
 *   versions until VACUUM: see below.)
 * - `cleanupAfterClose(ctx, tables)`, after the commit: SQLite checkpoints and truncates the WAL
 *   (its frames were written in voting order); PostgreSQL VACUUMs the tables, so no dead row
 *   version (with the xmin of the voting transaction) remains.
 */
import { sql } from 'kysely';
import type { AppContext } from '../context.js';
import type { Dialect } from '../db/connect.js';
import type { Executor } from '../db/helpers.js';

/** Run the rewrite of anonymous rows with SQLite's secure_delete on (restored afterwards). */
export async function rewriteAnonymously<T>(trx: Executor, dialect: Dialect, fn: () => Promise<T>): Promise<T> {
  if (dialect !== 'sqlite') return fn();
  await sql`pragma secure_delete = on`.execute(trx);
  try {
    return await fn();
  } finally {
    await sql`pragma secure_delete = off`.execute(trx);
  }
}

/** After the closing commit: no WAL frames (SQLite) or dead row versions (PostgreSQL) keep the voting order. */
export async function cleanupAfterClose(ctx: AppContext, tables: readonly string[]): Promise<void> {
  if (ctx.dialect === 'sqlite') {
    for (let i = 0; i < 5; i++) {
      const r = await sql<{ busy: number }>`pragma wal_checkpoint(TRUNCATE)`.execute(ctx.db);
      if (!r.rows[0]?.busy) return;
      await new Promise((res) => setTimeout(res, 50));
    }
    return;
  }
  await sql`vacuum ${sql.join(tables.map((t) => sql.table(t)))}`.execute(ctx.db);
}
