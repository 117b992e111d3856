import { describe, expect, it } from 'vitest';
import type { HolidayTable } from '../../../common/calendar.js';
import { emptyItems } from '../../../common/contracts/disclosures-items.js';
import {
  annualDeadline,
  changedItems,
  checkItems,
  daysAfterDeadline,
  deadlineStatus,
  levelFromParam,
  subjectStatus,
} from './disclosures.rules.js';

// 2026: the Spring Festival holiday 02-15..02-23 and a make-up workday on Saturday 02-14 (enough for these tests)
const table: HolidayTable = {
  holidays: new Set([
    '2026-02-15',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-02-21',
    '2026-02-22',
    '2026-02-23',
  ]),
  workdays: new Set(['2026-02-14']),
  coveredYears: new Set([2026]),
};
const PM04 = { deadlineMonthDay: '01-31', reminderFromMonthDay: '01-01', fixedDeadlineRolls: false };

describe('PM-01 who reports', () => {
  const rank = (rank_code: string, start_date: string, end_date: string | null = null) => ({
    rank_code,
    start_date,
    end_date,
  });
  it('counts deputy division level and above including non-leading ranks (RK-01)', () => {
    expect(subjectStatus([rank('L-DIV-DEPUTY', '2020-01-01')], [], 'division_deputy', '2026-06-08')).toMatchObject({
      isSubject: true,
      basis: 'rank',
      since: '2020-01-01',
    });
    expect(subjectStatus([rank('G-DY4', '2023-03-01')], [], 'division_deputy', '2026-06-08').isSubject).toBe(true);
    expect(subjectStatus([rank('G-ZR1', '2023-03-01')], [], 'division_deputy', '2026-06-08').isSubject).toBe(false);
    expect(
      subjectStatus([rank('L-DIV-DEPUTY', '2020-01-01', '2024-12-31')], [], 'division_deputy', '2026-06-08').isSubject,
    ).toBe(false);
  });
  it('dates the start from the first qualifying rank, and adds special cases with their reason', () => {
    expect(
      subjectStatus(
        [
          rank('G-ZR1', '2015-01-01', '2019-12-31'),
          rank('G-DY4', '2020-01-01', '2022-12-31'),
          rank('L-DIV-DEPUTY', '2023-01-01'),
        ],
        [],
        'division_deputy',
        '2026-06-08',
      ).since,
    ).toBe('2020-01-01');
    const s = subjectStatus(
      [rank('G-ZR1', '2015-01-01')],
      [{ id: 's1', reason: '担任重要岗位', start_date: '2026-03-01', end_date: null }],
      'division_deputy',
      '2026-06-08',
    );
    expect(s).toMatchObject({ isSubject: true, basis: 'special', since: '2026-03-01', specialReason: '担任重要岗位' });
  });
  it('reads the level parameter by its label or code', () => {
    expect(levelFromParam('县处级副职')).toBe('division_deputy');
    expect(levelFromParam('bureau_deputy')).toBe('bureau_deputy');
    expect(levelFromParam('处级')).toBeNull();
  });
});

