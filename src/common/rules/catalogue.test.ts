import { describe, it, expect } from 'vitest';
import { RULES, RULES_BY_ID, getRule } from './catalogue.js';
import { checkParamValue, isLooser } from './engine.js';
import type { ParamType, RuleParamDef } from './types.js';

const range = (prefix: string, from: number, to: number): string[] => {
  const ids: string[] = [];
  for (let n = from; n <= to; n++) ids.push(`${prefix}-${String(n).padStart(2, '0')}`);
  return ids;
};

/** Every rule id the catalogue must hold, in catalogue order. A dropped rule fails the test. */
const EXPECTED_IDS: readonly string[] = [
  ...range('PG', 1, 18),
  ...range('DC', 1, 4),
  ...range('TZ', 1, 2),
  ...range('ZD', 1, 10),
  ...range('PM', 1, 11),
  ...range('FB', 1, 6),
  ...range('TX', 1, 7),
  ...range('AJ', 1, 2),
  ...range('KH', 1, 8),
  ...range('SE', 0, 15),
  ...range('NS', 1, 5),
  ...range('TM', 1, 7),
  ...range('RT', 1, 6),
  ...range('ZZ', 1, 4),
  ...range('MZ', 1, 7),
  ...range('ST', 1, 3),
  ...range('IP', 1, 10),
  'C-01',
  'ID-01',
  'RK-01',
  ...range('AC', 1, 3),
];

/** Spelled out once more, so a mistake in range() cannot hide a dropped rule. */
const EXPECTED_COUNT = 18 + 4 + 2 + 10 + 11 + 6 + 7 + 2 + 8 + 16 + 5 + 7 + 6 + 4 + 7 + 3 + 10 + 3 + 3;

/**
 * 'C-01' (ballots minimum group size, regulations.md §17a "C (ballots)") keeps the id the brief
 * gave it; it is the one id with a single-letter prefix.
 */
const ID_PATTERN = /^[A-Z]{2}-\d{2}$/;
const ID_PATTERN_EXCEPTIONS: ReadonlySet<string> = new Set(['C-01']);

const MODULES = new Set([
  'accounts',
  'orgs',
  'rules',
  'calendar',
  'people',
  'meetings',
  'decisions',
  'disclosures',
  'supervision',
  'ballots',
  'assessments',
  'appointments',
  'careers',
  'eligibility',
  'democratic-life',
  'study',
  'notices',
  'analysis',
  'scorecard',
  'audit',
]);

const isJson = (v: unknown): boolean => {
  if (v === undefined) return false;
  try {
    return JSON.stringify(JSON.parse(JSON.stringify(v))) === JSON.stringify(v);
  } catch {
    return false;
  }
};

