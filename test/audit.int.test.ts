import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyLog } from '../src/server/modules/audit/audit.service.js';
import { dropAppendOnlyGuards } from '../src/server/platform/audit.js';
import { newKeyring } from '../src/server/platform/crypto.js';
import { createTestEnv, loginAs, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';

const ROOT = resolve(import.meta.dirname, '..');

function runCli(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [join(ROOT, 'bin/banzi.mjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describeEachDialect('audit log', (dialect) => {
  let env: TestEnv;
  let w: World;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'banzi-audit-'));
    env = await createTestEnv(dialect, { sqliteFile: join(dir, 'banzi.db') });
    w = await seedWorld(env.ctx);
    const rs = await loginAs(env.app, 'rs');
    await rs.patch(`/api/orgs/team-members/${w.teamMembers.altM1}`, { divisionOfWork: '分管监管、物流' });
    await rs.post(`/api/people/${w.people.altM2}/ranks`, { rankCode: 'L-DIV-CHIEF', startDate: '2026-06-01' });
  });
  afterAll(async () => {
    await env.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the auditor every change, filtered by person, unit, action and date', async () => {
    const a = await loginAs(env.app, 'auditor');
    const all = (await a.get('/api/audit/events?pageSize=200')).json<{
      items: { action: string; actorName: string | null }[];
      total: number;
    }>();
    expect(all.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['auth.login', 'orgs.team_member_updated', 'people.rank_added']),
    );
    const byActor = (await a.get(`/api/audit/events?actor=${encodeURIComponent('曾国栋')}`)).json<{
      items: { actorName: string }[];
    }>();
    expect(byActor.items.length).toBeGreaterThan(0);
    expect(byActor.items.every((e) => e.actorName === '曾国栋')).toBe(true);
    const byUnit = (await a.get(`/api/audit/events?unitId=${w.units.altay}&action=orgs.`)).json<{
      items: { action: string }[];
    }>();
    expect(byUnit.items.map((e) => e.action)).toEqual(['orgs.team_member_updated']);
    expect((await a.get('/api/audit/events?from=2026-06-08&to=2026-06-08')).json<{ total: number }>().total).toBe(
      all.total,
    );
    expect((await a.get('/api/audit/events?from=2026-06-09')).json<{ total: number }>().total).toBe(0);
  });

  it('is for the auditor only', async () => {
    for (const u of ['sysadmin', 'secadmin', 'rs', 'altsec']) {
      const c = await loginAs(env.app, u);
      expect((await c.get('/api/audit/events')).statusCode, u).toBe(403);
      expect((await c.post('/api/audit/verify')).statusCode, u).toBe(403);
    }
    expect((await env.app.inject({ method: 'GET', url: '/api/audit/events' })).statusCode).toBe(401);
  });

  it('refuses UPDATE and DELETE on audit rows in the database itself', async () => {
    await expect(sql`update audit_events set action = 'x' where seq = 1`.execute(env.ctx.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_events where seq = 1`.execute(env.ctx.db)).rejects.toThrow(/append-only/);
  });

  it('verifies an intact chain, and `banzi audit verify` catches an edited row', async () => {
    const a = await loginAs(env.app, 'auditor');
    expect((await a.post('/api/audit/verify')).json()).toMatchObject({ ok: true });
    const keyFile = join(dir, 'key.json');
    writeFileSync(keyFile, JSON.stringify(newKeyring()));
    const keys = {
      BANZI_KEY_FILE: keyFile,
      BANZI_AUDIT_KEY_FILE: env.ctx.config.auditKeyFile,
      BANZI_AUDIT_CHECKPOINT_FILE: env.ctx.config.auditCheckpointFile,
    };
    const cliEnv: Record<string, string> =
      dialect === 'postgres' ? { BANZI_DATABASE_URL: env.db.url, ...keys } : { BANZI_DATA_DIR: dir, ...keys };
    const ok = runCli(['audit', 'verify'], cliEnv);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('审计日志完整');

    // A database administrator bypasses the guards and edits one row.
    await dropAppendOnlyGuards(env.ctx.db, dialect);
    const target = await env.ctx.db
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'people.rank_added')
      .executeTakeFirstOrThrow();
    await sql`update audit_events set details = '{"rankCode":"G-XS1"}' where seq = ${target.seq}`.execute(env.ctx.db);
    const bad = runCli(['audit', 'verify'], cliEnv);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`第 ${target.seq} 条`);
    expect((await verifyLog(env.ctx)).broken?.seq).toBe(target.seq);
    expect((await a.post('/api/audit/verify')).json()).toMatchObject({ ok: false, broken: { seq: target.seq } });
  });

  it('catches a deleted row and a deleted tail', async () => {
    const last = await env.ctx.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
    await sql`delete from audit_events where seq = ${last.seq}`.execute(env.ctx.db);
    const r = await verifyLog(env.ctx);
    expect(r.ok).toBe(false);
  });
});
