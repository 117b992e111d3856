/**
 * The anonymity guarantees of issue 4, proven against the real databases: what the tables hold,
 * one code counting once under concurrency, a full dump after closing that cannot join ballots to
 * codes or voters, receipts, small categories, logs and the SQLite WAL.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Results } from '../src/common/contracts/ballots.js';
import { buildApp } from '../src/server/app.js';
import { decodeAnswers, receiptOf } from '../src/server/modules/ballots/ballots.rules.js';
import { createTestEnv, loginAs, type HttpClient, type TestEnv } from './app.js';
import { docxText, publicVoter, ratingAnswers, readZipEntry, setupSession, templateBody } from './ballots-helpers.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';

async function dumpAll(env: TestEnv): Promise<Record<string, unknown[]>> {
  const tables =
    env.dialect === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(env.ctx.db)).rows.map(
          (r) => r.name,
        )
      : (
          await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(env.ctx.db)
        ).rows.map((r) => r.name);
  const out: Record<string, unknown[]> = {};
  for (const t of tables) out[t] = (await sql`select * from ${sql.table(t)}`.execute(env.ctx.db)).rows;
  return out;
}

/** Row keys in physical order: SQLite scans the table b-tree ('+' keeps the planner off the indexes); PostgreSQL sorts by ctid. */
async function physicalOrder(env: TestEnv, table: string, key: string, sessionId: string): Promise<string[]> {
  const rows = (
    env.dialect === 'postgres'
      ? await sql<{
          k: string;
        }>`select ${sql.ref(key)} as k from ${sql.table(table)} where session_id = ${sessionId} order by ctid`.execute(
          env.ctx.db,
        )
      : await sql<{
          k: string;
        }>`select ${sql.ref(key)} as k from ${sql.table(table)} not indexed where +session_id = ${sessionId}`.execute(
          env.ctx.db,
        )
  ).rows;
  return rows.map((r) => r.k);
}

