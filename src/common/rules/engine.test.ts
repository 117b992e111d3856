import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getRule } from './catalogue.js';
import { checkParamValue, isLooser, mergeParams, overrideProblem } from './engine.js';
import type { RuleParamDef } from './types.js';

describe('rule engine', () => {
  const rule = getRule('PG-18');

  it('uses defaults without overrides', () => {
    expect(mergeParams(rule, [])['closeVoteMargin']).toEqual({ value: 1, source: null });
  });

  it('lets the nearest unit win, and keeps where the value came from', () => {
    const m = mergeParams(rule, [
      { unitId: 'top', unitName: '乌鲁木齐海关', effectiveFrom: '2026-01-01', params: { closeVoteMargin: 2 } },
      { unitId: 'low', unitName: '阿勒泰海关', effectiveFrom: '2026-03-01', params: { closeVoteMargin: 0 } },
    ]);
    expect(m['closeVoteMargin']).toEqual({
      value: 0,
      source: { unitId: 'low', unitName: '阿勒泰海关', effectiveFrom: '2026-03-01' },
    });
  });

  it('ignores keys the rule does not have', () => {
    const m = mergeParams(rule, [{ unitId: 'u', unitName: 'u', effectiveFrom: '2026-01-01', params: { nonsense: 5 } }]);
    expect(Object.keys(m)).not.toContain('nonsense');
  });

  it('property: a ratio parameter accepts exactly the values in [0, 1]', () => {
    const def: RuleParamDef = {
      key: 'r',
      type: 'ratio',
      default: 0.1,
      label_zh: '比例',
      label_en: 'ratio',
      governance: { kind: 'free' },
    };
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, min: -10, max: 10 }),
        (x) => (checkParamValue(def, x) === null) === (x >= 0 && x <= 1),
      ),
    );
  });
});

/** issue 8 §3: one test per governance kind. */
describe('parameter governance', () => {
  const param = (ruleId: string, key: string): RuleParamDef => {
    const p = getRule(ruleId).params.find((x) => x.key === key);
    if (!p) throw new Error(`${ruleId}.${key}`);
    return p;
  };

  it('fixed (PG-06 quorum numerator): refused for the unit, the unit above and the CLI alike', () => {
    const def = param('PG-06', 'quorumNumerator');
    for (const who of ['own', 'above', 'cli'] as const) {
      expect(overrideProblem(def, 1, 1, who, false)?.code).toBe('fixed');
      expect(overrideProblem(def, 2, 1, who, true)?.code).toBe('fixed');
    }
  });

  it('tighten_only (C-01 minimum group size, never below 5): the unit tightens, loosening needs the unit above, no one goes below 5', () => {
    const def = param('C-01', 'minGroupSize');
    expect(overrideProblem(def, 7, 5, 'own', false)).toBeNull();
    expect(overrideProblem(def, 6, 7, 'own', false)?.code).toBe('needs_above');
    expect(overrideProblem(def, 6, 7, 'above', false)).toBeNull();
    expect(overrideProblem(def, 4, 5, 'above', false)?.code).toBe('beyond_limit');
    expect(overrideProblem(def, 1, 5, 'cli', true)?.code).toBe('beyond_limit');
    // the root unit has no unit above: its own office is told to use the CLI
    expect(overrideProblem(def, 6, 7, 'own', true)?.message_zh).toContain('banzi rules override');
    expect(overrideProblem(def, 6, 7, 'cli', true)).toBeNull();
  });

  it('tighten_only booleans (PG-07 disciplineItemsToo on; PG-06 quorumInclusive off is stricter)', () => {
    const d = param('PG-07', 'disciplineItemsToo');
    expect(overrideProblem(d, false, true, 'own', false)?.code).toBe('needs_above');
    expect(overrideProblem(d, false, true, 'above', false)).toBeNull();
    expect(overrideProblem(d, true, false, 'own', false)).toBeNull();
    const q = param('PG-06', 'quorumInclusive');
    expect(overrideProblem(q, false, true, 'own', false)).toBeNull();
    expect(overrideProblem(q, true, false, 'own', false)?.code).toBe('needs_above');
  });

  it('tighten_only lower (KH-05 cap): a lower cap is stricter', () => {
    const def = param('KH-05', 'excellentCapRatio');
    expect(overrideProblem(def, 0.15, 0.2, 'own', false)).toBeNull();
    expect(overrideProblem(def, 0.3, 0.2, 'own', false)?.code).toBe('needs_above');
  });

  it('tighten_only on levels and lists (PM-01 reporting level, FB-05 sectors)', () => {
    const level = param('PM-01', 'minReportingLevel');
    expect(overrideProblem(level, '乡科级正职', '县处级副职', 'own', false)).toBeNull();
    expect(overrideProblem(level, '县处级正职', '县处级副职', 'above', false)?.code).toBe('beyond_limit');
    expect(checkParamValue(level, '处长')).toContain('层级');
    const sectors = param('FB-05', 'regulatedSectors');
    expect(overrideProblem(sectors, ['报关', '货运代理', '新行业'], ['报关', '货运代理'], 'own', false)).toBeNull();
    expect(overrideProblem(sectors, ['报关'], ['报关', '货运代理'], 'own', false)?.code).toBe('needs_above');
  });

  it('free (PG-13 recusal, SE-09 reconsideration base): any value within its bounds, by the unit itself', () => {
    const r = param('PG-13', 'recusedCountInExpected');
    expect(overrideProblem(r, false, true, 'own', false)).toBeNull();
    const base = param('SE-09', 'reconsiderationDenominator');
    expect(overrideProblem(base, 'expected_members', 'all_members', 'own', false)).toBeNull();
    expect(checkParamValue(base, 'present')).toContain('只能取');
    const margin = param('PG-18', 'closeVoteMargin');
    expect(checkParamValue(margin, 6)).toContain('0 至 5');
  });

  it('property: isLooser is never true for equal values, and exactly one of two different numbers is looser', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), fc.constantFrom('higher' as const, 'lower' as const), (a, b, dir) => {
        expect(isLooser(dir, a, a)).toBe(false);
        if (a !== b) expect(isLooser(dir, a, b) !== isLooser(dir, b, a)).toBe(true);
      }),
    );
  });
});
