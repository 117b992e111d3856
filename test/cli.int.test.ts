import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../src/server/db/connect.js';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'banzi-cli-'));
const env = { ...process.env, BANZI_DATA_DIR: dir };

function banzi(args: string[], input?: string) {
  return spawnSync(process.execPath, [join(ROOT, 'bin/banzi.mjs'), ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    input,
    timeout: 120_000,
  });
}

describe('the banzi command', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists its commands', () => {
    const r = banzi(['--help']);
    expect(r.status).toBe(0);
    for (const c of ['migrate', 'seed', 'user', 'audit verify']) expect(r.stdout).toContain(c);
  });

  it('migrates, creates each admin with one admin role, and seeds demo data only into a database without real data', () => {
    expect(banzi(['migrate']).stdout).toContain('0001_foundation');
    // The holder types the password at the server's terminal.
    const add = banzi(
      ['user', 'add', '--role', 'auditor', '--username', 'chief-auditor', '--password-stdin'],
      'Audit-Passw0rd-1\n',
    );
    expect(add.status, add.stderr).toBe(0);
    const weak = banzi(['user', 'add', '--role', 'system-admin', '--username', 'weak', '--password-stdin'], 'short\n');
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('密码至少 10 位');
    expect(
      banzi(['user', 'add', '--role', 'superuser', '--username', 'x', '--password-stdin'], 'Audit-Passw0rd-1\n').status,
    ).toBe(2);
    const h = openSqlite(join(dir, 'banzi.db'));
    const row = h.sqlite
      ?.prepare("select admin_role, person_id, is_demo from users where username = 'chief-auditor'")
      .get();
    h.sqlite?.close();
    expect(row).toEqual({ admin_role: 'auditor', person_id: null, is_demo: 0 });
    const seed = banzi(['seed', '--demo']);
    expect(seed.status).toBe(1);
    expect(seed.stderr).toContain('真实数据');
  });

  it('AC-02: creates an admin with an activation code by default, and re-issues one with `user reset`', () => {
    const add = banzi([
      'user',
      'add',
      '--role',
      'system-admin',
      '--username',
      'chief-sys',
      '--display-name',
      '系统管理员',
    ]);
    expect(add.status, add.stderr).toBe(0);
    const code = /([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec(add.stdout)?.[1];
    expect(code, add.stdout).toBeDefined();
    expect(add.stdout).toContain('激活');
    const reset = banzi(['user', 'reset', 'chief-sys']);
    expect(reset.status, reset.stderr).toBe(0);
    const again = /([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec(reset.stdout)?.[1];
    expect(again).toBeDefined();
    expect(again).not.toBe(code);
    expect(banzi(['user', 'reset', 'no-such-user']).status).toBe(1);
  });

  it('AC-03: `user unlock` clears an account’s lockouts from every address, and is logged', () => {
    const h = openSqlite(join(dir, 'banzi.db'));
    const id = (h.sqlite?.prepare("select id from users where username = 'chief-auditor'").get() as { id: string }).id;
    h.sqlite
      ?.prepare(
        "insert into login_lockouts (user_id, address, failures, locked_until, last_failure_at) values (?, '203.0.113.9', 0, '2999-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
      )
      .run(id);
    h.sqlite?.close();
    const r = banzi(['user', 'unlock', 'chief-auditor']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('chief-auditor');
    const h2 = openSqlite(join(dir, 'banzi.db'));
    const left = h2.sqlite?.prepare('select count(*) as n from login_lockouts where user_id = ?').get(id);
    const logged = h2.sqlite
      ?.prepare("select actor_name, details from audit_events where action = 'accounts.unlocked' and entity_id = ?")
      .get(id) as { actor_name: string; details: string } | undefined;
    h2.sqlite?.close();
    expect(left).toEqual({ n: 0 });
    expect(logged?.actor_name).toContain('cli');
    expect(banzi(['user', 'unlock', 'no-such-user']).status).toBe(1);
  });

  it('seeds demo data into an empty database and prints the password', () => {
    const empty = mkdtempSync(join(tmpdir(), 'banzi-cli-empty-'));
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/banzi.mjs'), 'seed', '--demo'], {
      cwd: ROOT,
      env: { ...process.env, BANZI_DATA_DIR: empty },
      encoding: 'utf8',
      timeout: 120_000,
    });
    rmSync(empty, { recursive: true, force: true });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Demo password \(all accounts\): Demo-[A-Za-z0-9]{8}-7q/);
    expect(r.stdout).toContain('alt-shuji');
  });

  it('verifies the audit chain', () => {
    const r = banzi(['audit', 'verify']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('审计日志完整');
  });
});