describeEachDialect('ballots: anonymity', (dialect) => {
  let env: TestEnv;
  let world: World;
  let office: HttpClient;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    world = await seedWorld(env.ctx);
    office = await loginAs(env.app, 'altoffice');
  });
  afterAll(() => env.close());

  it('keeps no user, code, time or address in the ballots table; anonymous tables have no row counter', async () => {
    const cols =
      dialect === 'sqlite'
        ? (await sql<{ name: string }>`select name from pragma_table_info('ballots')`.execute(env.ctx.db)).rows.map(
            (r) => r.name,
          )
        : (
            await sql<{
              name: string;
            }>`select column_name as name from information_schema.columns where table_name = 'ballots'`.execute(
              env.ctx.db,
            )
          ).rows.map((r) => r.name);
    expect(cols.sort()).toEqual(['answers', 'category', 'id', 'receipt', 'session_id']);
    if (dialect === 'sqlite') {
      for (const t of ['ballots', 'ballot_codes', 'ballot_voters', 'ballot_paper_entries']) {
        const row = (await sql<{ sql: string }>`select sql from sqlite_master where name = ${t}`.execute(env.ctx.db))
          .rows[0];
        expect(row?.sql.toLowerCase()).toContain('without rowid');
      }
      await expect(sql`select rowid from ballots`.execute(env.ctx.db)).rejects.toThrow();
    }
  });

  it('counts one code once when it is submitted many times at once', async () => {
    const body = await templateBody(office, world.units.altay, 'team_evaluation');
    const { id, codes } = await setupSession(office, body, { staff: 20 });
    const answers = ratingAnswers(body.questionnaire, 0);
    const voters = await Promise.all(Array.from({ length: 10 }, (_, i) => publicVoter(env.app, `203.0.113.${i + 1}`)));
    const same = await Promise.all(
      Array.from({ length: 20 }, (_, i) => voters[i % 10]!.vote(id, codes.staff?.[0] ?? '', answers)),
    );
    expect(same.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(same.filter((r) => r.statusCode === 409)).toHaveLength(19);
    const rest = (codes.staff ?? []).slice(1);
    const twice = await Promise.all([...rest, ...rest].map((c, i) => voters[i % 10]!.vote(id, c, answers)));
    expect(twice.filter((r) => r.statusCode === 200)).toHaveLength(rest.length);
    const ballots = await env.ctx.db.selectFrom('ballots').select('id').where('session_id', '=', id).execute();
    const spent = await env.ctx.db
      .selectFrom('ballot_codes')
      .select('code_hash')
      .where('session_id', '=', id)
      .where('spent', '=', 1)
      .execute();
    expect([ballots.length, spent.length]).toEqual([20, 20]);
  });

  it('leaves nothing in a full dump after closing that joins ballots to codes or voters', async () => {
    const body = await templateBody(office, world.units.altay, 'team_evaluation');
    const members = ['altM1', 'altM2', 'altM3'].map((k) => world.people[k] ?? '');
    body.categories[0] = { ...body.categories[0]!, loginPersonIds: members };
    const { id, codes } = await setupSession(office, body, { staff: 6 });
    const voter = await publicVoter(env.app);
    const order: string[] = [];
    for (const [i, u] of ['altm1', 'altm2', 'altm3'].entries()) {
      const c = await loginAs(env.app, u);
      order.push(
        (
          await c.post(`/api/ballots/sessions/${id}/member-ballot`, { answers: ratingAnswers(body.questionnaire, i) })
        ).json().receipt,
      );
      for (const code of (codes.staff ?? []).slice(i * 2, i * 2 + 2)) {
        order.push((await voter.vote(id, code, ratingAnswers(body.questionnaire, 3))).json().receipt);
      }
    }
    expect((await office.post(`/api/ballots/sessions/${id}/close`)).statusCode).toBe(200);
    const dump = await dumpAll(env);
    const ballots = (dump.ballots as { id: string; session_id: string; receipt: string }[]).filter(
      (b) => b.session_id === id,
    );
    expect(ballots).toHaveLength(9);
    const text = JSON.stringify(dump);
    for (const b of ballots) {
      expect(text.split(b.id).length - 1).toBe(1); // the ballot id appears only in its own row
      expect(text.split(b.receipt).length - 1).toBe(1);
    }
    // the code hashes are gone (their counts kept); ballots and voters lie in key order, not voting order
    expect(
      await env.ctx.db.selectFrom('ballot_codes').select('code_hash').where('session_id', '=', id).execute(),
    ).toEqual([]);
    for (const [t, k] of [
      ['ballots', 'id'],
      ['ballot_voters', 'id'],
    ] as const) {
      const ids = await physicalOrder(env, t, k, id);
      expect(ids).toEqual([...ids].sort());
    }
    expect(await physicalOrder(env, 'ballots', 'receipt', id)).not.toEqual(order);
    if (dialect === 'postgres') {
      // every anonymous row was written by the closing transaction: no row version keeps the voting transaction
      const x = await sql<{ t: string; n: string }>`
        select 'b' as t, xmin::text as n from ballots where session_id = ${id}
        union select 'v', xmin::text from ballot_voters where session_id = ${id}`.execute(env.ctx.db);
      expect(new Set(x.rows.map((r) => r.n)).size).toBe(1);
      const casts = await sql<{
        n: string;
      }>`select xmin::text as n from audit_events where action = 'ballots.ballot_cast' and entity_id = ${id}`.execute(
        env.ctx.db,
      );
      expect(casts.rows.some((r) => r.n === x.rows[0]?.n)).toBe(false);
    }
    // audit events for ballots name only the session and the event
    const events = (
      dump.audit_events as {
        action: string;
        entity_id: string;
        details: string;
        request_id: string | null;
        actor_user_id: string | null;
        changed_fields: string;
      }[]
    ).filter((e) => e.action === 'ballots.ballot_cast' && e.entity_id === id);
    expect(events).toHaveLength(9);
    for (const e of events) expect([e.details, e.request_id, e.changed_fields]).toEqual(['{}', null, '[]']);
    expect(events.filter((e) => e.actor_user_id === null)).toHaveLength(6);
  });

  it('publishes receipts that match the stored ballots one to one', async () => {
    const body = await templateBody(office, world.units.altay, 'team_evaluation');
    const { id, codes } = await setupSession(office, body, { staff: 8 });
    const voter = await publicVoter(env.app);
    const given: string[] = [];
    for (const [i, c] of (codes.staff ?? []).entries()) {
      given.push((await voter.vote(id, c, ratingAnswers(body.questionnaire, i % 4))).json().receipt);
    }
    await office.post(`/api/ballots/sessions/${id}/close`);
    const list = (await env.app.inject({ method: 'GET', url: `/api/ballots/public/sessions/${id}/receipts` })).json<{
      receipts: string[];
    }>().receipts;
    const stored = await env.ctx.db.selectFrom('ballots').selectAll().where('session_id', '=', id).execute();
    expect(list).toEqual(stored.map((b) => b.receipt).sort());
    expect([...given].sort()).toEqual(list);
    for (const b of stored) expect(receiptOf(id, b.id, decodeAnswers(body.questionnaire, b.answers))).toBe(b.receipt);
  });

  it('serves no result of a category below the minimum, merged or withheld, by any endpoint', async () => {
    const check = async (policy: 'merge' | 'withhold', counts: Record<string, number>) => {
      const body = await templateBody(office, world.units.altay, 'team_evaluation', { smallGroupPolicy: policy });
      const { id, codes } = await setupSession(office, body, counts);
      const voter = await publicVoter(env.app);
      for (const [cat, list] of Object.entries(codes)) {
        for (const c of list) await voter.vote(id, c, ratingAnswers(body.questionnaire, cat === 'team' ? 3 : 0));
      }
      const closed = (await office.post(`/api/ballots/sessions/${id}/close`)).json<Results>();
      const again = (await office.get(`/api/ballots/sessions/${id}/results`)).json<Results>();
      expect(again.tally).toEqual(closed.tally);
      for (const q of closed.tally.questions) for (const g of q.groups) expect(g.ballots).toBeGreaterThanOrEqual(5);
      const shown = closed.tally.groups.reduce((n, g) => n + g.ballots, 0);
      expect(closed.tally.totalBallots - shown === 0 || closed.tally.totalBallots - shown >= 5).toBe(true);
      expect(closed.tally.groups.some((g) => g.key === 'team')).toBe(false);
      const xlsx = readZipEntry(
        (await office.get(`/api/ballots/sessions/${id}/results.xlsx`)).rawPayload,
        'xl/sharedStrings.xml',
      );
      const docx = docxText((await office.get(`/api/ballots/sessions/${id}/results.docx`)).rawPayload);
      for (const text of [xlsx, docx]) expect(text).not.toContain(`班子成员（${counts.team}）`);
      return closed;
    };
    const merged = await check('merge', { team: 3, staff: 8 });
    expect(merged.tally.groups.map((g) => g.label)).toEqual(['一般干部、班子成员']);
    const withheld = await check('withhold', { team: 3, middle: 6, staff: 8 });
    expect(withheld.tally.groups.map((g) => g.key)).toEqual(['staff']);
    expect(withheld.tally.withheld).toEqual({ labels: ['班子成员', '中层干部'], ballots: 9 });
  });

  it('writes no log line for ballot routes, even at trace level, and never a code', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _e, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const app = await buildApp(env.ctx, { logger: { level: 'trace', stream } });
    try {
      const body = await templateBody(office, world.units.altay, 'team_evaluation');
      body.categories[0] = { ...body.categories[0]!, loginPersonIds: [world.people.altM4 ?? ''] };
      const { id, codes } = await setupSession(office, body, { staff: 2 });
      const voter = await publicVoter(app, '192.0.2.99');
      lines.length = 0;
      const code = codes.staff?.[0] ?? '';
      await app.inject({ method: 'GET', url: `/api/ballots/public/sessions/${id}` });
      await voter.form(id, 'WRONGCODE234');
      await voter.form(id, code);
      expect((await voter.vote(id, code, ratingAnswers(body.questionnaire, 1))).statusCode).toBe(200);
      await voter.vote(id, code, ratingAnswers(body.questionnaire, 1));
      const m4 = await loginAs(app, 'altm4');
      lines.length = 0;
      expect(
        (await m4.post(`/api/ballots/sessions/${id}/member-ballot`, { answers: ratingAnswers(body.questionnaire, 2) }))
          .statusCode,
      ).toBe(200);
      const all = lines.join('');
      expect(all).not.toContain('/api/ballots/');
      expect(all).not.toContain(code);
      expect(all).not.toContain('192.0.2.99');
    } finally {
      await app.close();
    }
  });
});

describe('ballots: the SQLite WAL holds no frames of a closed session', () => {
  const dir = mkdtempSync(join(tmpdir(), 'banzi-wal-'));
  const file = join(dir, 'wal.db');
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv('sqlite', { sqliteFile: file });
  });
  afterAll(async () => {
    await env.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checkpoints and truncates the WAL when the session closes', async () => {
    const world = await seedWorld(env.ctx);
    const office = await loginAs(env.app, 'altoffice');
    const body = await templateBody(office, world.units.altay, 'team_evaluation');
    const { id, codes } = await setupSession(office, body, { staff: 5 });
    const voter = await publicVoter(env.app);
    for (const c of codes.staff ?? []) await voter.vote(id, c, ratingAnswers(body.questionnaire, 0));
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    expect((await office.post(`/api/ballots/sessions/${id}/close`)).statusCode).toBe(200);
    expect(existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0).toBe(0);
  });
});
