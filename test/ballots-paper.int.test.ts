import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Answers, Questionnaire } from '../src/common/contracts/ballots.js';
import { decodeAnswers } from '../src/server/modules/ballots/ballots.rules.js';
import { nowIso } from '../src/server/platform/clock.js';
import { uuidv7 } from '../src/server/platform/random.js';
import { createTestEnv, loginAs, type HttpClient, type TestEnv } from './app.js';
import { publicVoter, ratingAnswers, setupSession, templateBody } from './ballots-helpers.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';

describeEachDialect('ballots: paper ballots typed twice', (dialect) => {
  let env: TestEnv;
  let world: World;
  let clerk1: HttpClient;
  let clerk2: HttpClient;
  let clerk3: HttpClient;
  let id: string;
  let codes: string[];
  let a: Answers;
  let b: Answers;
  let questionnaire: Questionnaire;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    world = await seedWorld(env.ctx);
    await env.ctx.db
      .insertInto('role_grants')
      .values({
        id: uuidv7(env.ctx.random),
        user_id: world.users.altrenshi ?? '',
        role: 'office',
        unit_id: world.units.altay,
        granted_by: 'test',
        granted_at: nowIso(env.ctx.clock),
        revoked_by: null,
        revoked_at: null,
      })
      .execute();
    clerk1 = await loginAs(env.app, 'altoffice');
    clerk2 = await loginAs(env.app, 'rs');
    clerk3 = await loginAs(env.app, 'altrenshi');
    const body = await templateBody(clerk1, world.units.altay, 'team_evaluation');
    ({
      id,
      codes: { staff: codes = [] },
    } = await setupSession(clerk1, body, { staff: 6 }));
    questionnaire = body.questionnaire;
    a = ratingAnswers(body.questionnaire, 0);
    b = ratingAnswers(body.questionnaire, (qid) => (qid === 'g2' || qid === 'a4' ? 2 : 0));
  });
  afterAll(() => env.close());
  const enter = (c: HttpClient, code: string, answers: Answers) =>
    c.post(`/api/ballots/sessions/${id}/paper-entries`, { code, answers });

  it('counts a paper ballot when two clerks type it the same, and spends its code', async () => {
    const code = codes[0] ?? '';
    expect((await enter(clerk1, code, a)).json()).toEqual({ status: 'waiting', receipt: null, differingQuestions: [] });
    expect((await enter(clerk1, code, a)).statusCode).toBe(409);
    const list = (await clerk2.get(`/api/ballots/sessions/${id}/paper-entries`)).json();
    expect(list.items).toEqual([
      { codeHint: code.slice(-4), status: 'waiting', clerks: ['吴静怡'], differingQuestions: [], enteredByMe: false },
    ]);
    const second = (await enter(clerk2, code, a)).json();
    expect(second).toMatchObject({ status: 'accepted', differingQuestions: [] });
    expect(second.receipt).toMatch(/^[2-9A-Z]{16}$/);
    expect((await (await publicVoter(env.app)).vote(id, code, a)).statusCode).toBe(409);
    expect((await clerk2.get(`/api/ballots/sessions/${id}/paper-entries`)).json().items).toEqual([]);
    expect((await enter(clerk3, code, a)).statusCode).toBe(409);
  });

  it('lists a differing pair for a third check, and counts the entry the third clerk matches', async () => {
    const code = codes[1] ?? '';
    await enter(clerk1, code, a);
    expect((await enter(clerk2, code, b)).json()).toEqual({
      status: 'mismatch',
      receipt: null,
      differingQuestions: ['a4', 'g2'],
    });
    expect((await clerk1.get(`/api/ballots/sessions/${id}/paper-entries`)).json().items[0]).toMatchObject({
      status: 'mismatch',
      differingQuestions: ['a4', 'g2'],
      enteredByMe: true,
    });
    expect((await enter(clerk3, code, b)).json()).toMatchObject({ status: 'accepted' });
    const ballots = await env.ctx.db.selectFrom('ballots').select('answers').where('session_id', '=', id).execute();
    expect(ballots.map((x) => decodeAnswers(questionnaire, x.answers).g2)).toContain(b.g2);
  });

  it('refuses a paper ballot whose code was used by phone, and a malformed one naming the question', async () => {
    const code = codes[2] ?? '';
    expect((await (await publicVoter(env.app)).vote(id, code, a)).statusCode).toBe(200);
    const r = await enter(clerk1, code, a);
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toContain('已经使用');
    const bad = await enter(clerk1, codes[3] ?? '', { ...a, g1: '极好' });
    expect(bad.json().error.field).toBe('answers.g1');
    expect((await enter(clerk1, 'ABCDEFGHJKMN', a)).json().error.field).toBe('code');
  });

  it('discards the entries of a ballot to type it again', async () => {
    const code = codes[3] ?? '';
    await enter(clerk1, code, a);
    expect((await clerk1.post(`/api/ballots/sessions/${id}/paper-entries/discard`, { code })).json()).toEqual({
      discarded: 1,
    });
    expect((await clerk1.post(`/api/ballots/sessions/${id}/paper-entries/discard`, { code })).statusCode).toBe(400);
    const staff = await loginAs(env.app, 'altstaff');
    expect((await staff.post(`/api/ballots/sessions/${id}/paper-entries/discard`, { code })).statusCode).toBe(403);
    const kh = await loginAs(env.app, 'khsec');
    expect((await kh.post(`/api/ballots/sessions/${id}/paper-entries/discard`, { code })).statusCode).toBe(404);
  });

  it('drops unmatched entries at closing: they never count', async () => {
    await enter(clerk1, codes[4] ?? '', a);
    const closed = await clerk1.post(`/api/ballots/sessions/${id}/close`);
    expect(closed.json().tally.totalBallots).toBe(3);
    expect(
      await env.ctx.db.selectFrom('ballot_paper_entries').select('id').where('session_id', '=', id).execute(),
    ).toEqual([]);
    const ev = await env.ctx.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'ballots.session_closed')
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(ev.details)).toEqual({ ballots: 3, unmatchedPaperEntriesDropped: 1 });
    expect((await enter(clerk2, codes[5] ?? '', a)).statusCode).toBe(409);
  });
});
