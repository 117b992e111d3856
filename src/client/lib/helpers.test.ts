import { describe, expect, it } from 'vitest';
import { fieldMessage, fieldPath } from '../components/formErrors.js';
import { formatParamValue, sameValue } from './params.js';
import { monthWeeks } from './month.js';
import { buildTree } from './tree.js';
import { blankToNull, dotMonth } from './format.js';

describe('form error paths', () => {
  it('turns server field names into antd name paths', () => {
    expect(fieldPath('idNumber')).toEqual(['idNumber']);
    expect(fieldPath('resume.2.text')).toEqual(['resume', 2, 'text']);
    expect(fieldPath('educationFulltime.school')).toEqual(['educationFulltime', 'school']);
  });

  it('strips a leading "field：" from messages', () => {
    expect(fieldMessage('idNumber：身份证号校验码错误')).toBe('身份证号校验码错误');
    expect(fieldMessage('入党时间不能早于出生日期')).toBe('入党时间不能早于出生日期');
  });
});

describe('month grid', () => {
  it('starts weeks on Monday and pads outside days', () => {
    const weeks = monthWeeks(2025, 10); // 2025-10-01 is a Wednesday
    expect(weeks[0]).toEqual([null, null, '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05']);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });
});

describe('unit tree', () => {
  it('nests children under parents and sorts by sortOrder', () => {
    const tree = buildTree([
      { id: 'b', parentId: 'a', sortOrder: 2 },
      { id: 'a', parentId: null, sortOrder: 0 },
      { id: 'c', parentId: 'a', sortOrder: 1 },
      { id: 'x', parentId: 'missing', sortOrder: 5 },
    ]);
    expect(tree.map((n) => n.id)).toEqual(['a', 'x']);
    expect(tree[0]?.children?.map((n) => n.id)).toEqual(['c', 'b']);
  });
});

describe('parameter values', () => {
  it('formats by type and unit', () => {
    expect(formatParamValue(5, 'integer', 'working_days')).toBe('5个工作日');
    expect(formatParamValue(5, 'integer', 'working_days', 'en')).toBe('5 working days');
    expect(formatParamValue(0.5, 'ratio', 'ratio')).toBe('50%');
    expect(formatParamValue(300000, 'money_fen', 'fen')).toBe('3,000 元');
    expect(formatParamValue(true, 'boolean', undefined)).toBe('是');
    expect(formatParamValue(['a', 'b'], 'string_list', undefined)).toBe('a、b');
    expect(sameValue({ a: [1] }, { a: [1] })).toBe(true);
  });

  it('writes tables and lists in words, never JSON or [object Object] (issue 16 §4)', () => {
    const table = [
      { rank: '一级巡视员', level: '厅局级正职' },
      { rank: '二级巡视员', level: '厅局级副职' },
    ];
    expect(formatParamValue(table, 'json', undefined)).toBe('一级巡视员，厅局级正职；二级巡视员，厅局级副职');
    expect(formatParamValue({ 漏报: { 较轻: ['批评教育', '诫勉'] } }, 'json', undefined)).toBe(
      '漏报：较轻：批评教育、诫勉',
    );
    expect(formatParamValue([6, 3, 0], 'json', 'months')).toBe('6、3、0个月');
    expect(formatParamValue([], 'json', undefined)).toBe('无（未设置）');
    for (const v of [table, { a: { b: 1 } }, [[1, 2]]]) {
      expect(formatParamValue(v, 'json', undefined)).not.toMatch(/\[object|[{}"]/);
    }
  });
});

describe('format helpers', () => {
  it('writes months as on the appointment form and blanks as null', () => {
    expect(dotMonth('1975-03')).toBe('1975.03');
    expect(dotMonth('1975-03-15')).toBe('1975.03');
    expect(blankToNull({ a: ' ', b: 'x', c: 1 })).toEqual({ a: null, b: 'x', c: 1 });
  });
});
