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
