/**
 * Closing a secret meeting vote leaves no earlier row behind (issue 8 §7), as closing an
 * evaluation does: the rows lie in random-key order, the SQLite file (pages and WAL) holds no
 * byte of the rows written while voting, and PostgreSQL keeps no dead row version of them.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { seedWorld } from './fixtures.js';
import {
  addToAgenda,
  altayTeam,
  attend,
  catalogue,
  meeting,
  ok,
  personnelItem,
  schedule,
  vote,
} from './meetings-helpers.js';

describeEachDialect('secret meeting votes: cleanup after closing the vote', (dialect) => {
  const dir = mkdtempSync(join(tmpdir(), 'banzi-secret-'));
  const file = join(dir, 'secret.db');
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(dialect, dialect === 'sqlite' ? { sqliteFile: file } : {});
  });
  afterAll(async () => {
    await env.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rewrites the votes in key order and leaves no earlier row in free pages, the WAL or dead row versions', async () => {
    const world = await seedWorld(env.ctx);
    let t = await altayTeam(env);
    const agendaId = await personnelItem(t, world, await catalogue(t.office, world.units.altay));
    const meetingId = await schedule(t, world, '2026-06-09');
    const itemId = await addToAgenda(t, meetingId, agendaId, 'secret');
    ok(await t.office.post(`/api/meetings/${meetingId}/publish`));
    env.clock.set('2026-06-09T01:05:00.000Z');
    t = await altayTeam(env);
    await attend(t, world, meetingId);
    ok(await t.office.post(`/api/meetings/${meetingId}/open`));
    ok(await t.office.post(`/api/meetings/items/${itemId}/start-voting`));
    const cand = (await meeting(t.office, meetingId)).items[0]!.candidates[0]!.id;
    for (const [i, m] of t.m.entries()) ok(await vote(m, itemId, i === 3 ? 'disagree' : 'agree', cand));
    ok(await vote(t.sec, itemId, 'agree', cand)); // the chair last (PG-10)
    const votes = () =>
      env.ctx.db.selectFrom('secret_votes').select('id').where('meeting_item_id', '=', itemId).execute();
    const earlier = (await votes()).map((r) => r.id);
    expect(earlier).toHaveLength(5);
    const stats = async () =>
      (
        await sql<{
          dead: string;
          vacuums: string;
        }>`select n_dead_tup::text as dead, vacuum_count::text as vacuums from pg_stat_user_tables where relname = 'secret_votes'`.execute(
          env.ctx.db,
        )
      ).rows[0];
    const before = dialect === 'postgres' ? await stats() : undefined;

    ok(await t.office.post(`/api/meetings/items/${itemId}/close-voting`));

    const now = (await votes()).map((r) => r.id);
    expect(now).toHaveLength(5);
    expect(now.filter((id) => earlier.includes(id))).toEqual([]); // fresh keys
    if (dialect === 'sqlite') {
      // secret_votes is WITHOUT ROWID on SQLite: its rows lie in key order by construction
      // the raw bytes of the database file and its WAL: no earlier row's key anywhere
      const bytes = Buffer.concat(
        [file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)),
      ).toString('latin1');
      expect(bytes).toContain(now[0]); // the search does find live rows
      expect(earlier.filter((id) => bytes.includes(id))).toEqual([]);
    } else {
      const physical = (
        await sql<{ id: string }>`select id from secret_votes where meeting_item_id = ${itemId} order by ctid`.execute(
          env.ctx.db,
        )
      ).rows.map((r) => r.id);
      expect(physical).toEqual([...physical].sort());
      // every vote row was written by the closing transaction, none by a voting one ...
      const xmins = await sql<{
        n: string;
      }>`select distinct xmin::text as n from secret_votes where meeting_item_id = ${itemId}`.execute(env.ctx.db);
      expect(xmins.rows).toHaveLength(1);
      const voting = await sql<{
        n: string;
      }>`select xmin::text as n from vote_participation where meeting_item_id = ${itemId}`.execute(env.ctx.db);
      expect(voting.rows.map((r) => r.n)).not.toContain(xmins.rows[0]?.n);
      // ... and the table was vacuumed after the commit: no dead version of the earlier rows remains
      const after = await stats();
      expect(Number(after?.vacuums)).toBeGreaterThan(Number(before?.vacuums));
      expect(after?.dead).toBe('0');
    }
  });
});
