/**
 * 三员分立 that holds (issue 8 §1, rules AC-01 and AC-02): each way the system admin could reach
 * business access or another admin's seat is tried through the API, refused, and seen by the auditor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, loginAs, TEST_PASSWORD, type TestEnv } from './app.js';
import { activate, auditEvents, result } from './accounts-helpers.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';

const NEW_PASSWORD = 'Holder-Chosen-Pw9';

describeEachDialect('three separated admins hold (AC-01, AC-02)', (dialect) => {
  let env: TestEnv;
  let world: World;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    world = await seedWorld(env.ctx);
  });
  afterAll(() => env.close());

  const userRow = (username: string) =>
    env.ctx.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

  it('AC-01: the system admin cannot obtain a person’s business roles through an account it links', async () => {
    const sys = await loginAs(env.app, 'sysadmin');
    const created = await sys.post('/api/accounts/users', {
      username: 'grab1',
      displayName: '借壳账户',
      personId: world.people.khStaff,
    });
    expect(created.statusCode).toBe(201);
    const c = result(created);
    // The account exists but is not linked: the link waits for the security admin.
    expect(c.status).toBe('pending_confirmation');
    expect(c.activation).toMatchObject({ username: 'grab1', part: 1, parts: 2, expiresAt: null });
    expect((await userRow('grab1'))?.person_id).toBeNull();

    // Confirming its own request is refused and logged.
    const own = await sys.post(`/api/accounts/requests/${c.requestId}/confirm`);
    expect(own.statusCode).toBe(403);
    expect(own.json().error.findings[0].ruleId).toBe('AC-01');
    // Half a code does not activate the account, nor does the half with a guessed second half.
    const half = c.activation?.code ?? '';
    expect((await activate(env.app, 'grab1', half, NEW_PASSWORD)).statusCode).toBe(401);
    expect((await activate(env.app, 'grab1', `${half}ABCD-EFGH-JKMN`, NEW_PASSWORD)).statusCode).toBe(401);
    // Choosing the password, the old way, is refused naming the field (AC-02).
    const chosen = await sys.post('/api/accounts/users', {
      username: 'grab2',
      displayName: 'x',
      password: 'Chosen-Passw0rd',
    });
    expect(chosen.statusCode).toBe(400);
    expect(chosen.json().error.field).toBe('password');
    // Granting roles is the security admin's; the system admin is refused.
    const grant = await sys.post('/api/accounts/grants', {
      userId: c.userId,
      role: 'office',
      unitId: world.units.khorgos,
    });
    expect(grant.statusCode).toBe(403);
    // An admin account never holds a person, not even through a request.
    const self = await sys.patch(`/api/accounts/users/${world.users.sysadmin}`, { personId: world.people.khStaff });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.field).toBe('personId');
    expect((await userRow('sysadmin'))?.person_id).toBeNull();

    const refused = await auditEvents(env.app, { action: 'accounts.refused' });
    const attempts = refused.filter((e) => e.actorUserId === world.users.sysadmin).map((e) => e.details.attempt);
    expect(attempts).toEqual(expect.arrayContaining(['confirm_request', 'grant_role', 'link_admin_account']));
    const failed = await auditEvents(env.app, { action: 'auth.activation_failed' });
    expect(failed.filter((e) => e.details.username === 'grab1')).toHaveLength(2);
    // The auditor reads whom the account was to be linked to: name and person record id.
    const asked = await auditEvents(env.app, { action: 'accounts.request_created', entityId: c.userId ?? '' });
    expect(asked[0]?.details).toMatchObject({
      kind: 'link_person',
      personId: world.people.khStaff,
      personName: '孙雅琴',
    });
  });

  it('AC-01: a link needs the security admin, and re-issues the credentials the system admin may know', async () => {
    const sys = await loginAs(env.app, 'sysadmin');
    // altm1 already holds that person; grab1 waits for khStaff: both refused, nothing written.
    const taken = await sys.post('/api/accounts/users', {
      username: 'grab1b',
      displayName: 'x',
      personId: world.people.altM1,
    });
    expect(taken.statusCode).toBe(409);
    const waiting = await sys.post('/api/accounts/users', {
      username: 'grab1b',
      displayName: 'x',
      personId: world.people.khStaff,
    });
    expect(waiting.statusCode).toBe(409);
    expect(await userRow('grab1b')).toBeUndefined();
    const sec = await loginAs(env.app, 'secadmin');
    const pending = (await sec.get('/api/accounts/requests?status=pending')).json<{
      items: { id: string; username: string; personName: string | null; unitName: string | null }[];
    }>().items;
    const grab1 = pending.find((r) => r.username === 'grab1');
    expect(grab1).toMatchObject({ personName: '孙雅琴', unitName: '霍尔果斯海关' });
    expect((await sec.post(`/api/accounts/requests/${grab1?.id}/reject`, { reason: '未见书面申请' })).statusCode).toBe(
      200,
    );

    // An unlinked account holds nothing, so its single code goes to the system admin, who uses it itself.
    const plain = result(await sys.post('/api/accounts/users', { username: 'grab1b', displayName: '新职工' }));
    expect(plain.activation).toMatchObject({ part: 1, parts: 1 });
    expect((await activate(env.app, 'grab1b', plain.activation?.code ?? '', 'Sysadmin-Knows-1')).statusCode).toBe(200);
    const ok = result(await sys.patch(`/api/accounts/users/${plain.userId}`, { personId: world.people.khStaff }));
    expect(ok.status).toBe('pending_confirmation');
    expect(ok.activation).toMatchObject({ part: 1, parts: 2 });
    // The auditor is an admin of another kind, but linking is the security admin's alone.
    const auditor = await loginAs(env.app, 'auditor');
    expect((await auditor.post(`/api/accounts/requests/${ok.requestId}/confirm`)).statusCode).toBe(403);
    const confirmed = result(await sec.post(`/api/accounts/requests/${ok.requestId}/confirm`));
    expect(confirmed.status).toBe('done');
    expect(confirmed.activation).toMatchObject({ username: 'grab1b', part: 2, parts: 2 });
    expect(confirmed.activation?.expiresAt).toBe('2026-06-11T02:00:00.000Z');
    expect((await userRow('grab1b'))?.person_id).toBe(world.people.khStaff);
    // The password the system admin set no longer opens the now linked account.
    await expect(loginAs(env.app, 'grab1b', 'Sysadmin-Knows-1')).rejects.toThrow(/401/);

    expect((await activate(env.app, 'grab1b', ok.activation?.code ?? '', NEW_PASSWORD)).statusCode).toBe(401);
    // Order does not matter; dashes, spaces and case are ignored.
    const reversed = `${confirmed.activation?.code} ${ok.activation?.code?.toLowerCase()}`;
    expect((await activate(env.app, 'grab1b', reversed, NEW_PASSWORD)).statusCode).toBe(200);
    // Single use.
    const both = `${ok.activation?.code}${confirmed.activation?.code}`;
    expect((await activate(env.app, 'grab1b', both, 'Another-Chosen-Pw9')).statusCode).toBe(401);
    const holder = await loginAs(env.app, 'grab1b', NEW_PASSWORD);
    const me = (await holder.get('/api/auth/session')).json<{
      me: { roles: { role: string }[]; mustChangePassword: boolean };
    }>().me;
    expect(me.roles.map((r) => r.role)).toContain('staff');
    expect(me.mustChangePassword).toBe(false);

    const linked = await auditEvents(env.app, { action: 'accounts.person_linked', entityId: plain.userId ?? '' });
    expect(linked[0]?.details).toMatchObject({ personId: world.people.khStaff, personName: '孙雅琴' });
    expect(linked[0]?.actorUserId).toBe(world.users.secadmin);
  });

  it('AC-01: unlinking, and resetting a linked account, also need the security admin', async () => {
    const sys = await loginAs(env.app, 'sysadmin');
    const reset = result(await sys.post(`/api/accounts/users/${world.users.altstaff}/reset`));
    expect(reset.status).toBe('pending_confirmation');
    // Nothing changed yet: the holder still logs in.
    await loginAs(env.app, 'altstaff');
    const sec = await loginAs(env.app, 'secadmin');
    const done = result(await sec.post(`/api/accounts/requests/${reset.requestId}/confirm`));
    expect(done.activation).toMatchObject({ part: 2, parts: 2 });
    await expect(loginAs(env.app, 'altstaff')).rejects.toThrow(/401/);

    const unlink = result(await sys.patch(`/api/accounts/users/${world.users.khm1}`, { personId: null }));
    expect(unlink.status).toBe('pending_confirmation');
    expect(unlink.activation).toBeNull();
    expect((await userRow('khm1'))?.person_id).toBe(world.people.khM1);
    expect((await sec.post(`/api/accounts/requests/${unlink.requestId}/confirm`)).statusCode).toBe(200);
    expect((await userRow('khm1'))?.person_id).toBeNull();
    const unlinked = await auditEvents(env.app, { action: 'accounts.person_unlinked', entityId: world.users.khm1 });
    expect(unlinked[0]?.details).toMatchObject({ personId: world.people.khM1, personName: expect.any(String) });
  });

  it('AC-01: business roles are granted only to accounts linked to a person', async () => {
    const sys = await loginAs(env.app, 'sysadmin');
    const plain = result(await sys.post('/api/accounts/users', { username: 'plain1', displayName: '未关联' }));
    expect(plain.status).toBe('done');
    const sec = await loginAs(env.app, 'secadmin');
    const g = await sec.post('/api/accounts/grants', {
      userId: plain.userId,
      role: 'office',
      unitId: world.units.altay,
    });
    expect(g.statusCode).toBe(400);
    expect(g.json().error).toMatchObject({ field: 'userId', findings: [{ ruleId: 'AC-01' }] });
  });

  it('AC-01: the system admin cannot create a second security admin alone', async () => {
    const sys = await loginAs(env.app, 'sysadmin');
    const asked = await sys.post('/api/accounts/users', {
      username: 'sec2',
      displayName: '第二安全管理员',
      adminRole: 'security_admin',
    });
    expect(asked.statusCode).toBe(202);
    const c = result(asked);
    expect(c).toMatchObject({ status: 'pending_confirmation', userId: null });
    expect(c.activation).toMatchObject({ username: 'sec2', part: 1, parts: 2, expiresAt: null });
    expect(await userRow('sec2')).toBeUndefined();
    expect((await sys.post(`/api/accounts/requests/${c.requestId}/confirm`)).statusCode).toBe(403);

    // A second system admin is the same kind: refused too.
    const sysRow = await userRow('sysadmin');
    await env.ctx.db
      .insertInto('users')
      .values({
        ...(sysRow as NonNullable<typeof sysRow>),
        id: 'sys2-id',
        username: 'sys2',
        display_name: '系统管理员乙',
      })
      .execute();
    const sys2 = await loginAs(env.app, 'sys2');
    const same = await sys2.post(`/api/accounts/requests/${c.requestId}/confirm`);
    expect(same.statusCode).toBe(403);
    expect(same.json().error.findings[0].ruleId).toBe('AC-01');
    await expect(loginAs(env.app, 'sec2', TEST_PASSWORD)).rejects.toThrow(/401/);

    // The auditor (another kind) confirms; the code is split between the two admins.
    const auditor = await loginAs(env.app, 'auditor');
    const confirmed = result(await auditor.post(`/api/accounts/requests/${c.requestId}/confirm`));
    expect(confirmed.activation).toMatchObject({ username: 'sec2', part: 2, parts: 2 });
    const row = await userRow('sec2');
    expect(row).toMatchObject({ admin_role: 'security_admin', person_id: null, status: 'active' });
    expect((await activate(env.app, 'sec2', c.activation?.code ?? '', NEW_PASSWORD)).statusCode).toBe(401);
    const code = `${c.activation?.code}${confirmed.activation?.code}`;
    expect((await activate(env.app, 'sec2', code, NEW_PASSWORD)).statusCode).toBe(200);
    const sec2 = await loginAs(env.app, 'sec2', NEW_PASSWORD);
    expect((await sec2.get('/api/auth/session')).json().me.adminRole).toBe('security_admin');

    const refused = await auditEvents(env.app, { action: 'accounts.refused' });
    const who = refused.filter((e) => e.details.attempt === 'confirm_request').map((e) => e.actorUserId);
    expect(who).toEqual(expect.arrayContaining([world.users.sysadmin, 'sys2-id']));
    const created = await auditEvents(env.app, { action: 'accounts.user_created', entityId: row?.id ?? '' });
    expect(created[0]).toMatchObject({ actorUserId: world.users.auditor });
    expect(created[0]?.details).toMatchObject({ username: 'sec2', adminRole: 'security_admin' });
  });

  it('AC-01, AC-02: the system admin cannot reset the auditor’s credentials and log in as the auditor', async () => {
    const sys = await loginAs(env.app, 'sysadmin');
    const c = result(await sys.post(`/api/accounts/users/${world.users.auditor}/reset`));
    expect(c).toMatchObject({ status: 'pending_confirmation' });
    expect(c.activation).toMatchObject({ username: 'auditor', part: 1, parts: 2 });
    // Nothing happened yet: the auditor still logs in with the own password.
    await loginAs(env.app, 'auditor');
    expect((await sys.post(`/api/accounts/requests/${c.requestId}/confirm`)).statusCode).toBe(403);
    expect((await activate(env.app, 'auditor', c.activation?.code ?? '', NEW_PASSWORD)).statusCode).toBe(401);
    await expect(loginAs(env.app, 'auditor', NEW_PASSWORD)).rejects.toThrow(/401/);

    const events = await auditEvents(env.app, { actor: '系统管理员' });
    expect(events.some((e) => e.action === 'accounts.refused' && e.details.attempt === 'confirm_request')).toBe(true);
    const failed = await auditEvents(env.app, { action: 'auth.activation_failed' });
    expect(failed.some((e) => e.details.username === 'auditor')).toBe(true);

    // The security admin confirms: the old password stops working, the holder needs both halves.
    const sec = await loginAs(env.app, 'secadmin');
    const confirmed = result(await sec.post(`/api/accounts/requests/${c.requestId}/confirm`));
    await expect(loginAs(env.app, 'auditor')).rejects.toThrow(/401/);
    const code = `${c.activation?.code}${confirmed.activation?.code}`;
    expect((await activate(env.app, 'auditor', code, NEW_PASSWORD)).statusCode).toBe(200);
    await loginAs(env.app, 'auditor', NEW_PASSWORD);
  });

  it('AC-01: the security admin’s reset and disabling an admin need a second admin of another kind', async () => {
    const sys = await loginAs(env.app, 'sysadmin');
    const off = result(await sys.patch(`/api/accounts/users/${world.users.secadmin}`, { status: 'disabled' }));
    expect(off.status).toBe('pending_confirmation');
    expect((await userRow('secadmin'))?.status).toBe('active');
    const auditor = await loginAs(env.app, 'auditor', NEW_PASSWORD);
    const cancelled = await sys.post(`/api/accounts/requests/${off.requestId}/cancel`);
    expect(cancelled.statusCode).toBe(200);
    expect((await auditor.post(`/api/accounts/requests/${off.requestId}/confirm`)).statusCode).toBe(409);

    const reset = result(await sys.post(`/api/accounts/users/${world.users.secadmin}/reset`));
    const list = (await auditor.get('/api/accounts/requests?status=pending')).json<{
      items: { id: string; kind: string; canConfirm: boolean; username: string }[];
    }>().items;
    expect(list.find((r) => r.id === reset.requestId)).toMatchObject({
      kind: 'reset_admin',
      username: 'secadmin',
      canConfirm: true,
    });
    const sysList = (await sys.get('/api/accounts/requests?status=pending')).json<{
      items: { id: string; canConfirm: boolean; canCancel: boolean }[];
    }>().items;
    expect(sysList.find((r) => r.id === reset.requestId)).toMatchObject({ canConfirm: false, canCancel: true });
    const confirmed = result(await auditor.post(`/api/accounts/requests/${reset.requestId}/confirm`));
    expect(confirmed.activation).toMatchObject({ username: 'secadmin', part: 2, parts: 2 });
    await expect(loginAs(env.app, 'secadmin')).rejects.toThrow(/401/);
  });

  it('AC-02: an unlinked business account is reset at once; its code expires and a new one replaces it', async () => {
    const sys = await loginAs(env.app, 'sysadmin');
    const made = result(await sys.post('/api/accounts/users', { username: 'clerk9', displayName: '文书九' }));
    expect(made.activation).toMatchObject({
      username: 'clerk9',
      part: 1,
      parts: 1,
      expiresAt: '2026-06-11T02:00:00.000Z',
    });
    // Not activated: cannot log in with anything.
    await expect(loginAs(env.app, 'clerk9', TEST_PASSWORD)).rejects.toThrow(/401/);
    const again = result(await sys.post(`/api/accounts/users/${made.userId}/reset`));
    expect(again.status).toBe('done');
    // The first code was replaced.
    expect((await activate(env.app, 'clerk9', made.activation?.code ?? '', NEW_PASSWORD)).statusCode).toBe(401);
    env.clock.advance(72 * 3_600_000 + 1000);
    expect((await activate(env.app, 'clerk9', again.activation?.code ?? '', NEW_PASSWORD)).statusCode).toBe(401);
    const sysAgain = await loginAs(env.app, 'sysadmin');
    const fresh = result(await sysAgain.post(`/api/accounts/users/${made.userId}/reset`));
    const weak = await activate(env.app, 'clerk9', fresh.activation?.code ?? '', 'short');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.field).toBe('newPassword');
    expect((await activate(env.app, 'clerk9', fresh.activation?.code ?? '', NEW_PASSWORD)).statusCode).toBe(200);
    await loginAs(env.app, 'clerk9', NEW_PASSWORD);
    const row = await userRow('clerk9');
    expect(row?.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(JSON.stringify(row)).not.toContain(fresh.activation?.code?.replace(/-/g, '') ?? 'x');
  });

  describe('endpoints: 401, 403, 404', () => {
    it('answers 401 without a session and 403 to business users', async () => {
      for (const [m, url] of [
        ['GET', '/api/accounts/requests'],
        ['POST', '/api/accounts/requests/x/confirm'],
        ['POST', '/api/accounts/requests/x/reject'],
        ['POST', '/api/accounts/requests/x/cancel'],
        ['POST', `/api/accounts/users/${world.users.altm2}/reset`],
      ] as const) {
        const res = await env.app.inject({ method: m, url });
        expect(res.statusCode, url).toBe(401);
      }
      const member = await loginAs(env.app, 'altm2');
      expect((await member.get('/api/accounts/requests')).statusCode).toBe(403);
      expect((await member.post('/api/accounts/requests/x/confirm')).statusCode).toBe(403);
      expect((await member.post(`/api/accounts/users/${world.users.altm3}/reset`)).statusCode).toBe(403);
    });

    it('answers 404 for an unknown request or account', async () => {
      const auditor = await loginAs(env.app, 'auditor', NEW_PASSWORD);
      expect((await auditor.post('/api/accounts/requests/nope/confirm')).statusCode).toBe(404);
      expect((await auditor.post('/api/accounts/requests/nope/reject', {})).statusCode).toBe(404);
      const sys = await loginAs(env.app, 'sysadmin');
      expect((await sys.post('/api/accounts/requests/nope/cancel')).statusCode).toBe(404);
      expect((await sys.post('/api/accounts/users/nope/reset')).statusCode).toBe(404);
    });

    it('refuses an activation without the double-submit CSRF cookie', async () => {
      const res = await env.app.inject({
        method: 'POST',
        url: '/api/auth/activate',
        payload: { username: 'clerk9', code: 'ABCD-EFGH-JKMN', newPassword: NEW_PASSWORD },
        headers: { 'x-csrf-token': 'abc' },
      });
      expect(res.statusCode).toBe(403);
    });
  });
});
