import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignNumbers, numberKept, type NumberingRow } from './numbering.rules.js';

const row = (id: string, date: string, seq: number, kept = false, active = true): NumberingRow => ({
  id,
  date,
  startTime: '09:00',
  createdAt: `2026-01-01T00:00:0${id.length}Z`,
  seq,
  kept,
  active,
});

describe('meeting numbers (issue 16 §4)', () => {
  it('follows the meeting date, not the order of scheduling', () => {
    const n = assignNumbers([row('c', '2026-03-02', 1), row('a', '2026-01-05', 2), row('b', '2026-02-03', 3)]);
    expect([n.get('a'), n.get('b'), n.get('c')]).toEqual([1, 2, 3]);
  });

  it('never moves a kept number; later drafts take the free numbers in date order', () => {
    const n = assignNumbers([
      row('jan', '2026-01-05', 1, true),
      row('mar', '2026-03-02', 2, true),
      row('feb', '2026-02-03', 3),
      row('apr', '2026-04-01', 4),
    ]);
    expect([n.get('jan'), n.get('mar'), n.get('feb'), n.get('apr')]).toEqual([1, 2, 3, 4]);
    const office = assignNumbers([
      row('x', '2026-03-02', 3, true),
      row('a', '2026-01-05', 1),
      row('b', '2026-05-01', 2),
    ]);
    expect([office.get('a'), office.get('x'), office.get('b')]).toEqual([1, 3, 2]);
  });

  it('gives a cancelled draft the numbers after the meetings still to be held', () => {
    const n = assignNumbers([row('a', '2026-01-05', 1, false, false), row('b', '2026-02-03', 2)]);
    expect([n.get('b'), n.get('a')]).toEqual([1, 2]);
  });

  it('keeps a number once published or held', () => {
    expect(numberKept({ status: 'draft', published_at: null, opened_at: null })).toBe(false);
    expect(numberKept({ status: 'cancelled', published_at: null, opened_at: null })).toBe(false);
    expect(numberKept({ status: 'cancelled', published_at: '2026-01-01T00:00:00Z', opened_at: null })).toBe(true);
    expect(numberKept({ status: 'published', published_at: '2026-01-01T00:00:00Z', opened_at: null })).toBe(true);
    expect(numberKept({ status: 'open', published_at: null, opened_at: '2026-01-01T00:00:00Z' })).toBe(true);
  });

  it('gives distinct numbers, keeps kept ones, and orders the active floating ones by date', () => {
    const arb = fc
      .uniqueArray(
        fc.record({
          day: fc.integer({ min: 1, max: 28 }),
          kept: fc.boolean(),
          active: fc.boolean(),
          seq: fc.integer({ min: 1, max: 40 }),
        }),
        { maxLength: 25, selector: (r) => r.seq },
      )
      .map((rs) =>
        rs.map((r, i) => ({
          ...row(
            `m${String(i).padStart(2, '0')}`,
            `2026-02-${String(r.day).padStart(2, '0')}`,
            r.seq,
            r.kept,
            r.active || r.kept,
          ),
        })),
      );
    fc.assert(
      fc.property(arb, (rows) => {
        const n = assignNumbers(rows);
        const values = rows.map((r) => n.get(r.id)!);
        expect(new Set(values).size).toBe(rows.length);
        for (const r of rows.filter((x) => x.kept)) expect(n.get(r.id)).toBe(r.seq);
        const floating = rows.filter((x) => !x.kept && x.active);
        for (const a of floating) {
          for (const b of floating) if (a.date < b.date) expect(n.get(a.id)!).toBeLessThan(n.get(b.id)!);
        }
      }),
    );
  });
});
