import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../common/dates.js';
import { parseTeamPost } from './columns.js';
import { excelDate } from './read.js';
import { parseDate, parseMonth } from './plan.support.js';

describe('import cells', () => {
  it('reads a date written any of the accepted ways, and refuses impossible ones', () => {
    for (const v of ['2021-03-15', '2021/3/15', '2021.03.15', '2021年3月15日', ' 2021 - 3 - 15 ']) {
      expect(parseDate(v.trim()), v).toBe('2021-03-15');
    }
    for (const v of ['2021-02-30', '2021-13-01', '15/3/2021', '2021-3', 'yesterday']) {
      expect(parseDate(v), v).toBeNull();
    }
    expect(parseMonth('1975-03')).toBe('1975-03');
    expect(parseMonth('1975年3月')).toBe('1975-03');
    expect(parseMonth('1975-03-09')).toBe('1975-03');
    expect(parseMonth('1975-13')).toBeNull();
  });

  it('property: an Excel date cell (UTC midnight) reads back as the date typed, in any server zone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), (n) => {
        const date = addDays('1900-03-01', n);
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        return excelDate(new Date(Date.UTC(y, m - 1, d))) === date && parseDate(date) === date;
      }),
    );
  });

  it('reads team posts by their short and their full labels for a 党组 and a 党委', () => {
    expect(parseTeamPost('书记')).toBe('secretary');
    expect(parseTeamPost('党组书记')).toBe('secretary');
    expect(parseTeamPost('党委副书记')).toBe('deputy_secretary');
    expect(parseTeamPost('纪委书记')).toBe('discipline_head');
    expect(parseTeamPost('班子成员（非党组成员）')).toBe('non_member_leader');
    expect(parseTeamPost('组长')).toBeNull();
  });
});
