/**
 * Ballots benchmark (issue 4), on SQLite and on PostgreSQL: a session of 2,000 codes and ballots
 * of 30 answers, the server and the load client as separate processes on 127.0.0.1.
 *   burst: 500 concurrent clients until every code is spent (target: all accepted within 10 s), each
 *          phone first opening the voting page (HTML, scripts, stylesheet, session) with an empty cache
 *   page:  the voting page's weight from the build manifest and as measured in the burst (bytes per voter)
 *   hall:  200 ballots a second (target: p99 under 200 ms)
 *   close: closing and tallying 2,000 ballots (target: under 200 ms)
 *   crash: kill -9 the server mid-burst, restart; every acknowledged ballot is there, no code twice
 * Prints every figure; exits 1 only when a ballot is lost or counted twice.
 *   node bin/run-ts.mjs bench/ballots/run.ts [--dialect sqlite|postgres|both] [--codes 2000]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../../src/server/db/connect.js';
import { toCount } from '../../src/server/db/helpers.js';
import { slipsDocx } from '../../src/server/modules/ballots/ballots.slips.js';
import { newKeyring } from '../../src/server/platform/crypto.js';
import { kB, votePageWeight } from '../../scripts/page-weight.js';
import { benchConfig, OFFICE_USER, prepare } from './setup.js';

const ROOT = resolve(import.meta.dirname, '../..');
/** The built UI the benchmark's server sends (the voting page and its assets) */
const CLIENT_DIR = join(ROOT, 'dist/client');
const { values: args } = parseArgs({
  options: { dialect: { type: 'string', default: 'both' }, codes: { type: 'string', default: '2000' } },
});
const CODES = Number(args.codes);
const PG_URL =
  process.env.BANZI_BENCH_DATABASE_URL ??
  process.env.BANZI_TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

interface LoadResult {
  pageLoads: number;
  pageBytes: number;
  accepted: number;
  statuses: Record<string, number>;
  errors: number;
  elapsedMs: number;
  throughput: number;
  p50: number;
  p99: number;
  max: number;
  receipts: string[];
  ackedCodes: string[];
}
const figures: string[] = [];
let failed = false;
const say = (line: string) => {
  console.log(line);
  figures.push(line);
};
const check = (ok: boolean, line: string) => {
  if (!ok) failed = true;
  say(`  ${ok ? '✓' : '✗'} ${line}`);
};

function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => res(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function waitHealthy(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start in 30 s');
}

function startServer(env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [join(ROOT, 'bin/banzi.mjs'), 'serve'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((res) => {
    if (child.exitCode !== null || child.signalCode !== null) return res();
    child.once('exit', () => res());
    child.kill(signal);
  });
}

function runLoad(dir: string, name: string, flags: string[], onLine?: (line: string) => void): Promise<LoadResult> {
  const out = join(dir, `load-${name}.json`);
  return new Promise((res, rej) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin/run-ts.mjs'), join(ROOT, 'bench/ballots/load.ts'), ...flags, '--out', out],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.startsWith('acked')) onLine?.(line);
        else console.log(`  ${line}`);
      }
    });
    child.on('exit', (code) =>
      code === 0
        ? res(JSON.parse(readFileSync(out, 'utf8')) as LoadResult)
        : rej(new Error(`load client exited ${code}`)),
    );
  });
}

async function officeLogin(base: string, password: string) {
  const s = await fetch(`${base}/api/auth/session`);
  const csrf = ((await s.json()) as { csrfToken: string }).csrfToken;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie: `banzi_csrf=${csrf}` },
    body: JSON.stringify({ username: OFFICE_USER, password }),
  });
  const session = (login.headers.getSetCookie().find((c) => c.startsWith('banzi_session=')) ?? '').split(';')[0] ?? '';
  const token = ((await login.json()) as { csrfToken: string }).csrfToken;
  return async (sessionId: string) => {
    const t = performance.now();
    const r = await fetch(`${base}/api/ballots/sessions/${sessionId}/close`, {
      method: 'POST',
      headers: { 'x-csrf-token': token, cookie: session },
    });
    const ms = performance.now() - t;
    const body = (await r.json()) as { tally?: { totalBallots: number } };
    return { ms, status: r.status, total: body.tally?.totalBallots ?? -1 };
  };
}

