import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DRAW_FORMAT,
  basisPointsToText,
  canonicalInputs,
  commitmentOf,
  drawCount,
  inputsDigest,
  parseSeed,
  rankReporters,
  ratioToBasisPoints,
  selectReporters,
  verifyDrawFile,
} from './draw.js';

// A vector computed independently with Python's hashlib SM3 (the reference code in docs/disclosures.md).
const SEED = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
const PUBLIC = '2026年双色球第001期：03 08 12 19 25 31 + 07';
const IDS = Array.from({ length: 12 }, (_, i) => `p-${String(i + 1).padStart(2, '0')}`);
const VECTOR = {
  commitment: 'fa34635f1d3ac2729ac5987eb59e01928457f325b4b51ca85a177813c5c5ddf7',
  digest: 'cc5d6a0ea8b98df0ec32e5ff1fabb1d8a90213de334379b685a2657f605eaefd',
  selected: ['p-01', 'p-09', 'p-08'],
  firstScore: '038f5bfa51bc76e12408916ef9015520c0778bf45bcde40e3106e58a86838879',
};

function file(overrides: Record<string, unknown> = {}) {
  const commitment = commitmentOf(SEED);
  const base = {
    format: DRAW_FORMAT,
    unitId: 'u-urumqi',
    unitName: '乌鲁木齐海关',
    year: 2026,
    ratio: '0.25',
    ratioBasisPoints: 2500,
    eligible: IDS.map((id) => ({ id, name: id, unitName: '阿勒泰海关' })),
    commitment,
    inputsDigest: inputsDigest({
      unitId: 'u-urumqi',
      year: 2026,
      ratioBasisPoints: 2500,
      eligibleIds: IDS,
      commitment,
    }),
    publishedAt: '2026-01-05T02:00:00Z',
    seed: SEED.toString('hex'),
    publicValue: PUBLIC,
    drawnAt: '2026-03-02T02:00:00Z',
    selectCount: 3,
    selected: VECTOR.selected,
    algorithm: '',
  };
  return { ...base, ...overrides };
}

describe('the verifiable draw', () => {
  it('matches the independent reference vector byte for byte', () => {
    expect(commitmentOf(SEED)).toBe(VECTOR.commitment);
    expect(
      inputsDigest({
        unitId: 'u-urumqi',
        year: 2026,
        ratioBasisPoints: 2500,
        eligibleIds: [...IDS].reverse(),
        commitment: VECTOR.commitment,
      }),
    ).toBe(VECTOR.digest);
    const { ranked, selected } = selectReporters(SEED, PUBLIC, IDS, 2500);
    expect(selected).toEqual(VECTOR.selected);
    expect(ranked[0]).toEqual({ id: 'p-01', score: VECTOR.firstScore });
  });

  it('writes the committed inputs as canonical JSON with sorted ids', () => {
    expect(
      canonicalInputs({ unitId: 'u', year: 2026, ratioBasisPoints: 1000, eligibleIds: ['b', 'a'], commitment: 'c' }),
    ).toBe('{"commitment":"c","eligible":["a","b"],"ratioBasisPoints":1000,"unitId":"u","year":2026}');
  });

  it('draws ceil(ratio × n) with integer arithmetic', () => {
    expect(drawCount(1000, 30)).toBe(3);
    expect(Math.ceil(0.07 * 100)).toBe(8); // the floating-point trap the integer form avoids
    expect(drawCount(700, 100)).toBe(7);
    expect(drawCount(1000, 31)).toBe(4);
    expect(drawCount(1000, 0)).toBe(0);
    expect(drawCount(10000, 7)).toBe(7);
    expect(drawCount(1, 1)).toBe(1);
    expect(ratioToBasisPoints(0.1)).toBe(1000);
    expect(basisPointsToText(1000)).toBe('0.1');
    expect(basisPointsToText(125)).toBe('0.0125');
    expect(basisPointsToText(10000)).toBe('1');
  });

  it('selects exactly k distinct eligible reporters, whatever the inputs (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.string(),
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 10000 }),
        (seed, pv, ids, bp) => {
          const { selected, ranked } = selectReporters(Buffer.from(seed), pv, ids, bp);
          expect(selected.length).toBe(drawCount(bp, ids.length));
          expect(new Set(selected).size).toBe(selected.length);
          expect(selected.every((s) => ids.includes(s))).toBe(true);
          for (let i = 1; i < ranked.length; i++) {
            expect((ranked[i - 1]?.score ?? '') <= (ranked[i]?.score ?? '')).toBe(true);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('does not depend on the order of the list, and changes with the public value', () => {
    const a = selectReporters(SEED, PUBLIC, IDS, 5000).selected;
    expect(selectReporters(SEED, PUBLIC, [...IDS].reverse(), 5000).selected).toEqual(a);
    expect(rankReporters(SEED, `${PUBLIC}.`, IDS).map((r) => r.id)).not.toEqual(
      rankReporters(SEED, PUBLIC, IDS).map((r) => r.id),
    );
  });

  it('verifies a correct file and names each kind of tampering', () => {
    expect(verifyDrawFile(file())).toEqual({ ok: true, problems: [], selected: VECTOR.selected });
    const swapped = verifyDrawFile(file({ selected: ['p-01', 'p-09', 'p-07'] }));
    expect(swapped.ok).toBe(false);
    expect(swapped.problems.join()).toContain('抽取结果');
    const otherSeed = verifyDrawFile(file({ seed: 'ab'.repeat(32) }));
    expect(otherSeed.problems.join()).toContain('承诺');
    const shorter = verifyDrawFile(file({ eligible: IDS.slice(1).map((id) => ({ id, name: id, unitName: '' })) }));
    expect(shorter.problems.join()).toContain('输入摘要');
    expect(verifyDrawFile(file({ ratioBasisPoints: 3000, ratio: '0.3' })).problems.join()).toContain('输入摘要');
    expect(verifyDrawFile(file({ ratio: '0.3' })).problems.join()).toContain('基点');
    expect(verifyDrawFile(file({ seed: 'xyz' })).ok).toBe(false);
    expect(verifyDrawFile(null).ok).toBe(false);
    expect(verifyDrawFile([]).ok).toBe(false);
  });

  it('parses only 64 lower-case hex characters as a seed', () => {
    expect(parseSeed('00'.repeat(32))?.length).toBe(32);
    expect(parseSeed('AB'.repeat(32))).toBeNull();
    expect(parseSeed('00'.repeat(31))).toBeNull();
  });
});
