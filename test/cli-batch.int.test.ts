/**
 * The CLI path of an account batch (issue 16 §1): `banzi units import FILE --accounts --codes-out`
 * requests accounts for the file's people and writes the first halves; `banzi user batch confirm
 * ID --codes-out` confirms the whole batch and writes the second halves, refused to the same
 * operating-system user who requested; the holder activates with both halves; a second import
 * requests nothing more.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { bootstrap } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import { openSqlite } from '../src/server/db/connect.js';
import { readHalves } from './account-batches-helpers.js';
import { anonymousClient } from './app.js';
import { districtSheets, filledTemplate } from './import-helpers.js';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'banzi-cli-batch-'));
const { BANZI_DATABASE_URL: _u, BANZI_DEMO: _d, BANZI_DB_FILE: _f, ...base } = process.env;
const env = { ...base, BANZI_DATA_DIR: dir };

function banzi(args: string[], user = 'ops-a') {
  return spawnSync(process.execPath, [join(ROOT, 'bin/banzi.mjs'), ...args], {
    cwd: ROOT,
    env: { ...env, USER: user },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

function rows(sql: string): Record<string, unknown>[] {
  const h = openSqlite(join(dir, 'banzi.db'));
  try {
    return (h.sqlite?.prepare(sql).all() ?? []) as Record<string, unknown>[];
  } finally {
    h.sqlite?.close();
  }
}

describe('account batches on the server’s command line', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'district.xlsx');
  const first = join(dir, 'first.xlsx');
  const second = join(dir, 'second.xlsx');

  it('imports with --accounts, confirms as another operating-system user, and the holder activates', async () => {
    expect(banzi(['units', 'create-root', '--code', '6500', '--name', '乌鲁木齐海关']).status).toBe(0);
    writeFileSync(file, await filledTemplate(districtSheets()));
    expect(banzi(['units', 'import', file, '--accounts']).status).toBe(2);
    const imp = banzi(['units', 'import', file, '--accounts', '--codes-out', first]);
    expect(imp.status, imp.stderr).toBe(0);
    expect(imp.stdout).toContain('已申请批量开设账户');
    const halves1 = await readHalves(readFileSync(first));
    expect(halves1).toHaveLength(7);
    expect(halves1.map((l) => l.username)).toContain('6501.001');
    const [batch] = rows('select id, requested_by_name, first_issued_at from account_batches');
    expect(batch).toMatchObject({ requested_by_name: 'cli (ops-a)' });
    expect(batch?.first_issued_at).toBeTruthy();

    // The operator who requested cannot confirm: no one holds both halves.
    const own = banzi(['user', 'batch', 'confirm', String(batch?.id), '--codes-out', second]);
    expect(own.status).toBe(1);
    expect(own.stderr).toContain('不能确认本人提出的批量申请');
    expect(banzi(['user', 'batch', 'list'], 'ops-b').stdout).toContain(`${String(batch?.id)}  待确认  7 人`);
    const ok = banzi(['user', 'batch', 'confirm', String(batch?.id), '--codes-out', second], 'ops-b');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('开设 7 个账户，跳过 0 人');
    const halves2 = await readHalves(readFileSync(second));
    expect(halves2.map((l) => l.username)).toEqual(halves1.map((l) => l.username));
    const again = banzi(['user', 'batch', 'confirm', String(batch?.id), '--codes-out', second], 'ops-b');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('已处理');
    expect(
      rows("select action, actor_name from audit_events where action like 'accounts.batch%' order by seq").map(
        (r) => `${String(r.action)} ${String(r.actor_name)}`,
      ),
    ).toEqual([
      'accounts.batch_requested cli (ops-a)',
      'accounts.batch_codes_taken cli (ops-a)',
      'accounts.batch_confirmed cli (ops-b)',
      'accounts.batch_codes_taken cli (ops-b)',
    ]);

    const { ctx } = await bootstrap(loadConfig(env, ROOT));
    const app = await buildApp(ctx);
    try {
      const c = await anonymousClient(app);
      const u = halves1[0]?.username ?? '';
      const code = `${halves1[0]?.code ?? ''}${halves2[0]?.code ?? ''}`;
      const res = await c.post('/api/auth/activate', { username: u, code, newPassword: 'Holder-Chosen-Pw9' });
      expect(res.statusCode, res.body).toBe(200);
    } finally {
      await app.close();
      await ctx.handle.close();
    }
    // A second import of the same file changes nothing and requests nothing.
    const twice = banzi(['units', 'import', file, '--accounts', '--codes-out', join(dir, 'none.xlsx')]);
    expect(twice.status, twice.stderr).toBe(0);
    expect(twice.stdout).toContain('没有申请批量开设账户');
    expect(rows('select count(*) as n from account_batches')).toEqual([{ n: 1 }]);
  });
});
