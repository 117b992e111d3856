import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRADES, GRADE_LABELS } from '../../../common/contracts/assessments.js';
import { addDays } from '../../../common/dates.js';
import { excellentShare, gradeLimits, isLowGrade, limitBroken, requiredTasks } from './assessments.rules.js';

describe('KH-05: share of 优秀 in a grading batch', () => {
  it('allows one 优秀 among 7 at 20%, warns at two', () => {
    expect(
      excellentShare(['excellent', 'competent', 'competent', 'competent', 'competent', 'competent', 'competent'], 0.2),
    ).toEqual({ excellent: 1, assessed: 7, allowed: 1, exceeded: false });
    expect(
      excellentShare(['excellent', 'excellent', 'competent', 'competent', 'competent', 'competent', 'competent'], 0.2)
        .exceeded,
    ).toBe(true);
  });
  it('counts everyone in the batch, pending included, except 不定等次', () => {
    expect(
      excellentShare(['excellent', null, 'ungraded', 'competent', 'competent', null, 'competent'], 0.2),
    ).toMatchObject({ assessed: 6, allowed: 1, exceeded: false });
    expect(excellentShare(['excellent', null, null, null, null], 0.2).exceeded).toBe(false);
    expect(excellentShare(['excellent', 'ungraded', 'ungraded'], 0.2).exceeded).toBe(true);
    expect(excellentShare([null, null], 0.2).exceeded).toBe(false);
  });
  it('treats exactly the cap as allowed', () => {
    expect(excellentShare(['excellent', 'competent', 'competent', 'competent', 'competent'], 0.2).exceeded).toBe(false);
  });
});

describe('KH-07: follow-up of 不称职', () => {
  it('asks for demotion after one year and a dismissal review after two in a row', () => {
    expect(requiredTasks('competent', ['incompetent'], 2)).toEqual([]);
    expect(requiredTasks('incompetent', [], 2)).toEqual(['demotion']);
    expect(requiredTasks('incompetent', ['competent'], 2)).toEqual(['demotion']);
    expect(requiredTasks('incompetent', ['incompetent'], 2)).toEqual(['demotion', 'dismissal_review']);
    expect(requiredTasks('incompetent', [null, 'incompetent'], 2)).toEqual(['demotion']);
    expect(requiredTasks('incompetent', ['incompetent', 'competent'], 3)).toEqual(['demotion']);
    expect(requiredTasks('incompetent', ['incompetent', 'incompetent'], 3)).toEqual(['demotion', 'dismissal_review']);
  });
});

describe('KH-08: low grades', () => {
  it('flags 基本称职 and 不称职 by their labels', () => {
    const label = (g: keyof typeof GRADE_LABELS) => GRADE_LABELS[g];
    expect(isLowGrade('basically_competent', ['基本称职', '不称职'], label)).toBe(true);
    expect(isLowGrade('competent', ['基本称职', '不称职'], label)).toBe(false);
    expect(isLowGrade(null, ['基本称职'], label)).toBe(false);
  });
});

describe('KH-06: sanctions and handling that limit the annual grade', () => {
  const warning = { id: 'w', startDate: '2026-03-10', endDate: '2026-12-31', blocks: ['excellent_grade'] };
  const investigation = { id: 'case', startDate: '2027-02-01', endDate: null, blocks: ['any_grade', 'promotion'] };
  const probation = { id: 'p', startDate: '2025-05-01', endDate: '2026-04-30', blocks: ['any_grade'] };

  it('bars 优秀 in the year of a Party warning, not in the year before or after', () => {
    expect(gradeLimits([warning], 2026, '2027-01-15')).toEqual([{ block: 'excellent_grade', periodIds: ['w'] }]);
    expect(gradeLimits([warning], 2025, '2026-01-15')).toEqual([]);
    expect(gradeLimits([warning], 2027, '2028-01-15')).toEqual([]);
    expect(limitBroken('excellent', gradeLimits([warning], 2026, '2027-01-15'))).toMatchObject({
      block: 'excellent_grade',
    });
    expect(limitBroken('competent', gradeLimits([warning], 2026, '2027-01-15'))).toBeUndefined();
  });

  it('sets 不称职 for the year of a removal from Party post, outweighing a bar on any grade (按照影响较重的确定)', () => {
    const removal = { id: 'r', startDate: '2026-04-01', endDate: '2026-12-31', blocks: ['forced_incompetent'] };
    const limits = gradeLimits([removal, { ...probation, endDate: '2026-06-30' }], 2026, '2027-01-15');
    expect(limits[0]).toEqual({ block: 'forced_incompetent', periodIds: ['r'] });
    for (const g of ['excellent', 'competent', 'basically_competent', 'ungraded'] as const) {
      expect(limitBroken(g, limits)?.block, g).toBe('forced_incompetent');
    }
    expect(limitBroken('incompetent', limits)).toBeUndefined();
    expect(gradeLimits([removal], 2027, '2028-01-15')).toEqual([]);
  });

  it('allows only 不定等次 while a case is open on the grading day or a period touches the year', () => {
    expect(gradeLimits([investigation], 2026, '2027-02-10')).toEqual([{ block: 'any_grade', periodIds: ['case'] }]);
    expect(gradeLimits([investigation], 2026, '2027-01-20')).toEqual([]);
    expect(gradeLimits([probation], 2026, '2027-01-20')).toEqual([{ block: 'any_grade', periodIds: ['p'] }]);
    for (const g of ['excellent', 'competent', 'basically_competent', 'incompetent'] as const) {
      expect(limitBroken(g, gradeLimits([probation], 2026, '2027-01-20'))?.block).toBe('any_grade');
    }
    expect(limitBroken('ungraded', gradeLimits([probation], 2026, '2027-01-20'))).toBeUndefined();
    expect(limitBroken(null, gradeLimits([probation], 2026, '2027-01-20'))).toBeUndefined();
  });

  it('never refuses 不定等次, and refuses a grade only when a period with that block touches the year or today', () => {
    const day = fc.integer({ min: 0, max: 4 * 365 }).map((n) => addDays('2024-01-01', n));
    const period = fc
      .record({
        id: fc.uuid(),
        startDate: day,
        length: fc.option(fc.integer({ min: 0, max: 800 })),
        blocks: fc.subarray(['excellent_grade', 'any_grade', 'promotion']),
      })
      .map(({ length, ...p }) => ({
        ...p,
        endDate: length === null ? null : addDays(p.startDate, length),
      }));
    fc.assert(
      fc.property(
        fc.array(period, { maxLength: 5 }),
        fc.integer({ min: 2024, max: 2027 }),
        day,
        fc.constantFrom(...GRADES),
        (periods, year, today, grade) => {
          const limits = gradeLimits(periods, year, today);
          expect(limitBroken('ungraded', limits)).toBeUndefined();
          const broken = limitBroken(grade, limits);
          if (!broken) return;
          const sources = periods.filter((p) => broken.periodIds.includes(p.id));
          expect(sources.length).toBeGreaterThan(0);
          for (const p of sources) {
            expect(p.blocks).toContain(broken.block);
            const touchesYear = p.startDate <= `${year}-12-31` && (p.endDate === null || p.endDate >= `${year}-01-01`);
            const activeToday = p.startDate <= today && (p.endDate === null || p.endDate >= today);
            expect(touchesYear || (broken.block === 'any_grade' && activeToday)).toBe(true);
          }
          if (broken.block === 'excellent_grade') expect(grade).toBe('excellent');
        },
      ),
    );
  });
});
