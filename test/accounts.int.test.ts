import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { anonymousClient, createTestEnv, loginAs, TEST_PASSWORD, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';

describeEachDialect('accounts, sessions and security', (dialect) => {
  let env: TestEnv;
  let world: World;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    world = await seedWorld(env.ctx);
  });
  afterAll(() => env.close());

  it('logs in, returns the roles derived from team membership, and logs out', async () => {
    const c = await loginAs(env.app, 'altsec');
    const me = await c.get('/api/auth/session');
    expect(me.statusCode).toBe(200);
    const roles = me
      .json<{ me: { roles: { role: string }[] } }>()
      .me.roles.map((r) => r.role)
      .sort();
    expect(roles).toEqual(['member', 'secretary', 'staff']);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/orgs/units')).statusCode).toBe(401);
  });

  it('sets an httpOnly, SameSite=Strict session cookie', async () => {
    const c = await anonymousClient(env.app);
    const res = await c.post('/api/auth/login', { username: 'altm1', password: TEST_PASSWORD });
    const cookie = (res.cookies as { name: string; httpOnly?: boolean; sameSite?: string }[]).find(
      (x) => x.name === 'banzi_session',
    );
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
  });

  it('answers 401 without a session', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/orgs/units' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a state change without the CSRF token, and with a wrong one', async () => {
    const c = await loginAs(env.app, 'altsec');
    const without = await c.request('POST', '/api/auth/logout', undefined, { 'x-csrf-token': '' });
    expect(without.statusCode).toBe(403);
    expect(without.json()).toMatchObject({ error: { code: 'CSRF_FAILED' } });
    const wrong = await c.request('POST', '/api/auth/logout', undefined, {
      'x-csrf-token': 'not-the-token-at-all-000',
    });
    expect(wrong.statusCode).toBe(403);
    // the session is still there
    expect((await c.get('/api/auth/session')).json()).toMatchObject({ authenticated: true });
  });

  it('refuses a login without the double-submit CSRF cookie', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'altsec', password: TEST_PASSWORD },
      headers: { 'x-csrf-token': 'abc' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('AC-03: locks an account (for this address) for 15 minutes after 5 wrong passwords, saying nothing of it', async () => {
    const c = await anonymousClient(env.app);
    for (let i = 0; i < 5; i++) {
      const r = await c.post('/api/auth/login', { username: 'altm2', password: 'wrong-Passw0rd' });
      expect(r.statusCode).toBe(401);
      expect(r.json()).toMatchObject({ error: { code: 'LOGIN_FAILED' } });
      expect(r.json().error.message).toContain('用户名或密码错误');
      expect(r.json().error.message).not.toContain('已锁定');
    }
    const right = await c.post('/api/auth/login', { username: 'altm2', password: TEST_PASSWORD });
    expect(right.statusCode).toBe(401);
    expect(right.json().error.message).toContain('用户名或密码错误');
    env.clock.advance(15 * 60_000 + 1000);
    expect((await c.post('/api/auth/login', { username: 'altm2', password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it('expires an idle session after 30 minutes', async () => {
    const c = await loginAs(env.app, 'altm3');
    env.clock.advance(29 * 60_000);
    expect((await c.get('/api/orgs/units')).statusCode).toBe(200);
    env.clock.advance(29 * 60_000); // activity slid the timeout
    expect((await c.get('/api/orgs/units')).statusCode).toBe(200);
    env.clock.advance(31 * 60_000);
    expect((await c.get('/api/orgs/units')).statusCode).toBe(401);
  });

  it('keeps sessions in the database: they survive a restart and work on a second instance', async () => {
    const c = await loginAs(env.app, 'altm4');
    const second = await buildApp(env.ctx);
    const res = await second.inject({
      method: 'GET',
      url: '/api/orgs/units',
      cookies: { banzi_session: c.cookies.banzi_session ?? '' },
    });
    expect(res.statusCode).toBe(200);
    await second.close();
  });

  it('rate-limits login attempts per address', async () => {
    const limitedEnv = await createTestEnv(dialect, { loginRateLimit: 5 });
    try {
      const c = await anonymousClient(limitedEnv.app);
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) {
        codes.push((await c.post('/api/auth/login', { username: 'nobody', password: 'x' })).statusCode);
      }
      expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(codes[6]).toBe(429);
    } finally {
      await limitedEnv.close();
    }
  });

  describe('three separated admins (三员分立)', () => {
    it('AC-02: system admin creates an account and receives its activation code, never a password; others get 403', async () => {
      const sys = await loginAs(env.app, 'sysadmin');
      const ok = await sys.post('/api/accounts/users', { username: 'newclerk', displayName: '新文书' });
      expect(ok.statusCode).toBe(201);
      expect(ok.json()).toMatchObject({
        status: 'done',
        userId: expect.any(String),
        activation: { username: 'newclerk', code: expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/) },
      });
      const dup = await sys.post('/api/accounts/users', { username: 'newclerk', displayName: '新文书' });
      expect(dup.statusCode).toBe(409);
      const adminWithPerson = await sys.post('/api/accounts/users', {
        username: 'badadmin',
        displayName: 'x',
        adminRole: 'auditor',
        personId: world.people.altStaff,
      });
      expect(adminWithPerson.statusCode).toBe(400);
      const sec = await loginAs(env.app, 'secadmin');
      expect((await sec.post('/api/accounts/users', { username: 'xuser1', displayName: 'x' })).statusCode).toBe(403);
      const member = await loginAs(env.app, 'altsec');
      expect((await member.get('/api/accounts/users')).statusCode).toBe(403);
    });

    it('an account with a temporary password (from before activation codes) must change it first', async () => {
      await env.ctx.db.updateTable('users').set({ must_change_password: 1 }).where('username', '=', 'altm3').execute();
      const c = await loginAs(env.app, 'altm3');
      expect((await c.get('/api/orgs/units')).statusCode).toBe(403);
      const changed = await c.post('/api/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'Better-Passw0rd',
      });
      expect(changed.statusCode).toBe(200);
      expect((await c.get('/api/orgs/units')).statusCode).toBe(200);
    });

    it('security admin grants and revokes business roles; an admin account cannot hold one', async () => {
      const sec = await loginAs(env.app, 'secadmin');
      const g = await sec.post('/api/accounts/grants', {
        userId: world.users.altm1,
        role: 'office',
        unitId: world.units.altay,
      });
      expect(g.statusCode).toBe(201);
      const bad = await sec.post('/api/accounts/grants', {
        userId: world.users.auditor,
        role: 'office',
        unitId: world.units.altay,
      });
      expect(bad.statusCode).toBe(400);
      expect((await sec.delete(`/api/accounts/grants/${g.json().id}`)).statusCode).toBe(200);
      expect((await sec.delete(`/api/accounts/grants/${g.json().id}`)).statusCode).toBe(404);
      const sys = await loginAs(env.app, 'sysadmin');
      expect(
        (
          await sys.post('/api/accounts/grants', {
            userId: world.users.altm1,
            role: 'office',
            unitId: world.units.altay,
          })
        ).statusCode,
      ).toBe(403);
    });

    it('admins read no business data', async () => {
      for (const u of ['sysadmin', 'secadmin', 'auditor']) {
        const c = await loginAs(env.app, u);
        expect((await c.get(`/api/orgs/units/${world.units.altay}/team`)).statusCode).toBe(403);
        expect((await c.get(`/api/people/${world.people.altSec}`)).statusCode).toBe(403);
      }
    });

    it('answers 404 for an unknown account', async () => {
      const sys = await loginAs(env.app, 'sysadmin');
      expect((await sys.patch('/api/accounts/users/nope', { status: 'disabled' })).statusCode).toBe(404);
      expect((await sys.post('/api/accounts/users/nope/unlock')).statusCode).toBe(404);
      expect((await sys.post('/api/accounts/users/nope/reset')).statusCode).toBe(404);
    });
  });
});

describe('passwords are argon2id', () => {
  it('stores an argon2id hash', async () => {
    const env = await createTestEnv('sqlite');
    await seedWorld(env.ctx);
    const row = await env.ctx.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'altsec')
      .executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
    await env.close();
  });
});
