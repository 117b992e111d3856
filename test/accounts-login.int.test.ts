/**
 * Login failure handling (issue 8 §1, rule AC-03): the address limit counts failures only, so a
 * hall behind one address logs in; lockout is per account and address, so guessing from one
 * address cannot lock an admin out elsewhere; every failure answers alike and the audit log keeps
 * the real reason; BANZI_TRUST_PROXY lets the limits see the client behind a proxy.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { createTestEnv, loginAs, TEST_PASSWORD, type TestEnv } from './app.js';
import { auditEvents } from './accounts-helpers.js';
import { describeEachDialect } from './db.js';
import { seedWorld } from './fixtures.js';

const GENERIC = '用户名或密码错误';

/** One login attempt from a given client address (no proxy), with a fresh CSRF cookie. */
async function attempt(
  app: FastifyInstance,
  username: string,
  password: string,
  from: { remoteAddress?: string; forwardedFor?: string } = {},
) {
  const remoteAddress = from.remoteAddress ?? '127.0.0.1';
  const first = await app.inject({ method: 'GET', url: '/api/auth/session', remoteAddress });
  const csrf = first.json<{ csrfToken: string }>().csrfToken;
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers: {
      'content-type': 'application/json',
      'x-csrf-token': csrf,
      ...(from.forwardedFor ? { 'x-forwarded-for': from.forwardedFor } : {}),
    },
    cookies: { banzi_csrf: csrf },
    payload: JSON.stringify({ username, password }),
  });
}

describeEachDialect('login failure handling (AC-03)', (dialect) => {
  let env: TestEnv;
  beforeAll(async () => {
    // The tightest limit that still shows the point: 5 failures a minute per address.
    env = await createTestEnv(dialect, { loginRateLimit: 5 });
    await seedWorld(env.ctx);
  });
  afterAll(() => env.close());

  it('AC-03: counts failures only: a hall behind one address logs in, typos in between', async () => {
    // 2,000 argon2 logins take minutes; 60 from one address against a limit of 5 make the
    // same point: successes are never counted (the old per-request limit refused the 6th).
    const users = ['altm1', 'altm2', 'altm3', 'altm4', 'altstaff', 'altoffice'];
    const codes: number[] = [];
    for (let i = 0; i < 60; i++) {
      if (i % 15 === 7) codes.push((await attempt(env.app, 'altsec', 'typo-Passw0rd')).statusCode);
      codes.push((await attempt(env.app, users[i % users.length] ?? 'altm1', TEST_PASSWORD)).statusCode);
    }
    expect(codes.filter((c) => c === 200)).toHaveLength(60);
    expect(codes.filter((c) => c === 401)).toHaveLength(4);
    expect(codes).not.toContain(429);
  });

  it('AC-03: an address over its failure limit answers 429 until the minute is over', async () => {
    const from = { remoteAddress: '198.51.100.7' };
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await attempt(env.app, `nobody${i}`, 'x-Passw0rd-1', from)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401]);
    const limited = await attempt(env.app, 'altm1', TEST_PASSWORD, from);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    // Other addresses are not affected.
    expect((await attempt(env.app, 'altm1', TEST_PASSWORD)).statusCode).toBe(200);
    env.clock.advance(61_000);
    expect((await attempt(env.app, 'altm1', TEST_PASSWORD, from)).statusCode).toBe(200);
    const throttled = await auditEvents(env.app, { action: 'auth.address_throttled' });
    expect(throttled.some((e) => e.details.ip === '198.51.100.7')).toBe(true);
  });

  it('AC-03: guessing an admin’s password from one address locks it there only', async () => {
    const x = { remoteAddress: '203.0.113.66' };
    for (let i = 0; i < 4; i++) {
      const r = await attempt(env.app, 'sysadmin', `guess-${i}-Passw0rd`, x);
      expect(r.statusCode).toBe(401);
      expect(r.json().error.message).toContain(GENERIC);
    }
    env.clock.advance(61_000); // stay under the address limit; the account count goes on
    const fifth = await attempt(env.app, 'sysadmin', 'guess-5-Passw0rd', x);
    expect(fifth.statusCode).toBe(401);
    expect(fifth.json().error.message).not.toContain('锁定');
    // From X even the right password is refused, answered as a wrong one.
    const right = await attempt(env.app, 'sysadmin', TEST_PASSWORD, x);
    expect(right.statusCode).toBe(401);
    expect(right.json().error.message).toBe(fifth.json().error.message);
    // From Y the admin logs in.
    expect((await attempt(env.app, 'sysadmin', TEST_PASSWORD, { remoteAddress: '192.0.2.10' })).statusCode).toBe(200);
    const locked = await auditEvents(env.app, { action: 'auth.locked' });
    expect(locked[0]?.details).toMatchObject({ ip: '203.0.113.66', ruleId: 'AC-03' });
    const failed = await auditEvents(env.app, { action: 'auth.login_failed' });
    expect(failed.some((e) => e.details.reason === 'locked' && e.details.ip === '203.0.113.66')).toBe(true);
    // The lock ends after 15 minutes.
    env.clock.advance(15 * 60_000);
    expect((await attempt(env.app, 'sysadmin', TEST_PASSWORD, x)).statusCode).toBe(200);
  });

  it('AC-03: unknown, disabled, locked and not yet activated accounts answer alike', async () => {
    const from = { remoteAddress: '192.0.2.50' };
    await env.ctx.db.updateTable('users').set({ status: 'disabled' }).where('username', '=', 'khm1').execute();
    const sys = await loginAs(env.app, 'sysadmin');
    expect((await sys.post('/api/accounts/users', { username: 'pend1', displayName: '待激活' })).statusCode).toBe(201);
    const bodies = [];
    for (const u of ['no-such-user', 'khm1', 'pend1']) {
      const r = await attempt(env.app, u, 'wrong-Passw0rd-1', from);
      expect(r.statusCode, u).toBe(401);
      bodies.push(r.json().error.message);
      env.clock.advance(61_000);
    }
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).not.toMatch(/停用|锁定|激活/);
    const failed = await auditEvents(env.app, { action: 'auth.login_failed' });
    const reasons = failed.filter((e) => e.details.ip === '192.0.2.50').map((e) => e.details.reason);
    expect(reasons).toEqual(expect.arrayContaining(['unknown_user', 'disabled', 'not_activated']));
  });

  it('AC-03: the system admin clears an account’s lockouts; nobody else can', async () => {
    const x = { remoteAddress: '203.0.113.99' };
    for (let i = 0; i < 5; i++) {
      await attempt(env.app, 'altm4', `guess-${i}-Passw0rd`, x);
      env.clock.advance(15_000);
    }
    expect((await attempt(env.app, 'altm4', TEST_PASSWORD, x)).statusCode).toBe(401);
    const listed = await env.app.inject({ method: 'GET', url: '/api/accounts/users' });
    expect(listed.statusCode).toBe(401);
    const sys = await loginAs(env.app, 'sysadmin');
    const users = (await sys.get('/api/accounts/users')).json<{
      items: { username: string; id: string; lockedUntil: string | null; lockedAddresses: number }[];
    }>().items;
    const altm4 = users.find((u) => u.username === 'altm4');
    expect(altm4).toMatchObject({ lockedAddresses: 1 });
    expect(altm4?.lockedUntil).not.toBeNull();
    const sec = await loginAs(env.app, 'secadmin');
    expect((await sec.post(`/api/accounts/users/${altm4?.id}/unlock`)).statusCode).toBe(403);
    expect((await sys.post(`/api/accounts/users/${altm4?.id}/unlock`)).statusCode).toBe(200);
    expect((await attempt(env.app, 'altm4', TEST_PASSWORD, x)).statusCode).toBe(200);
  });
});

