import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, loginAs, type HttpClient, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { addFamily, fullItems, submitAnnual, type Family } from './disclosures-helpers.js';
import { seedWorld, type World } from './fixtures.js';

describeEachDialect('personal-matters reports: confidentiality, encryption, audited reads', (dialect) => {
  let env: TestEnv;
  let world: World;
  let fam: Family;
  let m1: HttpClient;
  let reportId: string;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    world = await seedWorld(env.ctx);
    fam = await addFamily(env.ctx, world.people.altM1);
    m1 = await loginAs(env.app, 'altm1');
    reportId = await submitAnnual(m1, '再娜甫·吾斯曼', 2026, fullItems(fam));
  });
  afterAll(() => env.close());

  it('shows the report to the reporter and to the managing personnel and discipline offices', async () => {
    for (const u of ['altm1', 'rs', 'jj']) {
      const res = await (await loginAs(env.app, u)).get(`/api/disclosures/reports/${reportId}`);
      expect(res.statusCode, u).toBe(200);
      expect(res.json().items.housing.entries[0].areaSqm).toBe(120.5);
    }
  });

  it('hides it (404) from the own secretary, own offices, colleagues, another unit and the unit above’s secretary', async () => {
    for (const u of ['altsec', 'altoffice', 'altrenshi', 'altm2', 'altstaff', 'khsec', 'ursec']) {
      const c = await loginAs(env.app, u);
      expect((await c.get(`/api/disclosures/reports/${reportId}`)).statusCode, u).toBe(404);
      expect((await c.get(`/api/disclosures/reports/${reportId}/export.docx`)).statusCode, u).toBe(404);
      expect(
        (await c.get('/api/disclosures/reports')).json().items.map((r: { id: string }) => r.id),
        u,
      ).not.toContain(reportId);
    }
  });

  it('refuses the three admins (三员分立)', async () => {
    for (const u of ['sysadmin', 'secadmin', 'auditor']) {
      expect((await (await loginAs(env.app, u)).get(`/api/disclosures/reports/${reportId}`)).statusCode, u).toBe(403);
    }
  });

  it('stores the contents encrypted at rest', async () => {
    const row = await env.ctx.db
      .selectFrom('disclosure_reports')
      .selectAll()
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow();
    expect(row.payload_enc.startsWith('sm4.v2.')).toBe(true);
    const raw = JSON.stringify(row);
    for (const secret of ['解放路', '120.5', '阿勒泰地区人民医院', '王丽', '16800000']) {
      expect(raw).not.toContain(secret);
    }
    expect(row.payload_hash).toMatch(/^[0-9a-f]{64}$/);
    const audit = JSON.stringify(await env.ctx.db.selectFrom('audit_events').selectAll().execute());
    for (const secret of ['解放路', '阿勒泰地区人民医院']) expect(audit).not.toContain(secret);
  });

  it('writes every read to the audit log and shows the cadre who read it', async () => {
    const before = await env.ctx.db
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'disclosures.report_read')
      .where('entity_id', '=', reportId)
      .execute();
    const jj = await loginAs(env.app, 'jj');
    await jj.get(`/api/disclosures/reports/${reportId}`);
    await jj.get(`/api/disclosures/reports/${reportId}/export.docx`);
    const after = await env.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'disclosures.report_read')
      .where('entity_id', '=', reportId)
      .execute();
    expect(after.length - before.length).toBe(2);
    expect(after.at(-1)?.actor_user_id).toBe(world.users.jj);
    const reads = (await m1.get('/api/disclosures/me/reads')).json<{
      items: { actorName: string; purpose: string; self: boolean }[];
    }>().items;
    expect(reads[0]).toMatchObject({ actorName: '田红霞', purpose: '导出', self: false });
    expect(reads.some((r) => r.actorName === '曾国栋')).toBe(true);
    // a denied read is not a read
    await (await loginAs(env.app, 'altsec')).get(`/api/disclosures/reports/${reportId}`);
    const n = await env.ctx.db
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'disclosures.report_read')
      .where('entity_id', '=', reportId)
      .execute();
    expect(n.length).toBe(after.length);
    expect((await (await loginAs(env.app, 'rs')).get(`/api/disclosures/reports/${reportId}/reads`)).statusCode).toBe(
      200,
    );
    expect(
      (await (await loginAs(env.app, 'altsec')).get(`/api/disclosures/reports/${reportId}/reads`)).statusCode,
    ).toBe(404);
  });

  it('exports the report as a .docx in the form layout', async () => {
    const res = await m1.get(`/api/disclosures/reports/${reportId}/export.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')?.async('string');
    expect(xml).toContain('领导干部个人有关事项报告表');
    expect(xml).toContain('阿勒泰市解放路18号3-502');
    expect(xml).toContain('二、家庭财产事项');
  });

  it('freezes a submitted report; corrections are dated amendments', async () => {
    const put = await m1.put(`/api/disclosures/reports/${reportId}`, {
      items: { income: { salaryFen: 1, bonusFen: 0, allowanceFen: 0 } },
    });
    expect(put.statusCode).toBe(409);
    const same = await m1.post(`/api/disclosures/reports/${reportId}/amendments`, { reason: '无变化', items: {} });
    expect(same.statusCode).toBe(400);
    const am = await m1.post(`/api/disclosures/reports/${reportId}/amendments`, {
      reason: '漏填车位',
      items: {
        housing: {
          entries: [
            ...fullItems(fam).housing.entries,
            {
              owner: 'self',
              kind: 'parking',
              address: '解放路18号地下车位B-7',
              certificateNo: 'P-7',
              areaSqm: 13.2,
              acquiredOn: '2019-01-01',
              source: 'purchase',
              priceFen: 8_000_000,
            },
          ],
        },
      },
    });
    expect(am.statusCode, am.body).toBe(201);
    const detail = (await m1.get(`/api/disclosures/reports/${reportId}`)).json();
    expect(detail.version).toBe(1);
    expect(detail.amendments[0]).toMatchObject({
      seq: 1,
      amendedOn: '2026-06-08',
      reason: '漏填车位',
      changedItems: ['housing'],
    });
    expect(detail.items.housing.entries).toHaveLength(2);
    const original = (await m1.get(`/api/disclosures/reports/${reportId}?version=0`)).json();
    expect(original.items.housing.entries).toHaveLength(1);
    expect(original.payloadHash).not.toBe(detail.payloadHash);
    expect(
      (
        await (
          await loginAs(env.app, 'rs')
        ).post(`/api/disclosures/reports/${reportId}/amendments`, { reason: 'x', items: {} })
      ).statusCode,
    ).toBe(403);
  });

  it('computes deadlines: 31 January fixed, late after it', async () => {
    const detail = (await m1.get(`/api/disclosures/reports/${reportId}`)).json();
    expect(detail.deadline).toMatchObject({ dueDate: '2026-01-31', status: 'late' });
    const me = (await (await loginAs(env.app, 'altm2')).get('/api/disclosures/me')).json();
    expect(me.subject).toMatchObject({ isSubject: true, basis: 'rank', since: '2020-01-01' });
    expect(me.deadline).toMatchObject({ dueDate: '2026-01-31', status: 'overdue' });
    const staff = (await (await loginAs(env.app, 'altstaff')).get('/api/disclosures/me')).json();
    expect(staff.subject.isSubject).toBe(false);
  });

  it('prefills from last year so only changes are typed', async () => {
    const m3 = await loginAs(env.app, 'altm3');
    const f3 = await addFamily(env.ctx, world.people.altM3, { spouse: '张华', son: '马强', daughterInLaw: '刘芳' });
    env.clock.set('2025-01-20T02:00:00.000Z');
    try {
      await submitAnnual(m3, '马德胜', 2025, fullItems(f3));
    } finally {
      env.clock.set('2026-01-10T02:00:00.000Z');
    }
    const created = await m3.post('/api/disclosures/reports', { year: 2026, kind: 'annual' });
    expect(created.statusCode, created.body).toBe(201);
    const draft = (await m3.get(`/api/disclosures/reports/${created.json().id}`)).json();
    expect(draft.items.housing.entries[0].address).toBe('阿勒泰市解放路18号3-502');
    expect(draft.deadline.status).toBe('reminder');
    const sub = await m3.post(`/api/disclosures/reports/${created.json().id}/submit`, {
      declaration: true,
      signature: '马德胜',
    });
    expect(sub.statusCode).toBe(200);
    expect((await m3.get(`/api/disclosures/reports/${created.json().id}`)).json().deadline.status).toBe('on_time');
    const reads = (await m3.get('/api/disclosures/me/reads')).json().items;
    expect(reads.some((r: { purpose: string; self: boolean }) => r.purpose === '预填下一年度' && r.self)).toBe(true);
    env.clock.set('2026-06-08T02:00:00.000Z');
  });

  it('lists the unit’s reporters with their status for the managing office only', async () => {
    const rs = await loginAs(env.app, 'rs');
    const res = await rs.get(`/api/disclosures/subjects?unitId=${world.units.altay}`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      personName: string;
      basis: string;
      deadline: { status: string } | null;
      report: unknown;
    }[];
    expect(items.map((i) => i.personName).sort()).toEqual(
      ['再娜甫·吾斯曼', '叶尔兰·努尔兰', '朱少华', '林晓峰', '马德胜'].sort(),
    );
    expect(items.find((i) => i.personName === '叶尔兰·努尔兰')?.deadline?.status).toBe('overdue');
    expect(
      (await (await loginAs(env.app, 'altrenshi')).get(`/api/disclosures/subjects?unitId=${world.units.altay}`))
        .statusCode,
    ).toBe(404);
    const all = (await rs.get(`/api/disclosures/subjects?unitId=${world.units.altay}&all=1`)).json().items as {
      isSubject: boolean;
    }[];
    expect(all.filter((i) => !i.isSubject).length).toBe(3);
  });

  it('adds a special case with a reason, and ends it', async () => {
    const rs = await loginAs(env.app, 'rs');
    const add = await rs.post('/api/disclosures/special-subjects', {
      personId: world.people.altStaff,
      reason: '主持监管科全面工作，按规定纳入报告范围',
      startDate: '2026-05-01',
    });
    expect(add.statusCode, add.body).toBe(201);
    const staff = await loginAs(env.app, 'altstaff');
    const me = (await staff.get('/api/disclosures/me')).json();
    expect(me.subject).toMatchObject({ isSubject: true, basis: 'special', since: '2026-05-01' });
    expect(me.deadline.dueDate).toBe('2026-06-01');
    expect(
      (
        await (
          await loginAs(env.app, 'jj')
        ).post('/api/disclosures/special-subjects', {
          personId: world.people.altStaff,
          reason: 'x',
          startDate: '2026-05-01',
        })
      ).statusCode,
    ).toBe(403);
    const bad = await rs.post(`/api/disclosures/special-subjects/${add.json().id}/end`, { endDate: '2026-04-01' });
    expect(bad.json().error.field).toBe('endDate');
    expect(
      (await rs.post(`/api/disclosures/special-subjects/${add.json().id}/end`, { endDate: '2026-06-30' })).statusCode,
    ).toBe(200);
  });
});
