import { describe, expect, it } from 'vitest';
import type { HolidayTable } from '../../../common/calendar.js';
import { getRule } from '../../../common/rules/catalogue.js';
import { mergeParams, paramValues } from '../../../common/rules/engine.js';
import { headDiffers, minutesDeadline, minutesLate } from '../meetings/minutes.rules.js';
import {
  classify,
  legalityInputFindings,
  participationFindings,
  readinessFindings,
  requiredProcedures,
  taskState,
  type Rules,
  type StepFacts,
} from './decisions.rules.js';

function rules(overrides: Record<string, Record<string, unknown>> = {}): Rules {
  const out: Rules = {};
  for (const id of ['PG-01', 'PG-05', 'TZ-02', 'ZD-03', 'ZD-04', 'ZD-05', 'ZD-06']) {
    const rule = getRule(id);
    const effective = mergeParams(
      rule,
      overrides[id] ? [{ unitId: 'u', unitName: 'u', effectiveFrom: '2026-01-01', params: overrides[id] }] : [],
    );
    out[id] = { rule, unitId: 'u', at: '2026-06-08', params: paramValues(effective), effective };
  }
  return out;
}

/** 2026 as published: the Dragon Boat Festival (19-21 June) and Labour Day (1-5 May, make-up Sat 9 May). */
const TABLE: HolidayTable = {
  holidays: new Set([
    '2026-05-01',
    '2026-05-02',
    '2026-05-03',
    '2026-05-04',
    '2026-05-05',
    '2026-06-19',
    '2026-06-20',
    '2026-06-21',
  ]),
  workdays: new Set(['2026-05-09']),
  coveredYears: new Set([2026]),
};

describe('"三重一大" classification (TZ-01, TZ-02)', () => {
  const th = { largeFundThresholdFen: 1_000_000, majorProjectThresholdFen: 0 };
  it('takes the catalogue category first, then an amount at or above the threshold', () => {
    expect(classify('cadre_appointment', 5_000_000, null, th)).toEqual({ category: 'cadre_appointment', auto: false });
    expect(classify(null, 1_000_000, null, th)).toEqual({ category: 'large_fund', auto: true });
    expect(classify(null, 999_999, null, th)).toEqual({ category: null, auto: false });
  });
  it('never classifies by a threshold the unit has not set (0)', () => {
    expect(classify(null, null, 9e9, th)).toEqual({ category: null, auto: false });
    expect(classify(null, null, 9e9, { ...th, majorProjectThresholdFen: 50_000_000 })).toEqual({
      category: 'major_project',
      auto: true,
    });
  });
});

