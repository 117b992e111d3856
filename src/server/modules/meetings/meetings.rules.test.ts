import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chairMustWaitFor,
  checkBallot,
  eligibleVoters,
  expectedCount,
  FLAG_AD_HOC_PERSONNEL,
  FLAG_BELOW_QUORUM,
  FLAG_NO_VOTE,
  FLAG_OUTCOME_DIFFERS,
  isCloseVote,
  itemQuorum,
  itemResult,
  meetingQuorum,
  meetingStartInstant,
  meetingTitle,
  minimumPresent,
  passes,
  questionResult,
  reconsiderationBase,
  reconsiderationPasses,
  settledFlags,
  tally,
  type MemberFact,
  type QuorumParams,
} from './meetings.rules.js';

const HALF = { num: 1, den: 2, inclusive: true };
const TWO_THIRDS = { num: 2, den: 3, inclusive: true };
const PARAMS: QuorumParams = {
  convene: HALF,
  personnel: TWO_THIRDS,
  disciplineItemsToo: true,
  recusedCountAsPresent: false,
};

function team(n: number, present: number, recused = 0): MemberFact[] {
  return Array.from({ length: n }, (_, i) => ({ personId: `p${i}`, present: i < present, recused: i < recused }));
}

describe('quorum (PG-06, PG-07): "以上" includes the number itself', () => {
  it.each([
    [5, 3, 4],
    [6, 3, 4],
    [7, 4, 5],
    [8, 4, 6],
    [9, 5, 6],
    [10, 5, 7],
    [11, 6, 8],
    [12, 6, 8],
    [13, 7, 9],
    [14, 7, 10],
    [15, 8, 10],
  ])('%i members: %i to convene, %i for a personnel item', (n, half, twoThirds) => {
    expect(minimumPresent(n, HALF)).toBe(half);
    expect(minimumPresent(n, TWO_THIRDS)).toBe(twoThirds);
    expect(meetingQuorum(team(n, half), HALF).ok).toBe(true);
    expect(meetingQuorum(team(n, half - 1), HALF).ok).toBe(false);
    expect(itemQuorum(team(n, twoThirds), 'personnel', PARAMS)).toMatchObject({ ruleId: 'PG-07', ok: true });
    expect(itemQuorum(team(n, twoThirds - 1), 'personnel', PARAMS)).toMatchObject({
      ruleId: 'PG-07',
      ok: false,
      required: twoThirds,
    });
  });

  it('is exactly the smallest present count with present/n >= ratio, for 5 to 15 members', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 15 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 2, max: 5 }),
        (n, num, den) => {
          fc.pre(num < den);
          const r = { num, den, inclusive: true };
          const m = minimumPresent(n, r);
          expect(m * den >= n * num).toBe(true);
          expect((m - 1) * den >= n * num).toBe(false);
          const strict = minimumPresent(n, { ...r, inclusive: false });
          expect(strict * den > n * num).toBe(true);
          expect((strict - 1) * den > n * num).toBe(false);
        },
      ),
    );
  });

  it('counts a recused member as absent for the item, unless the unit says otherwise (PG-13)', () => {
    const t = team(6, 4, 1); // 4 present, one of them recused
    expect(itemQuorum(t, 'personnel', PARAMS)).toMatchObject({ present: 3, required: 4, ok: false });
    expect(itemQuorum(t, 'personnel', { ...PARAMS, recusedCountAsPresent: true })).toMatchObject({
      present: 4,
      ok: true,
    });
    expect(itemQuorum(t, 'ordinary', PARAMS)).toMatchObject({ ruleId: 'PG-06', present: 3, required: 3, ok: true });
  });

  it('applies the 2/3 quorum to party-discipline items by the unit parameter (PG-07 disciplineItemsToo)', () => {
    const t = team(9, 5);
    expect(itemQuorum(t, 'discipline', PARAMS)).toMatchObject({ ruleId: 'PG-07', ok: false });
    expect(itemQuorum(t, 'discipline', { ...PARAMS, disciplineItemsToo: false })).toMatchObject({
      ruleId: 'PG-06',
      ok: true,
    });
  });
});

describe('passing (PG-09): agree votes exceed half of the members expected to attend', () => {
  it('uses the expected members, not those present', () => {
    // 9 expected, 5 present all agree: 5 > 4.5 passes; 4 agree does not, although 4 of 5 present agreed.
    expect(passes(5, 9)).toBe(true);
    expect(passes(4, 9)).toBe(false);
    expect(passes(3, 6)).toBe(false);
    expect(passes(4, 6)).toBe(true);
  });

  it('counts members on leave and, by default, recused members in the expected (PG-13)', () => {
    const t: MemberFact[] = [...team(7, 5), { personId: 'r', present: true, recused: true }];
    expect(expectedCount(t, true)).toBe(8);
    expect(expectedCount(t, false)).toBe(7);
  });

  it('holds for any team: passing needs strictly more than half of the expected', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 15 }), fc.integer({ min: 0, max: 15 }), (expected, agree) => {
        fc.pre(agree <= expected);
        expect(passes(agree, expected)).toBe(agree * 2 > expected);
      }),
    );
  });

  it('settles a personnel candidate as deferred when 缓议 leads and nothing passes', () => {
    expect(questionResult({ agree: 2, disagree: 1, abstain: 0, defer: 3 }, 7, 1, 2)).toBe('deferred');
    expect(questionResult({ agree: 4, disagree: 0, abstain: 0, defer: 3 }, 7, 1, 2)).toBe('passed');
    expect(questionResult({ agree: 3, disagree: 3, abstain: 0, defer: 0 }, 7, 1, 2)).toBe('not_passed');
    expect(itemResult(['passed', 'not_passed'])).toBe('partial');
    expect(itemResult(['deferred', 'deferred'])).toBe('deferred');
  });
});

