import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  validateAnswers,
  type Category,
  type Questionnaire,
} from '../../../common/contracts/ballots.js';
import { seededRandom } from '../../platform/random.js';
import {
  decodeAnswers,
  encodeAnswers,
  generateCode,
  groupCategories,
  isWellFormedCode,
  receiptOf,
  settingsDigest,
  tally,
  toBase32,
  type CategoryCount,
} from './ballots.rules.js';

const cats = (...n: number[]): CategoryCount[] => n.map((ballots, i) => ({ key: `c${i}`, label: `类别${i}`, ballots }));

describe('codes and receipts', () => {
  it('draws 12-character codes from the 32-letter alphabet without 0, O, 1 or I', () => {
    const r = seededRandom(1);
    for (let i = 0; i < 200; i++) {
      const c = generateCode(r);
      expect(isWellFormedCode(c)).toBe(true);
      expect(c).not.toMatch(/[01OI]/);
    }
    expect(isWellFormedCode('ABCDEFGHJKL')).toBe(false);
    expect(isWellFormedCode('ABCDEFGHJKL0')).toBe(false);
  });

  it('encodes bytes as base32 five bits at a time', () => {
    expect(toBase32(Buffer.from([0, 0, 0, 0, 0]), 8)).toBe(CODE_ALPHABET[0]!.repeat(8));
    expect(toBase32(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]), 8)).toBe(CODE_ALPHABET[31]!.repeat(8));
    expect(toBase32(Buffer.from([0b00001000, 0b01000000]), 3)).toBe(
      `${CODE_ALPHABET[1]}${CODE_ALPHABET[1]}${CODE_ALPHABET[0]}`,
    );
  });

  it('gives a 16-character receipt that depends on the ballot id and every answer', () => {
    const a = receiptOf('s1', 'b1', { q1: '好', q2: '差' });
    expect(a).toHaveLength(16);
    expect(receiptOf('s1', 'b1', { q2: '差', q1: '好' })).toBe(a); // canonical: key order does not matter
    expect(receiptOf('s1', 'b2', { q1: '好', q2: '差' })).not.toBe(a);
    expect(receiptOf('s1', 'b1', { q1: '好', q2: '好' })).not.toBe(a);
    expect(receiptOf('s2', 'b1', { q1: '好', q2: '差' })).not.toBe(a);
  });

  it('changes the settings digest when any setting changes', () => {
    const base = {
      id: 's',
      unitId: 'u',
      kind: 'team_evaluation',
      title: 't',
      year: 2025,
      minGroupSize: 5,
      smallGroupPolicy: 'merge' as const,
      questionnaire: {
        intro: '',
        questions: [{ id: 'q', type: 'rating' as const, text: 'x', options: ['a', 'b'], required: true }],
      },
      categories: [{ key: 'a', label: 'A', expected: 3, loginPersonIds: [] }],
      opensAt: '2026-01-01T00:00:00.000Z',
      closesAt: '2026-01-02T00:00:00.000Z',
      codesIssued: { a: 3 },
    };
    const d = settingsDigest(base);
    expect(settingsDigest({ ...base })).toBe(d);
    expect(settingsDigest({ ...base, codesIssued: { a: 4 } })).not.toBe(d);
    expect(settingsDigest({ ...base, minGroupSize: 4 })).not.toBe(d);
  });
});

