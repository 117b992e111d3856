/**
 * Issue 8 §7b: each ciphertext's MAC is bound to its table, column and row id, so one row's
 * ciphertext copied into another row (by whoever can write the database) fails to decrypt: the
 * API refuses to answer instead of showing the other person's data.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, loginAs, type HttpClient, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { addFamily, fullItems, submitAnnual } from './disclosures-helpers.js';
import { seedWorld, type World } from './fixtures.js';

describeEachDialect('field ciphertexts are bound to their row (issue 8 §7b)', (dialect) => {
  let env: TestEnv;
  let w: World;
  let rs: HttpClient;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    w = await seedWorld(env.ctx);
    rs = await loginAs(env.app, 'rs');
  });
  afterAll(() => env.close());

  it('refuses an ID number copied from another person’s row', async () => {
    const m1 = (await rs.post(`/api/people/${w.people.altM1}/id-number/reveal`)).json<{ idNumber: string }>().idNumber;
    const m2 = (await rs.post(`/api/people/${w.people.altM2}/id-number/reveal`)).json<{ idNumber: string }>().idNumber;
    expect(m1).not.toBe(m2);
    await sql`update people set id_number_enc = (select id_number_enc from people where id = ${w.people.altM1})
      where id = ${w.people.altM2}`.execute(env.ctx.db);
    const res = await rs.post(`/api/people/${w.people.altM2}/id-number/reveal`);
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain(m1);
    expect(res.json().error.message).toContain('完整性');
    // The row it came from still reads.
    expect((await rs.post(`/api/people/${w.people.altM1}/id-number/reveal`)).json().idNumber).toBe(m1);
  });

  it('refuses a report’s contents copied into another report, and a column copied into another column', async () => {
    const f1 = await addFamily(env.ctx, w.people.altM1);
    const f2 = await addFamily(env.ctx, w.people.altM2, { spouse: '刘芳', son: '刘强', daughterInLaw: '周婷' });
    const r1 = await submitAnnual(await loginAs(env.app, 'altm1'), '再娜甫·吾斯曼', 2026, fullItems(f1));
    const r2 = await submitAnnual(
      await loginAs(env.app, 'altm2'),
      '叶尔兰·努尔兰',
      2026,
      fullItems(f2, { income: { salaryFen: 100, bonusFen: 0, allowanceFen: 0 } }),
    );
    expect((await rs.get(`/api/disclosures/reports/${r2}`)).statusCode).toBe(200);
    await sql`update disclosure_reports set payload_enc = (select payload_enc from disclosure_reports where id = ${r1})
      where id = ${r2}`.execute(env.ctx.db);
    const res = await rs.get(`/api/disclosures/reports/${r2}`);
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('王丽');
    expect(res.body).not.toContain('解放路');
    expect((await rs.get(`/api/disclosures/reports/${r1}`)).statusCode).toBe(200);
  });
});