describeEachDialect('trust proxy (BANZI_TRUST_PROXY)', (dialect) => {
  let env: TestEnv;
  let proxied: FastifyInstance;
  beforeAll(async () => {
    env = await createTestEnv(dialect, { loginRateLimit: 1000 });
    await seedWorld(env.ctx);
    // nginx at 10.0.0.2 in front: trust it (the address it appends), never what the client wrote.
    proxied = await buildApp({ ...env.ctx, config: { ...env.ctx.config, trustProxy: ['10.0.0.2'] } });
  });
  afterAll(async () => {
    await proxied.close();
    await env.close();
  });

  it('AC-03: behind a trusted proxy, lockouts see the client address from X-Forwarded-For', async () => {
    const proxy = '10.0.0.2';
    for (let i = 0; i < 5; i++) {
      // The client writes its own X-Forwarded-For to look like someone else each time; nginx appends the real one.
      const spoofed = `192.0.2.${i}, 203.0.113.5`;
      await attempt(proxied, 'secadmin', `guess-${i}-Passw0rd`, { remoteAddress: proxy, forwardedFor: spoofed });
    }
    const rows = await env.ctx.db.selectFrom('login_lockouts').select(['address', 'locked_until']).execute();
    expect(rows).toEqual([{ address: '203.0.113.5', locked_until: expect.any(String) }]);
    // Another client behind the same proxy is not locked out.
    const other = await attempt(proxied, 'secadmin', TEST_PASSWORD, {
      remoteAddress: proxy,
      forwardedFor: '198.51.100.1',
    });
    expect(other.statusCode).toBe(200);
    // Without trusting the proxy every client looks like the proxy itself.
    for (let i = 0; i < 5; i++) {
      await attempt(env.app, 'auditor', `guess-${i}-Passw0rd`, { remoteAddress: proxy, forwardedFor: '203.0.113.5' });
    }
    const direct = await env.ctx.db
      .selectFrom('login_lockouts')
      .innerJoin('users', 'users.id', 'login_lockouts.user_id')
      .select('address')
      .where('users.username', '=', 'auditor')
      .execute();
    expect(direct).toEqual([{ address: proxy }]);
  });
});

describe('BANZI_TRUST_PROXY', () => {
  it('is off by default and reads the proxies’ addresses (or true); hop counts are refused', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ BANZI_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ BANZI_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ BANZI_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(loadConfig({ BANZI_TRUST_PROXY: 'loopback,::1' }).trustProxy).toEqual(['loopback', '::1']);
    // Fastify 5 ignores a hop count: refuse it rather than silently trusting nothing.
    expect(() => loadConfig({ BANZI_TRUST_PROXY: '1' })).toThrow(/BANZI_TRUST_PROXY/);
    expect(() => loadConfig({ BANZI_TRUST_PROXY: 'yes please' })).toThrow(/BANZI_TRUST_PROXY/);
  });
});
