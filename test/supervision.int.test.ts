/**
 * Supervision records (issue 10): each kind writes its influence periods, an inquiry letter its
 * working-day deadline; revocation voids, change replaces, a case ends on conclusion; who sees what,
 * attacked from each role; bad input refused with its rule, nothing written; texts encrypted at rest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, loginAs, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';
import { snapshot, changedTables } from './db-snapshot.js';

interface View {
  id: string;
  kind: string;
  status: string;
  tier: number | null;
  summary: string | null;
  allegations: string | null;
  reply: string | null;
  replyDue: string | null;
  overdue: boolean;
  effects: { ruleId: string; kind: string; message_zh: string }[];
  periods: { ruleId: string; start: string; end: string | null; blocks: string[]; voided: boolean }[];
  replacedBy: string | null;
}

describeEachDialect('supervision records (issue 10)', (dialect) => {
  let env: TestEnv;
  let w: World;
  const base = () => ({
    personId: w.people.altM1,
    issuedOn: '2026-06-01',
    issuer: '乌鲁木齐海关纪检组',
    issuerLevel: 'higher',
    summary: '就工作中的苗头性问题进行提醒',
  });
  const make = async (body: Record<string, unknown>, as = 'jj') => {
    const c = await loginAs(env.app, as);
    const r = await c.post('/api/supervision/records', { ...base(), ...body });
    return r;
  };
  const made = async (body: Record<string, unknown>) => {
    const r = await make(body);
    expect(r.statusCode, r.body).toBe(201);
    return r.json<View>();
  };

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    w = await seedWorld(env.ctx);
  });
  afterAll(() => env.close());

  describe('periods each kind writes (§17, §17a)', () => {
    it('an admonition: no promotion for 6 months (IP-07, a warning: UNVERIFIED), no inspection candidacy (SE-05), not 优秀 that year (KH-06)', async () => {
      const v = await made({ kind: 'admonition_talk', effectiveOn: '2026-06-03' });
      expect(v.tier).toBe(1);
      expect(v.status).toBe('in_force');
      expect(v.periods).toContainEqual(
        expect.objectContaining({ ruleId: 'IP-07', start: '2026-06-03', end: '2026-12-02', voided: false }),
      );
      expect(v.periods).toContainEqual(expect.objectContaining({ ruleId: 'SE-05', blocks: ['inspection_candidate'] }));
      expect(v.periods).toContainEqual(
        expect.objectContaining({ ruleId: 'KH-06', end: '2026-12-31', blocks: ['excellent_grade'] }),
      );
      expect(v.effects.find((e) => e.ruleId === 'IP-07')?.kind).toBe('warn');
      expect(v.effects.find((e) => e.ruleId === 'SE-05')?.kind).toBe('block');
      const restrictions = await (await loginAs(env.app, 'rs')).get(`/api/people/${w.people.altM1}/restrictions`);
      const blocks = restrictions.json<{ active: { block: string }[] }>().active.map((a) => a.block);
      expect(blocks).toEqual(expect.arrayContaining(['promotion', 'inspection_candidate', 'excellent_grade']));
    });

    it('writes the periods of every sanction and handling, with their parameters', async () => {
      const cases: [Record<string, unknown>, string, string][] = [
        [{ kind: 'party_warning' }, 'IP-01', '2027-05-31'],
        [{ kind: 'party_serious_warning', dutyRelated: true }, 'IP-02', '2027-11-30'],
        [{ kind: 'party_post_removal' }, 'IP-03', '2028-05-31'],
        [{ kind: 'party_probation', probationMonths: 12 }, 'IP-04', '2027-05-31'],
        [{ kind: 'party_probation_restored' }, 'IP-04', '2028-05-31'],
        [{ kind: 'party_expulsion' }, 'IP-05', '2031-05-31'],
        [{ kind: 'gov_warning' }, 'IP-06', '2026-11-30'],
        [{ kind: 'gov_demerit' }, 'IP-06', '2027-05-31'],
        [{ kind: 'gov_major_demerit' }, 'IP-06', '2027-11-30'],
        [{ kind: 'gov_demotion' }, 'IP-06', '2028-05-31'],
        [{ kind: 'transfer_out' }, 'NS-04', '2027-05-31'],
        [{ kind: 'removal', accountability: true }, 'NS-04', '2028-05-31'],
        [{ kind: 'demotion' }, 'NS-04', '2028-05-31'],
      ];
      for (const [body, ruleId, lastEnd] of cases) {
        const v = await made({ ...body, personId: w.people.altM2 });
        const ends = v.periods.filter((p) => p.ruleId === ruleId).map((p) => p.end);
        expect(ends, JSON.stringify(body)).toContain(lastEnd);
        expect(v.effects.some((e) => e.ruleId === ruleId)).toBe(true);
      }
    });

    it('an open case restricts until it is concluded (IP-09), then its periods end that day', async () => {
      const v = await made({ kind: 'case_open', personId: w.people.altM3, allegations: '群众来信反映' });
      expect(v.status).toBe('open');
      expect(v.periods.every((p) => p.end === null)).toBe(true);
      const jj = await loginAs(env.app, 'jj');
      const early = await jj.post(`/api/supervision/records/${v.id}/conclude`, { concludedOn: '2026-05-01' });
      expect(early.statusCode).toBe(400);
      expect(early.json<{ error: { field: string } }>().error.field).toBe('concludedOn');
      const done = await jj.post(`/api/supervision/records/${v.id}/conclude`, { concludedOn: '2026-06-07' });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json<View>().periods.every((p) => p.end === '2026-06-07')).toBe(true);
    });

    it('revoking voids the periods from their start and keeps them in history (Art. 57); a change replaces from the original day (Art. 58)', async () => {
      const jj = await loginAs(env.app, 'jj');
      const warning = await made({ kind: 'gov_warning', personId: w.people.altM4, effectiveOn: '2026-06-02' });
      const revoked = await jj.post(`/api/supervision/records/${warning.id}/revoke`, {
        revokedOn: '2026-06-07',
        reason: '事实不清',
      });
      expect(revoked.statusCode, revoked.body).toBe(200);
      const rv = revoked.json<View>();
      expect(rv.status).toBe('revoked');
      expect(rv.periods.length).toBeGreaterThan(0);
      expect(rv.periods.every((p) => p.voided)).toBe(true);
      expect(rv.effects).toEqual([]);
      const again = await jj.post(`/api/supervision/records/${warning.id}/revoke`, {
        revokedOn: '2026-06-07',
        reason: '再次',
      });
      expect(again.statusCode).toBe(409);

      const demerit = await made({
        kind: 'gov_demerit',
        personId: w.people.altM4,
        effectiveOn: '2026-03-10',
        issuedOn: '2026-03-10',
      });
      const changed = await jj.post(`/api/supervision/records/${demerit.id}/change`, {
        ...base(),
        personId: undefined,
        kind: 'gov_warning',
        issuedOn: '2026-06-05',
      });
      expect(changed.statusCode, changed.body).toBe(200);
      const next = changed.json<View>();
      expect(next.kind).toBe('gov_warning');
      expect(next.periods.find((p) => p.ruleId === 'IP-06')).toMatchObject({ start: '2026-03-10', end: '2026-09-09' });
      const old = (await jj.get(`/api/supervision/records/${demerit.id}`)).json<View>();
      expect(old).toMatchObject({ status: 'changed', replacedBy: next.id });
      expect(old.periods.every((p) => p.voided)).toBe(true);
    });
  });

  describe('inquiry letters (TX-04)', () => {
    it('are due on the 15th working day after receipt, holidays skipped and 调休 days counted (§17a), and show overdue until replied', async () => {
      const v = await made({ kind: 'inquiry_letter', issuedOn: '2026-05-06', receivedOn: '2026-05-08' });
      expect(v.status).toBe('issued');
      // Received Fri 05-08; Sat 05-09 is a working day (调休 for Labour Day), so the 15th is Thu 05-28.
      expect(v.replyDue).toBe('2026-05-28');
      // The test clock reads 2026-06-08: past due and not replied.
      expect(v.overdue).toBe(true);
      const late = v;
      const jj = await loginAs(env.app, 'jj');
      const june = await made({ kind: 'inquiry_letter', issuedOn: '2026-06-08', receivedOn: '2026-06-08' });
      // Received Mon 06-08: the Dragon Boat holiday (06-19) skipped, the 15th working day is Tue 06-30 (§17a).
      expect(june).toMatchObject({ replyDue: '2026-06-30', overdue: false });
      const overdue = (await jj.get('/api/supervision/records?overdue=1')).json<{ items: View[] }>().items;
      expect(overdue.map((i) => i.id)).toContain(late.id);
      expect(overdue.map((i) => i.id)).not.toContain(june.id);
      const ext = await jj.post(`/api/supervision/records/${late.id}/extend`, {
        replyDue: '2026-05-01',
        reason: '出差',
      });
      expect(ext.statusCode).toBe(400);
      const replied = await jj.post(`/api/supervision/records/${late.id}/reply`, {
        repliedOn: '2026-06-08',
        reply: '已如实说明情况',
        outcome: 'cleared',
      });
      expect(replied.statusCode, replied.body).toBe(200);
      expect(replied.json<View>()).toMatchObject({ status: 'closed', overdue: false, reply: '已如实说明情况' });
    });
  });

  describe('who sees what (every line attacked)', () => {
    let admonition: View;
    let letter: View;
    let secret: View;
    beforeAll(async () => {
      admonition = await made({ kind: 'admonition_written', personId: w.people.altM1, allegations: '某某举报' });
      letter = await made({ kind: 'inquiry_letter', personId: w.people.altM1, summary: '请说明房产情况' });
      secret = await made({ kind: 'reminder_written', personId: w.people.altM1, confidential: true });
    });
    const get = async (as: string, id: string) => (await loginAs(env.app, as)).get(`/api/supervision/records/${id}`);

    it('the discipline office with authority sees everything, allegations included', async () => {
      const v = (await get('jj', admonition.id)).json<View>();
      expect(v.allegations).toBe('某某举报');
      expect((await get('jj', letter.id)).json<View>().summary).toBe('请说明房产情况');
    });
    it("the personnel office sees the measures and periods, never allegations or an inquiry letter's questions", async () => {
      const v = (await get('rs', admonition.id)).json<View>();
      expect(v.allegations).toBeNull();
      expect(v.periods.length).toBeGreaterThan(0);
      expect((await get('rs', letter.id)).json<View>().summary).toBeNull();
    });
    it('the subject sees their own records, not the allegations, and not a confidential one (404)', async () => {
      const v = (await get('altm1', admonition.id)).json<View>();
      expect(v.summary).not.toBeNull();
      expect(v.allegations).toBeNull();
      expect((await get('altm1', secret.id)).statusCode).toBe(404);
      const mine = (await (await loginAs(env.app, 'altm1')).get('/api/supervision/records')).json<{ items: View[] }>();
      expect(mine.items.map((i) => i.id)).not.toContain(secret.id);
      expect(mine.items.every((i) => i.allegations === null)).toBe(true);
    });
    it("peers, the secretary, the unit's own offices, another unit and the admins see nothing", async () => {
      for (const u of ['altm2', 'altsec', 'altrenshi', 'altoffice', 'khsec', 'ursec']) {
        expect((await get(u, admonition.id)).statusCode, u).toBe(404);
        const list = (await (await loginAs(env.app, u)).get('/api/supervision/records')).json<{ items: View[] }>();
        expect(
          list.items.map((i) => i.id),
          u,
        ).not.toContain(admonition.id);
      }
      for (const u of ['sysadmin', 'secadmin', 'auditor']) {
        expect((await get(u, admonition.id)).statusCode, u).toBe(403);
      }
    });
    it('the secretary records a reminder to a member and then sees it, but may not record an admonition', async () => {
      const r = await make({ kind: 'reminder_talk', issuerLevel: 'same', issuer: '党组书记' }, 'altsec');
      expect(r.statusCode, r.body).toBe(201);
      expect((await get('altsec', r.json<View>().id)).statusCode).toBe(200);
      expect((await make({ kind: 'admonition_talk' }, 'altsec')).statusCode).toBe(403);
      expect((await make({ kind: 'reminder_talk', personId: w.people.khM1 }, 'altsec')).statusCode).toBe(404);
    });
    it("every read of a record's text is audited", async () => {
      await get('rs', admonition.id);
      const reads = await env.ctx.db
        .selectFrom('audit_events')
        .select('entity_id')
        .where('action', '=', 'supervision.record_read')
        .where('entity_id', '=', admonition.id)
        .execute();
      expect(reads.length).toBeGreaterThanOrEqual(2);
    });
    it('keeps the texts encrypted at rest', async () => {
      const row = await env.ctx.db
        .selectFrom('supervision_records')
        .select(['summary_enc', 'allegations_enc'])
        .where('id', '=', admonition.id)
        .executeTakeFirstOrThrow();
      expect(row.summary_enc).not.toContain('提醒');
      expect(row.allegations_enc).not.toContain('举报');
    });
  });

  describe('bad input: refused with its rule, naming the field, nothing written', () => {
    const refused = async (body: Record<string, unknown>, field: string, ruleId?: string) => {
      const before = await snapshot(env.ctx.db, dialect);
      const r = await make(body);
      expect(r.statusCode, r.body).toBeGreaterThanOrEqual(400);
      expect(r.statusCode).toBeLessThan(500);
      const e = r.json<{ error: { field?: string; findings?: { ruleId: string }[] } }>().error;
      expect(e.field).toBe(field);
      if (ruleId) expect(e.findings?.map((f) => f.ruleId)).toContain(ruleId);
      expect(changedTables(before, await snapshot(env.ctx.db, dialect))).toEqual([]);
    };
    it('an admonition from the same level (TX-03)', () =>
      refused({ kind: 'admonition_talk', issuerLevel: 'same' }, 'issuerLevel', 'TX-03'));
    it('an effect before the decision (IP-06)', () =>
      refused({ kind: 'gov_warning', effectiveOn: '2026-05-01' }, 'effectiveOn', 'IP-06'));
    it('a reply counted from before the letter was issued (TX-04)', () =>
      refused({ kind: 'inquiry_letter', receivedOn: '2026-05-20' }, 'receivedOn', 'TX-04'));
    it('a probation of a length the rules do not allow (IP-04)', () =>
      refused({ kind: 'party_probation', probationMonths: 18 }, 'probationMonths', 'IP-04'));
    it('sanctions decided together: the heaviest is executed, the stated period within Art. 15 (IP-06)', async () => {
      await refused({ kind: 'gov_warning', combinedKinds: ['gov_warning', 'gov_demerit'] }, 'kind', 'IP-06');
      await refused(
        { kind: 'gov_demerit', combinedKinds: ['gov_demerit', 'gov_demerit'], statedMonths: 30 },
        'statedMonths',
        'IP-06',
      );
      await refused({ kind: 'gov_warning', statedMonths: 9 }, 'statedMonths', 'IP-06');
      const ok = await made({
        kind: 'gov_demerit',
        combinedKinds: ['gov_demerit', 'gov_demerit', 'gov_demerit', 'gov_demerit', 'gov_demerit'],
        statedMonths: 48,
        personId: w.people.altM3,
      });
      expect(ok.periods.find((p) => p.ruleId === 'IP-06')?.end).toBe('2030-05-31');
    });
    it('a field that does not belong to the kind, a kind outside the catalogue, a date in the future', async () => {
      await refused({ kind: 'gov_warning', probationMonths: 12 }, 'probationMonths');
      await refused({ kind: 'scolding' }, 'kind');
      await refused({ kind: 'reminder_talk', issuedOn: '2026-07-01' }, 'issuedOn', 'TX-01');
      await refused({ kind: 'reminder_talk', groupId: '019ea4f5-4d00-7000-8000-000000000000' }, 'groupId');
    });
  });
});