async function stored(database: string, sessionId: string) {
  const h = openDatabase(database);
  try {
    const ballots = await h.db.selectFrom('ballots').select('receipt').where('session_id', '=', sessionId).execute();
    const spent = await h.db
      .selectFrom('ballot_codes')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('session_id', '=', sessionId)
      .where('spent', '=', 1)
      .executeTakeFirst();
    return { receipts: new Set(ballots.map((b) => b.receipt)), ballots: ballots.length, spent: toCount(spent?.n) };
  } finally {
    await h.close();
  }
}

async function benchDialect(dialect: 'sqlite' | 'postgres'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `banzi-bench-${dialect}-`));
  const pgName = `banzi_bench_${Date.now()}`;
  let database = join(dir, 'bench.db');
  if (dialect === 'postgres') {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`create database ${pgName}`);
    await c.end();
    const u = new URL(PG_URL);
    u.pathname = `/${pgName}`;
    database = u.toString();
  }
  const keyring = newKeyring();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    BANZI_KEY: JSON.stringify(keyring),
    BANZI_PORT: String(port),
    BANZI_HOST: '127.0.0.1',
    BANZI_DATA_DIR: dir,
    BANZI_CLIENT_DIR: CLIENT_DIR,
    BANZI_PUBLIC_URL: base,
    ...(dialect === 'postgres' ? { BANZI_DATABASE_URL: database } : { BANZI_DB_FILE: database }),
  };
  let server: ChildProcess | undefined;
  try {
    say(
      `\n== ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: ${CODES} codes, 30 answers a ballot (machine load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}) ==`,
    );
    const prep = await prepare(benchConfig(database, dir, keyring, port), ['burst', 'hall', 'crash'], CODES, dir);
    const s = Object.fromEntries(prep.sessions.map((x) => [x.name, x]));
    server = startServer(env);
    await waitHealthy(base, server);
    const close = await officeLogin(base, prep.officePassword);

    const burst = await runLoad(dir, 'burst', [
      '--base',
      base,
      '--session',
      s.burst?.id ?? '',
      '--codes',
      s.burst?.codesFile ?? '',
      '--mode',
      'burst',
      '--concurrency',
      '500',
      '--assets',
    ]);
    const b = await stored(database, s.burst?.id ?? '');
    say(
      `burst: ${burst.accepted} accepted in ${(burst.elapsedMs / 1000).toFixed(2)} s, ${burst.throughput} ballots/s, p50 ${burst.p50} ms, p99 ${burst.p99} ms (max ${burst.max} ms) for the ballot itself; every phone opened the voting page first`,
    );
    const perVoter = burst.pageLoads ? burst.pageBytes / burst.pageLoads : 0;
    say(
      `page in the burst: ${burst.pageLoads} voting pages loaded, ${kB(perVoter)} a voter as Banzi sends it (uncompressed), ${((perVoter * CODES) / 1e6).toFixed(1)} MB for ${CODES} voters`,
    );
    check(burst.accepted === CODES && burst.elapsedMs <= 10_000, `all ${CODES} accepted within 10 s`);
    check(
      b.ballots === CODES && b.spent === CODES && burst.receipts.every((r) => b.receipts.has(r)),
      `stored ${b.ballots} ballots, ${b.spent} codes spent: none lost, none counted twice`,
    );
    const cb = await close(s.burst?.id ?? '');
    say(
      `close and tally ${cb.total} ballots: ${cb.ms.toFixed(1)} ms (HTTP round trip, includes rewrite in key order and ${dialect === 'sqlite' ? 'WAL checkpoint' : 'VACUUM'})`,
    );
    check(cb.status === 200 && cb.total === CODES, 'closed with every ballot tallied');

    const hall = await runLoad(dir, 'hall', [
      '--base',
      base,
      '--session',
      s.hall?.id ?? '',
      '--codes',
      s.hall?.codesFile ?? '',
      '--mode',
      'hall',
      '--rate',
      '200',
      '--concurrency',
      '200',
    ]);
    say(
      `hall: 200 ballots/s for ${(hall.elapsedMs / 1000).toFixed(1)} s: ${hall.accepted} accepted, p50 ${hall.p50} ms, p99 ${hall.p99} ms (max ${hall.max} ms)`,
    );
    check(hall.accepted === CODES, `all ${CODES} accepted`);
    const ch = await close(s.hall?.id ?? '');
    say(`close and tally ${ch.total} ballots: ${ch.ms.toFixed(1)} ms`);

    // crash: kill -9 in the middle of a burst
    const crash = s.crash;
    let killedAt = 0;
    const live = server;
    const first = await runLoad(
      dir,
      'crash-1',
      [
        '--base',
        base,
        '--session',
        crash?.id ?? '',
        '--codes',
        crash?.codesFile ?? '',
        '--mode',
        'burst',
        '--concurrency',
        '500',
        '--stop-on-error',
        '--progress',
      ],
      (line) => {
        const n = Number(line.split(' ')[1]);
        if (!killedAt && n >= CODES * 0.4) {
          killedAt = n;
          live.kill('SIGKILL');
        }
      },
    );
    await stop(live, 'SIGKILL');
    server = startServer(env);
    await waitHealthy(base, server);
    const after = await stored(database, crash?.id ?? '');
    say(
      `crash: server killed (SIGKILL) after ${killedAt} acknowledgements; the client got ${first.accepted} receipts before the connection broke; ${after.ballots} ballots stored`,
    );
    check(
      first.receipts.every((r) => after.receipts.has(r)),
      `every acknowledged ballot (${first.accepted}) is stored after restart`,
    );
    check(
      after.ballots === after.spent,
      `ballots ${after.ballots} = codes spent ${after.spent} (no code counted twice, no ballot without its code)`,
    );
    const acked = new Set(first.ackedCodes);
    const rest = JSON.parse(readFileSync(crash?.codesFile ?? '', 'utf8')) as string[];
    const restFile = join(dir, 'codes-crash-rest.json');
    writeFileSync(restFile, JSON.stringify(rest.filter((c) => !acked.has(c))));
    const second = await runLoad(dir, 'crash-2', [
      '--base',
      base,
      '--session',
      crash?.id ?? '',
      '--codes',
      restFile,
      '--mode',
      'burst',
      '--concurrency',
      '500',
    ]);
    const final = await stored(database, crash?.id ?? '');
    const refused = second.statuses['409'] ?? 0;
    say(
      `crash: the remaining ${rest.length - acked.size} codes resubmitted: ${second.accepted} accepted, ${refused} refused as already used (committed before the kill, answer lost with the connection)`,
    );
    check(
      refused === after.ballots - first.accepted,
      `refused as used (${refused}) = stored but unacknowledged at the kill (${after.ballots - first.accepted})`,
    );
    check(
      final.ballots === CODES && final.spent === CODES,
      `final: ${final.ballots} ballots, ${final.spent} codes spent`,
    );
    const cc = await close(crash?.id ?? '');
    check(cc.total === CODES, `closed after the crash: ${cc.total} ballots tallied in ${cc.ms.toFixed(1)} ms`);
  } finally {
    if (server) await stop(server);
    if (dialect === 'postgres') {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${pgName} with (force)`);
      await c.end();
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

async function slips(): Promise<void> {
  const codes = Array.from({ length: CODES }, (_, i) => `ABCD${String(i).padStart(8, '2').replace(/[01]/g, '3')}`);
  const t = performance.now();
  const doc = await slipsDocx(
    {
      title: '基准测试',
      unitName: '阿勒泰海关',
      categoryLabel: '一般干部',
      url: 'https://banzi.example.cn/vote/0190',
      closesAt: new Date().toISOString(),
    },
    codes,
  );
  say(
    `\nslips: ${CODES} code slips with QR codes as .docx in ${((performance.now() - t) / 1000).toFixed(1)} s (${(doc.length / 1e6).toFixed(1)} MB)`,
  );
}

/** The voting page's weight from the build manifest (built first when missing). */
function pageWeight(): void {
  if (!existsSync(join(CLIENT_DIR, '.vite/manifest.json'))) {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'],
      {
        cwd: ROOT,
        stdio: 'inherit',
        env: { ...process.env, NODE_ENV: 'production' },
      },
    );
    if (r.status !== 0) throw new Error('vite build failed');
  }
  const w = votePageWeight(CLIENT_DIR);
  say(
    `\nvoting page (build manifest): ${kB(w.gzip)} gzipped, ${kB(w.bytes)} uncompressed, in ${w.files.length} files (HTML, scripts, stylesheet); ${CODES} voters: ${((w.gzip * CODES) / 1e6).toFixed(1)} MB gzipped, ${((w.bytes * CODES) / 1e6).toFixed(1)} MB uncompressed`,
  );
}

pageWeight();
const dialects =
  args.dialect === 'both' ? (['sqlite', 'postgres'] as const) : ([args.dialect as 'sqlite' | 'postgres'] as const);
for (const d of dialects) await benchDialect(d);
await slips();
console.log(`\n== summary ==\n${figures.join('\n')}`);
process.exit(failed ? 1 : 0);
