import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyDrawCommand } from '../src/server/modules/disclosures/disclosures.cli.js';
import { verifyDrawFile } from '../src/server/modules/disclosures/disclosures.draw.js';
import { createTestEnv, loginAs, type HttpClient, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';

describeEachDialect('spot-check draws: committed, published, drawn, verifiable by anyone', (dialect) => {
  let env: TestEnv;
  let world: World;
  let rs: HttpClient;
  let drawId: string;
  let file: Record<string, unknown>;
  const dir = mkdtempSync(join(tmpdir(), 'banzi-draw-'));
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    world = await seedWorld(env.ctx);
    rs = await loginAs(env.app, 'rs');
  });
  afterAll(() => env.close());

  it('prepares the year’s draw with a fixed list, the ratio and an SM3 commitment (personnel office above only)', async () => {
    expect(
      (await (await loginAs(env.app, 'jj')).post('/api/disclosures/draws', { unitId: world.units.urumqi, year: 2026 }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await (
          await loginAs(env.app, 'altsec')
        ).post('/api/disclosures/draws', { unitId: world.units.urumqi, year: 2026 })
      ).statusCode,
    ).toBe(404);
    const res = await rs.post('/api/disclosures/draws', { unitId: world.units.urumqi, year: 2026, ratio: 0.5 });
    expect(res.statusCode, res.body).toBe(201);
    drawId = res.json().id;
    const d = (await rs.get(`/api/disclosures/draws/${drawId}`)).json();
    expect(d).toMatchObject({
      status: 'prepared',
      eligibleCount: 7,
      selectCount: 4,
      ratioBasisPoints: 5000,
      seed: null,
      inputsDigest: null,
    });
    expect(d.commitment).toMatch(/^[0-9a-f]{64}$/);
    const row = await env.ctx.db
      .selectFrom('disclosure_draws')
      .selectAll()
      .where('id', '=', drawId)
      .executeTakeFirstOrThrow();
    expect(row.seed_enc.startsWith('sm4.v2.')).toBe(true);
    expect(row.seed_hex).toBeNull();
    expect(
      (await rs.post('/api/disclosures/draws', { unitId: world.units.urumqi, year: 2026 })).json().error.field,
    ).toBe('year');
  });

  it('shows the draw to the reporters on the list only once published', async () => {
    const m1 = await loginAs(env.app, 'altm1');
    expect((await m1.get(`/api/disclosures/draws/${drawId}`)).statusCode).toBe(404);
    expect((await rs.post(`/api/disclosures/draws/${drawId}/draw`, { publicValue: '1 2 3' })).statusCode).toBe(409);
    expect((await rs.post(`/api/disclosures/draws/${drawId}/publish`)).statusCode).toBe(200);
    const seen = await m1.get(`/api/disclosures/draws/${drawId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ status: 'published', seed: null, canDraw: false });
    expect(seen.json().inputsDigest).toMatch(/^[0-9a-f]{64}$/);
    expect((await m1.get('/api/disclosures/draws')).json().items.map((x: { id: string }) => x.id)).toContain(drawId);
    for (const u of ['altstaff', 'altrenshi', 'auditor']) {
      expect(
        (await (await loginAs(env.app, u)).get(`/api/disclosures/draws/${drawId}`)).statusCode,
        u,
      ).toBeGreaterThanOrEqual(403);
    }
    expect((await rs.delete(`/api/disclosures/draws/${drawId}`)).statusCode).toBe(409);
    expect((await m1.post(`/api/disclosures/draws/${drawId}/draw`, { publicValue: 'x' })).statusCode).toBe(403);
  });

  it('draws with the public value, reveals the seed and opens random checks', async () => {
    const res = await rs.post(`/api/disclosures/draws/${drawId}/draw`, {
      publicValue: '2026年第015期体彩排列五：3 8 1 9 4',
    });
    expect(res.statusCode, res.body).toBe(200);
    const selected = res.json().selected as string[];
    expect(selected).toHaveLength(4);
    const d = (await rs.get(`/api/disclosures/draws/${drawId}`)).json();
    expect(d.status).toBe('drawn');
    expect(d.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(d.selected.map((s: { id: string }) => s.id)).toEqual(selected);
    const checks = (await rs.get(`/api/disclosures/checks?drawId=${drawId}`)).json().items as {
      kind: string;
      personId: string;
    }[];
    expect(checks.map((c) => c.personId).sort()).toEqual([...selected].sort());
    expect(checks.every((c) => c.kind === 'random')).toBe(true);
    expect((await rs.post(`/api/disclosures/draws/${drawId}/draw`, { publicValue: 'again' })).statusCode).toBe(409);
  });

  it('offers the JSON file; the verifier recomputes it alone and catches a changed file', async () => {
    const res = await rs.get(`/api/disclosures/draws/${drawId}/file.json`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    file = res.json();
    expect(verifyDrawFile(file)).toMatchObject({ ok: true, problems: [] });
    const good = join(dir, 'draw.json');
    writeFileSync(good, JSON.stringify(file, null, 2));
    const lines: string[] = [];
    expect(await verifyDrawCommand([good], (l) => lines.push(l))).toBe(0);
    expect(lines.join('\n')).toContain('MATCH');
    const eligible = file.eligible as { id: string }[];
    const forged = {
      ...file,
      selected: [
        (eligible.find((e) => !(file.selected as string[]).includes(e.id)) as { id: string }).id,
        ...(file.selected as string[]).slice(1),
      ],
    };
    const bad = join(dir, 'forged.json');
    writeFileSync(bad, JSON.stringify(forged));
    expect(await verifyDrawCommand([bad], () => undefined)).toBe(1);
    const verify = await rs.post(`/api/disclosures/draws/${drawId}/verify`);
    expect(verify.json()).toMatchObject({ ok: true });
    expect((await rs.get(`/api/disclosures/draws/${drawId}`)).json().verifiedOk).toBe(true);
  });

  // The command never opens a database, so one dialect is enough.
  it.skipIf(dialect === 'postgres')(
    'runs `banzi disclosures verify-draw FILE` with no database at all',
    () => {
      const root = resolve(import.meta.dirname, '..');
      const good = join(dir, 'draw.json');
      const env2 = {
        ...process.env,
        BANZI_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
        BANZI_DATA_DIR: join(dir, 'no-such-dir'),
        BANZI_KEY: '',
      };
      const ok = spawnSync(process.execPath, [join(root, 'bin/banzi.mjs'), 'disclosures', 'verify-draw', good], {
        cwd: root,
        env: env2,
        encoding: 'utf8',
      });
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toContain('一致 MATCH');
      const bad = spawnSync(
        process.execPath,
        [join(root, 'bin/banzi.mjs'), 'disclosures', 'verify-draw', join(dir, 'forged.json')],
        { cwd: root, env: env2, encoding: 'utf8' },
      );
      expect(bad.status).toBe(1);
      expect(bad.stdout).toContain('不一致 MISMATCH');
    },
    60_000,
  );

  it('refuses to draw when the committed inputs were changed after publication', async () => {
    const id = (await rs.post('/api/disclosures/draws', { unitId: world.units.urumqi, year: 2025 })).json()
      .id as string;
    expect((await rs.post(`/api/disclosures/draws/${id}/publish`)).statusCode).toBe(200);
    const row = await env.ctx.db
      .selectFrom('disclosure_draws')
      .select(['eligible', 'ratio_bp'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const shortened = JSON.stringify((JSON.parse(row.eligible) as unknown[]).slice(1));
    await env.ctx.db.updateTable('disclosure_draws').set({ eligible: shortened }).where('id', '=', id).execute();
    const refused = await rs.post(`/api/disclosures/draws/${id}/draw`, { publicValue: '7 7 7' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('拒绝抽取');
    await env.ctx.db
      .updateTable('disclosure_draws')
      .set({ eligible: row.eligible, ratio_bp: 10000 })
      .where('id', '=', id)
      .execute();
    expect((await rs.post(`/api/disclosures/draws/${id}/draw`, { publicValue: '7 7 7' })).statusCode).toBe(409);
    const refusals = await env.ctx.db
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'disclosures.draw_refused')
      .where('entity_id', '=', id)
      .execute();
    expect(refusals).toHaveLength(2);
    expect(
      await env.ctx.db.selectFrom('disclosure_checks').select('id').where('draw_id', '=', id).execute(),
    ).toHaveLength(0);
  });

  it('discards a prepared draw that was never published', async () => {
    const id = (await rs.post('/api/disclosures/draws', { unitId: world.units.urumqi, year: 2024 })).json()
      .id as string;
    expect((await (await loginAs(env.app, 'jj')).delete(`/api/disclosures/draws/${id}`)).statusCode).toBe(403);
    expect((await rs.delete(`/api/disclosures/draws/${id}`)).statusCode).toBe(200);
    expect((await rs.get(`/api/disclosures/draws/${id}`)).statusCode).toBe(404);
  });
});
