import { describe, expect, it } from 'vitest';
import { activeBlocks, isActive, isBlocked, type PeriodFacts } from './eligibility.rules.js';

const p = (id: string, startDate: string, endDate: string | null, blocks: string[]): PeriodFacts => ({
  id,
  startDate,
  endDate,
  blocks,
});

describe('influence periods', () => {
  it('counts the start and the end day, and an open period until it is closed', () => {
    const closed = p('a', '2026-03-10', '2026-09-09', ['promotion']);
    expect(isActive(closed, '2026-03-09')).toBe(false);
    expect(isActive(closed, '2026-03-10')).toBe(true);
    expect(isActive(closed, '2026-09-09')).toBe(true);
    expect(isActive(closed, '2026-09-10')).toBe(false);
    expect(isActive(p('b', '2026-01-01', null, []), '2099-01-01')).toBe(true);
  });

  it('takes the union of the active blocks, in vocabulary order, with their sources', () => {
    const rows = [
      p('warn', '2026-03-10', '2026-09-09', ['excellent_grade', 'promotion']),
      p('case', '2026-05-01', null, ['promotion', 'reserve_listing']),
      p('old', '2024-01-01', '2024-12-31', ['pay_step']),
    ];
    const act = activeBlocks(rows, '2026-06-08');
    expect(act.map((a) => a.block)).toEqual(['promotion', 'reserve_listing', 'excellent_grade']);
    expect(act[0]).toMatchObject({ until: null, periodIds: ['warn', 'case'] });
    expect(act[2]).toMatchObject({ until: '2026-09-09', periodIds: ['warn'] });
    expect(act[0]?.label).toContain('提拔');
  });

  it('ends a block when its last source ends', () => {
    const rows = [p('a', '2026-01-01', '2026-06-30', ['promotion']), p('b', '2026-02-01', '2026-08-31', ['promotion'])];
    expect(activeBlocks(rows, '2026-07-15')[0]?.until).toBe('2026-08-31');
    expect(isBlocked(rows, '2026-08-31', 'promotion')).toBe(true);
    expect(isBlocked(rows, '2026-09-01', 'promotion')).toBe(false);
    expect(activeBlocks(rows, '2026-09-01')).toEqual([]);
  });

  it('ignores unknown block codes', () => {
    expect(activeBlocks([p('x', '2026-01-01', null, ['nonsense'])], '2026-06-01')).toEqual([]);
  });
});