describe('grouping by the minimum group size (C-01)', () => {
  it('shows every category that reaches the minimum', () => {
    const g = groupCategories(cats(6, 5, 9), 5, 'merge');
    expect(g.groups.map((x) => x.ballots)).toEqual([6, 5, 9]);
    expect(g.withheld).toBeNull();
  });

  it('merges a small category with the next-smallest one', () => {
    const g = groupCategories(cats(3, 12, 7), 5, 'merge');
    expect(g.groups.map((x) => [x.categories, x.ballots])).toEqual([
      [['c2', 'c0'], 10],
      [['c1'], 12],
    ]);
  });

  it('keeps merging until no group is below the minimum', () => {
    const g = groupCategories(cats(1, 2, 1, 30), 5, 'merge');
    expect(g.groups.every((x) => x.ballots >= 5)).toBe(true);
    expect(g.groups.reduce((n, x) => n + x.ballots, 0)).toBe(34);
  });

  it('withholds a small category and, when the hidden ones sum below the minimum, hides the next-smallest too', () => {
    const g = groupCategories(cats(3, 12, 7), 5, 'withhold');
    expect(g.groups.map((x) => x.key)).toEqual(['c1']);
    expect(g.withheld).toEqual({ labels: ['类别0', '类别2'], categories: ['c0', 'c2'], ballots: 10 });
    const h = groupCategories(cats(2, 4, 20, 30), 5, 'withhold');
    expect(h.groups.map((x) => x.key)).toEqual(['c2', 'c3']);
    expect(h.withheld?.ballots).toBe(6);
  });

  it('shows nothing when fewer than the minimum voted in all', () => {
    expect(groupCategories(cats(2, 2), 5, 'merge')).toEqual({ groups: [], withheld: null, allWithheld: true });
    expect(groupCategories(cats(4), 5, 'withhold').allWithheld).toBe(true);
  });

  it('never lets a category below the minimum be shown or derived by subtraction (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom('merge' as const, 'withhold' as const),
        (ns, min, policy) => {
          const g = groupCategories(cats(...ns), min, policy);
          const total = ns.reduce((a, b) => a + b, 0);
          if (total < min) return g.allWithheld && g.groups.length === 0;
          const shown = g.groups.reduce((n, x) => n + x.ballots, 0);
          const remainder = total - shown; // what subtracting the shown groups from the total reveals
          return (
            g.groups.every((x) => x.ballots >= min) &&
            (remainder === 0 || remainder >= min) &&
            (g.withheld?.ballots ?? 0) === remainder
          );
        },
      ),
    );
  });
});

const questionnaire: Questionnaire = {
  intro: '',
  questions: [
    {
      id: 'q1',
      type: 'rating',
      text: '总体评价',
      options: ['优秀', '称职', '基本称职', '不称职'],
      required: true,
      role: 'overall',
      subjectPersonId: 'p1',
    },
    {
      id: 'r1',
      type: 'recommend',
      text: '推荐',
      post: '副关长',
      seats: 2,
      allowWriteIn: true,
      required: false,
      candidates: [
        { id: 'a', name: '甲' },
        { id: 'b', name: '乙' },
        { id: 'c', name: '丙' },
      ],
    },
  ],
};
const categories: Category[] = [
  { key: 'team', label: '班子成员', expected: 7, loginPersonIds: [] },
  { key: 'staff', label: '一般干部', expected: 40, loginPersonIds: [] },
];

describe('answers are checked against the questionnaire, naming the question', () => {
  it('accepts a complete ballot', () => {
    expect(validateAnswers(questionnaire, { q1: '称职', r1: { candidates: ['a'], writeIns: ['丁'] } })).toBeNull();
    expect(validateAnswers(questionnaire, { q1: '称职' })).toBeNull();
  });
  it.each([
    [{}, 'q1', '必答'],
    [{ q1: '很好' }, 'q1', '不在可选范围'],
    [{ q1: '称职', r1: { candidates: ['a', 'b', 'c'], writeIns: [] } }, 'r1', '最多推荐 2 人'],
    [{ q1: '称职', r1: { candidates: ['a', 'b'], writeIns: ['丁'] } }, 'r1', '最多推荐 2 人'],
    [{ q1: '称职', r1: { candidates: ['x'], writeIns: [] } }, 'r1', '参考名单以外'],
    [{ q1: '称职', r1: { candidates: ['a'], writeIns: ['甲'] } }, 'r1', '已在参考名单'],
    [{ q1: '称职', q9: '好' }, 'q9', '没有编号'],
  ])('refuses %j at %s', (answers, qid, text) => {
    const p = validateAnswers(questionnaire, answers);
    expect(p?.questionId).toBe(qid);
    expect(p?.message).toContain(text);
  });
  it('refuses a write-in where none is allowed', () => {
    const q = {
      ...questionnaire,
      questions: [{ ...questionnaire.questions[1]!, allowWriteIn: false } as Questionnaire['questions'][number]],
    };
    expect(validateAnswers(q, { r1: { candidates: [], writeIns: ['丁'] } })?.message).toContain('不允许另行推荐');
  });
});