describe('statutory procedures (ZD-03..ZD-06)', () => {
  const major = {
    status: 'approved',
    majorDecision: true,
    notPublic: false,
    technical: true,
    stabilityRisk: true,
    exploratoryReform: false,
    legalRiskNote: null,
    tzydCategory: 'major_matter',
    important: true,
  };
  const done: StepFacts[] = [
    { kind: 'legality', result: 'lawful', completedOn: '2026-06-08', data: { sentOn: '2026-05-28' }, experts: 0 },
    {
      kind: 'public_participation',
      result: 'done',
      completedOn: '2026-05-01',
      data: { methods: ['座谈会'] },
      experts: 0,
    },
    { kind: 'expert_review', result: 'done', completedOn: '2026-05-01', data: {}, experts: 3 },
    { kind: 'risk_assessment', result: 'controllable', completedOn: '2026-05-01', data: {}, experts: 0 },
  ];

  it('requires each procedure by the nature of the matter', () => {
    expect(
      requiredProcedures({ majorDecision: true, notPublic: true, technical: false, stabilityRisk: false }),
    ).toEqual({ legality: true, public_participation: false, expert_review: false, risk_assessment: false });
    expect(
      requiredProcedures({ majorDecision: false, notPublic: false, technical: true, stabilityRisk: true }),
    ).toEqual({ legality: false, public_participation: false, expert_review: false, risk_assessment: false });
  });

  it('lets a complete item through and blocks each missing step with its rule', () => {
    expect(readinessFindings(rules(), TABLE, major, done, 1)).toEqual([]);
    for (const kind of ['legality', 'public_participation', 'expert_review', 'risk_assessment'] as const) {
      const f = readinessFindings(
        rules(),
        TABLE,
        major,
        done.filter((s) => s.kind !== kind),
        1,
      );
      expect(f.map((x) => `${x.ruleId}:${x.kind}`)).toEqual([
        `${{ legality: 'ZD-06', public_participation: 'ZD-03', expert_review: 'ZD-04', risk_assessment: 'ZD-05' }[kind]}:block`,
      ]);
    }
    expect(readinessFindings(rules(), TABLE, { ...major, status: 'proposed' }, done, 1)[0]?.ruleId).toBe('PG-05');
    expect(readinessFindings(rules(), TABLE, major, done, 0).map((x) => `${x.ruleId}:${x.kind}`)).toEqual([
      'PG-01:warn',
    ]);
  });

  it('blocks an unlawful draft and an uncontrollable risk; an exploratory reform passes with its legal risk stated', () => {
    const with_ = (kind: string, result: string, data: Record<string, unknown> = {}) =>
      done.map((s) => (s.kind === kind ? { ...s, result, data: { ...s.data, ...data } } : s));
    expect(readinessFindings(rules(), TABLE, major, with_('legality', 'unlawful'), 1)[0]).toMatchObject({
      ruleId: 'ZD-06',
      kind: 'block',
    });
    expect(readinessFindings(rules(), TABLE, major, with_('risk_assessment', 'uncontrollable'), 1)[0]).toMatchObject({
      ruleId: 'ZD-05',
      kind: 'block',
    });
    expect(readinessFindings(rules(), TABLE, major, with_('legality', 'exploratory'), 1)[0]).toMatchObject({
      ruleId: 'ZD-06',
      kind: 'block',
    });
    expect(
      readinessFindings(
        rules(),
        TABLE,
        major,
        with_('legality', 'exploratory', { legalRiskNote: '尚无明确规定' }),
        1,
      )[0],
    ).toMatchObject({ ruleId: 'ZD-06', kind: 'warn' });
  });

  it('counts the legality review in working days from the day after sending (§17a), by the unit parameter', () => {
    // Sent Thu 11 June: 12, 15, 16, 17, 18, (19 June is the Dragon Boat Festival) 22, 23 June.
    expect(
      legalityInputFindings(rules(), TABLE, { sentOn: '2026-06-11', completedOn: '2026-06-23', result: 'lawful' }),
    ).toEqual([]);
    expect(
      legalityInputFindings(rules(), TABLE, { sentOn: '2026-06-11', completedOn: '2026-06-22', result: 'lawful' })[0],
    ).toMatchObject({ kind: 'warn', facts: { earliest: '2026-06-23' } });
    expect(
      legalityInputFindings(rules({ 'ZD-06': { legalityReviewMinWorkingDays: 5 } }), TABLE, {
        sentOn: '2026-06-11',
        completedOn: '2026-06-18',
        result: 'lawful',
      }),
    ).toEqual([]);
    const uncovered = legalityInputFindings(rules(), TABLE, {
      sentOn: '2027-03-01',
      completedOn: '2027-03-20',
      result: 'lawful',
    });
    expect(uncovered[0]).toMatchObject({ kind: 'warn', facts: { uncoveredYear: 2027 } });
  });

  it('checks the public comment window in calendar days, rolling a rest-day end forward, and hearing materials 7 days ahead', () => {
    const w = (start: string, end: string, extra: Record<string, unknown> = {}) =>
      participationFindings(rules(), TABLE, {
        methods: ['向社会公开征求意见'],
        commentStart: start,
        commentEnd: end,
        ...extra,
      });
    expect(w('2026-05-20', '2026-06-19')[0]).toMatchObject({ kind: 'block', facts: { earliestEnd: '2026-06-22' } }); // 19 June is a holiday
    expect(w('2026-05-20', '2026-06-22')).toEqual([]);
    expect(w('2026-05-20', '2026-06-01', { shortenedReason: '紧急' })[0]).toMatchObject({ kind: 'warn' });
    const hearing = (sent: string) =>
      participationFindings(rules(), TABLE, {
        methods: ['听证会'],
        hearingDate: '2026-06-15',
        hearingMaterialsSentOn: sent,
      });
    expect(hearing('2026-06-08')).toEqual([]);
    expect(hearing('2026-06-09')[0]).toMatchObject({ ruleId: 'ZD-03', kind: 'block' });
  });
});

describe('follow-through and minutes deadlines', () => {
  it('flags a task overdue only after the deadline day ends at 24:00 Beijing time', () => {
    expect(taskState('in_progress', '2026-06-10', new Date('2026-06-10T15:59:59.999Z'))).toBe('in_progress');
    expect(taskState('in_progress', '2026-06-10', new Date('2026-06-10T16:00:00.000Z'))).toBe('overdue');
    expect(taskState('done', '2026-06-10', new Date('2027-01-01T00:00:00Z'))).toBe('done');
    expect(taskState('suspended', '2026-06-10', new Date('2027-01-01T00:00:00Z'))).toBe('suspended');
  });

  it('sets the minutes deadline n calendar days after the meeting, rolling past rest days (PG-12)', () => {
    expect(minutesDeadline(TABLE, '2026-06-04', 15)).toEqual({ ok: true, date: '2026-06-22' }); // 19 June, then the weekend and holiday
    expect(minutesDeadline(TABLE, '2026-06-01', 15)).toEqual({ ok: true, date: '2026-06-16' });
    expect(minutesDeadline(TABLE, '2026-12-25', 15).ok).toBe(false);
    expect(minutesLate('2026-06-16', null, '2026-06-16')).toBe(false);
    expect(minutesLate('2026-06-16', null, '2026-06-17')).toBe(true);
    expect(minutesLate('2026-06-16', '2026-06-17', '2026-07-01')).toBe(true);
  });

  it("asks for the head's reason when the head's vote went against the result (ZD-07)", () => {
    expect(headDiffers('disagree', 'passed')).toBe(true);
    expect(headDiffers('agree', 'not_passed')).toBe(true);
    expect(headDiffers('agree', 'passed')).toBe(false);
    expect(headDiffers(null, 'passed')).toBe(false);
  });
});
