import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getRule } from '../../../common/rules/catalogue.js';
import { mergeParams, paramValues } from '../../../common/rules/engine.js';
import { addDays, type IsoDate } from '../../../common/dates.js';
import { activeBlocks } from '../eligibility/eligibility.rules.js';
import { GOV_SANCTIONS, type GovSanction, MEASURE_KINDS, type MeasureKind, tierOf } from './supervision.measures.js';
import { type MeasureFacts, periodsOf, type ParamsOf } from './supervision.periods.js';
import { combineGovSanctions, statedPeriodProblem } from './supervision.sanctions.js';

const defaults: ParamsOf = (id) => paramValues(mergeParams(getRule(id), []));

const day = fc.integer({ min: 0, max: 365 * 12 }).map((n) => addDays('2018-01-01', n));
const kind = fc.constantFrom(...MEASURE_KINDS);
const facts: fc.Arbitrary<MeasureFacts> = fc.record({
  kind,
  effectiveOn: day,
  concludedOn: fc.option(day, { nil: null }),
  probationMonths: fc.constantFrom(12, 24),
  dutyRelated: fc.boolean(),
  accountability: fc.boolean(),
});
const plan = (f: MeasureFacts) =>
  periodsOf(
    f.kind === 'case_open' && f.concludedOn && f.concludedOn < f.effectiveOn ? { ...f, concludedOn: null } : f,
    defaults,
  );

describe('influence periods a record writes (regulations.md §17, §17a)', () => {
  it('counts statutory months from the effective day, which counts (§17a: 警告 from 2026-03-10 ends 2026-09-09)', () => {
    const ps = periodsOf({ kind: 'gov_warning', effectiveOn: '2026-03-10' }, defaults);
    const main = ps.find((p) => p.ruleId === 'IP-06');
    expect(main).toMatchObject({ start: '2026-03-10', end: '2026-09-09', blocks: ['promotion', 'reserve_listing'] });
    expect(ps.find((p) => p.ruleId === 'SE-05')?.end).toBe('2026-09-09');
  });

  it('uses the month end when the day does not exist (警告 from 2025-08-31: free from 2026-02-28)', () => {
    const ps = periodsOf({ kind: 'gov_warning', effectiveOn: '2025-08-31' }, defaults);
    expect(ps.find((p) => p.ruleId === 'IP-06')?.end).toBe('2026-02-27');
    const demerit = periodsOf({ kind: 'gov_demerit', effectiveOn: '2025-08-31' }, defaults);
    expect(demerit.find((p) => p.ruleId === 'IP-06')).toMatchObject({ end: '2026-08-30' });
    expect(demerit.find((p) => p.ruleId === 'IP-06')?.blocks).toContain('pay_step');
  });

  it('makes "that year" a period of its own ending on 31 December of the effective year', () => {
    fc.assert(
      fc.property(facts, (f) => {
        for (const p of plan(f).filter((x) => x.ruleId === 'KH-06' && x.start === f.effectiveOn)) {
          expect(p.end).toBe(`${f.effectiveOn.slice(0, 4)}-12-31`);
        }
      }),
    );
  });

  it('writes well-formed periods: start on or before end, at least one block, a rule of the catalogue', () => {
    fc.assert(
      fc.property(facts, (f) => {
        for (const p of plan(f)) {
          if (p.end !== null) expect(p.start <= p.end).toBe(true);
          expect(p.blocks.length).toBeGreaterThan(0);
          expect(() => getRule(p.ruleId)).not.toThrow();
        }
      }),
    );
  });

  it('bars inspection candidacy (SE-05 Art. 24(6)) for as long as every period with an effect on promotion', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const ps = plan(f);
        for (const p of ps.filter((x) => x.blocks.includes('promotion'))) {
          expect(ps.some((s) => s.ruleId === 'SE-05' && s.start === p.start && s.end === p.end)).toBe(true);
        }
      }),
    );
  });

  it('never ends a block before the longest active period that carries it (union over random histories)', () => {
    fc.assert(
      fc.property(fc.array(facts, { minLength: 1, maxLength: 6 }), day, (history, on) => {
        const rows = history
          .flatMap(plan)
          .map((p, i) => ({ id: String(i), startDate: p.start, endDate: p.end, blocks: p.blocks }));
        for (const b of activeBlocks(rows, on)) {
          for (const r of rows.filter((x) => b.periodIds.includes(x.id))) {
            if (b.until !== null && r.endDate !== null) expect(b.until >= r.endDate).toBe(true);
            if (r.endDate === null) expect(b.until).toBeNull();
          }
        }
      }),
    );
  });

  it('keeps an open case in force until it is concluded (IP-09), then ends it that day', () => {
    const open = periodsOf({ kind: 'case_open', effectiveOn: '2026-05-06' }, defaults);
    expect(open.every((p) => p.end === null)).toBe(true);
    expect(open[0]?.blocks).toEqual(expect.arrayContaining(['any_grade', 'exchange_or_exit']));
    const closed = periodsOf({ kind: 'case_open', effectiveOn: '2026-05-06', concludedOn: '2026-10-08' }, defaults);
    expect(closed.every((p) => p.end === '2026-10-08')).toBe(true);
  });

  it('writes nothing for talks, reminders, inquiry letters and first-form measures', () => {
    const none: MeasureKind[] = [
      'heart_talk',
      'reminder_talk',
      'reminder_written',
      'inquiry_letter',
      'criticism',
      'circulated_notice',
    ];
    for (const k of none) expect(periodsOf({ kind: k, effectiveOn: '2026-06-08' }, defaults)).toEqual([]);
  });

  it('gives a probation its bars, 不称职 that year and no grade for the following 1 or 2 years (IP-04, KH-06)', () => {
    const ps = periodsOf({ kind: 'party_probation', effectiveOn: '2025-04-01', probationMonths: 24 }, defaults);
    expect(ps.find((p) => p.ruleId === 'IP-04')?.end).toBe('2027-03-31');
    expect(ps).toContainEqual(
      expect.objectContaining({
        ruleId: 'KH-06',
        start: '2025-04-01',
        end: '2025-12-31',
        blocks: ['forced_incompetent'],
      }),
    );
    expect(ps).toContainEqual(
      expect.objectContaining({ ruleId: 'KH-06', start: '2026-01-01', end: '2027-12-31', blocks: ['any_grade'] }),
    );
    expect(() =>
      periodsOf({ kind: 'party_probation', effectiveOn: '2025-04-01', probationMonths: 18 }, defaults),
    ).toThrow(/IP-04/);
  });
});

