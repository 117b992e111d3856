/**
 * Accounts for imported people, confirmed as one batch (issue 16 §1; AC-01, AC-02): the system
 * admin requests, the security admin confirms or rejects the batch as a whole, each takes their
 * halves of the codes once as a .xlsx list, and the holder activates with both halves. Neither admin
 * alone can make a usable account.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousClient, createTestEnv, loginAs, type HttpClient, type TestEnv } from './app.js';
import { activate, auditEvents } from './accounts-helpers.js';
import { batchBody, halves, importPeople, type BatchDetail } from './account-batches-helpers.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';
import { addAccount } from './import-helpers.js';

const NEW_PASSWORD = 'Holder-Chosen-Pw9';

describeEachDialect('accounts for imported people as one batch (AC-01, AC-02)', (dialect) => {
  let env: TestEnv;
  let world: World;
  let sys: HttpClient;
  let sec: HttpClient;
  let imported: string[] = [];
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    world = await seedWorld(env.ctx);
    imported = await importPeople(env, world, 3);
    sys = await loginAs(env.app, 'sysadmin');
    sec = await loginAs(env.app, 'secadmin');
  });
  afterAll(() => env.close());

  const userOf = (personId: string) =>
    env.ctx.db.selectFrom('users').selectAll().where('person_id', '=', personId).executeTakeFirst();

  it('the system admin alone cannot make a usable account; the security admin confirms; the holder activates with both halves', async () => {
    // The people of the import, plus one who has an account already: listed, not included.
    const asked = await sys.post('/api/accounts/batches', { personIds: [...imported, world.people.khSec] });
    expect(asked.statusCode).toBe(201);
    const { batch, excluded } = asked.json<{ batch: BatchDetail; excluded: { personId: string; reason: string }[] }>();
    expect(batch.items.map((i) => i.username)).toEqual(['6502.001', '6502.002', '6502.003']);
    expect(new Set(batch.items.map((i) => i.personId))).toEqual(new Set(imported));
    const ofUser = (u: string) => batch.items.find((i) => i.username === u)?.personId as string;
    expect(batch.items.every((i) => i.outcome === 'pending')).toBe(true);
    expect(excluded).toEqual([expect.objectContaining({ personId: world.people.khSec, reason: '已有账户 khsec' })]);
    expect(batch).toMatchObject({ status: 'pending', canTakeHalf: 1, canConfirm: false, canCancel: true });

    // Nothing to take for the security admin yet, and nothing to confirm before the first halves exist.
    expect((await sec.post(`/api/accounts/batches/${batch.id}/codes`)).statusCode).toBe(403);
    const early = await sec.post(`/api/accounts/batches/${batch.id}/confirm`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('第 1 段');

    // The requester takes the first halves once; a second download is refused.
    const first = await halves(sys, batch.id);
    expect(first.map((l) => l.username)).toEqual(['6502.001', '6502.002', '6502.003']);
    expect(first.map((l) => l.name)).toEqual(batch.items.map((i) => i.personName));
    const again = await sys.post(`/api/accounts/batches/${batch.id}/codes`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('只能下载一次');

    // The system admin cannot confirm its own batch; no account exists yet; half a code opens nothing.
    const own = await sys.post(`/api/accounts/batches/${batch.id}/confirm`);
    expect(own.statusCode).toBe(403);
    expect(own.json().error.findings[0].ruleId).toBe('AC-01');
    for (const p of imported) expect(await userOf(p)).toBeUndefined();
    expect((await activate(env.app, '6502.001', first[0]?.code ?? '', NEW_PASSWORD)).statusCode).toBe(401);

    // The security admin confirms the whole batch: accounts linked to their people, no code yet.
    const confirmed = await sec.post(`/api/accounts/batches/${batch.id}/confirm`);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json<BatchDetail>()).toMatchObject({
      status: 'confirmed',
      created: 3,
      skipped: 0,
      canTakeHalf: 2,
    });
    const row = await userOf(ofUser('6502.001'));
    expect(row).toMatchObject({ username: '6502.001', admin_role: null, password_hash: '!', activation_hash: null });
    expect((await sec.post(`/api/accounts/batches/${batch.id}/confirm`)).statusCode).toBe(409);
    // The requester cannot take the second halves.
    expect((await sys.post(`/api/accounts/batches/${batch.id}/codes`)).statusCode).toBe(409);

    const second = await halves(sec, batch.id);
    expect(second.map((l) => l.username)).toEqual(['6502.001', '6502.002', '6502.003']);
    expect((await sec.post(`/api/accounts/batches/${batch.id}/codes`)).statusCode).toBe(409);

    // Either half alone is refused; both, in any order, activate the account.
    expect((await activate(env.app, '6502.002', second[1]?.code ?? '', NEW_PASSWORD)).statusCode).toBe(401);
    const ok = await activate(env.app, '6502.002', `${second[1]?.code} ${first[1]?.code}`, NEW_PASSWORD);
    expect(ok.statusCode).toBe(200);
    const holder = await loginAs(env.app, '6502.002', NEW_PASSWORD);
    const me = (await holder.get('/api/auth/session')).json<{ me: { username: string; adminRole: null } }>();
    expect(me.me).toMatchObject({ username: '6502.002', adminRole: null });

    // The auditor reads the batch: who asked, who confirmed, each half taken once, each account's person.
    const actions = (await auditEvents(env.app, { entityId: batch.id })).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['accounts.batch_requested', 'accounts.batch_codes_taken', 'accounts.batch_confirmed']),
    );
    const linked = await auditEvents(env.app, { action: 'accounts.person_linked', entityId: row?.id ?? '' });
    expect(linked[0]?.details).toMatchObject({
      personId: ofUser('6502.001'),
      personName: batch.items[0]?.personName,
      batchId: batch.id,
    });
    const refused = await auditEvents(env.app, { action: 'accounts.refused' });
    expect(refused.some((e) => e.details.attempt === 'confirm_batch' && e.details.batchId === batch.id)).toBe(true);
  });

  it('a person who got an account after the request is skipped with the reason; a single link to a person in a pending batch is refused', async () => {
    const [p1, p2] = await importPeople(env, world, 2, 10);
    const { batch } = (await sys.post('/api/accounts/batches', batchBody([p1, p2]))).json<{ batch: BatchDetail }>();
    const single = await sys.post('/api/accounts/users', { username: 'single1', displayName: '单独', personId: p1 });
    expect(single.statusCode).toBe(409);
    expect(single.json().error.message).toContain('批量开设申请');
    // Meanwhile p1 got an account another way (e.g. older data): confirmation skips p1 and says why.
    await halves(sys, batch.id);
    await addAccount(env.ctx, 'older1', p1 as string);
    const done = (await sec.post(`/api/accounts/batches/${batch.id}/confirm`)).json<BatchDetail>();
    expect(done).toMatchObject({ created: 1, skipped: 1 });
    expect(done.items.find((i) => i.personId === p1)).toMatchObject({
      outcome: 'skipped',
      note: '该人员已关联账户 older1，未重复开设',
    });
    const made = done.items.find((i) => i.personId === p2);
    expect(made?.outcome).toBe('created');
    expect((await halves(sec, batch.id)).map((l) => l.username)).toEqual([made?.username]);
  });

  it('the security admin rejects a batch as a whole; the requester withdraws its own; nothing is created', async () => {
    const people = await importPeople(env, world, 2, 20);
    const a = (await sys.post('/api/accounts/batches', batchBody(people))).json<{ batch: BatchDetail }>().batch;
    expect((await sec.post(`/api/accounts/batches/${a.id}/cancel`)).statusCode).toBe(403);
    expect((await sys.post(`/api/accounts/batches/${a.id}/reject`, { reason: 'x' })).statusCode).toBe(403);
    expect((await sec.post(`/api/accounts/batches/${a.id}/reject`, { reason: '名单有误' })).statusCode).toBe(200);
    expect((await sys.post(`/api/accounts/batches/${a.id}/codes`)).statusCode).toBe(409);
    expect((await sec.post(`/api/accounts/batches/${a.id}/confirm`)).statusCode).toBe(409);
    const b = (await sys.post('/api/accounts/batches', batchBody(people))).json<{ batch: BatchDetail }>().batch;
    expect((await sys.post(`/api/accounts/batches/${b.id}/cancel`)).statusCode).toBe(200);
    for (const p of people) expect(await userOf(p)).toBeUndefined();
    const list = (await sec.get('/api/accounts/batches')).json<{ items: BatchDetail[] }>().items;
    expect(list.find((x) => x.id === a.id)).toMatchObject({ status: 'rejected', reason: '名单有误', count: 2 });
    expect(list.find((x) => x.id === b.id)).toMatchObject({ status: 'cancelled' });
  });

  it('by unit: the people of the unit without an account; a unit where everyone has one is refused clearly', async () => {
    const [p] = await importPeople(env, world, 1, 30);
    const res = await sys.post('/api/accounts/batches', { unitIds: [world.units.khorgos] });
    expect(res.statusCode).toBe(201);
    const { batch, excluded } = res.json<{ batch: BatchDetail; excluded: { reason: string }[] }>();
    expect(batch.items.map((i) => i.personId)).toContain(p);
    expect(batch.items.every((i) => i.username.startsWith('6502.'))).toBe(true);
    expect(excluded.length).toBeGreaterThan(2);
    expect((await sys.post(`/api/accounts/batches/${batch.id}/cancel`)).statusCode).toBe(200);
    const none = await sys.post('/api/accounts/batches', { unitIds: [world.units.urumqi] });
    expect(none.statusCode).toBe(409);
    expect(none.json().error.field).toBe('unitIds');
  });

  it('401 without a session, 403 to business users and to the wrong admin, 404 for an unknown batch, 400 naming the field', async () => {
    const anon = await anonymousClient(env.app);
    expect((await anon.get('/api/accounts/batches')).statusCode).toBe(401);
    expect((await anon.post('/api/accounts/batches', { unitIds: [world.units.altay] })).statusCode).toBe(401);
    const rs = await loginAs(env.app, 'rs');
    expect((await rs.get('/api/accounts/batches')).statusCode).toBe(403);
    expect((await rs.post('/api/accounts/batches', { unitIds: [world.units.altay] })).statusCode).toBe(403);
    expect((await sec.post('/api/accounts/batches', { unitIds: [world.units.altay] })).statusCode).toBe(403);
    const auditor = await loginAs(env.app, 'auditor');
    expect((await auditor.post('/api/accounts/batches', { unitIds: [world.units.altay] })).statusCode).toBe(403);
    const unknown = '01890000-0000-7000-8000-000000000000';
    expect((await sec.get(`/api/accounts/batches/${unknown}`)).statusCode).toBe(404);
    expect((await sec.post(`/api/accounts/batches/${unknown}/confirm`)).statusCode).toBe(404);
    expect((await sys.post(`/api/accounts/batches/${unknown}/codes`)).statusCode).toBe(404);
    const bad = await sys.post('/api/accounts/batches', { unitIds: [unknown] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('unitIds');
    const empty = await sys.post('/api/accounts/batches', {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.field).toBe('unitIds');
  });
});