describe('PM-04 / PM-05 deadlines (regulations.md §17a)', () => {
  it('keeps 31 January fixed without roll-forward, even on a Saturday', () => {
    expect(annualDeadline(2026, PM04, table)).toEqual({
      dueDate: '2026-01-31',
      reminderFrom: '2026-01-01',
      message: null,
    });
  });
  it('rolls forward only when the parameter says so, and names an uncovered year', () => {
    expect(annualDeadline(2026, { ...PM04, fixedDeadlineRolls: true }, table).dueDate).toBe('2026-02-02');
    expect(annualDeadline(2031, { ...PM04, fixedDeadlineRolls: true }, table)).toMatchObject({ dueDate: null });
  });
  it('counts 30 calendar days after the event, moving a rest-day end to the next working day', () => {
    expect(daysAfterDeadline(table, '2026-01-01', 30).dueDate).toBe('2026-02-02');
    expect(daysAfterDeadline(table, '2026-01-17', 30).dueDate).toBe('2026-02-24');
    expect(daysAfterDeadline(table, '2026-03-02', 30).dueDate).toBe('2026-04-01');
    expect(daysAfterDeadline(table, '2031-03-02', 30).message).toContain('2031');
  });
  it('tells reminder, overdue, on time and late apart', () => {
    const d = { dueDate: '2026-01-31', reminderFrom: '2026-01-01' };
    expect(deadlineStatus(d, null, '2025-12-31')).toBe('upcoming');
    expect(deadlineStatus(d, null, '2026-01-15')).toBe('reminder');
    expect(deadlineStatus(d, null, '2026-01-31')).toBe('reminder');
    expect(deadlineStatus(d, null, '2026-02-01')).toBe('overdue');
    expect(deadlineStatus(d, '2026-01-31', '2026-06-01')).toBe('on_time');
    expect(deadlineStatus(d, '2026-02-01', '2026-06-01')).toBe('late');
    expect(deadlineStatus({ dueDate: null, reminderFrom: null }, null, '2026-06-01')).toBe('unknown');
  });
});

describe('input checks name the field', () => {
  const relatives = [
    { id: 'sp', relation: 'spouse', name: '王某' },
    { id: 'son', relation: 'son', name: '李某' },
    { id: 'fa', relation: 'father', name: '李父' },
  ];
  const opts = { complete: false, familyOnly: false, today: '2026-06-08' };
  it('refuses a relative not on the family list, or of the wrong relation', () => {
    const items = {
      employment: {
        entries: [
          {
            relativeId: 'nobody',
            employer: 'X',
            post: null,
            employerType: 'private' as const,
            seniorPost: false,
            sector: null,
          },
        ],
      },
    };
    expect(checkItems(items, relatives, opts)).toEqual([
      { field: 'items.employment.entries.0.relativeId', message: expect.stringContaining('家庭成员') as string },
    ]);
    const father = {
      housing: {
        entries: [
          {
            owner: 'fa',
            kind: 'residence' as const,
            address: 'a',
            certificateNo: null,
            areaSqm: 50,
            acquiredOn: null,
            source: 'purchase' as const,
            priceFen: null,
          },
        ],
      },
    };
    expect(checkItems(father, relatives, opts)[0]?.field).toBe('items.housing.entries.0.owner');
    expect(
      checkItems(
        { ...father, housing: { entries: [{ ...father.housing.entries[0]!, owner: 'self' }] } },
        relatives,
        opts,
      ),
    ).toEqual([]);
  });
  it('refuses dates out of order and in the future', () => {
    const items = {
      passports: {
        documents: [{ number: 'E1', issuedOn: '2020-01-01', expiresOn: '2019-01-01', custody: null }],
        trips: [{ departOn: '2025-05-10', returnOn: '2025-05-01', destination: '俄罗斯', purpose: null }],
      },
    };
    expect(checkItems(items, relatives, opts).map((p) => p.field)).toEqual([
      'items.passports.documents.0.expiresOn',
      'items.passports.trips.0.returnOn',
    ]);
    expect(checkItems({ marriage: { status: 'married', changedOn: '2027-01-01' } }, relatives, opts)[0]?.field).toBe(
      'items.marriage.changedOn',
    );
  });
  it('wants all 14 items in an annual report and only family items in a change report', () => {
    expect(checkItems({}, relatives, { ...opts, complete: true })).toHaveLength(14);
    expect(checkItems(emptyItems(), relatives, { ...opts, complete: true })).toEqual([]);
    expect(checkItems({ housing: { entries: [] } }, relatives, { ...opts, familyOnly: true })[0]?.field).toBe(
      'items.housing',
    );
    expect(checkItems({}, relatives, { ...opts, familyOnly: true })[0]?.field).toBe('items');
  });
  it('lists the items an amendment changed', () => {
    const a = emptyItems();
    const b = { ...emptyItems(), income: { salaryFen: 1, bonusFen: 0, allowanceFen: 0 } };
    expect(changedItems(a, b)).toEqual(['income']);
  });
});
