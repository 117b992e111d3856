/**
 * Real databases for tests: SQLite in memory, and PostgreSQL when BANZI_TEST_DATABASE_URL is set.
 * Each PostgreSQL test database is created from the maintenance connection and dropped after.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres, openSqlite, type DatabaseHandle, type Dialect } from '../src/server/db/connect.js';
import { PG_MAINTENANCE_URL } from './env.js';

export const DIALECTS: Dialect[] = PG_MAINTENANCE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase {
  handle: DatabaseHandle;
  /** Close and drop (PostgreSQL) the database */
  drop(): Promise<void>;
  url: string;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function maintenance<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_MAINTENANCE_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function createTestDatabase(dialect: Dialect, opts: { sqliteFile?: string } = {}): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const file = opts.sqliteFile ?? ':memory:';
    const handle = openSqlite(file);
    return { handle, url: file, drop: () => handle.close() };
  }
  if (!PG_MAINTENANCE_URL) throw new Error('BANZI_TEST_DATABASE_URL is not set');
  const name = `banzi_t_${randomBytes(6).toString('hex')}`;
  await maintenance((c) => c.query(`create database ${name}`));
  const url = withDatabase(PG_MAINTENANCE_URL, name);
  const handle = openPostgres(url, 10);
  return {
    handle,
    url,
    drop: async () => {
      await handle.close();
      await maintenance((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

import { describe } from 'vitest';

/**
 * Run a suite once per database: SQLite always, PostgreSQL when BANZI_TEST_DATABASE_URL is set
 * (otherwise the PostgreSQL copy shows as skipped).
 */
export function describeEachDialect(name: string, fn: (dialect: Dialect) => void): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const d = dialect === 'postgres' && !PG_MAINTENANCE_URL ? describe.skip : describe;
    d(`${name} [${dialect}]`, () => fn(dialect));
  }
}