describe('the chair votes last (PG-10)', () => {
  it('waits for every other eligible member', () => {
    const eligible = eligibleVoters([
      { personId: 'chair', present: true, recused: false },
      { personId: 'a', present: true, recused: false },
      { personId: 'b', present: true, recused: true },
      { personId: 'c', present: false, recused: false },
    ]);
    expect(eligible).toEqual(['chair', 'a']);
    expect(chairMustWaitFor('chair', eligible, new Set())).toEqual(['a']);
    expect(chairMustWaitFor('chair', eligible, new Set(['a']))).toEqual([]);
    expect(chairMustWaitFor(null, eligible, new Set())).toEqual([]);
  });

  it('never lets the chair go before anyone eligible, in any order of arrival', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 15 }), fc.array(fc.nat(), { maxLength: 15 }), (n, order) => {
        const ids = Array.from({ length: n }, (_, i) => `m${i}`);
        const done = new Set(order.map((i) => ids[i % n] as string));
        const waiting = chairMustWaitFor('m0', ids, done);
        expect(waiting.length === 0).toBe(ids.slice(1).every((id) => done.has(id)));
      }),
    );
  });
});

describe('close votes (PG-18) and reconsideration (SE-09)', () => {
  it('warns when |agree − disagree| <= margin', () => {
    expect(isCloseVote(4, 3, 1)).toBe(true);
    expect(isCloseVote(5, 3, 1)).toBe(false);
    expect(isCloseVote(5, 3, 2)).toBe(true);
    expect(isCloseVote(3, 3, 0)).toBe(true);
  });

  it('needs more than half of all members to reconsider', () => {
    expect(reconsiderationPasses(4, 7)).toBe(true);
    expect(reconsiderationPasses(3, 7)).toBe(false);
    expect(reconsiderationPasses(3, 6)).toBe(false);
  });

  it('counts reconsideration against the unit base: all members by default, or those expected (SE-09 reconsiderationDenominator)', () => {
    expect(reconsiderationBase('all_members', 7, 5)).toBe(7);
    expect(reconsiderationBase('expected_members', 7, 5)).toBe(5);
    expect(reconsiderationPasses(3, reconsiderationBase('expected_members', 7, 5))).toBe(true);
    expect(reconsiderationPasses(3, reconsiderationBase('all_members', 7, 5))).toBe(false);
  });
});

describe('ballots and tallies', () => {
  it('accepts one allowed choice per candidate', () => {
    expect(
      checkBallot(
        'personnel',
        ['c1', 'c2'],
        [
          { candidateId: 'c1', choice: 'agree' },
          { candidateId: 'c2', choice: 'defer' },
        ],
      ),
    ).toBeNull();
    expect(checkBallot('personnel', ['c1', 'c2'], [{ candidateId: 'c1', choice: 'agree' }])).toMatchObject({
      ruleId: 'SE-09',
      message: expect.stringContaining('逐一表态'),
    });
    expect(checkBallot('personnel', ['c1'], [{ candidateId: 'c1', choice: 'abstain' }])?.message).toContain('缓议');
    expect(checkBallot('ordinary', ['main'], [{ candidateId: 'main', choice: 'defer' }])?.message).toContain('弃权');
    expect(
      checkBallot(
        'ordinary',
        ['main'],
        [
          { candidateId: 'main', choice: 'agree' },
          { candidateId: 'main', choice: 'agree' },
        ],
      ),
    ).toMatchObject({ ruleId: 'PG-09', message: expect.stringContaining('一次') });
    // PG-11: items are voted one by one; a choice naming another item's candidate is refused with its rule
    expect(checkBallot('ordinary', ['main'], [{ candidateId: 'x', choice: 'agree' }])).toMatchObject({
      ruleId: 'PG-11',
      message: expect.stringContaining('不属于'),
    });
  });

  it('counts per candidate', () => {
    const t = tally(
      [
        { candidateId: 'a', choice: 'agree' },
        { candidateId: 'a', choice: 'disagree' },
        { candidateId: 'b', choice: 'defer' },
      ],
      ['a', 'b'],
    );
    expect(t.get('a')).toEqual({ agree: 1, disagree: 1, abstain: 0, defer: 0 });
    expect(t.get('b')).toEqual({ agree: 0, disagree: 0, abstain: 0, defer: 1 });
  });

  it('sets the detector flags of a settled item', () => {
    expect(
      settledFlags({
        quorumOk: true,
        participants: 5,
        kind: 'ordinary',
        isPrior: true,
        result: 'passed',
        recordedOutcome: 'passed',
      }),
    ).toBe(0);
    expect(
      settledFlags({
        quorumOk: false,
        participants: 0,
        kind: 'personnel',
        isPrior: false,
        result: 'not_passed',
        recordedOutcome: 'passed',
      }),
    ).toBe(FLAG_BELOW_QUORUM | FLAG_NO_VOTE | FLAG_AD_HOC_PERSONNEL | FLAG_OUTCOME_DIFFERS);
  });

  it('names the meeting and places its start in Beijing time', () => {
    expect(meetingTitle(2026, 6, '党组')).toBe('2026年第6次党组会议');
    expect(meetingStartInstant('2026-06-09', '09:00').toISOString()).toBe('2026-06-09T01:00:00.000Z');
  });
});
