import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { assertNoBlocking, finding, RAW_PARAMS, RuleError } from './finding.js';

describe('one finding path (issue 9 §3)', () => {
  it('takes kind, label and citation from the catalogue, and the parameter values passed in', () => {
    const f = finding('PG-06', { present: 2 }, { quorumNumerator: 1 }, { zh: '不足（PG-06）。', en: 'Short (PG-06).' });
    expect(f).toMatchObject({
      ruleId: 'PG-06',
      kind: 'block',
      label: 'VERIFIED-SECONDARY',
      citation: { article: '第二十五条' },
      params: { quorumNumerator: 1 },
      facts: { present: 2 },
    });
  });

  it('never lets an UNVERIFIED rule block (C-01 asked to block becomes a warning)', () => {
    expect(finding('C-01', {}, {}, { zh: 'x', en: 'x', kind: 'block' }).kind).toBe('warn');
  });

  it('refuses a kind stronger than the catalogue says (the catalogue tells the truth)', () => {
    expect(() => finding('PG-18', {}, {}, { zh: 'x', en: 'x', kind: 'block' })).toThrow(/PG-18/);
    expect(finding('PG-18', {}, {}, { zh: 'x', en: 'x', kind: 'info' }).kind).toBe('info');
  });

  it('stores the plain parameter values of a wrapped parameter object', () => {
    const plain = { a: 1 };
    const wrapped = new Proxy(plain, {
      get: (t, k) => (k === RAW_PARAMS ? t : (t as Record<PropertyKey, unknown>)[k]),
    });
    expect(finding('PG-18', {}, wrapped, { zh: 'x', en: 'x' }).params).toEqual({ a: 1 });
  });

  it('a RuleError keeps the code, message and field it is given and carries the findings', () => {
    const f = finding('PG-08', {}, {}, { zh: '会议已开始（PG-08）', en: 'Started (PG-08)' });
    const e = new RuleError(f, { code: 'INVALID_STATE', message: '会议已开始' });
    expect(e).toBeInstanceOf(AppError);
    expect([e.status, e.code, e.message]).toEqual([409, 'INVALID_STATE', '会议已开始']);
    expect(e.extra.findings?.[0]?.ruleId).toBe('PG-08');
    const d = new RuleError([f]);
    expect([d.status, d.message]).toEqual([422, '会议已开始（PG-08）']);
  });

  it('assertNoBlocking throws with every finding when one blocks, and passes warnings', () => {
    const warn = finding('PG-18', {}, {}, { zh: 'w', en: 'w' });
    expect(() => assertNoBlocking([warn])).not.toThrow();
    const block = finding('PG-06', {}, {}, { zh: 'b', en: 'b' });
    try {
      assertNoBlocking([warn, block]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RuleError);
      expect((e as RuleError).message).toBe('b');
      expect((e as RuleError).extra.findings).toHaveLength(2);
    }
  });
});