const DEFAULT_CHECKS: Record<ParamType, (v: unknown) => boolean> = {
  integer: (v) => typeof v === 'number' && Number.isInteger(v),
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  ratio: (v) => typeof v === 'number' && v >= 0 && v <= 1,
  boolean: (v) => typeof v === 'boolean',
  string: (v) => typeof v === 'string',
  money_fen: (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0,
  string_list: (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
  json: isJson,
};

const allParams = (): Array<{ ruleId: string; param: RuleParamDef }> =>
  RULES.flatMap((r) => r.params.map((param) => ({ ruleId: r.id, param })));

describe('rules catalogue', () => {
  it('holds exactly the expected rule ids, in order', () => {
    expect(EXPECTED_IDS).toHaveLength(EXPECTED_COUNT);
    expect(RULES.map((r) => r.id)).toEqual(EXPECTED_IDS);
  });

  it('has unique ids', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(RULES_BY_ID.size).toBe(ids.length);
  });

  it('uses ids of the form XX-00 (C-01 is the one named exception)', () => {
    const bad = RULES.map((r) => r.id).filter((id) => !ID_PATTERN.test(id) && !ID_PATTERN_EXCEPTIONS.has(id));
    expect(bad).toEqual([]);
  });

  it('never makes an UNVERIFIED rule a block', () => {
    const bad = RULES.filter((r) => r.label === 'UNVERIFIED' && r.kind === 'block').map((r) => r.id);
    expect(bad).toEqual([]);
  });

  it('gives every param a default of its declared type', () => {
    const bad = allParams()
      .filter(({ param }) => !DEFAULT_CHECKS[param.type](param.default))
      .map(({ ruleId, param }) => `${ruleId}.${param.key}`);
    expect(bad).toEqual([]);
  });

  it('keeps numeric defaults within their declared min and max', () => {
    const bad = allParams()
      .filter(({ param }) => typeof param.default === 'number')
      .filter(({ param }) => {
        const v = param.default as number;
        return (param.min !== undefined && v < param.min) || (param.max !== undefined && v > param.max);
      })
      .map(({ ruleId, param }) => `${ruleId}.${param.key}`);
    expect(bad).toEqual([]);
  });

  it('uses camelCase param keys, unique within each rule', () => {
    for (const r of RULES) {
      const keys = r.params.map((p) => p.key);
      expect(new Set(keys).size, r.id).toBe(keys.length);
      for (const k of keys) expect(k, `${r.id}.${k}`).toMatch(/^[a-z][a-zA-Z0-9]*$/);
    }
  });

  it('fills the descriptive fields and names a known module', () => {
    for (const r of RULES) {
      expect(r.section, r.id).toMatch(/^\d{1,2}[a-z]?$/);
      expect(r.title_zh.length, r.id).toBeGreaterThan(0);
      expect(r.title_en.length, r.id).toBeGreaterThan(0);
      expect(r.summary_zh.length, r.id).toBeGreaterThan(0);
      expect(r.citation.doc.length, r.id).toBeGreaterThan(0);
      expect(MODULES.has(r.module), `${r.id}: ${r.module}`).toBe(true);
      for (const p of r.params) {
        expect(p.label_zh.length, `${r.id}.${p.key}`).toBeGreaterThan(0);
        expect(p.label_en.length, `${r.id}.${p.key}`).toBeGreaterThan(0);
      }
    }
  });

  it('writes articles in Chinese numerals, or leaves them empty', () => {
    const bad = RULES.filter(
      (r) => r.citation.article !== '' && !/^第[〇零一二三四五六七八九十百]+条/.test(r.citation.article),
    ).map((r) => `${r.id}: ${r.citation.article}`);
    expect(bad).toEqual([]);
  });

  it('carries the required parameter defaults', () => {
    const param = (id: string, key: string): unknown => {
      const p = getRule(id).params.find((x) => x.key === key);
      if (p === undefined) throw new Error(`missing param ${id}.${key}`);
      return p.default;
    };
    expect(param('PG-05', 'maxDaysWithoutMeeting')).toBe(31);
    expect([param('PG-06', 'quorumNumerator'), param('PG-06', 'quorumDenominator')]).toEqual([1, 2]);
    expect([param('PG-07', 'personnelQuorumNumerator'), param('PG-07', 'personnelQuorumDenominator')]).toEqual([2, 3]);
    expect(param('PG-07', 'disciplineItemsToo')).toBe(true);
    expect(param('PG-12', 'minutesDeadlineDays')).toBe(15);
    expect(param('PG-13', 'recusedCountInExpected')).toBe(true);
    expect(param('PG-13', 'recusedCountAsPresentForQuorum')).toBe(false);
    expect(param('PG-18', 'closeVoteMargin')).toBe(1);
    expect(param('TZ-02', 'largeFundThresholdFen')).toBe(1000000);
    expect(param('ZD-03', 'publicCommentMinDays')).toBe(30);
    expect(param('ZD-03', 'hearingMaterialsDaysAhead')).toBe(7);
    expect(param('ZD-06', 'legalityReviewMinWorkingDays')).toBe(7);
    expect(param('PM-04', 'deadlineMonthDay')).toBe('01-31');
    expect(param('PM-04', 'fixedDeadlineRolls')).toBe(false);
    expect(param('PM-05', 'changeReportDays')).toBe(30);
    expect(param('PM-06', 'randomRatio')).toBe(0.1);
    expect(param('FB-03', 'exitDeadlineDays')).toBe(90);
    expect(param('FB-06', 'publicationEnabled')).toBe(false);
    expect(param('TX-04', 'replyWorkingDays')).toBe(15);
    expect(param('IP-07', 'influenceMonths')).toBe(6);
    expect(param('KH-05', 'excellentCapRatio')).toBe(0.2);
    expect(param('SE-04', 'validityMonths')).toBe(12);
    expect(param('SE-10', 'noticeMinWorkingDays')).toBe(5);
    expect(param('SE-10', 'postponeMaxMonths')).toBe(3);
    expect(param('SE-11', 'probationMonths')).toBe(12);
    expect(param('SE-09', 'reconsiderationDenominator')).toBe('all_members');
    expect(param('SE-14', 'batchGuardDays')).toBe(30);
    expect(param('NS-05', 'resignationApprovalDays')).toBe(30);
    expect(param('NS-05', 'leaderResignationApprovalDays')).toBe(90);
    expect(param('TM-02', 'termYears')).toBe(5);
    expect(param('TM-04', 'sameLevelMaxYears')).toBe(15);
    expect(param('TM-05', 'samePostExchangeYears')).toBe(10);
    expect(param('RT-05', 'alertMonths')).toEqual([6, 3, 0]);
    expect(param('MZ-04', 'planReportDaysAhead')).toBe(15);
    expect(param('MZ-06', 'reportDays')).toBe(15);
    expect(param('ST-03', 'youngAge')).toBe(45);
    expect(param('C-01', 'minGroupSize')).toBe(5);
  });

  it('uses the §17a counting kinds for the rules it names', () => {
    expect(getRule('SE-10').counting).toBe('notice_working_days');
    for (const id of ['TX-04', 'ZD-06']) expect(getRule(id).counting, id).toBe('working_days_after');
    for (const id of ['PM-05', 'ZD-03', 'PG-12', 'MZ-06']) expect(getRule(id).counting, id).toBe('calendar_days_after');
    expect(getRule('PM-04').counting).toBe('fixed_date');
    for (const id of ['IP-01', 'IP-02', 'IP-03', 'IP-04', 'IP-05', 'IP-06', 'IP-07', 'TX-05']) {
      expect(getRule(id).counting, id).toBe('statutory_months');
    }
  });

  it('gives every parameter a governance: fixed, tighten_only (with its strict direction) or free (issue 8 §3)', () => {
    const bad = allParams()
      .filter(({ param }) => !['fixed', 'tighten_only', 'free'].includes(param.governance?.kind))
      .map(({ ruleId, param }) => `${ruleId}.${param.key}`);
    expect(bad).toEqual([]);
  });

  it('declares the bounds of every free parameter: min and max for numbers, options or a format for text', () => {
    const bad = allParams()
      .filter(({ param: p }) => p.governance.kind === 'free')
      .filter(({ param: p }) =>
        ['integer', 'number', 'money_fen'].includes(p.type)
          ? p.min === undefined || p.max === undefined
          : p.type === 'string'
            ? p.governance.kind === 'free' && !p.governance.options && p.unit !== 'month_day'
            : false,
      )
      .map(({ ruleId, param: p }) => `${ruleId}.${p.key}`);
    expect(bad).toEqual([]);
  });

  it('keeps each default valid and not looser than its tighten-only limit', () => {
    for (const { ruleId, param: p } of allParams()) {
      expect(checkParamValue(p, p.default), `${ruleId}.${p.key}`).toBeNull();
      const g = p.governance;
      if (g.kind === 'tighten_only' && g.limit !== undefined) {
        expect(isLooser(g.stricter, p.default, g.limit), `${ruleId}.${p.key}`).toBe(false);
      }
    }
  });

  it('fixes the quorum and majority numbers (PG-06, PG-07, PG-09, SE-09) and keeps C-01 at 5 or more', () => {
    const gov = (id: string, key: string) => getRule(id).params.find((p) => p.key === key)?.governance;
    for (const [id, keys] of [
      ['PG-06', ['quorumNumerator', 'quorumDenominator']],
      ['PG-07', ['personnelQuorumNumerator', 'personnelQuorumDenominator']],
      ['PG-09', ['passMajorityNumerator', 'passMajorityDenominator']],
      ['SE-09', ['passMajorityNumerator', 'passMajorityDenominator']],
    ] as const) {
      for (const k of keys) expect(gov(id, k), `${id}.${k}`).toEqual({ kind: 'fixed' });
    }
    expect(gov('C-01', 'minGroupSize')).toEqual({ kind: 'tighten_only', stricter: 'higher', limit: 5 });
    expect(gov('PG-07', 'disciplineItemsToo')).toEqual({ kind: 'tighten_only', stricter: 'true' });
    expect(gov('KH-05', 'excellentCapRatio')).toEqual({ kind: 'tighten_only', stricter: 'lower' });
    expect(gov('PG-13', 'recusedCountInExpected')).toEqual({ kind: 'free' });
  });

  it('getRule returns the entry and throws on an unknown id', () => {
    expect(getRule('PG-06').title_zh).toBe('党组会议召开人数');
    expect(getRule('PG-06')).toBe(RULES_BY_ID.get('PG-06'));
    expect(() => getRule('PG-99')).toThrow(/PG-99/);
  });
});
