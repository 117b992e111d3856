/**
 * Dialect-neutral helpers: 0/1 booleans, JSON text, unique-violation detection, executors.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.js';

export type Executor = Kysely<Database> | Transaction<Database>;

export function toBool(v: number | null | undefined): boolean {
  return v === 1;
}

export function fromBool(v: boolean): 0 | 1 {
  return v ? 1 : 0;
}

export function toJson(v: unknown): string {
  return JSON.stringify(v);
}

export function fromJson<T>(v: string | null | undefined, fallback: T): T {
  if (v === null || v === undefined || v === '') return fallback;
  return JSON.parse(v) as T;
}

/** True for SQLite SQLITE_CONSTRAINT_UNIQUE / PRIMARYKEY and PostgreSQL 23505. */
export function isUniqueViolation(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown };
  return e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e.code === '23505';
}

/** True for SQLite SQLITE_CONSTRAINT_FOREIGNKEY and PostgreSQL 23503: a reference to a row that does not exist. */
export function isForeignKeyViolation(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown };
  return e.code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || e.code === '23503';
}

/** A count(*) value from either driver. */
export function toCount(v: unknown): number {
  return typeof v === 'number' ? v : Number(v ?? 0);
}

/** Split a list into chunks for IN (...) lists and batched inserts. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A trivial read that proves the database answers (the health check). */
export async function pingDatabase(db: Executor): Promise<void> {
  await db.selectFrom('app_meta').select('key').limit(1).execute();
}
