/**
 * Reading one row's cells with checks: every problem becomes an error naming the sheet, the row,
 * the column and the reason.
 */
import { isIsoDate } from '../../../../common/dates.js';
import { header, SHEETS, type SheetKey } from './columns.js';
import type { ImportError, SheetRow } from './read.js';

const DATE_RE = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/;
const MONTH_RE = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?$/;
const pad = (s: string) => s.padStart(2, '0');

/** 'YYYY-MM-DD' from the accepted ways of writing a date, or null. */
export function parseDate(v: string): string | null {
  const m = DATE_RE.exec(v);
  if (!m) return null;
  const d = `${m[1]}-${pad(m[2] ?? '')}-${pad(m[3] ?? '')}`;
  return isIsoDate(d) ? d : null;
}

/** 'YYYY-MM' from a month or a full date. */
export function parseMonth(v: string): string | null {
  const m = MONTH_RE.exec(v);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? `${m[1]}-${pad(m[2] ?? '')}` : null;
  }
  return parseDate(v)?.slice(0, 7) ?? null;
}

export class RowReader {
  readonly row: number;
  private failed = false;
  constructor(
    readonly sheet: SheetKey,
    private readonly r: SheetRow,
    private readonly errors: ImportError[],
  ) {
    this.row = r.row;
  }

  get ok(): boolean {
    return !this.failed;
  }

  error(key: string, reason: string): null {
    this.failed = true;
    this.errors.push({ sheet: SHEETS[this.sheet], row: this.r.row, column: header(this.sheet, key), reason });
    return null;
  }

  raw(key: string): string | null {
    return this.r.cells[key] ?? null;
  }

  text(key: string, max: number, required = false): string | null {
    const v = this.raw(key);
    if (v === null) return required ? this.error(key, '必填') : null;
    if (v.length > max) return this.error(key, `不能超过 ${max} 个字`);
    return v;
  }

  /** A value from a list of labels, parsed by `parse`. */
  choice<T>(key: string, parse: (v: string) => T | null, required = false): T | null {
    const v = this.raw(key);
    if (v === null) return required ? this.error(key, '必填') : null;
    const out = parse(v);
    return out === null ? this.error(key, `“${v}”不是可选的值，请从下拉列表选择`) : out;
  }

  date(key: string, required = false): string | null {
    const v = this.raw(key);
    if (v === null) return required ? this.error(key, '必填') : null;
    return parseDate(v) ?? this.error(key, `“${v}”不是有效日期，请写作 2021-03-15`);
  }

  month(key: string): string | null {
    const v = this.raw(key);
    if (v === null) return null;
    return parseMonth(v) ?? this.error(key, `“${v}”不是有效年月，请写作 1975-03`);
  }

  int(key: string): number | null {
    const v = this.raw(key);
    if (v === null) return null;
    if (!/^\d{1,6}$/.test(v)) return this.error(key, '请填写 0 到 999999 之间的整数');
    return Number(v);
  }
}

/** Field-by-field difference of two flat records (only the keys of `next`). */
export function diff<T extends object>(prev: T, next: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const before: Partial<T> = {};
  const after: Partial<T> = {};
  for (const k of Object.keys(next) as (keyof T)[]) {
    if (next[k] !== undefined && next[k] !== prev[k]) {
      before[k] = prev[k];
      after[k] = next[k];
    }
  }
  return { before, after };
}
