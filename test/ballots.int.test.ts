import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Questionnaire, Results } from '../src/common/contracts/ballots.js';
import { anonymousClient, createTestEnv, loginAs, type HttpClient, type TestEnv } from './app.js';
import {
  codesFromSlips,
  docxText,
  publicVoter,
  ratingAnswers,
  readZipEntry,
  setupSession,
  templateBody,
} from './ballots-helpers.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';

describeEachDialect('ballots: setting up, voting, closing', (dialect) => {
  let env: TestEnv;
  let world: World;
  let office: HttpClient;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    world = await seedWorld(env.ctx);
    office = await loginAs(env.app, 'altoffice');
  });
  afterAll(() => env.close());

  it('builds a member evaluation template from the current team: 德能勤绩廉 and an overall rating each', async () => {
    const body = await templateBody(office, world.units.altay, 'member_evaluation');
    expect(body.questionnaire.questions).toHaveLength(30);
    expect(body.questionnaire.questions.filter((q) => q.type === 'rating' && q.role === 'overall')).toHaveLength(5);
    expect(body.categories.map((c) => c.label)).toEqual(['班子成员', '中层干部', '一般干部']);
    const team = await templateBody(office, world.units.altay, 'team_evaluation');
    expect(team.questionnaire.questions.map((q) => q.text)).toContain('信念坚定、政治可靠');
    expect(team.questionnaire.questions.find((q) => q.id === 'overall')).toMatchObject({
      options: ['优秀', '良好', '一般', '较差'],
    });
  });

  it('prints codes on slips with a QR code of the public address; stores only keyed hashes', async () => {
    const body = await templateBody(office, world.units.altay, 'team_evaluation');
    const id = (await office.post('/api/ballots/sessions', body)).json<{ id: string }>().id;
    const res = await office.post(`/api/ballots/sessions/${id}/codes`, { category: 'staff', count: 7 });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const codes = codesFromSlips(res.rawPayload);
    expect(new Set(codes).size).toBe(7);
    expect(docxText(res.rawPayload)).toContain(`${env.ctx.config.publicUrl}/vote/${id}`);
    expect(readZipEntry(res.rawPayload, '[Content_Types].xml')).toContain('image/png');
    const stored = await env.ctx.db.selectFrom('ballot_codes').selectAll().where('session_id', '=', id).execute();
    expect(stored).toHaveLength(7);
    const dump = JSON.stringify(stored);
    for (const c of codes) expect(dump).not.toContain(c);
  });

  it('runs a session: open, vote by code, refuse a spent code, show participation, close, publish receipts', async () => {
    const body = await templateBody(office, world.units.altay, 'team_evaluation');
    const { id, codes } = await setupSession(office, body, { team: 5, staff: 6 });
    const voter = await publicVoter(env.app);
    const form = await voter.form(id, (codes.team?.[0] ?? '').toLowerCase().replace(/(.{4})/g, '$1 '));
    expect(form.statusCode).toBe(200);
    expect(form.json()).toMatchObject({ categoryLabel: '班子成员', session: { status: 'open', accepting: true } });
    const q = form.json<{ questionnaire: Questionnaire }>().questionnaire;
    const receipts: string[] = [];
    for (const c of [...(codes.team ?? []), ...(codes.staff ?? [])]) {
      const r = await voter.vote(id, c, ratingAnswers(q, 1));
      expect(r.statusCode).toBe(200);
      receipts.push(r.json<{ receipt: string }>().receipt);
    }
    expect(receipts.every((r) => /^[2-9A-Z]{16}$/.test(r))).toBe(true);
    const again = await voter.vote(id, codes.team?.[0] ?? '', ratingAnswers(q, 0));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('已经使用');
    const p = await office.get(`/api/ballots/sessions/${id}/participation`);
    expect(p.json()).toMatchObject({
      voted: 11,
      categories: [
        { key: 'team', voted: 5, issued: 5 },
        { key: 'middle', voted: 0 },
        { key: 'staff', voted: 6 },
      ],
    });
    expect(JSON.stringify(p.json())).not.toMatch(/较好|counts/);
    expect((await office.get(`/api/ballots/sessions/${id}/results`)).statusCode).toBe(409);
    const published = await anonymousClient(env.app);
    expect((await published.get(`/api/ballots/public/sessions/${id}/receipts`)).json().receipts).toEqual([]);
    const closed = await office.post(`/api/ballots/sessions/${id}/close`);
    expect(closed.statusCode).toBe(200);
    const results = closed.json<Results>();
    expect(results.tally.totalBallots).toBe(11);
    expect(results.tally.groups.map((g) => g.key)).toEqual(['team', 'staff']);
    expect(results.tally.questions[0]?.total.counts).toMatchObject({ 较好: 11 });
    const list = (await published.get(`/api/ballots/public/sessions/${id}/receipts`)).json<{ receipts: string[] }>()
      .receipts;
    expect(list).toEqual([...receipts].sort());
    expect((await voter.vote(id, codes.staff?.[0] ?? '', ratingAnswers(q, 0))).json().error.message).toContain(
      '已经结束',
    );
    expect((await office.post(`/api/ballots/sessions/${id}/close`)).statusCode).toBe(409);
  });

  it('refuses malformed answers naming the question, stores nothing and leaves the code unspent', async () => {
    const body = await templateBody(office, world.units.altay, 'team_evaluation');
    const { id, codes } = await setupSession(office, body, { staff: 1 });
    const voter = await publicVoter(env.app);
    const code = codes.staff?.[0] ?? '';
    const q = body.questionnaire;
    const missing = ratingAnswers(q, 0);
    delete missing.g3;
    const r1 = await voter.vote(id, code, missing);
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error).toMatchObject({ field: 'answers.g3' });
    expect(r1.json().error.message).toContain('作风优良、清正廉洁');
    const r2 = await voter.vote(id, code, { ...ratingAnswers(q, 0), a2: '极好' });
    expect(r2.json().error.field).toBe('answers.a2');
    expect(await env.ctx.db.selectFrom('ballots').select('id').where('session_id', '=', id).execute()).toHaveLength(0);
    expect((await voter.vote(id, code, ratingAnswers(q, 0))).statusCode).toBe(200);
  });

  it('refuses a code of another session, and an unknown code, with the same answer', async () => {
    const a = await setupSession(office, await templateBody(office, world.units.altay, 'team_evaluation'), {
      staff: 1,
    });
    const b = await setupSession(office, await templateBody(office, world.units.altay, 'team_evaluation'), {
      staff: 1,
    });
    const voter = await publicVoter(env.app);
    const other = await voter.form(a.id, b.codes.staff?.[0] ?? '');
    const unknown = await voter.form(a.id, 'ABCDEFGHJKMN');
    expect(other.statusCode).toBe(400);
    expect(other.json()).toEqual(unknown.json());
  });

  it('slows only the failing address; a valid code is accepted after any number of failures', async () => {
    const body = await templateBody(office, world.units.altay, 'team_evaluation');
    const { id, codes } = await setupSession(office, body, { staff: 6 });
    const hall = await publicVoter(env.app, '100.64.0.1'); // a hall behind one NAT address
    for (const c of (codes.staff ?? []).slice(0, 3)) {
      expect((await hall.vote(id, c, ratingAnswers(body.questionnaire, 0))).statusCode).toBe(200);
    }
    const statuses: number[] = [];
    for (let i = 0; i < 300; i++) {
      statuses.push((await hall.form(id, `ABCDEFGH${String(2222 + i).replace(/[01]/g, '2')}`)).statusCode);
    }
    expect(statuses.slice(0, 30).every((x) => x === 400)).toBe(true); // typos cost nothing at first
    expect(statuses.slice(31).every((x) => x === 429)).toBe(true); // then the address waits
    const slowed = await hall.form(id, 'ABCDEFGHJKMN');
    expect(slowed.statusCode).toBe(429);
    expect(slowed.json().error.code).toBe('RATE_LIMITED');
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThan(0);
    const valid = await hall.vote(id, codes.staff?.[3] ?? '', ratingAnswers(body.questionnaire, 0));
    expect(valid.statusCode).toBe(200);
    const elsewhere = await publicVoter(env.app, '100.64.0.2');
    expect((await elsewhere.form(id, 'ABCDEFGHJKMN')).statusCode).toBe(400);
  });

  it('refuses ballots before opening time and after closing time', async () => {
    const early = await setupSession(
      office,
      await templateBody(office, world.units.altay, 'team_evaluation', { opensAt: '2026-06-08T05:00:00.000Z' }),
      { staff: 1 },
    );
    const voter = await publicVoter(env.app);
    const q = (await templateBody(office, world.units.altay, 'team_evaluation')).questionnaire;
    const r = await voter.vote(early.id, early.codes.staff?.[0] ?? '', ratingAnswers(q, 0));
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toContain('尚未开始');
    env.clock.advance(9 * 3_600_000);
    const late = await voter.vote(early.id, early.codes.staff?.[0] ?? '', ratingAnswers(q, 0));
    expect(late.json().error.message).toContain('已经结束');
    env.clock.advance(-9 * 3_600_000);
  });

  it('fixes every setting when the session opens', async () => {
    const body = await templateBody(office, world.units.altay, 'team_evaluation');
    const { id } = await setupSession(office, body, { staff: 2 });
    const put = await office.put(`/api/ballots/sessions/${id}`, { ...body, title: '改过的名称' });
    expect(put.statusCode).toBe(409);
    expect((await office.post(`/api/ballots/sessions/${id}/codes`, { category: 'staff', count: 3 })).statusCode).toBe(
      409,
    );
    expect((await office.post(`/api/ballots/sessions/${id}/open`)).statusCode).toBe(409);
    const detail = (await office.get(`/api/ballots/sessions/${id}`)).json();
    expect(detail).toMatchObject({
      title: body.title,
      status: 'open',
      minGroupSize: 5,
      abilities: { edit: false, close: true },
    });
    expect(detail.settingsDigest).toMatch(/^[0-9a-f]{64}$/);
    // a change behind Banzi's back is caught at closing by the digest
    await env.ctx.db.updateTable('ballot_sessions').set({ title: '偷改' }).where('id', '=', id).execute();
    const close = await office.post(`/api/ballots/sessions/${id}/close`);
    expect(close.statusCode).toBe(409);
    expect(close.json().error.message).toContain('摘要不符');
  });

  it('lets listed members vote while logged in: who voted is recorded, a second ballot is refused', async () => {
    const body = await templateBody(office, world.units.altay, 'team_evaluation');
    body.categories[0] = {
      ...body.categories[0]!,
      loginPersonIds: [world.people.altM1 ?? '', world.people.altM2 ?? ''],
    };
    const { id } = await setupSession(office, body, {});
    const m1 = await loginAs(env.app, 'altm1');
    const mine = (await m1.get('/api/ballots/mine')).json<{ items: { id: string; voted: boolean }[] }>().items;
    expect(mine.find((s) => s.id === id)).toMatchObject({ voted: false });
    expect((await m1.get(`/api/ballots/sessions/${id}/member-form`)).json()).toMatchObject({
      categoryLabel: '班子成员',
      voted: false,
    });
    const r = await m1.post(`/api/ballots/sessions/${id}/member-ballot`, {
      answers: ratingAnswers(body.questionnaire, 0),
    });
    expect(r.statusCode).toBe(200);
    expect(
      (await m1.post(`/api/ballots/sessions/${id}/member-ballot`, { answers: ratingAnswers(body.questionnaire, 0) }))
        .statusCode,
    ).toBe(409);
    const voters = await env.ctx.db.selectFrom('ballot_voters').selectAll().where('session_id', '=', id).execute();
    expect(voters.map((v) => v.person_id)).toEqual([world.people.altM1]);
    const m3 = await loginAs(env.app, 'altm3');
    expect(
      (await m3.post(`/api/ballots/sessions/${id}/member-ballot`, { answers: ratingAnswers(body.questionnaire, 0) }))
        .statusCode,
    ).toBe(403);
    const kh = await loginAs(env.app, 'khm1');
    expect(
      (await kh.post(`/api/ballots/sessions/${id}/member-ballot`, { answers: ratingAnswers(body.questionnaire, 0) }))
        .statusCode,
    ).toBe(404);
    expect((await kh.get(`/api/ballots/sessions/${id}/member-form`)).statusCode).toBe(404);
  });

  it('exports results as xlsx and docx with the SE-04 label on a recommendation', async () => {
    const body = await templateBody(office, world.units.altay, 'recommendation');
    const q = body.questionnaire.questions[0];
    if (q?.type !== 'recommend') throw new Error('template');
    q.candidates = [
      { id: 'c1', name: '许嘉豪' },
      { id: 'c2', name: '吴静怡' },
      { id: 'c3', name: '黄天宇' },
    ];
    q.allowWriteIn = true;
    const { id, codes } = await setupSession(office, body, { staff: 6 });
    const voter = await publicVoter(env.app);
    for (const [i, c] of (codes.staff ?? []).entries()) {
      expect((await voter.vote(id, c, { rec1: { candidates: [i < 4 ? 'c1' : 'c2'], writeIns: [] } })).statusCode).toBe(
        200,
      );
    }
    const res = (await office.post(`/api/ballots/sessions/${id}/close`)).json<Results>();
    expect(res.referenceValidUntil).toBe('2027-06-08');
    expect(res.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['SE-04', 'AJ-01']));
    expect(res.tally.questions[0]?.total.counts).toEqual({ 许嘉豪: 4, 吴静怡: 2, 黄天宇: 0 });
    const docx = await office.get(`/api/ballots/sessions/${id}/results.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docxText(docx.rawPayload)).toContain('不是选举结果');
    const xlsx = await office.get(`/api/ballots/sessions/${id}/results.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(readZipEntry(xlsx.rawPayload, 'xl/sharedStrings.xml')).toContain('有效期至 2027-06-08');
  });

  describe('who may do what', () => {
    let id: string;
    let body: unknown;
    beforeAll(async () => {
      body = await templateBody(office, world.units.altay, 'team_evaluation');
      id = (await setupSession(office, await templateBody(office, world.units.altay, 'team_evaluation'), { staff: 1 }))
        .id;
    });
    const routes = (sid: string): [string, string, unknown?][] => [
      ['GET', '/api/ballots/sessions'],
      ['GET', `/api/ballots/sessions/${sid}`],
      ['PUT', `/api/ballots/sessions/${sid}`, body],
      ['POST', `/api/ballots/sessions/${sid}/codes`, { category: 'staff', count: 1 }],
      ['POST', `/api/ballots/sessions/${sid}/open`],
      ['GET', `/api/ballots/sessions/${sid}/participation`],
      ['POST', `/api/ballots/sessions/${sid}/close`],
      ['GET', `/api/ballots/sessions/${sid}/results`],
      ['GET', `/api/ballots/sessions/${sid}/results.xlsx`],
      ['GET', `/api/ballots/sessions/${sid}/paper-entries`],
      ['GET', '/api/ballots/mine'],
      ['POST', `/api/ballots/sessions/${sid}/paper-entries`, { code: 'ABCDEFGHJKMN', answers: {} }],
      ['GET', `/api/ballots/sessions/${sid}/member-form`],
    ];

    it('answers 401 without a session', async () => {
      const anon = await anonymousClient(env.app);
      for (const [m, url, b] of routes(id)) {
        expect([m, url, (await anon.request(m as never, url, b)).statusCode]).toEqual([m, url, 401]);
      }
      expect(
        (await anon.get(`/api/ballots/templates?unitId=${world.units.altay}&kind=team_evaluation&year=2026`))
          .statusCode,
      ).toBe(401);
    });

    it('answers 403 to the unit’s own people without the office role, and to admins', async () => {
      for (const u of ['altstaff', 'altsec', 'auditor']) {
        const c = await loginAs(env.app, u);
        expect((await c.get(`/api/ballots/sessions/${id}`)).statusCode).toBe(403);
        expect((await c.post(`/api/ballots/sessions/${id}/close`)).statusCode).toBe(403);
        expect((await c.get(`/api/ballots/sessions/${id}/participation`)).statusCode).toBe(403);
      }
      const jj = await loginAs(env.app, 'jj'); // discipline above: sees, does not run
      expect((await jj.get(`/api/ballots/sessions/${id}`)).statusCode).toBe(200);
      expect((await jj.post(`/api/ballots/sessions/${id}/close`)).statusCode).toBe(403);
      const staff = await loginAs(env.app, 'altstaff');
      expect(
        (await staff.post('/api/ballots/sessions', await templateBody(office, world.units.altay, 'team_evaluation')))
          .statusCode,
      ).toBe(403);
    });

    it('answers 404 to another unit', async () => {
      const kh = await loginAs(env.app, 'khsec');
      for (const [m, url, b] of routes(id).filter(([, u]) => u.includes(id) && !u.includes('member-form'))) {
        expect([m, url, (await kh.request(m as never, url, b)).statusCode]).toEqual([m, url, 404]);
      }
      expect(
        (await kh.get(`/api/ballots/templates?unitId=${world.units.altay}&kind=team_evaluation&year=2026`)).statusCode,
      ).toBe(404);
      expect((await kh.get('/api/ballots/sessions')).json()).toEqual({ items: [] });
    });

    it('lets the personnel office above run a session of the unit below', async () => {
      const rs = await loginAs(env.app, 'rs');
      expect((await rs.get(`/api/ballots/sessions/${id}`)).json()).toMatchObject({ abilities: { close: true } });
      expect((await rs.get(`/api/ballots/sessions?unitId=${world.units.altay}`)).json().items.length).toBeGreaterThan(
        0,
      );
    });

    it('answers 404 on the public pages for an unknown or draft session', async () => {
      const body = await templateBody(office, world.units.altay, 'team_evaluation');
      const draft = (await office.post('/api/ballots/sessions', body)).json<{ id: string }>().id;
      const anon = await anonymousClient(env.app);
      expect((await anon.get(`/api/ballots/public/sessions/${draft}`)).statusCode).toBe(404);
      expect((await anon.get('/api/ballots/public/sessions/nope')).statusCode).toBe(404);
      expect((await anon.get(`/api/ballots/public/sessions/${id}`)).json()).toMatchObject({
        status: 'open',
        ballots: null,
      });
    });
  });
});
