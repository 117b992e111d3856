/**
 * SQL snapshots (issue 9 §5): the compiled SQL of the queries that matter most, in each dialect,
 * checked in under `__sql__/` and compared here, so that a change to them shows in review: the
 * visibility predicate (who may see a person's record), the meeting tallies of a secret vote, and
 * the violation detectors' queries. A deliberate change: run with `-u` and commit the new files.
 * No database: a Kysely with the dialect's compiler and a driver that records the statements.
 */
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Dialect,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  flaggedItems,
  lastHeldDates,
  minutesCandidates,
  secretCounts,
} from '../modules/meetings/meetings.repository.js';
import { outsideDecisions } from '../modules/decisions/decisions.repository.js';
import { visiblePeople, type PeopleScope } from '../modules/people/people.repository.js';
import type { Database } from './database.js';
import type { Executor } from './helpers.js';

const DIALECTS: Record<'sqlite' | 'postgres', Dialect> = {
  sqlite: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
  postgres: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
};

/** The statements a query function runs, with their parameters, as one text. */
async function compiled(dialect: Dialect, run: (db: Executor) => Promise<unknown>): Promise<string> {
  const out: string[] = [];
  const db = new Kysely<Database>({
    dialect,
    log: (event) => {
      out.push(`${event.query.sql};\n-- parameters: ${JSON.stringify(event.query.parameters)}\n`);
    },
  });
  await run(db);
  await db.destroy();
  return out.join('\n');
}

const SCOPES: Record<string, PeopleScope> = {
  units_and_self: { unitIds: ['u1', 'u2'], selfId: 'p1' },
  units_only: { unitIds: ['u1'], selfId: null },
  self_only: { unitIds: [], selfId: 'p1' },
  nothing: { unitIds: [], selfId: null },
};

const QUERIES: Record<string, (db: Executor) => Promise<unknown>> = {
  ...Object.fromEntries(
    Object.entries(SCOPES).map(([name, scope]) => [
      `visible-people.${name}`,
      (db: Executor) =>
        db
          .selectFrom('people')
          .select('people.id')
          .where((eb) => visiblePeople(eb, scope))
          .execute(),
    ]),
  ),
  'meeting-tallies.secret-counts': (db) => secretCounts(db, 'mi1'),
  'violations.flagged-items': (db) => flaggedItems(db, ['u1', 'u2'], '2026-01-01', '2026-12-31'),
  'violations.minutes-candidates': (db) => minutesCandidates(db, ['u1'], '2026-06-01', '2026-01-01'),
  'violations.last-held-dates': (db) => lastHeldDates(db, ['u1', 'u2']),
  'violations.outside-decisions': (db) => outsideDecisions(db, ['u1'], '2026-01-01', '2026-12-31'),
};

describe('SQL snapshots', () => {
  for (const [dialectName, dialect] of Object.entries(DIALECTS)) {
    for (const [name, run] of Object.entries(QUERIES)) {
      it(`${name} [${dialectName}]`, async () => {
        await expect(await compiled(dialect, run)).toMatchFileSnapshot(`__sql__/${name}.${dialectName}.sql`);
      });
    }
  }
});
