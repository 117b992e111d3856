import { describe, expect, it } from 'vitest';
import type { PartialItems } from '../../../common/contracts/disclosures-items.js';
import { parseMatrix, prohibitedActivities, relativeActivities, sectorConflicts } from './disclosures.business.js';

const relatives = [
  { id: 'sp', relation: 'spouse', name: '王丽' },
  { id: 'son', relation: 'son', name: '李明' },
  { id: 'dil', relation: 'daughter_in_law', name: '赵敏' },
  { id: 'fa', relation: 'father', name: '李父' },
];
const items: PartialItems = {
  employment: {
    entries: [
      {
        relativeId: 'sp',
        employer: '新疆某贸易有限公司',
        post: '副总经理',
        employerType: 'private',
        seniorPost: true,
        sector: '进出口贸易',
      },
      {
        relativeId: 'son',
        employer: '某律师事务所',
        post: '律师',
        employerType: 'law_firm',
        seniorPost: false,
        sector: '法律服务',
      },
      { relativeId: 'fa', employer: '某私企', post: '经理', employerType: 'private', seniorPost: true, sector: null },
    ],
  },
  business: {
    entries: [
      {
        relativeId: 'dil',
        kind: 'unlisted_company',
        name: '阿勒泰通达报关有限公司',
        registrationNo: null,
        investmentFen: 30_000_000,
        sharePct: 40,
        role: 'investor',
        sector: '报关',
        since: null,
      },
    ],
  },
};
const MATRIX = [
  {
    minLevel: '厅局级副职',
    unitTypes: ['*'],
    prohibited: [
      'enterprise_investment',
      'private_senior_post',
      'foreign_senior_post',
      'private_equity',
      'paid_intermediary',
      'legal_service',
    ],
  },
  { minLevel: 'division_deputy', unitTypes: ['subordinate'], prohibited: ['enterprise_investment'] },
];

describe('relatives’ business (FB-01, FB-02, FB-05)', () => {
  it('derives activities of spouse, children and their spouses only', () => {
    const acts = relativeActivities(items, relatives);
    expect(acts.map((a) => [a.relativeId, a.activity])).toEqual([
      ['sp', 'private_senior_post'],
      ['son', 'legal_service'],
      ['dil', 'enterprise_investment'],
    ]);
  });

  it('applies the matrix rows by level and unit type', () => {
    const { rows, problems } = parseMatrix(MATRIX);
    expect(problems).toEqual([]);
    const acts = relativeActivities(items, relatives);
    const bureau = prohibitedActivities(acts, {
      cadreLevel: 'bureau_deputy',
      unitType: 'direct',
      rows,
      minApplicableLevel: 'division_deputy',
    });
    expect(bureau.map((v) => v.activity)).toEqual(['private_senior_post', 'legal_service', 'enterprise_investment']);
    const division = prohibitedActivities(acts, {
      cadreLevel: 'division_deputy',
      unitType: 'subordinate',
      rows,
      minApplicableLevel: 'division_deputy',
    });
    expect(division.map((v) => v.activity)).toEqual(['enterprise_investment']);
    expect(division[0]?.message_zh).toContain('赵敏');
    expect(
      prohibitedActivities(acts, {
        cadreLevel: 'division_deputy',
        unitType: 'direct',
        rows,
        minApplicableLevel: 'division_deputy',
      }),
    ).toEqual([]);
    expect(
      prohibitedActivities(acts, {
        cadreLevel: 'division_deputy',
        unitType: 'subordinate',
        rows,
        minApplicableLevel: 'bureau_deputy',
      }),
    ).toEqual([]);
  });

  it('reports malformed matrix rows instead of applying them', () => {
    const r = parseMatrix([{ minLevel: '科级', unitTypes: ['*'], prohibited: ['x'] }, MATRIX[1]]);
    expect(r.rows).toHaveLength(1);
    expect(r.problems[0]).toContain('第 1 行');
    expect(parseMatrix('nope').problems).toHaveLength(1);
  });

  it('finds a relative running a business in a regulated sector (FB-05)', () => {
    const v = sectorConflicts(relativeActivities(items, relatives), ['报关', '货运代理']);
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ ruleId: 'FB-05', relativeId: 'dil' });
    expect(sectorConflicts(relativeActivities(items, relatives), ['免税品经营'])).toEqual([]);
  });
});
