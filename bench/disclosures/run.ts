/**
 * Disclosures benchmarks: a draw over 20,000 reporters, classifying 1,000 checked reports, and
 * the statistics page for 700 units; on SQLite (a file) and on PostgreSQL when
 * BANZI_BENCH_DATABASE_URL or BANZI_TEST_DATABASE_URL points at a server (a throwaway database is
 * created and dropped). Prints the figures; asserts nothing.
 *   node bin/run-ts.mjs bench/disclosures/run.ts [--units 700] [--per-unit 29] [--checks 1000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { bootstrap } from '../../src/server/bootstrap.js';
import { AuditCommitHook, withAuditCommitHook } from '../../src/server/platform/audit-commit.js';
import { loadConfig } from '../../src/server/config.js';
import type { AppContext } from '../../src/server/context.js';
import { Kysely, PostgresDialect } from 'kysely';
import { openSqlite, type DatabaseHandle } from '../../src/server/db/connect.js';
import type { Database } from '../../src/server/db/database.js';
import type { Actor } from '../../src/server/http/actor.js';
import { FixedClock } from '../../src/server/platform/clock.js';
import { newKeyring } from '../../src/server/platform/crypto.js';
import { uuidv7 } from '../../src/server/platform/random.js';
import { classifyItems } from '../../src/server/modules/disclosures/disclosures.classify.js';
import { field, seal, unseal, type ReportPayload } from '../../src/server/modules/disclosures/disclosures.shared.js';
import * as classify from '../../src/server/modules/disclosures/classify.service.js';
import * as draws from '../../src/server/modules/disclosures/draws.service.js';
import { statistics } from '../../src/server/modules/disclosures/stats.service.js';
import { benchItems, benchRegistry, generate } from './generate.js';

const { values } = parseArgs({
  options: {
    units: { type: 'string', default: '700' },
    'per-unit': { type: 'string', default: '29' },
    checks: { type: 'string', default: '1000' },
  },
});
const UNITS = Number(values.units);
const PER_UNIT = Number(values['per-unit']);
const CHECKS = Number(values.checks);
const META = { ip: null, userAgent: 'bench', requestId: null };

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: Math.round(performance.now() - t), value };
}

async function runOn(label: string, handle: DatabaseHandle, dir: string): Promise<Record<string, number>> {
  const config = { ...loadConfig({ BANZI_DATA_DIR: dir }, process.cwd()), isDefaultDatabase: false };
  const { ctx } = await bootstrap(config, {
    handle,
    clock: new FixedClock('2026-06-08T02:00:00.000Z'),
    keyring: newKeyring(),
  });
  const t0 = performance.now();
  const w = await generate(ctx, { units: UNITS, perUnit: PER_UNIT, year: 2026, statsChecksPerUnit: 3 });
  console.log(
    `[${label}] generated ${UNITS} units, ${w.personIds.length} reporters in ${Math.round(performance.now() - t0)} ms`,
  );
  const actor: Actor = {
    userId: w.personnelUserId,
    username: 'bench',
    displayName: '基准人事处',
    personId: null,
    adminRole: null,
    roles: [{ role: 'personnel', unitId: w.officeUnitId }],
    ownUnitIds: [w.officeUnitId],
    managed: w.unitIds.map((unitId) => ({ unitId, roles: ['personnel' as const] })),
    sessionId: 'b',
    csrfToken: 'b',
    mustChangePassword: false,
  };
  const out: Record<string, number> = {};
  const prepare = await time(
    async () => (await draws.prepareDraw(ctx, actor, { unitId: w.officeUnitId, year: 2025, ratio: 0.1 }, META)).id,
  );
  out.prepareDraw = prepare.ms;
  out.publishDraw = (await time(() => draws.publishDraw(ctx, actor, prepare.value, META))).ms;
  const drawn = await time(() => draws.performDraw(ctx, actor, prepare.value, '基准公开随机值 12 34 56', META));
  out.draw = drawn.ms;
  out.drawnCount = drawn.value.length;
  out.verifyDraw = (await time(() => draws.verifyDraw(ctx, actor, prepare.value, META))).ms;
  // 1,000 checks of reports with real (encrypted) contents, then the registry results entered.
  const ids = await prepareChecks(ctx, w.personIds.slice(0, CHECKS), w.personnelUserId);
  out.classifyPure = (
    await time(async () => {
      for (const [i] of ids.entries()) {
        classifyItems(
          unseal<ReportPayload>(
            ctx,
            seal(
              ctx,
              { items: benchItems(i), relatives: [], notes: null },
              field('disclosure_reports', 'payload_enc', 'x'),
            ),
            field('disclosure_reports', 'payload_enc', 'x'),
          ).items,
          benchRegistry(i),
        );
      }
    })
  ).ms;
  out.classifyBatch = (
    await time(() =>
      classify.enterRegistryBatch(
        ctx,
        actor,
        ids.map((checkId, i) => ({ checkId, items: benchRegistry(i), assets: null })),
        META,
      ),
    )
  ).ms;
  const stats = await time(() => statistics(ctx, actor, w.officeUnitId, 2026));
  out.statsUnits = stats.value.rows.length;
  out.stats = stats.ms;
  out.statsWarm = (await time(() => statistics(ctx, actor, w.officeUnitId, 2026))).ms;
  return out;
}

async function prepareChecks(ctx: AppContext, personIds: string[], by: string): Promise<string[]> {
  const reports = await ctx.db
    .selectFrom('disclosure_reports')
    .select(['id', 'person_id', 'unit_id'])
    .where('year', '=', 2026)
    .execute();
  const byPerson = new Map(reports.map((r) => [r.person_id, r]));
  const ids: string[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    for (const [i, pid] of personIds.entries()) {
      const r = byPerson.get(pid);
      if (!r) continue;
      await trx
        .updateTable('disclosure_reports')
        .set({
          payload_enc: seal(
            ctx,
            { items: benchItems(i), relatives: [], notes: null },
            field('disclosure_reports', 'payload_enc', r.id),
          ),
        })
        .where('id', '=', r.id)
        .execute();
      const id = uuidv7(ctx.random);
      ids.push(id);
      await trx
        .insertInto('disclosure_checks')
        .values({
          id,
          person_id: pid,
          unit_id: r.unit_id,
          year: 2026,
          kind: 'targeted',
          trigger: null,
          reason_enc: null,
          draw_id: null,
          report_id: r.id,
          report_version: 0,
          status: 'pending',
          registry_enc: null,
          result: null,
          assets_flag: 0,
          created_by: by,
          created_at: '2026-06-01T00:00:00.000Z',
          checked_by: null,
          checked_at: null,
        })
        .execute();
    }
  });
  return ids;
}

const results: Record<string, Record<string, number>> = {};
const dir = mkdtempSync(join(tmpdir(), 'banzi-bench-'));
try {
  results.sqlite = await runOn('sqlite', openSqlite(join(dir, 'bench.db')), dir);
  const pgUrl = process.env.BANZI_BENCH_DATABASE_URL ?? process.env.BANZI_TEST_DATABASE_URL;
  if (pgUrl) {
    const name = `banzi_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const u = new URL(pgUrl);
    u.pathname = `/${name}`;
    // Our own pool, so an idle connection closed by the server is logged instead of crashing the run.
    const pool = new pg.Pool({ connectionString: u.toString(), max: 10 });
    pool.on('error', (e) => console.error(`[postgres] idle connection closed: ${e.message}`));
    const auditCommits = new AuditCommitHook();
    const db = new Kysely<Database>({ dialect: withAuditCommitHook(new PostgresDialect({ pool }), auditCommits) });
    const handle: DatabaseHandle = { db, dialect: 'postgres', auditCommits, close: () => db.destroy() };
    try {
      results.postgres = await runOn('postgres', handle, dir);
    } finally {
      await handle.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  } else {
    console.log('PostgreSQL skipped: set BANZI_BENCH_DATABASE_URL (or BANZI_TEST_DATABASE_URL) to run it too.');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const rows: [string, string, number][] = [
  ['draw over the eligible reporters (select, reveal, open the random checks)', 'draw', 1000],
  ['  prepare (population over all units, seed, commitment)', 'prepareDraw', 0],
  ['  publish', 'publishDraw', 0],
  ['  verify (recompute from the JSON file)', 'verifyDraw', 0],
  [`classify ${CHECKS} checked reports (decrypt, PM-08, cases, one batch)`, 'classifyBatch', 2000],
  ['  of which the pure comparison', 'classifyPure', 0],
  [`statistics page for ${UNITS} units`, 'stats', 500],
  ['  again (warm)', 'statsWarm', 0],
];
console.log(
  `\nDisclosures benchmark: ${UNITS} units × ${PER_UNIT} reporters = ${UNITS * PER_UNIT} reporters; drawn ${results.sqlite?.drawnCount ?? '?'}`,
);
console.log(
  `${'measure'.padEnd(72)}${Object.keys(results)
    .map((k) => k.padStart(10))
    .join('')}   target`,
);
for (const [label, key, target] of rows) {
  console.log(
    `${label.padEnd(72)}${Object.values(results)
      .map((r) => `${r[key] ?? '-'} ms`.padStart(10))
      .join('')}   ${target ? `< ${target} ms` : ''}`,
  );
}
