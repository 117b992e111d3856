/**
 * Opens the database: an embedded SQLite file by default, PostgreSQL when a postgres:// URL is
 * given. SQLite runs in WAL mode with synchronous=FULL, foreign keys on and a busy timeout.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { AuditCommitHook, withAuditCommitHook } from '../platform/audit-commit.js';
import type { Database } from './database.js';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** SQLite only: the raw connection, for WAL checkpoints and file-level operations */
  sqlite?: SQLite.Database;
  /** Learns the audit head after each commit that moved it (for the checkpoints outside the database) */
  auditCommits: AuditCommitHook;
  close(): Promise<void>;
}

// int8 (count(*), bigint money columns) arrives as a string from pg: map it to a number.
// Values stay far below 2^53 (fen amounts, row counts).
pg.types.setTypeParser(20, (v: string) => Number(v));

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export function openSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const auditCommits = new AuditCommitHook();
  const db = new Kysely<Database>({
    dialect: withAuditCommitHook(new SqliteDialect({ database: sqlite }), auditCommits),
  });
  return { db, dialect: 'sqlite', sqlite, auditCommits, close: () => db.destroy() };
}

export function openPostgres(url: string, max = 10): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client that the server drops (restart, administrator command) must not crash the
  // process: the pool discards it and the next query opens a new connection.
  pool.on('error', (err) => console.error(`[banzi] PostgreSQL connection lost: ${err.message}`));
  const auditCommits = new AuditCommitHook();
  const db = new Kysely<Database>({ dialect: withAuditCommitHook(new PostgresDialect({ pool }), auditCommits) });
  return { db, dialect: 'postgres', auditCommits, close: () => db.destroy() };
}

/** A postgres:// URL opens PostgreSQL; anything else is a SQLite file path. */
export function openDatabase(target: string): DatabaseHandle {
  return isPostgresUrl(target) ? openPostgres(target) : openSqlite(target);
}
