/**
 * Meeting rules that need a whole meeting: a close vote on an important item warns and may be
 * deferred (PG-18); the unit's PG-13 parameter moves the pass denominator; reconsidering a
 * personnel decision (SE-09); a paper meeting entered afterwards with its flags: below quorum,
 * ad-hoc personnel item, an outcome that differs from the count, late minutes (PG-07, ZZ-03, PG-12).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';
import {
  addToAgenda,
  altayTeam,
  approvedItem,
  attend,
  catalogue,
  meeting,
  ok,
  ordinaryItem,
  personnelItem,
  schedule,
  vote,
  type Team,
} from './meetings-helpers.js';

type Closed = { result: string; findings: { ruleId: string; kind: string; facts: Record<string, unknown> }[] };

describeEachDialect('meetings: close votes, the expected denominator, reconsideration, paper meetings', (dialect) => {
  let env: TestEnv;
  let world: World;
  let t: Team;
  let cat: (f: string) => string;
  let meetingId: string;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    world = await seedWorld(env.ctx);
    t = await altayTeam(env);
    cat = await catalogue(t.office, world.units.altay);
  });
  afterAll(() => env.close());

  const closeVoting = async (id: string) => ok<Closed>(await t.office.post(`/api/meetings/items/${id}/close-voting`));

  it('warns on a close vote on an important item and lets it be deferred to a later agenda (PG-18)', async () => {
    const fund = await approvedItem(t, world, {
      title: '关于购置查验车辆的议题',
      catalogueId: cat('大额资金'),
      amountFen: 80_000_000,
    });
    const rules = await ordinaryItem(t, world, cat, '关于调整午休时间的议题');
    const rules2 = await ordinaryItem(t, world, cat, '关于调整考勤办法的议题');
    meetingId = await schedule(t, world, '2026-06-08', { startTime: '14:00' });
    const a = await addToAgenda(t, meetingId, fund, 'named');
    const b = await addToAgenda(t, meetingId, rules, 'named');
    const c = await addToAgenda(t, meetingId, rules2, 'named');
    ok(await t.office.post(`/api/meetings/${meetingId}/publish`));
    await attend(t, world, meetingId);
    ok(await t.office.post(`/api/meetings/${meetingId}/open`));
    ok(await t.office.post(`/api/meetings/items/${a}/start-voting`));
    const second = await t.office.post(`/api/meetings/items/${b}/start-voting`);
    expect(second.json().error.findings[0].ruleId).toBe('PG-11');
    for (const [i, ch] of [
      [0, 'agree'],
      [1, 'agree'],
      [2, 'disagree'],
      [3, 'disagree'],
    ] as const) {
      ok(await vote(t.m[i]!, a, ch));
    }
    ok(await vote(t.sec, a, 'agree'));
    const closed = await closeVoting(a);
    expect(closed.result).toBe('passed');
    expect(closed.findings.find((f) => f.ruleId === 'PG-18')).toMatchObject({
      kind: 'warn',
      facts: { agree: 3, disagree: 2, margin: 1 },
    });
    ok(await t.office.post(`/api/meetings/items/${a}/defer`, { reason: '双方人数接近，进一步调查研究后再议' }));
    const item = ok<{ status: string; deferredCount: number }>(await t.office.get(`/api/decisions/items/${fund}`));
    expect(item).toMatchObject({ status: 'approved', deferredCount: 1 });

    // Named votes appear as they arrive; an item voted 4:1 is not close and cannot be deferred afterwards.
    ok(await t.office.post(`/api/meetings/items/${b}/start-voting`));
    ok(await vote(t.m[0]!, b, 'agree'));
    const live = await meeting(t.m[1]!, meetingId);
    expect(live.items.find((x) => x.id === b)?.tallies?.[0]?.agree).toBe(1);
    for (const i of [1, 2, 3]) ok(await vote(t.m[i]!, b, i === 3 ? 'disagree' : 'agree'));
    ok(await vote(t.sec, b, 'agree'));
    expect((await closeVoting(b)).findings.some((f) => f.ruleId === 'PG-18')).toBe(false);
    expect((await t.office.post(`/api/meetings/items/${b}/defer`, { reason: 'x' })).statusCode).toBe(409);

    // The recorder marks a member as not voting; the others and the chair then vote.
    ok(await t.office.post(`/api/meetings/items/${c}/start-voting`));
    ok(
      await t.office.post(`/api/meetings/items/${c}/recorded-votes`, {
        entries: [{ personId: world.people.altM4, notVoting: true }],
      }),
    );
    for (const i of [0, 1, 2]) ok(await vote(t.m[i]!, c, 'agree'));
    ok(await vote(t.sec, c, 'agree'));
    expect((await closeVoting(c)).result).toBe('passed');
  });

  it("counts recused members in the expected members by default, and not when the unit's PG-13 parameter says so", async () => {
    const x = await ordinaryItem(t, world, cat, '关于食堂外包的议题');
    const y = await ordinaryItem(t, world, cat, '关于车辆外包的议题');
    const mx = await addToAgenda(t, meetingId, x, 'hands');
    const my = await addToAgenda(t, meetingId, y, 'hands');
    for (const id of [mx, my]) {
      for (const p of ['altM3', 'altM4']) {
        ok(
          await t.office.post(`/api/meetings/items/${id}/recusals`, {
            personId: world.people[p],
            reason: '亲属在外包公司任职',
          }),
        );
      }
    }
    const hands = (id: string) =>
      t.office.post(`/api/meetings/items/${id}/recorded-votes`, {
        entries: [
          { personId: world.people.altM1, choices: [{ candidateId: 'main', choice: 'agree' }] },
          { personId: world.people.altM2, choices: [{ candidateId: 'main', choice: 'disagree' }] },
          { personId: world.people.altSec, choices: [{ candidateId: 'main', choice: 'agree' }] },
        ],
      });
    ok(await t.office.post(`/api/meetings/items/${mx}/start-voting`));
    ok(await hands(mx));
    const strict = await closeVoting(mx); // 2 agree, not more than 5/2
    expect(strict).toMatchObject({ result: 'not_passed' });
    expect(strict.findings.find((f) => f.ruleId === 'PG-09')?.facts).toMatchObject({ expected: 5 });
    ok(
      await t.office.post('/api/rules/PG-13/overrides', {
        unitId: world.units.altay,
        params: { recusedCountInExpected: false },
        effectiveFrom: '2026-06-08',
        reason: '本单位议事规则：回避成员不计入应到会人数',
      }),
      201,
    );
    ok(await t.office.post(`/api/meetings/items/${my}/start-voting`));
    ok(await hands(my));
    const lenient = await closeVoting(my); // 2 agree, more than 3/2
    expect(lenient).toMatchObject({ result: 'passed' });
    expect(lenient.findings.find((f) => f.ruleId === 'PG-09')).toMatchObject({
      facts: { expected: 3 },
      params: { passMajorityNumerator: 1, passMajorityDenominator: 2 },
    });
  });

  it('reconsiders a decided personnel item only with more than half of all members, then puts it to a new vote (SE-09)', async () => {
    const orig = await personnelItem(t, world, cat, '关于任命李四为稽核科科长的议题');
    const mo = await addToAgenda(t, meetingId, orig, 'oral');
    const m = await meeting(t.office, meetingId);
    const cand = m.items.find((i) => i.id === mo)!.candidates[0]!.id;
    ok(await t.office.post(`/api/meetings/items/${mo}/start-voting`));
    ok(
      await t.office.post(`/api/meetings/items/${mo}/recorded-votes`, {
        entries: ['altSec', 'altM1', 'altM2', 'altM3', 'altM4'].map((p) => ({
          personId: world.people[p],
          choices: [{ candidateId: cand, choice: 'agree' }],
        })),
      }),
    );
    expect((await closeVoting(mo)).result).toBe('passed');
    const rec = await approvedItem(t, world, {
      title: '关于复议李四任职的议题',
      catalogueId: cat('科级干部任免'),
      amendsItemId: orig,
      amendKind: 'reconsider',
    });
    const mr = await addToAgenda(t, meetingId, rec, 'oral');
    ok(await t.office.post(`/api/meetings/items/${mr}/start-voting`));
    ok(
      await t.office.post(`/api/meetings/items/${mr}/recorded-votes`, {
        entries: ['altM1', 'altM2', 'altM3', 'altM4', 'altSec'].map((p, i) => ({
          personId: world.people[p],
          choices: [{ candidateId: 'main', choice: i < 3 ? 'agree' : 'disagree' }],
        })),
      }),
    );
    const r = await closeVoting(mr);
    expect(r.findings.find((f) => f.ruleId === 'SE-09')).toMatchObject({ facts: { agree: 3, members: 5, base: 5 } });
    expect(r.result).toBe('passed');
    const list = ok<{ items: { title: string; status: string }[] }>(
      await t.office.get(`/api/decisions/items?unitId=${world.units.altay}&pool=1`),
    );
    expect(list.items.some((i) => i.title === '（复议）关于任命李四为稽核科科长的议题')).toBe(true);
    ok(await t.office.post(`/api/meetings/${meetingId}/close`));
  });

  it('refuses votes from an attendee (PG-14), an absent member (PG-09) and anyone on a closed item, changing nothing', async () => {
    const x = await ordinaryItem(t, world, cat, '关于规范车辆使用的议题');
    const mid = await schedule(t, world, '2026-06-08', { startTime: '18:00' });
    const mx = await addToAgenda(t, mid, x, 'named');
    ok(await t.office.post(`/api/meetings/${mid}/attendees`, { personId: world.people.altOffice }));
    ok(await t.office.post(`/api/meetings/${mid}/publish`));
    await attend(t, world, mid, { altM4: 'absent' });
    ok(await t.office.post(`/api/meetings/${mid}/attendance`, { personId: world.people.altOffice, status: 'present' }));
    ok(await t.office.post(`/api/meetings/${mid}/open`));
    ok(await t.office.post(`/api/meetings/items/${mx}/start-voting`));
    const attendee = await vote(t.office, mx, 'agree');
    expect(attendee.statusCode).toBe(422);
    expect(attendee.json().error.findings[0].ruleId).toBe('PG-14');
    const absent = await vote(t.m[3]!, mx, 'agree');
    expect(absent.json().error.findings[0]).toMatchObject({ ruleId: 'PG-09', facts: { status: 'absent' } });
    expect(
      await env.ctx.db.selectFrom('vote_participation').select('person_id').where('meeting_item_id', '=', mx).execute(),
    ).toHaveLength(0);
    for (const i of [0, 1, 2]) ok(await vote(t.m[i]!, mx, 'agree'));
    ok(await vote(t.sec, mx, 'agree'));
    expect((await closeVoting(mx)).result).toBe('passed');
    expect((await vote(t.m[0]!, mx, 'disagree')).statusCode).toBe(409);
    expect(
      (await env.ctx.db.selectFrom('named_votes').select('choice').where('meeting_item_id', '=', mx).execute()).map(
        (v) => v.choice,
      ),
    ).toEqual(['agree', 'agree', 'agree', 'agree']);
  });

  it('enters a paper meeting afterwards and flags what broke the rules (PG-07, ZZ-03, PG-12)', async () => {
    const paper = ok<{ id: string }>(
      await t.office.post('/api/decisions/items', {
        unitId: world.units.altay,
        title: '关于王五同志免职的议题',
        summary: 's',
        catalogueId: cat('科级干部任免'),
        paperApprovedOn: '2026-04-10',
        candidates: [{ name: '王五', proposedPost: '免去查验科科长职务' }],
      }),
      201,
    ).id;
    const pm = await schedule(t, world, '2026-04-10', {
      entryMode: 'retrospective',
      retrospectiveReason: '系统启用前召开',
    });
    const added = ok<{ id: string; findings: { ruleId: string }[] }>(
      await t.office.post(`/api/meetings/${pm}/items`, { agendaItemId: paper, voteMethod: 'hands' }),
      201,
    );
    expect(added.findings.map((f) => f.ruleId)).toContain('ZZ-03');
    await attend(t, world, pm, { altM3: 'absent', altM4: 'absent' });
    ok(await t.office.post(`/api/meetings/${pm}/open`));
    const m = await meeting(t.office, pm);
    const cand = m.items[0]!.candidates[0]!.id;
    const r = ok<Closed>(
      await t.office.post(`/api/meetings/items/${added.id}/paper-result`, {
        tallies: [{ candidateId: cand, agree: 2, disagree: 1, abstain: 0, defer: 0 }],
        recordedOutcome: 'passed',
      }),
    );
    expect(r.result).toBe('not_passed');
    expect(r.findings.find((f) => f.ruleId === 'PG-07')).toMatchObject({
      kind: 'warn',
      facts: { present: 3, required: 4 },
    });
    ok(await t.office.post(`/api/meetings/${pm}/close`));
    const report = ok<{ items: { detector: string; ruleId: string; meetingId: string | null }[] }>(
      await t.sec.get(`/api/decisions/violations?unitId=${world.units.altay}`),
    );
    const mine = report.items
      .filter((v) => v.meetingId === pm)
      .map((v) => `${v.detector}:${v.ruleId}`)
      .sort();
    expect(mine).toEqual([
      'ad_hoc_personnel:ZZ-03',
      'below_quorum:PG-07',
      'minutes_late:PG-12',
      'outcome_differs:ZZ-03',
    ]);
  });
});
