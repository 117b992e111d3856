/**
 * A Party Group meeting end to end over HTTP: schedule, leave before the start (PG-08), quorum
 * (PG-06, PG-07 with recusal), secret ballot from members' own sessions, the chair last (PG-10),
 * concurrent double votes refused by the database, the result with its rule (SE-09), closing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, loginAs, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';
import {
  addToAgenda,
  altayTeam,
  attend,
  catalogue,
  meeting,
  ok,
  personnelItem,
  schedule,
  vote,
  type Team,
} from './meetings-helpers.js';

describeEachDialect('meetings: a personnel vote by secret ballot', (dialect) => {
  let env: TestEnv;
  let world: World;
  let t: Team;
  let meetingId: string;
  let itemId: string;
  let agendaId: string;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    world = await seedWorld(env.ctx);
    t = await altayTeam(env);
    const cat = await catalogue(t.office, world.units.altay);
    agendaId = await personnelItem(t, world, cat);
    meetingId = await schedule(t, world, '2026-06-09');
    itemId = await addToAgenda(t, meetingId, agendaId, 'secret');
    ok(await t.office.post(`/api/meetings/${meetingId}/publish`));
  });
  afterAll(() => env.close());

  it('lets a member ask for leave before the start, with a written opinion that is not a vote (PG-08, PG-09)', async () => {
    ok(
      await t.m[3]!.post(`/api/meetings/${meetingId}/leave`, {
        reason: '赴总署参加培训',
        writtenOpinion: '同意张三同志任职',
      }),
    );
    const m = ok<{ attendance: { personId: string; status: string; writtenOpinion: string | null }[] }>(
      await t.m[0]!.get(`/api/meetings/${meetingId}`),
    );
    expect(m.attendance.find((a) => a.personId === world.people.altM4)).toMatchObject({
      status: 'leave',
      writtenOpinion: '同意张三同志任职',
    });
  });

  it('opens on the meeting day only, with every member accounted for, and half or more present (PG-06)', async () => {
    expect((await t.office.post(`/api/meetings/${meetingId}/open`)).statusCode).toBe(409); // not the meeting day yet
    env.clock.set('2026-06-09T00:40:00.000Z'); // 08:40 Beijing; yesterday's sessions have expired
    t = await altayTeam(env);
    const late = await t.m[0]!.post(`/api/meetings/${meetingId}/leave`, { reason: '临时有事' });
    expect(late.statusCode).toBe(200); // still before the 09:00 start
    const open = await t.office.post(`/api/meetings/${meetingId}/open`);
    expect(open.statusCode).toBe(409);
    expect(open.json().error.message).toContain('登记');
    await attend(t, world, meetingId, { altM1: 'absent', altM2: 'absent', altM4: 'leave' });
    const below = await t.office.post(`/api/meetings/${meetingId}/open`);
    expect(below.statusCode).toBe(422);
    expect(below.json().error.findings[0]).toMatchObject({
      ruleId: 'PG-06',
      kind: 'block',
      facts: { members: 5, present: 2, required: 3 },
    });
    env.clock.set('2026-06-09T01:05:00.000Z'); // 09:05: leave is no longer possible
    expect((await t.m[1]!.post(`/api/meetings/${meetingId}/leave`, { reason: '迟到' })).statusCode).toBe(409);
    ok(
      await t.office.post(`/api/meetings/${meetingId}/attendance`, { personId: world.people.altM1, status: 'present' }),
    );
    ok(
      await t.office.post(`/api/meetings/${meetingId}/attendance`, { personId: world.people.altM2, status: 'present' }),
    );
    ok(await t.office.post(`/api/meetings/${meetingId}/open`));
  });

  it('checks the 2/3 quorum of a personnel item at the moment of voting, a recused member counting as absent (PG-07, PG-13)', async () => {
    // 4 of 5 present: exactly ceil(2*5/3) = 4. A recusal drops the item to 3.
    ok(await t.m[2]!.post(`/api/meetings/items/${itemId}/recusals`, { reason: '张三系本人亲属' }));
    const blocked = await t.office.post(`/api/meetings/items/${itemId}/start-voting`);
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().error.findings[0]).toMatchObject({
      ruleId: 'PG-07',
      facts: { members: 5, present: 3, required: 4 },
    });
  });

  it('refuses a vote before voting opens, by a recused member, and the chair before the others (PG-10)', async () => {
    const m = await meeting(t.office, meetingId);
    const cand = m.items[0]!.candidates[0]!.id;
    expect((await vote(t.m[0]!, itemId, 'agree', cand)).statusCode).toBe(409);
    // altM4 had asked for leave but came after all: the office records presence.
    ok(
      await t.office.post(`/api/meetings/${meetingId}/attendance`, { personId: world.people.altM4, status: 'present' }),
    );
    ok(await t.office.post(`/api/meetings/items/${itemId}/start-voting`));
    const recused = await vote(t.m[2]!, itemId, 'agree', cand);
    expect(recused.statusCode).toBe(422);
    expect(recused.json().error.findings[0].ruleId).toBe('PG-13');
    const chair = await vote(t.sec, itemId, 'agree', cand);
    expect(chair.statusCode).toBe(422);
    expect(chair.json().error.findings[0]).toMatchObject({ ruleId: 'PG-10' });
    const wrongChoice = await vote(t.m[0]!, itemId, 'abstain', cand);
    expect(wrongChoice.statusCode).toBe(400);
  });

  it('never records two votes for one member, even from two clients at once', async () => {
    const m = await meeting(t.office, meetingId);
    const cand = m.items[0]!.candidates[0]!.id;
    const phone = await loginAs(env.app, 'altm1'); // a second device of the same member
    const [a, b] = await Promise.all([vote(t.m[0]!, itemId, 'agree', cand), vote(phone, itemId, 'agree', cand)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const rows = await env.ctx.db
      .selectFrom('vote_participation')
      .selectAll()
      .where('meeting_item_id', '=', itemId)
      .where('person_id', '=', world.people.altM1)
      .execute();
    expect(rows).toHaveLength(1);
    expect(
      await env.ctx.db.selectFrom('secret_votes').select('id').where('meeting_item_id', '=', itemId).execute(),
    ).toHaveLength(1);
  });

  it('shows only how many have voted while a secret ballot is open', async () => {
    const m = await meeting(t.m[1]!, meetingId);
    expect(m.items[0]!.participation.done).toBe(1);
    expect(m.items[0]!.tallies).toBeNull();
    expect((m.items[0] as unknown as { votes: unknown }).votes).toBeNull();
  });

  it('accepts the chair last and settles with the rule that decided (SE-09)', async () => {
    const m = await meeting(t.office, meetingId);
    const cand = m.items[0]!.candidates[0]!.id;
    ok(await vote(t.m[1]!, itemId, 'agree', cand));
    ok(await vote(t.m[3]!, itemId, 'defer', cand));
    ok(await vote(t.sec, itemId, 'agree', cand));
    expect((await vote(t.sec, itemId, 'agree', cand)).statusCode).toBe(409);
    const closed = ok<{ result: string; findings: { ruleId: string; kind: string; facts: Record<string, unknown> }[] }>(
      await t.office.post(`/api/meetings/items/${itemId}/close-voting`),
    );
    expect(closed, JSON.stringify(closed)).toMatchObject({ result: 'passed' }); // 3 agree > 5/2 (the recused member still counts in the expected 5)
    expect(closed.findings.find((f) => f.ruleId === 'SE-09')).toMatchObject({
      kind: 'info',
      facts: { agree: 3, expected: 5 },
    });
    expect((await vote(t.m[1]!, itemId, 'agree', cand)).statusCode).toBe(409);
    const after = await meeting(t.m[0]!, meetingId);
    expect(after.items[0]!.tallies![0]).toMatchObject({ agree: 3, disagree: 0, defer: 1 });
    const item = ok<{ status: string; outcome: string }>(await t.office.get(`/api/decisions/items/${agendaId}`));
    expect(item).toMatchObject({ status: 'decided', outcome: 'passed' });
  });

  it('keeps secret votes apart from who voted: no member id, no timestamp; only participation is audited', async () => {
    const cols = Object.keys(
      await env.ctx.db
        .selectFrom('secret_votes')
        .selectAll()
        .where('meeting_item_id', '=', itemId)
        .executeTakeFirstOrThrow(),
    );
    expect(cols.sort()).toEqual(['candidate_id', 'choice', 'id', 'meeting_item_id']);
    const events = await env.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'details', 'after_mac'])
      .where('entity_id', '=', itemId)
      .execute();
    const ballots = events.filter((e) => e.action === 'meetings.ballot_participation');
    expect(ballots).toHaveLength(4);
    for (const e of ballots) {
      expect(e.after_mac).toBeNull();
      expect(e.details).not.toMatch(/agree|disagree|defer/);
    }
  });

  it('closes the meeting once every item is settled', async () => {
    ok(await t.office.post(`/api/meetings/${meetingId}/close`));
    expect((await meeting(t.office, meetingId)).status).toBe('closed');
  });
});
