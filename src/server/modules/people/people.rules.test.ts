import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../../common/dates.js';
import { checkCharacter } from '../../../common/id-number.js';
import { closingDateFor, validatePerson } from './people.rules.js';

const base = {
  sex: 'M' as const,
  birthMonth: '1980-05',
  politicalStatus: 'cpc',
  partyJoinDate: '2003-07-01',
  workStartDate: '2002-08-01',
};
const today = '2026-06-08';
const id = (birth: string, sexDigit: number) => {
  const f = `659901${birth.replace(/-/g, '')}12${sexDigit}`;
  return f + checkCharacter(f);
};

describe('cadre record validation', () => {
  it('accepts a consistent record', () => {
    expect(validatePerson({ ...base, idNumber: id('1980-05-20', 1) }, today)).toEqual([]);
  });

  it('refuses an ID number with a bad check digit, naming the field (ID-01)', () => {
    const good = id('1980-05-20', 1);
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(validatePerson({ ...base, idNumber: bad }, today)[0]).toMatchObject({ field: 'idNumber' });
  });

  it('refuses an ID number whose birth date or sex disagrees with the record', () => {
    expect(validatePerson({ ...base, idNumber: id('1981-05-20', 1) }, today)[0]?.message).toContain('不一致');
    expect(validatePerson({ ...base, idNumber: id('1980-05-20', 2) }, today)[0]?.message).toContain('性别');
  });

  it('refuses a Party join date before the age of 18 (党章 Art. 1)', () => {
    const errs = validatePerson({ ...base, idNumber: id('1980-05-20', 1), partyJoinDate: '1998-05-19' }, today);
    expect(errs[0]).toMatchObject({ field: 'partyJoinDate' });
    expect(validatePerson({ ...base, idNumber: id('1980-05-20', 1), partyJoinDate: '1998-05-20' }, today)).toEqual([]);
  });

  it('refuses a future work start date', () => {
    expect(validatePerson({ ...base, workStartDate: '2026-06-09' }, today)[0]).toMatchObject({
      field: 'workStartDate',
    });
  });

  it('requires a join date for CPC members and refuses one for others', () => {
    expect(validatePerson({ ...base, partyJoinDate: null }, today)[0]).toMatchObject({ field: 'partyJoinDate' });
    expect(validatePerson({ ...base, politicalStatus: 'masses' }, today)[0]).toMatchObject({ field: 'partyJoinDate' });
  });

  it('names the résumé line that is out of order', () => {
    const errs = validatePerson(
      {
        ...base,
        resume: [
          { startMonth: '2002-08', endMonth: '2005-01' },
          { startMonth: '2005-02', endMonth: '2004-12' },
        ],
      },
      today,
    );
    expect(errs[0]).toMatchObject({ field: 'resume.1.endMonth' });
  });

  it('property: with an exact birth date, a join date is accepted exactly from the 18th birthday on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: -400, max: 400 }), (d, delta) => {
        const b = addDays('1970-01-01', d);
        const eighteen = addMonths(b, 18 * 12);
        if (eighteen.slice(8) !== b.slice(8)) return true; // 29 Feb births: covered by addMonths clamping
        const join = addDays(eighteen, delta);
        const errs = validatePerson(
          { ...base, birthMonth: b.slice(0, 7), idNumber: id(b, 1), partyJoinDate: join, workStartDate: null },
          today,
        );
        const refused = errs.some((e) => e.field === 'partyJoinDate');
        return refused === delta < 0;
      }),
    );
  });
});

describe('dated history', () => {
  it('closes the open row the day before the new one starts', () => {
    expect(closingDateFor('2020-01-01', '2026-03-01')).toEqual({ ok: true, endDate: '2026-02-28' });
    expect(closingDateFor('2026-03-01', '2026-03-01').ok).toBe(false);
  });
});
