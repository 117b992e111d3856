/**
 * The load client, run as its own process against 127.0.0.1 only. Phones submit ballots with
 * their codes through the public API, with the CSRF cookie fetched first as the voting page does.
 *   burst: N concurrent clients submit until every code is used
 *   hall:  ballots start at a steady rate (open loop), whatever the answers' latency
 * Bounded in count (the codes given) and time (--seconds). Writes a JSON result file and prints
 * the figures. With --stop-on-error it stops sending at the first connection error (crash test).
 * With --assets each phone first opens the voting page as a browser with an empty cache does: the
 * HTML at /vote/<id>, every script and stylesheet it names, the session's public information; the
 * bytes received (bodies, as the server sends them) are counted per voter.
 *   node bin/run-ts.mjs bench/ballots/load.ts --base http://127.0.0.1:PORT --session ID --codes FILE --mode burst --concurrency 500 --out FILE
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { parseArgs } from 'node:util';
import type { Answers, BallotForm } from '../../src/common/contracts/ballots.js';
import { percentile } from './stats.js';

const { values: o } = parseArgs({
  options: {
    base: { type: 'string' },
    session: { type: 'string' },
    codes: { type: 'string' },
    mode: { type: 'string', default: 'burst' },
    concurrency: { type: 'string', default: '500' },
    rate: { type: 'string', default: '200' },
    out: { type: 'string' },
    seconds: { type: 'string', default: '60' },
    'stop-on-error': { type: 'boolean', default: false },
    progress: { type: 'boolean', default: false },
    assets: { type: 'boolean', default: false },
  },
});
const base = new URL(o.base ?? '');
if (base.hostname !== '127.0.0.1') throw new Error('the load client only talks to 127.0.0.1');
const codes = JSON.parse(readFileSync(o.codes ?? '', 'utf8')) as string[];
const concurrency = Number(o.concurrency);
// Keep every idle socket: the default keeps 256, so the other phones of a 500-phone burst had to
// reconnect and their ballots waited in the client, not in the server.
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });

interface Res {
  status: number;
  body: string;
  bytes: number;
  setCookie: string[];
}

function request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port: base.port,
        path,
        method,
        agent,
        headers: {
          ...headers,
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            bytes: chunks.reduce((n, c) => n + c.length, 0),
            setCookie: res.headers['set-cookie'] ?? [],
          }),
        );
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** A phone's CSRF token: GET /api/auth/session sets the double-submit cookie. */
async function csrf(): Promise<string> {
  const r = await request('GET', '/api/auth/session');
  return (JSON.parse(r.body) as { csrfToken: string }).csrfToken;
}

const sessionPath = `/api/ballots/public/sessions/${o.session ?? ''}`;
const first = await csrf();
/** The questionnaire, fetched with the first code that is still unused (after a crash some are used). */
async function fetchForm(): Promise<BallotForm> {
  for (const code of codes.slice(0, 200)) {
    const r = await request(
      'POST',
      `${sessionPath}/form`,
      { code },
      { 'x-csrf-token': first, cookie: `banzi_csrf=${first}` },
    );
    if (r.status === 200) return JSON.parse(r.body) as BallotForm;
    if (r.status !== 409) throw new Error(`form: ${r.status} ${r.body}`);
  }
  throw new Error('no unused code among the first 200');
}
const form = await fetchForm();
const answersFor = (i: number): Answers =>
  Object.fromEntries(
    form.questionnaire.questions.map((q, j) => [
      q.id,
      q.type === 'rating' ? (q.options[(i + j) % q.options.length] as string) : { candidates: [], writeIns: [] },
    ]),
  );

const tokens = await Promise.all(Array.from({ length: Math.min(concurrency, codes.length) }, () => csrf()));
const latencies: number[] = [];
const statuses: Record<string, number> = {};
const receipts: string[] = [];
const ackedCodes: string[] = [];
let errors = 0;
let stopped = false;
let pageBytes = 0;
let pageLoads = 0;

/** Open the voting page with an empty cache: the HTML, then its scripts and stylesheet and the session's information. */
async function openPage(): Promise<void> {
  const html = await request('GET', `/vote/${o.session ?? ''}`);
  if (html.status !== 200) throw new Error(`voting page: ${html.status}`);
  const assets = [...html.body.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] as string);
  const got = await Promise.all([...assets.map((a) => request('GET', a)), request('GET', sessionPath)]);
  if (got.some((r) => r.status !== 200)) throw new Error(`voting page assets: ${got.map((r) => r.status).join(' ')}`);
  pageBytes += html.bytes + got.reduce((n, r) => n + r.bytes, 0);
  pageLoads += 1;
}
const deadline = Date.now() + Number(o.seconds) * 1000;

async function vote(i: number, token: string): Promise<void> {
  const code = codes[i] as string;
  try {
    if (o.assets) await openPage();
    const t = performance.now();
    const r = await request(
      'POST',
      `${sessionPath}/ballots`,
      // r: the receipt secret the voting page draws (issue 8 §6)
      { code, answers: answersFor(i), r: randomBytes(32).toString('hex') },
      { 'x-csrf-token': token, cookie: `banzi_csrf=${token}` },
    );
    latencies.push(performance.now() - t);
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    if (r.status === 200) {
      receipts.push((JSON.parse(r.body) as { receipt: string }).receipt);
      ackedCodes.push(code);
      if (o.progress && receipts.length % 100 === 0) console.log(`acked ${receipts.length}`);
    }
  } catch {
    errors += 1;
    if (o['stop-on-error']) stopped = true;
  }
}

const started = performance.now();
if (o.mode === 'hall') {
  const gap = 1000 / Number(o.rate);
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < codes.length && !stopped && Date.now() < deadline; i++) {
    const due = started + i * gap;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(vote(i, tokens[i % tokens.length] as string));
  }
  await Promise.all(inFlight);
} else {
  let next = 0;
  await Promise.all(
    tokens.map(async (token) => {
      while (!stopped && Date.now() < deadline) {
        const i = next++;
        if (i >= codes.length) return;
        await vote(i, token);
      }
    }),
  );
}
const elapsed = performance.now() - started;
agent.destroy();
const result = {
  mode: o.mode,
  codes: codes.length,
  accepted: receipts.length,
  statuses,
  errors,
  elapsedMs: Math.round(elapsed),
  throughput: Math.round((receipts.length / elapsed) * 1000),
  p50: percentile(latencies, 0.5),
  p99: percentile(latencies, 0.99),
  max: percentile(latencies, 1),
  receipts,
  ackedCodes,
  pageLoads,
  pageBytes,
};
if (o.out) writeFileSync(o.out, JSON.stringify(result));
console.log(
  `[load ${o.mode}] accepted ${result.accepted}/${codes.length} in ${(elapsed / 1000).toFixed(2)} s; ${result.throughput} ballots/s; p50 ${result.p50} ms, p99 ${result.p99} ms, max ${result.max} ms; statuses ${JSON.stringify(statuses)}; connection errors ${errors}${pageLoads ? `; voting page ${pageLoads} times, ${Math.round(pageBytes / pageLoads)} bytes each` : ''}`,
);
