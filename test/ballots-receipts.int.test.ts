/**
 * Receipts the phone knows before it submits (issue 8 §6): receipt = SM3(session ‖ r) for a random
 * r the page holds. A crash between the commit and the reply leaves the voter its receipt anyway.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newReceiptSecret, receiptFromSecret } from '../src/common/ballot-receipt.js';
import { buildApp } from '../src/server/app.js';
import { anonymousClient, createTestEnv, loginAs, type HttpClient, type TestEnv } from './app.js';
import { publicVoter, ratingAnswers, setupSession, templateBody } from './ballots-helpers.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';

describeEachDialect('ballots: receipts known before submitting', (dialect) => {
  let env: TestEnv;
  let world: World;
  let office: HttpClient;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    world = await seedWorld(env.ctx);
    office = await loginAs(env.app, 'altoffice');
  });
  afterAll(() => env.close());

  async function session(staff: number) {
    const body = await templateBody(office, world.units.altay, 'team_evaluation');
    const s = await setupSession(office, body, { staff });
    return { ...s, q: body.questionnaire, codes: s.codes.staff ?? [] };
  }

  async function published(id: string): Promise<string[]> {
    expect((await office.post(`/api/ballots/sessions/${id}/close`)).statusCode).toBe(200);
    const list = await (await anonymousClient(env.app)).get(`/api/ballots/public/sessions/${id}/receipts`);
    return list.json<{ receipts: string[] }>().receipts;
  }

  it('a voter whose reply was lost after the commit finds the receipt it computed in the published list', async () => {
    const s = await session(3);
    // A second instance of the app on the same database whose replies to ballots are lost after
    // the handler returned (the process dies between the commit and the reply).
    const crashing = await buildApp(env.ctx);
    crashing.addHook('onSend', async (req) => {
      if (req.url.endsWith('/ballots')) throw new Error('connection lost before the reply');
    });
    try {
      const voter = await publicVoter(crashing);
      const secrets = s.codes.map(() => newReceiptSecret());
      const mine = secrets.map((r) => receiptFromSecret(s.id, r));
      for (const [i, code] of s.codes.entries()) {
        const res = await voter.post(`/api/ballots/public/sessions/${s.id}/ballots`, {
          code,
          answers: ratingAnswers(s.q, i % 2),
          r: secrets[i],
        });
        expect(res.statusCode).toBe(500); // no receipt reached the phone
        expect(res.body).not.toContain(mine[i]);
      }
      const list = await published(s.id);
      expect(list).toHaveLength(3);
      for (const receipt of mine) expect(list).toContain(receipt);
    } finally {
      await crashing.close();
    }
  });

  it('answers the receipt the page computed, in either case of r; a reused r is refused and spends no code', async () => {
    const s = await session(3);
    const voter = await publicVoter(env.app);
    const r = newReceiptSecret();
    const ok = await voter.post(`/api/ballots/public/sessions/${s.id}/ballots`, {
      code: s.codes[0],
      answers: ratingAnswers(s.q, 0),
      r: r.toUpperCase(),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ receipt: receiptFromSecret(s.id, r) });
    expect(ok.json().receipt).toMatch(/^[2-9A-Z]{16}$/);
    const reused = await voter.post(`/api/ballots/public/sessions/${s.id}/ballots`, {
      code: s.codes[1],
      answers: ratingAnswers(s.q, 0),
      r,
    });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error).toMatchObject({ code: 'CONFLICT', field: 'r' });
    const bad = await voter.post(`/api/ballots/public/sessions/${s.id}/ballots`, {
      code: s.codes[1],
      answers: ratingAnswers(s.q, 0),
      r: 'xyz',
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('r');
    // the refused code is still unspent: it votes with a fresh r; an older page sends none
    const fresh = newReceiptSecret();
    const again = await voter.post(`/api/ballots/public/sessions/${s.id}/ballots`, {
      code: s.codes[1],
      answers: ratingAnswers(s.q, 1),
      r: fresh,
    });
    expect(again.json()).toEqual({ receipt: receiptFromSecret(s.id, fresh) });
    const old = await voter.vote(s.id, s.codes[2] ?? '', ratingAnswers(s.q, 1));
    expect(old.statusCode).toBe(200);
    expect(await published(s.id)).toEqual(
      [receiptFromSecret(s.id, r), receiptFromSecret(s.id, fresh), old.json().receipt].sort(),
    );
  });

  it('keeps the receipt independent of the answers: the same r gives the same receipt whatever was voted', () => {
    const r = newReceiptSecret();
    expect(receiptFromSecret('s1', r)).toBe(receiptFromSecret('s1', r.toUpperCase()));
    expect(receiptFromSecret('s2', r)).not.toBe(receiptFromSecret('s1', r));
  });
});
