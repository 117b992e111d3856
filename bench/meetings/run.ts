/**
 * Meetings and decisions benchmark (issue 3): with 700 units × 5 years of monthly meetings of 8
 * items, time over HTTP (the real routes, a real session) the unit-above violation report across
 * 100 units and a unit's decision list page, on SQLite (a file) and on PostgreSQL (a throwaway
 * database on BANZI_BENCH_DATABASE_URL or BANZI_TEST_DATABASE_URL, else the local default).
 * Prints the figures; asserts nothing (target: each under 300 ms).
 *   node bin/run-ts.mjs bench/meetings/run.ts [--units 700] [--per-parent 100] [--years 5] [--dialect sqlite|postgres|both] [--runs 10]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../../src/server/app.js';
import { bootstrap } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import { openPostgres, openSqlite, type DatabaseHandle } from '../../src/server/db/connect.js';
import { FixedClock } from '../../src/server/platform/clock.js';
import { newKeyring, sm3Hex } from '../../src/server/platform/crypto.js';
import { generate } from './generate.js';

const { values } = parseArgs({
  options: {
    units: { type: 'string', default: '700' },
    'per-parent': { type: 'string', default: '100' },
    years: { type: 'string', default: '5' },
    dialect: { type: 'string', default: 'both' },
    runs: { type: 'string', default: '10' },
  },
});
const UNITS = Number(values.units);
const PER_PARENT = Number(values['per-parent']);
const YEARS = Number(values.years);
const RUNS = Number(values.runs);
const PG_URL =
  process.env.BANZI_BENCH_DATABASE_URL ??
  process.env.BANZI_TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

interface Figure {
  label: string;
  median: number;
  p95: number;
  min: number;
  detail: string;
}

function stats(ms: number[]): { median: number; p95: number; min: number } {
  const s = [...ms].sort((a, b) => a - b);
  return {
    median: s[Math.floor(s.length / 2)] ?? 0,
    p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] ?? 0,
    min: s[0] ?? 0,
  };
}

async function runOn(dialect: 'sqlite' | 'postgres', handle: DatabaseHandle, dir: string): Promise<Figure[]> {
  const config = {
    ...loadConfig({ BANZI_DATA_DIR: dir }, process.cwd()),
    isDefaultDatabase: false,
    clientDir: '/nonexistent',
  };
  const { ctx } = await bootstrap(config, {
    handle,
    clock: new FixedClock('2026-06-08T02:00:00.000Z'),
    keyring: newKeyring(),
  });
  const t0 = performance.now();
  const w = await generate(ctx, { units: UNITS, perParent: PER_PARENT, years: YEARS, lastYear: 2026, lastMonth: 5 });
  await sql`analyze`.execute(ctx.db);
  console.log(
    `[${dialect}] generated ${UNITS} units × ${YEARS} years (${w.rows.toLocaleString()} rows) in ${Math.round((performance.now() - t0) / 1000)} s`,
  );
  const token = 'bench-session-token';
  const now = '2026-06-08T02:00:00.000Z';
  await ctx.db
    .insertInto('role_grants')
    .values({
      id: 'bench-grant',
      user_id: w.userId,
      role: 'personnel',
      unit_id: w.parentIds[0] as string,
      granted_by: 'bench',
      granted_at: now,
      revoked_by: null,
      revoked_at: null,
    })
    .execute();
  await ctx.db
    .insertInto('sessions')
    .values({
      id: sm3Hex(token),
      user_id: w.userId,
      csrf_token: 'bench',
      created_at: now,
      last_seen_at: now,
      idle_expires_at: '2099-01-01T00:00:00.000Z',
      absolute_expires_at: '2099-01-01T00:00:00.000Z',
      ip: null,
      user_agent: null,
    })
    .execute();
  const app = await buildApp(ctx);
  const get = async (url: string) => {
    const t = performance.now();
    const res = await app.inject({ method: 'GET', url, cookies: { banzi_session: token } });
    const ms = performance.now() - t;
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return { ms, body: res.json<Record<string, unknown>>() };
  };
  const measure = async (
    label: string,
    url: string,
    detail: (b: Record<string, unknown>) => string,
  ): Promise<Figure> => {
    await get(url);
    await get(url);
    const ms: number[] = [];
    let last: Record<string, unknown> = {};
    for (let i = 0; i < RUNS; i++) {
      const r = await get(url);
      ms.push(r.ms);
      last = r.body;
    }
    const s = stats(ms);
    return { label, ...s, detail: detail(last) };
  };
  const parent = w.parentIds[0] as string;
  const unit = w.unitIds[Math.floor(Math.min(PER_PARENT, w.unitIds.length) / 2)] as string;
  const figures = [
    await measure(
      `violation report, unit above (${PER_PARENT} units)`,
      `/api/decisions/violations?unitId=${parent}&scope=below&pageSize=50`,
      (b) => `${(b.units as unknown[]).length} units, ${String(b.total)} findings`,
    ),
    await measure(
      'violation report, last 12 months (100 units)',
      `/api/decisions/violations?unitId=${parent}&scope=below&from=2025-06-01&pageSize=50`,
      (b) => `${String(b.total)} findings`,
    ),
    await measure(
      'decision list, first page (50)',
      `/api/decisions?unitId=${unit}&pageSize=50`,
      (b) => `${String(b.total)} decisions`,
    ),
    await measure(
      'decision list, one year, page 2',
      `/api/decisions?unitId=${unit}&year=2024&page=2&pageSize=50`,
      (b) => `${String(b.total)} decisions in 2024`,
    ),
    await measure(
      'meeting list, first page (20)',
      `/api/meetings?unitId=${unit}&pageSize=20`,
      (b) => `${String(b.total)} meetings`,
    ),
  ];
  await app.close();
  return figures;
}

async function main(): Promise<void> {
  const results: [string, Figure[]][] = [];
  if (values.dialect !== 'postgres') {
    const dir = mkdtempSync(join(tmpdir(), 'banzi-bench-meetings-'));
    const handle = openSqlite(join(dir, 'bench.db'));
    try {
      results.push(['SQLite', await runOn('sqlite', handle, dir)]);
    } finally {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (values.dialect !== 'sqlite') {
    const name = `banzi_bench_meetings_${process.pid}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    const handle = openPostgres(url.toString());
    const dir = mkdtempSync(join(tmpdir(), 'banzi-bench-meetings-'));
    try {
      results.push(['PostgreSQL', await runOn('postgres', handle, dir)]);
    } finally {
      await handle.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(
    `\nMeetings and decisions benchmark: ${UNITS} units, ${YEARS} years, ~12 meetings a year, 8 items each; ${RUNS} runs after 2 warm-ups (ms over HTTP inject)`,
  );
  console.log('database     query                                          median    p95    min   result');
  for (const [db, figs] of results) {
    for (const f of figs) {
      console.log(
        `${db.padEnd(12)} ${f.label.padEnd(46)} ${f.median.toFixed(1).padStart(7)} ${f.p95.toFixed(1).padStart(6)} ${f.min.toFixed(1).padStart(6)}   ${f.detail}`,
      );
    }
  }
}

await main();