describe('storage form', () => {
  it('stores indexes in questionnaire order and decodes to the same answers (and receipt)', () => {
    const answers = { q1: '基本称职', r1: { candidates: ['c', 'a'], writeIns: ['丁 '] } };
    const stored = encodeAnswers(questionnaire, answers);
    expect(stored).toBe('[2,[2,0,"丁 "]]');
    expect(decodeAnswers(questionnaire, stored)).toEqual(answers);
    expect(receiptOf('s', 'b', decodeAnswers(questionnaire, stored))).toBe(receiptOf('s', 'b', answers));
    expect(decodeAnswers(questionnaire, encodeAnswers(questionnaire, { q1: '优秀' }))).toEqual({ q1: '优秀' });
    expect(
      decodeAnswers(questionnaire, encodeAnswers(questionnaire, { q1: '优秀', r1: { candidates: [], writeIns: [] } })),
    ).toEqual({ q1: '优秀', r1: { candidates: [], writeIns: [] } });
  });
});

describe('tally', () => {
  const ballots = [
    ...Array.from({ length: 3 }, () => ({
      category: 'team',
      answers: { q1: '不称职', r1: { candidates: ['a'], writeIns: [] } },
    })),
    ...Array.from({ length: 10 }, (_, i) => ({
      category: 'staff',
      answers: { q1: i < 6 ? '优秀' : '称职', r1: { candidates: ['b'], writeIns: i < 2 ? [' 丁 '] : [] } },
    })),
  ];

  it('counts totals and merged groups; the small category never appears alone', () => {
    const t = tally(questionnaire, categories, ballots, 5, 'merge');
    expect(t.totalBallots).toBe(13);
    expect(t.groups).toEqual([
      { key: 'staff+team', label: '一般干部、班子成员', categories: ['staff', 'team'], ballots: 13 },
    ]);
    const q1 = t.questions[0]!;
    expect(q1.total.counts).toEqual({ 优秀: 6, 称职: 4, 基本称职: 0, 不称职: 3 });
    expect(q1.groups.map((g) => g.key)).toEqual(['staff+team']);
    const r1 = t.questions[1]!;
    expect(r1.options).toEqual(['甲', '乙', '丙', '丁']);
    expect(r1.total.counts).toEqual({ 甲: 3, 乙: 10, 丙: 0, 丁: 2 });
  });

  it('withholds the small category: only the total includes it', () => {
    const t = tally(
      questionnaire,
      [...categories, { key: 'mid', label: '中层干部', expected: 9, loginPersonIds: [] }],
      [...ballots, ...Array.from({ length: 6 }, () => ({ category: 'mid', answers: { q1: '称职' } }))],
      5,
      'withhold',
    );
    expect(t.groups.map((g) => g.key)).toEqual(['staff']);
    expect(t.withheld).toEqual({ labels: ['班子成员', '中层干部'], ballots: 9 });
    expect(t.questions[0]!.groups.map((g) => g.key)).toEqual(['staff']);
  });

  it('stores no question results when fewer than the minimum voted', () => {
    const t = tally(questionnaire, categories, ballots.slice(0, 4), 5, 'merge');
    expect(t.allWithheld).toBe(true);
    expect(t.questions).toEqual([]);
  });
});