describe("the grade each measure allows that year equals KH-06's mapping", () => {
  const thatYear = (f: MeasureFacts) =>
    periodsOf(f, defaults)
      .filter((p) => p.ruleId === 'KH-06' && p.start === f.effectiveOn)
      .flatMap((p) => p.blocks);
  const on = '2026-06-08' as IsoDate;
  it.each([
    ['party_warning', {}, ['excellent_grade']],
    ['party_serious_warning', { dutyRelated: true }, ['forced_incompetent']],
    ['party_serious_warning', { dutyRelated: false }, ['any_grade']],
    ['party_post_removal', {}, ['forced_incompetent']],
    ['party_probation', {}, ['forced_incompetent']],
    ['party_expulsion', {}, ['forced_incompetent']],
    ['gov_warning', {}, ['excellent_grade']],
    ['gov_demerit', {}, ['any_grade']],
    ['gov_major_demerit', {}, ['any_grade']],
    ['gov_dismissal', {}, ['any_grade']],
    ['admonition_talk', {}, ['excellent_grade']],
    ['transfer_out', {}, ['excellent_grade']],
    ['removal', {}, ['any_grade']],
    ['demotion', {}, ['any_grade']],
    ['ordered_resign', {}, ['any_grade']],
  ] as const)('%s %o → %o', (k, extra, expected) => {
    expect(thatYear({ kind: k, effectiveOn: on, ...extra })).toEqual(expected);
  });
});

describe('four forms (TX-01)', () => {
  it('puts every measure but a talk, a restoration and an open case in a tier', () => {
    for (const k of MEASURE_KINDS) {
      const t = tierOf(k);
      if (['heart_talk', 'case_open', 'party_probation_restored'].includes(k)) expect(t).toBeNull();
      else expect([1, 2, 3, 4]).toContain(t);
    }
    expect(tierOf('admonition_written')).toBe(1);
    expect(tierOf('party_expulsion')).toBe(4);
  });
});

describe('several government sanctions decided together (政务处分法 Art. 15)', () => {
  const upToDismissal = fc.constantFrom(...GOV_SANCTIONS.filter((k) => k !== 'gov_expulsion'));
  it('executes only the heaviest of different kinds, with its own period', () => {
    const c = combineGovSanctions(['gov_warning', 'gov_major_demerit', 'gov_demerit'], defaults);
    expect(c).toEqual({ executed: 'gov_major_demerit', minMonths: 18, maxMonths: 18, statesPeriod: false });
  });
  it('lets a decision on several of the same kind state a period between the longest and the sum, at most 48 months', () => {
    fc.assert(
      fc.property(upToDismissal, fc.integer({ min: 2, max: 6 }), fc.integer({ min: 0, max: 200 }), (k, n, stated) => {
        const kinds: GovSanction[] = Array.from({ length: n }, () => k);
        const c = combineGovSanctions(kinds, defaults);
        const single = combineGovSanctions([k], defaults).minMonths;
        expect(c.minMonths).toBe(single);
        expect(c.maxMonths).toBe(Math.min(single * n, 48));
        expect(c.maxMonths).toBeLessThanOrEqual(48);
        const ok = stated >= c.minMonths && stated <= c.maxMonths;
        expect(statedPeriodProblem(kinds, stated, defaults) === null).toBe(ok);
      }),
    );
  });
  it('refuses a stated period where the law leaves no choice', () => {
    expect(statedPeriodProblem(['gov_warning'], 9, defaults)).toEqual({ minMonths: 6, maxMonths: 6 });
    expect(statedPeriodProblem(['gov_warning'], null, defaults)).toBeNull();
  });
});
