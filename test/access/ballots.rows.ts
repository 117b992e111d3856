/**
 * Access rows: evaluation sessions (the unit's office and the personnel office above manage, the
 * discipline office above reads results), logged-in voting (people on the session's list), and the
 * public voting routes (anyone holding a code; no session needed).
 */
import { ok } from '../meetings-helpers.js';
import { ABOVE, BUSINESS, row, type AccessRow } from './row.js';
import { ballotOffice, ballotSession, sessionBody, type BallotFixture } from './ballots.fixtures.js';
import type { AccessWorld, Scope } from './world.js';

const MANAGE = ['altoffice', 'rs'] as const;
const VIEW = ['altoffice', ...ABOVE] as const;

/** A session read by many rows, built once per scope and state. */
const shared = (w: AccessWorld, s: Scope, state: 'draft' | 'open' | 'closed') =>
  w.once(`ballots:${s}:${state}`, () => ballotSession(w, s, state));
const byId = (f: BallotFixture) => ({ params: { id: f.id } });

/** An open session with many codes: every public ballot spends one. */
const pool = (w: AccessWorld) => w.once('ballots:pool', () => ballotSession(w, 'in', 'open', 40));

export const ballotsRows: AccessRow[] = [
  row('GET /api/ballots/sessions', VIEW, (w, s) => ({ query: { unitId: w.unit(s), year: 2026 } }), { out: ABOVE }),
  row('POST /api/ballots/sessions', MANAGE, async (w, s) => ({ body: await sessionBody(w, s) }), { out: ['rs'] }),
  row(
    'GET /api/ballots/templates',
    MANAGE,
    (w, s) => ({ query: { unitId: w.unit(s), kind: 'member_evaluation', year: 2026 } }),
    { out: ['rs'] },
  ),
  row('GET /api/ballots/sessions/{id}', VIEW, async (w, s) => byId(await shared(w, s, 'draft')), { out: ABOVE }),
  row(
    'PUT /api/ballots/sessions/{id}',
    MANAGE,
    async (w, s) => ({ ...byId(await ballotSession(w, s, 'draft')), body: await sessionBody(w, s) }),
    { out: ['rs'] },
  ),
  row(
    'POST /api/ballots/sessions/{id}/codes',
    MANAGE,
    async (w, s) => ({ ...byId(await ballotSession(w, s, 'draft')), body: { category: 'staff', count: 2 } }),
    { out: ['rs'] },
  ),
  row('POST /api/ballots/sessions/{id}/open', MANAGE, async (w, s) => byId(await ballotSession(w, s, 'draft')), {
    out: ['rs'],
  }),
  row('GET /api/ballots/sessions/{id}/participation', VIEW, async (w, s) => byId(await shared(w, s, 'open')), {
    out: ABOVE,
  }),
  row('POST /api/ballots/sessions/{id}/close', MANAGE, async (w, s) => byId(await ballotSession(w, s, 'open')), {
    out: ['rs'],
  }),
  row('GET /api/ballots/sessions/{id}/results', VIEW, async (w, s) => byId(await shared(w, s, 'closed')), {
    out: ABOVE,
  }),
  row('GET /api/ballots/sessions/{id}/results.xlsx', VIEW, async (w, s) => byId(await shared(w, s, 'closed')), {
    out: ABOVE,
  }),
  row('GET /api/ballots/sessions/{id}/results.docx', VIEW, async (w, s) => byId(await shared(w, s, 'closed')), {
    out: ABOVE,
  }),
  row(
    'POST /api/ballots/sessions/{id}/paper-entries',
    MANAGE,
    async (w, s) => {
      const f = await ballotSession(w, s, 'open');
      return { ...byId(f), body: { code: f.codes[0], answers: f.answers } };
    },
    { out: ['rs'] },
  ),
  row('GET /api/ballots/sessions/{id}/paper-entries', MANAGE, async (w, s) => byId(await shared(w, s, 'open')), {
    out: ['rs'],
  }),
  row(
    'POST /api/ballots/sessions/{id}/paper-entries/discard',
    MANAGE,
    async (w, s) => {
      const f = await ballotSession(w, s, 'open');
      const code = f.codes[0] as string;
      ok(await w.c(ballotOffice(s)).post(`/api/ballots/sessions/${f.id}/paper-entries`, { code, answers: f.answers }));
      return { ...byId(f), body: { code } };
    },
    { out: ['rs'] },
  ),
  row('GET /api/ballots/mine', BUSINESS, () => ({}), { noScope: true }),
  row(
    'GET /api/ballots/sessions/{id}/member-form',
    ['altm2', 'altstaff'],
    async (w, s) => byId(await shared(w, s, 'open')),
    { out: ['khm1'] },
  ),
  row(
    'POST /api/ballots/sessions/{id}/member-ballot',
    ['altm2', 'altstaff'],
    async (w, s) => {
      const f = await ballotSession(w, s, 'open');
      return { ...byId(f), body: { answers: f.answers } };
    },
    { out: ['khm1'] },
  ),
  row('GET /api/ballots/public/sessions/{id}', 'public', async (w) => byId(await shared(w, 'in', 'open'))),
  row('POST /api/ballots/public/sessions/{id}/form', 'public', async (w) => {
    const f = await shared(w, 'in', 'open');
    return { ...byId(f), body: { code: f.codes[0] } };
  }),
  row('POST /api/ballots/public/sessions/{id}/ballots', 'public', async (w) => {
    const f = await pool(w);
    return { ...byId(f), body: { code: f.codes.pop(), answers: f.answers } };
  }),
  row('GET /api/ballots/public/sessions/{id}/receipts', 'public', async (w) => byId(await shared(w, 'in', 'closed'))),
];
