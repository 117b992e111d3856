/**
 * Issue 8 §2: whoever can write the database (even an insider who drops the triggers) can neither
 * edit nor truncate the audit log unnoticed. The chain is keyed (HMAC-SM3 with a key the database
 * does not hold) and anchored by keyed checkpoints written to a file outside the database after
 * every commit. Each of the four tampering cases of the issue is shown to be detected.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { dropAppendOnlyGuards } from '../src/server/platform/audit.js';
import { canonicalJson, sm3Hex } from '../src/server/platform/crypto.js';
import { createTestEnv, loginAs, type HttpClient, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';

interface Verify {
  ok: boolean;
  checked: number;
  headSeq: number;
  broken?: { seq: number; reason: string };
}

/** The attacker's best effort without the audit key: recompute every hash from a row on, unkeyed. */
async function recomputeFrom(env: TestEnv, fromSeq: number): Promise<void> {
  const db = env.ctx.db;
  const prev = await db
    .selectFrom('audit_events')
    .select('hash')
    .where('seq', '=', fromSeq - 1)
    .executeTakeFirst();
  let prevHash = prev?.hash ?? '0'.repeat(64);
  const rows = await db.selectFrom('audit_events').selectAll().where('seq', '>=', fromSeq).orderBy('seq').execute();
  for (const r of rows) {
    const { prev_hash: _p, hash: _h, ...rest } = r;
    const hash = sm3Hex(`${prevHash}\n${canonicalJson(rest)}`);
    await sql`update audit_events set prev_hash = ${prevHash}, hash = ${hash} where seq = ${r.seq}`.execute(db);
    prevHash = hash;
  }
  const last = rows[rows.length - 1];
  if (last) await sql`update audit_head set seq = ${last.seq}, hash = ${prevHash} where id = 1`.execute(db);
}

async function headOf(env: TestEnv): Promise<{ seq: number; hash: string }> {
  return env.ctx.db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
}

describeEachDialect('audit log tampering is detected (issue 8 §2)', (dialect) => {
  let env: TestEnv;
  let w: World;
  let auditor: HttpClient;
  beforeEach(async () => {
    env = await createTestEnv(dialect);
    w = await seedWorld(env.ctx);
    const rs = await loginAs(env.app, 'rs');
    await rs.patch(`/api/orgs/team-members/${w.teamMembers.altM1}`, { divisionOfWork: '分管监管、物流' });
    await rs.post(`/api/people/${w.people.altM2}/ranks`, { rankCode: 'L-DIV-CHIEF', startDate: '2026-06-01' });
    await rs.post(`/api/people/${w.people.altM2}/id-number/reveal`);
    auditor = await loginAs(env.app, 'auditor');
    expect((await auditor.post('/api/audit/verify')).json<Verify>().ok).toBe(true);
    // The insider: DDL rights, drops every guard the database has.
    await dropAppendOnlyGuards(env.ctx.db, dialect);
  });
  afterEach(() => env.close());

  const verify = async () => (await auditor.post('/api/audit/verify')).json<Verify>();

  it('case 1: edits one row', async () => {
    const target = await env.ctx.db
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'people.rank_added')
      .executeTakeFirstOrThrow();
    await sql`update audit_events set details = '{"rankCode":"G-XS1"}' where seq = ${target.seq}`.execute(env.ctx.db);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.broken?.seq).toBe(target.seq);
  });

  it('case 2: deletes the last row', async () => {
    const head = await headOf(env);
    await sql`delete from audit_events where seq = ${head.seq}`.execute(env.ctx.db);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.broken?.seq).toBe(head.seq);
  });

  it('case 3: deletes the last rows and moves audit_head back to the new last row', async () => {
    const head = await headOf(env);
    const keep = head.seq - 2;
    const kept = await env.ctx.db
      .selectFrom('audit_events')
      .select('hash')
      .where('seq', '=', keep)
      .executeTakeFirstOrThrow();
    await sql`delete from audit_events where seq > ${keep}`.execute(env.ctx.db);
    await sql`update audit_head set seq = ${keep}, hash = ${kept.hash} where id = 1`.execute(env.ctx.db);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.broken?.seq).toBe(keep + 1);
    expect(r.broken?.reason).toContain('截断');
  });

  it('case 4: edits a row and recomputes every later hash and the head', async () => {
    const target = await env.ctx.db
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'people.id_number_revealed')
      .executeTakeFirstOrThrow();
    await sql`update audit_events set actor_name = '他人' where seq = ${target.seq}`.execute(env.ctx.db);
    await recomputeFrom(env, target.seq);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.broken?.seq).toBe(target.seq);
  });
});

describeEachDialect('audit_head only moves forward, to an existing event (issue 8 §2)', (dialect) => {
  let env: TestEnv;
  beforeEach(async () => {
    env = await createTestEnv(dialect);
    await seedWorld(env.ctx);
    await loginAs(env.app, 'rs');
    await loginAs(env.app, 'jj');
  });
  afterEach(() => env.close());

  it('refuses moving the head back, to a missing event, to a wrong hash, and deleting it', async () => {
    const head = await headOf(env);
    expect(head.seq).toBeGreaterThan(1);
    const prev = await env.ctx.db
      .selectFrom('audit_events')
      .select('hash')
      .where('seq', '=', head.seq - 1)
      .executeTakeFirstOrThrow();
    const db = env.ctx.db;
    await expect(sql`update audit_head set seq = ${head.seq - 1}, hash = ${prev.hash}`.execute(db)).rejects.toThrow(
      /audit_head/,
    );
    await expect(sql`update audit_head set seq = ${head.seq + 1}, hash = ${head.hash}`.execute(db)).rejects.toThrow(
      /audit_head/,
    );
    await expect(sql`update audit_head set hash = ${'f'.repeat(64)}`.execute(db)).rejects.toThrow(/audit_head/);
    await expect(sql`delete from audit_head`.execute(db)).rejects.toThrow(/audit_head/);
    await expect(sql`insert into audit_head (id, seq, hash) values (2, 0, 'x')`.execute(db)).rejects.toThrow(
      /audit_head/,
    );
    if (dialect === 'postgres') {
      await expect(sql`truncate audit_events`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`truncate audit_head`.execute(db)).rejects.toThrow(/audit_head/);
    }
    expect(await headOf(env)).toEqual(head);
  });
});
