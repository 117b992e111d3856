/**
 * The ballot-code throttle never stops a valid code (issue 8 §6): a hall behind one address votes
 * whatever its typos, an attacker's failures slow only the attacker's addresses, and the state is
 * in the database, shared by every app instance.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Questionnaire } from '../src/common/contracts/ballots.js';
import { buildApp } from '../src/server/app.js';
import { chunk } from '../src/server/db/helpers.js';
import { CodeFailureLimiter, DEFAULT_LIMITS, nextFailure } from '../src/server/modules/ballots/ballots.limiter.js';
import { generateCode } from '../src/server/modules/ballots/ballots.rules.js';
import { cryptoRandom } from '../src/server/platform/random.js';
import { createTestEnv, loginAs, type HttpClient, type TestEnv } from './app.js';
import { publicVoter, ratingAnswers, setupSession, templateBody } from './ballots-helpers.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';

/** A wrong code that looks right: the last character of a real one changed. */
const typo = (code: string) => `${code.slice(0, -1)}${code.endsWith('2') ? '3' : '2'}`;

describeEachDialect('ballots: the failed-code throttle never stops a valid code', (dialect) => {
  let env: TestEnv;
  let world: World;
  let office: HttpClient;
  let second: FastifyInstance; // another app instance on the same database
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    world = await seedWorld(env.ctx);
    office = await loginAs(env.app, 'altoffice');
    second = await buildApp(env.ctx);
  });
  afterAll(async () => {
    await second.close();
    await env.close();
  });

  /** An opened session with `n` staff codes, inserted directly (printing 2,000 slips adds nothing here). */
  async function bigSession(n: number): Promise<{ id: string; q: Questionnaire; codes: string[] }> {
    const body = await templateBody(office, world.units.altay, 'team_evaluation');
    const { id } = await setupSession(office, body, {}, false);
    const codes = Array.from({ length: n }, () => generateCode(cryptoRandom));
    await env.ctx.db.transaction().execute(async (trx) => {
      for (const part of chunk(codes, 500)) {
        await trx
          .insertInto('ballot_codes')
          .values(
            part.map((c) => ({
              code_hash: env.ctx.crypto.blindIndex('ballot_code', c),
              session_id: id,
              category: 'staff',
              spent: 0,
            })),
          )
          .execute();
      }
    });
    expect((await office.post(`/api/ballots/sessions/${id}/open`)).statusCode).toBe(200);
    return { id, q: body.questionnaire, codes };
  }

  it('accepts a valid unused code from an address after 300 failures; only its wrong codes wait', async () => {
    const s = await bigSession(3);
    const hall = await publicVoter(env.app, '100.64.0.1');
    for (let i = 0; i < 300; i++) await hall.form(s.id, typo(s.codes[i % 3] ?? ''));
    const wrong = await hall.form(s.id, typo(s.codes[0] ?? ''));
    expect(wrong.statusCode).toBe(429);
    expect(wrong.json().error).toMatchObject({ code: 'RATE_LIMITED', field: 'code' });
    expect(Number(wrong.headers['retry-after'])).toBeGreaterThan(0);
    expect((await hall.form(s.id, s.codes[0] ?? '')).statusCode).toBe(200);
    expect((await hall.vote(s.id, s.codes[0] ?? '', ratingAnswers(s.q, 0))).statusCode).toBe(200);
    // the state is in the database: the other app instance throttles the same address too
    const sameAddressElsewhere = await publicVoter(second, '100.64.0.1');
    expect((await sameAddressElsewhere.form(s.id, typo(s.codes[1] ?? ''))).statusCode).toBe(429);
    expect((await sameAddressElsewhere.vote(s.id, s.codes[1] ?? '', ratingAnswers(s.q, 0))).statusCode).toBe(200);
    // another address is not slowed at all
    expect((await (await publicVoter(env.app, '100.64.0.2')).form(s.id, typo(s.codes[2] ?? ''))).statusCode).toBe(400);
  });

  it('lets a hall of 2,000 behind one address vote, 500 of them after a typo, through two app instances', async () => {
    const s = await bigSession(2000);
    const phones = [await publicVoter(env.app, '100.64.1.1'), await publicVoter(second, '100.64.1.1')];
    const statuses = new Map<number, number>();
    const count = (n: number) => statuses.set(n, (statuses.get(n) ?? 0) + 1);
    for (const [b, part] of chunk(s.codes, 100).entries()) {
      await Promise.all(
        part.map(async (code, i) => {
          const phone = phones[i % 2] ?? phones[0];
          if (!phone) throw new Error('no phone');
          if ((b * 100 + i) % 4 === 0) {
            const t = await phone.form(s.id, typo(code));
            count(t.statusCode); // 400, or 429 once the address has failed often
          }
          const r = await phone.vote(s.id, code, ratingAnswers(s.q, i % 3));
          count(r.statusCode * 10);
        }),
      );
    }
    expect(statuses.get(2000)).toBe(2000); // every valid ballot answered 200
    expect((statuses.get(400) ?? 0) + (statuses.get(429) ?? 0)).toBe(500);
    expect(statuses.get(429)).toBeGreaterThan(0); // the typos were slowed
    const stored = await env.ctx.db.selectFrom('ballots').select('id').where('session_id', '=', s.id).execute();
    expect(stored).toHaveLength(2000);
  });

  it("does not let an attacker's 10,000 wrong codes from 20 addresses stop valid voters, there or elsewhere", async () => {
    const s = await bigSession(40);
    const attackers = await Promise.all(
      Array.from({ length: 20 }, (_, a) => publicVoter(a % 2 ? second : env.app, `203.0.113.${a + 1}`)),
    );
    // 25 wrong codes per address through HTTP (both app instances), then 475 more per address
    // through the limiter's own step function, stored once: 10,000 failures in all.
    const answers = new Map<number, number>();
    await Promise.all(
      attackers.map(async (attacker) => {
        for (let k = 0; k < 25; k++) {
          const r = await attacker.form(s.id, generateCode(cryptoRandom));
          answers.set(r.statusCode, (answers.get(r.statusCode) ?? 0) + 1);
        }
      }),
    );
    expect((answers.get(400) ?? 0) + (answers.get(429) ?? 0)).toBe(500);
    const limiter = new CodeFailureLimiter(env.ctx);
    const now = env.clock.now().getTime();
    for (let a = 0; a < 20; a++) {
      const address_hash = limiter.addressHash(`203.0.113.${a + 1}`);
      let row = await env.ctx.db
        .selectFrom('ballot_code_failures')
        .select(['failures', 'last_failure_at', 'expires_at'])
        .where('address_hash', '=', address_hash)
        .executeTakeFirstOrThrow();
      for (let k = 0; k < 475; k++) row = nextFailure(row, now).row;
      await env.ctx.db.updateTable('ballot_code_failures').set(row).where('address_hash', '=', address_hash).execute();
    }
    const total = await env.ctx.db
      .selectFrom('ballot_code_failures')
      .select((eb) => eb.fn.sum<number>('failures').as('n'))
      .where(
        'address_hash',
        'in',
        attackers.map((_, a) => limiter.addressHash(`203.0.113.${a + 1}`)),
      )
      .executeTakeFirst();
    expect(Number(total?.n)).toBe(10_000);
    for (const attacker of attackers) expect((await attacker.form(s.id, 'ABCDEFGHJKMN')).statusCode).toBe(429);
    // valid voters behind the attackers' addresses and elsewhere all vote
    for (const [i, code] of s.codes.entries()) {
      const voter = i < 20 ? attackers[i] : await publicVoter(env.app, `198.51.100.${i}`);
      const r = await voter?.vote(s.id, code, ratingAnswers(s.q, 0));
      expect(r?.statusCode).toBe(200);
    }
    // no session-wide lock: a newcomer's typo is a plain refusal
    expect((await (await publicVoter(env.app, '192.0.2.9')).form(s.id, 'ABCDEFGHJKMN')).statusCode).toBe(400);
  });

  it('keeps only keyed hashes of addresses, writes nothing for accepted codes, and forgets expired rows', async () => {
    const s = await bigSession(2);
    const rows = () => env.ctx.db.selectFrom('ballot_code_failures').selectAll().execute();
    const before = (await rows()).length;
    expect(
      (await (await publicVoter(env.app, '192.0.2.77')).vote(s.id, s.codes[0] ?? '', ratingAnswers(s.q, 0))).statusCode,
    ).toBe(200);
    expect(await rows()).toHaveLength(before);
    expect(JSON.stringify(await rows())).not.toMatch(/100\.64|203\.0\.113|192\.0\.2/);
    env.clock.advance(DEFAULT_LIMITS.windowMs + 1000);
    try {
      await (await publicVoter(env.app, '192.0.2.78')).form(s.id, typo(s.codes[1] ?? ''));
      expect(await rows()).toHaveLength(1); // only the new failure remains
    } finally {
      env.clock.advance(-(DEFAULT_LIMITS.windowMs + 1000));
    }
  });
});
