import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BatchDetail } from '../src/common/contracts/assessments.js';
import type { Questionnaire, Results } from '../src/common/contracts/ballots.js';
import { seedDemo } from '../src/server/demo/seed.js';
import { decodeAnswers, receiptOf } from '../src/server/modules/ballots/ballots.rules.js';
import { createTestEnv, loginAs, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';

describeEachDialect('demo data: last year’s evaluation and grades of 阿勒泰海关', (dialect) => {
  let env: TestEnv;
  const password = 'Demo-Passw0rd-7q';
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    await seedDemo(env.ctx, { password });
  });
  afterAll(() => env.close());

  it('holds a closed team evaluation and member evaluation of 2025 with enough ballots, and consistent receipts', async () => {
    const office = await loginAs(env.app, 'alt-bangong', password);
    const list = (await office.get('/api/ballots/sessions?year=2025')).json<{
      items: { id: string; kind: string; status: string }[];
    }>().items;
    expect(list.map((s) => s.kind).sort()).toEqual(['member_evaluation', 'team_evaluation']);
    for (const s of list) {
      const r = (await office.get(`/api/ballots/sessions/${s.id}/results`)).json<Results>();
      expect(r.tally.totalBallots).toBe(57);
      expect(r.tally.allWithheld).toBe(false);
      expect(r.tally.groups.map((g) => g.key)).toEqual(['team', 'middle', 'staff']);
      const stored = await env.ctx.db.selectFrom('ballots').selectAll().where('session_id', '=', s.id).execute();
      const questionnaire = (await office.get(`/api/ballots/sessions/${s.id}`)).json<{ questionnaire: Questionnaire }>()
        .questionnaire;
      for (const b of stored) expect(receiptOf(s.id, b.id, decodeAnswers(questionnaire, b.answers))).toBe(b.receipt);
      expect(r.participation.map((p) => [p.issued, p.voted])).toEqual([
        [7, 7],
        [14, 13],
        [40, 37],
      ]);
    }
  });

  it('holds the 2025 grades of the team beside the evaluation results', async () => {
    const rs = await loginAs(env.app, 'wlmq-renshi', password);
    const batches = (await rs.get('/api/assessments/batches?year=2025')).json<{
      items: { id: string; unitName: string; teamGrade: string }[];
    }>().items;
    expect(batches).toEqual([expect.objectContaining({ unitName: '阿勒泰海关', teamGrade: '良好' })]);
    const d = (await rs.get(`/api/assessments/batches/${batches[0]?.id ?? ''}`)).json<BatchDetail>();
    expect(d.grades).toHaveLength(7);
    expect(d.grades.filter((g) => g.grade === 'excellent')).toHaveLength(1);
    expect(d.findings).toEqual([]);
    expect(d.teamEvaluation?.ballots).toBe(57);
    expect(d.grades.every((g) => g.evaluation?.ballots === 57)).toBe(true);
  });
});
