import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../src/server/demo/seed.js';
import { verifyLog } from '../src/server/modules/audit/audit.service.js';
import { verifyDrawFile } from '../src/server/modules/disclosures/disclosures.draw.js';
import { createTestEnv, loginAs, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';

const PASSWORD = 'Demo-Test-Passw0rd';

describeEachDialect('disclosures demo data', (dialect) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(dialect, { now: '2026-11-28T02:00:00.000Z' });
    await seedDemo(env.ctx, { password: PASSWORD });
  }, 180_000);
  afterAll(() => env.close());

  it('holds reports, a published, drawn and verified draw, and classified cases for 阿勒泰海关', async () => {
    const rs = await loginAs(env.app, 'wlmq-renshi', PASSWORD);
    const draws = (await rs.get('/api/disclosures/draws')).json().items as {
      id: string;
      status: string;
      verifiedOk: boolean;
    }[];
    expect(draws).toHaveLength(1);
    expect(draws[0]).toMatchObject({ status: 'drawn', verifiedOk: true });
    const file = (await rs.get(`/api/disclosures/draws/${draws[0]?.id}/file.json`)).json();
    expect(verifyDrawFile(file).ok).toBe(true);
    const units = (await rs.get('/api/orgs/units')).json().items as { id: string; name: string }[];
    const altay = units.find((u) => u.name === '阿勒泰海关')?.id ?? '';
    const subjects = (await rs.get(`/api/disclosures/subjects?unitId=${altay}&year=2026`)).json().items as {
      report: { status: string; deadline: { status: string } } | null;
    }[];
    expect(subjects).toHaveLength(7);
    expect(subjects.filter((s) => s.report?.status === 'submitted')).toHaveLength(6);
    const checks = (await rs.get(`/api/disclosures/checks?unitId=${altay}`)).json().items as {
      kind: string;
      result: string | null;
    }[];
    expect(
      checks
        .filter((c) => c.kind !== 'random')
        .map((c) => c.result)
        .sort(),
    ).toEqual(['concealment', 'consistent', 'omission']);
    const cases = (await rs.get(`/api/disclosures/cases?unitId=${altay}`)).json().items as {
      classification: string;
      status: string;
      restrictionActive: boolean;
    }[];
    expect(cases.map((c) => `${c.classification}:${c.status}:${c.restrictionActive}`).sort()).toEqual([
      'concealment:decided:true',
      'omission:closed:false',
    ]);
    expect((await rs.get(`/api/disclosures/business-cases?unitId=${altay}`)).json().items.length).toBeGreaterThan(0);
    const stats = (
      await rs.get(
        '/api/disclosures/stats?unitId=' + (units.find((u) => u.name === '乌鲁木齐海关')?.id ?? '') + '&year=2026',
      )
    ).json();
    expect(stats.rows).toHaveLength(9);
    expect(stats.totals.submitted).toBeGreaterThan(40);
    const me = (await (await loginAs(env.app, 'alt-chengyuan', PASSWORD)).get('/api/disclosures/me')).json();
    expect(me.reports.length).toBe(2);
    expect(me.cases[0]).toMatchObject({ classification: 'concealment' });
  });

  it('keeps the audit chain intact', async () => {
    expect(await verifyLog(env.ctx)).toMatchObject({ ok: true, checkpoint: { status: 'ok' } });
  });
});
