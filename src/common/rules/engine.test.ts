import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getRule } from './catalogue.js';
import { checkParamValue, makeFinding, mergeParams } from './engine.js';

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

  it('never lets an UNVERIFIED rule block', () => {
    const unverified = { ...rule, label: 'UNVERIFIED' as const };
    expect(makeFinding(unverified, {}, {}, 'x', 'x', 'block').kind).toBe('warn');
    expect(makeFinding({ ...rule, label: 'VERIFIED-PRIMARY' }, {}, {}, 'x', 'x', 'block').kind).toBe('block');
  });

  it('property: a ratio parameter accepts exactly the values in [0, 1]', () => {
    const def = { key: 'r', type: 'ratio' as const, default: 0.1, label_zh: '比例', label_en: 'ratio' };
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, min: -10, max: 10 }),
        (x) => (checkParamValue(def, x) === null) === (x >= 0 && x <= 1),
      ),
    );
  });
});
