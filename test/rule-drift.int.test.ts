/**
 * The drift comparison itself (rule-drift.ts): it names the encoded rules no response carried, a
 * rule that blocked though the catalogue does not say so, and unread parameters. The global
 * teardown runs it over the whole integration run and sets a failing exit code.
 */
import { describe, expect, it } from 'vitest';
import { getRule } from '../src/common/rules/catalogue.js';
import { compareDrift, driftProblems, findingsIn } from './rule-drift.js';

describe('rule drift comparison', () => {
  const rules = [getRule('PG-06'), getRule('PG-18'), { ...getRule('KH-06'), encoded: false }];

  it('finds findings anywhere in a response, refusals included', () => {
    const body = {
      error: { code: 'RULE_VIOLATION', findings: [{ ruleId: 'PG-06', kind: 'block', citation: { doc: 'x' } }] },
      items: [{ finding: { ruleId: 'PG-18', kind: 'warn', citation: {} } }, { ruleId: 'not-a-finding' }],
    };
    expect(findingsIn(body)).toEqual([
      { ruleId: 'PG-06', kind: 'block' },
      { ruleId: 'PG-18', kind: 'warn' },
    ]);
  });

  it('is clean when every encoded rule was emitted and every parameter read', () => {
    const d = compareDrift(rules, {
      emitted: new Set(['PG-06|block', 'PG-18|warn']),
      reads: new Set([
        'PG-06.quorumNumerator',
        'PG-06.quorumDenominator',
        'PG-06.quorumInclusive',
        'PG-18.closeVoteMargin',
      ]),
    });
    expect(driftProblems(d)).toEqual([]);
  });

  it('names a rule never emitted, a warn rule that blocked, and a parameter never read', () => {
    const d = compareDrift(rules, {
      emitted: new Set(['PG-18|block']),
      reads: new Set(['PG-06.quorumNumerator', 'PG-18.closeVoteMargin']),
    });
    expect(d.notEmitted).toEqual(['PG-06']);
    expect(d.blockingNotBlock).toEqual(['PG-18']);
    expect(d.unread).toEqual(['PG-06.quorumDenominator', 'PG-06.quorumInclusive']);
    expect(driftProblems(d)).toHaveLength(3);
  });
});
