/**
 * Issue 8 §2: keyed checkpoints (count, head hash, time) appended to a file outside the database
 * after every commit of audit events. A rolled-back transaction leaves none; a crash between commit
 * and checkpoint is a warning (events not yet anchored); a checkpoint ahead of the database
 * (truncation) or one whose hash differs from the row (rewrite) is tampering; a forged line is
 * refused; the auditor's own copy (`banzi audit verify --checkpoint FILE`) catches an insider who
 * also trims the server's file; a declared restore is reported as a declared gap.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { dropAppendOnlyGuards, keyedChainHash } from '../src/server/platform/audit.js';
import { createTestEnv, loginAs, type HttpClient, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';

const ROOT = resolve(import.meta.dirname, '..');

interface Verify {
  ok: boolean;
  checked: number;
  headSeq: number;
  broken?: { seq: number; reason: string; kind?: string };
  checkpoint?: {
    status: string;
    lastSeq: number | null;
    unanchored: { fromSeq: number; toSeq: number } | null;
    problems: string[];
  };
  declaredGaps?: { restoredHeadSeq: number; lostThroughSeq: number }[];
  warnings?: string[];
}

function lines(file: string): string[] {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
}

async function headOf(env: TestEnv): Promise<{ seq: number; hash: string }> {
  return env.ctx.db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
}

function cli(env: TestEnv, args: string[], extra: Record<string, string> = {}) {
  const c = env.ctx.config;
  const vars: Record<string, string> = {
    BANZI_KEY_FILE: c.keyFile,
    BANZI_AUDIT_KEY_FILE: c.auditKeyFile,
    BANZI_AUDIT_CHECKPOINT_FILE: c.auditCheckpointFile,
    ...(env.dialect === 'postgres' ? { BANZI_DATABASE_URL: env.db.url } : { BANZI_DB_FILE: env.db.url }),
  };
  return spawnSync(process.execPath, [join(ROOT, 'bin/banzi.mjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...vars, ...extra },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describeEachDialect('audit checkpoints outside the database (issue 8 §2)', (dialect) => {
  let env: TestEnv;
  let w: World;
  let auditor: HttpClient;
  let file: string;
  let dir: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'banzi-cp-'));
    env = await createTestEnv(dialect, { sqliteFile: join(dir, 'banzi.db') });
    w = await seedWorld(env.ctx);
    file = env.ctx.config.auditCheckpointFile;
    auditor = await loginAs(env.app, 'auditor');
  });
  afterEach(async () => {
    await env.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const verify = async () => (await auditor.post('/api/audit/verify')).json<Verify>();

  it('appends one keyed checkpoint per commit, after it, and none for a rolled-back transaction', async () => {
    const before = lines(file).length;
    const rs = await loginAs(env.app, 'rs');
    await rs.patch(`/api/orgs/team-members/${w.teamMembers.altM1}`, { divisionOfWork: '分管监管、物流' });
    const all = lines(file);
    expect(all.length).toBe(before + 2);
    const last = JSON.parse(all[all.length - 1] as string) as Record<string, unknown>;
    const head = await headOf(env);
    expect(last).toMatchObject({ seq: head.seq, count: head.seq, hash: head.hash });
    expect(String(last.mac)).toMatch(/^[0-9a-f]{64}$/);
    expect(String(last.at)).toMatch(/^\d{4}-\d\d-\d\dT/);

    await expect(
      env.ctx.db.transaction().execute(async (trx) => {
        await env.ctx.audit.record(trx, { actorUserId: null, actorName: 'test' }, { action: 'x.y', entityType: 't' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(lines(file).length).toBe(before + 2);
    expect(await headOf(env)).toEqual(head);
    expect(await verify()).toMatchObject({ ok: true, checkpoint: { status: 'ok' } });
  });

  it('reports events committed after the last checkpoint (a crash before it was written) as not anchored, a warning', async () => {
    const rs = await loginAs(env.app, 'rs');
    await rs.patch(`/api/orgs/team-members/${w.teamMembers.altM1}`, { divisionOfWork: '分管监管、物流' });
    const head = await headOf(env);
    // The process died after the commit of the last event, before its checkpoint line was written.
    writeFileSync(file, `${lines(file).slice(0, -1).join('\n')}\n`);
    const r = await verify();
    expect(r.ok).toBe(true);
    expect(r.checkpoint?.status).toBe('unanchored');
    expect(r.checkpoint?.unanchored).toEqual({ fromSeq: head.seq, toSeq: head.seq });
    expect(r.warnings?.join('')).toContain('尚未锚定');
  });

  it('refuses a forged checkpoint line, and a checkpoint whose hash differs from the row (rewrite)', async () => {
    const head = await headOf(env);
    const last = JSON.parse(lines(file).at(-1) as string) as Record<string, unknown>;
    appendFileSync(file, `${JSON.stringify({ ...last, seq: head.seq + 5, count: head.seq + 5 })}\n`);
    const forged = await verify();
    expect(forged.ok).toBe(false);
    expect(forged.checkpoint?.status).toBe('failed');
    expect(forged.checkpoint?.problems.join('')).toContain('校验码不符');
    const genuine = lines(file).filter((l) => (JSON.parse(l) as { seq: number }).seq !== head.seq + 5);
    writeFileSync(file, `${genuine.join('\n')}\n`);
    expect((await verify()).ok).toBe(true);

    // Someone holding the audit key (not only the database) edits a row and recomputes the keyed
    // chain and the head: the chain verifies, but the checkpoints written at the time do not match.
    const rs = await loginAs(env.app, 'rs');
    await rs.patch(`/api/orgs/team-members/${w.teamMembers.altM1}`, { divisionOfWork: '分管监管、物流' });
    const target = await env.ctx.db
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'orgs.team_member_updated')
      .executeTakeFirstOrThrow();
    await dropAppendOnlyGuards(env.ctx.db, dialect);
    await sql`update audit_events set actor_name = '他人' where seq = ${target.seq}`.execute(env.ctx.db);
    const rows = await env.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', target.seq)
      .orderBy('seq')
      .execute();
    let prev = rows[0]?.prev_hash ?? '';
    for (const r of rows) {
      const { prev_hash: _p, hash: _h, ...rest } = r;
      const h = keyedChainHash(env.ctx.auditKey, prev, rest);
      await sql`update audit_events set prev_hash = ${prev}, hash = ${h} where seq = ${r.seq}`.execute(env.ctx.db);
      prev = h;
    }
    await sql`update audit_head set hash = ${prev} where id = 1`.execute(env.ctx.db);
    const rewritten = await verify();
    expect(rewritten.ok).toBe(false);
    expect(rewritten.broken).toMatchObject({ seq: target.seq, kind: 'rewritten' });
    expect(rewritten.broken?.reason).toContain('改写');
  });

  it('lets the auditor keep a copy: an insider who truncates the log and trims the server file is caught with --checkpoint', async () => {
    const rs = await loginAs(env.app, 'rs');
    await rs.patch(`/api/orgs/team-members/${w.teamMembers.altM1}`, { divisionOfWork: '分管监管、物流' });
    const copy = `${file}.auditor-copy`;
    copyFileSync(file, copy);
    const ok = cli(env, ['audit', 'verify', '--checkpoint', copy]);
    expect(ok.status, ok.stderr + ok.stdout).toBe(0);
    expect(ok.stdout).toContain('审计日志完整');

    // The insider drops the guards, deletes the last two events, moves the head back, and also
    // removes the matching lines from the server's checkpoint file (no key needed to delete lines).
    const head = await headOf(env);
    await dropAppendOnlyGuards(env.ctx.db, dialect);
    const keep = head.seq - 2;
    const kept = await env.ctx.db.selectFrom('audit_events').select('hash').where('seq', '=', keep).executeTakeFirst();
    await sql`delete from audit_events where seq > ${keep}`.execute(env.ctx.db);
    await sql`update audit_head set seq = ${keep}, hash = ${kept?.hash ?? ''} where id = 1`.execute(env.ctx.db);
    writeFileSync(
      file,
      `${lines(file)
        .filter((l) => (JSON.parse(l) as { seq: number }).seq <= keep)
        .join('\n')}\n`,
    );
    const bad = cli(env, ['audit', 'verify', '--checkpoint', copy]);
    expect(bad.status, bad.stdout).toBe(1);
    expect(bad.stderr).toContain(`第 ${keep + 1} 条`);
    expect(bad.stderr).toContain('截断');
  });

  it('verifies with the audit key only: a missing key is refused (never made up), a wrong key is named', async () => {
    const c = env.ctx.config;
    const noKey = cli(env, ['audit', 'verify'], { BANZI_AUDIT_KEY_FILE: join(dir, 'no-such.key') });
    expect(noKey.status).toBe(1);
    expect(noKey.stderr).toContain('未找到审计密钥');
    expect(existsSync(join(dir, 'no-such.key'))).toBe(false);
    const wrong = cli(env, ['audit', 'verify'], { BANZI_AUDIT_KEY: randomBytes(32).toString('base64') });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('不是写日志的密钥');
    expect(existsSync(c.auditKeyFile)).toBe(true);
  });

  it('shows the auditor that the server could not write a checkpoint', async () => {
    rmSync(file);
    mkdirSync(file); // now nothing can be appended to it
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await loginAs(env.app, 'rs'); // a commit with an audit event
    quiet.mockRestore();
    expect(env.ctx.checkpoints.lastError).toBeTruthy();
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.warnings?.join('')).toContain('写检查点失败');
    expect(r.checkpoint?.problems.join('')).toContain('无法读取检查点文件');
  });

  it('fails when the checkpoint file is missing (truncation could not be ruled out)', async () => {
    rmSync(file);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.checkpoint?.status).toBe('missing');
  });

  it('reports a declared restore as a declared gap, not as tampering', async () => {
    const rs = await loginAs(env.app, 'rs');
    await rs.patch(`/api/orgs/team-members/${w.teamMembers.altM1}`, { divisionOfWork: '分管监管、物流' });
    const head = await headOf(env);
    // Restoring an older backup: the database is as it was at `keep` (what pg_restore or copying the
    // SQLite backup leaves), while the checkpoints go on to `head`.
    const keep = head.seq - 3;
    const kept = await env.ctx.db.selectFrom('audit_events').select('hash').where('seq', '=', keep).executeTakeFirst();
    await dropAppendOnlyGuards(env.ctx.db, dialect);
    await sql`delete from audit_events where seq > ${keep}`.execute(env.ctx.db);
    await sql`update audit_head set seq = ${keep}, hash = ${kept?.hash ?? ''} where id = 1`.execute(env.ctx.db);
    const undeclared = cli(env, ['audit', 'verify']);
    expect(undeclared.status).toBe(1);
    expect(undeclared.stderr).toContain('截断');

    const declared = cli(env, ['audit', 'declare-restore', '--note', '机房故障，恢复 6 月 7 日备份']);
    expect(declared.status, declared.stderr + declared.stdout).toBe(0);
    const r = cli(env, ['audit', 'verify']);
    expect(r.status, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toContain('已声明');
    const api = await verify();
    expect(api.ok).toBe(true);
    expect(api.declaredGaps).toEqual([expect.objectContaining({ restoredHeadSeq: keep, lostThroughSeq: head.seq })]);
    const ev = await env.ctx.db
      .selectFrom('audit_events')
      .select(['seq', 'details'])
      .where('action', '=', 'audit.restored')
      .executeTakeFirstOrThrow();
    expect(ev.seq).toBe(keep + 1);
    expect(JSON.parse(ev.details)).toMatchObject({ restoredHeadSeq: keep, lostThroughSeq: head.seq });
  });
});
