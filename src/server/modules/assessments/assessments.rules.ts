/**
 * Pure assessment rules: the 优秀 share in a grading batch (KH-05), the follow-up a grade requires
 * (KH-07: 不称职 -> demotion by one level; two consecutive years -> dismissal review), and the
 * KH-08 warning on 基本称职 and below, and the limits sanctions put on a grade (KH-06). No I/O, no clock.
 */
import type { Grade, TaskKind } from '../../../common/contracts/assessments.js';
import type { IsoDate } from '../../../common/dates.js';
import { isActive, type PeriodFacts } from '../eligibility/index.js';

export interface ExcellentShare {
  excellent: number;
  /** Those assessed in the batch: every member in it, graded or still pending, except 不定等次 */
  assessed: number;
  /** The most 优秀 grades the ratio allows */
  allowed: number;
  exceeded: boolean;
}

export function excellentShare(grades: (Grade | null)[], capRatio: number): ExcellentShare {
  const assessed = grades.filter((g) => g !== 'ungraded').length;
  const excellent = grades.filter((g) => g === 'excellent').length;
  return {
    excellent,
    assessed,
    allowed: Math.floor(capRatio * assessed + 1e-9),
    exceeded: assessed > 0 && excellent / assessed > capRatio + 1e-9,
  };
}

/**
 * The follow-up tasks a grade requires. `previousYears` are the person's annual grades of the
 * years just before, nearest first; `dismissalYears` consecutive 不称职 (this year included) call
 * for a dismissal review.
 */
export function requiredTasks(
  grade: Grade | null,
  previousYears: (Grade | null)[],
  dismissalYears: number,
): TaskKind[] {
  if (grade !== 'incompetent') return [];
  const run =
    1 +
    previousYears
      .slice(0, Math.max(0, dismissalYears - 1))
      .filter((g, i, all) => g === 'incompetent' && all.slice(0, i).every((x) => x === 'incompetent')).length;
  return run >= dismissalYears ? ['demotion', 'dismissal_review'] : ['demotion'];
}

/** KH-08: the grades that call for admonition and bar inspection candidacy next year. */
export function isLowGrade(grade: Grade | null, barringLabels: string[], labelOf: (g: Grade) => string): boolean {
  return grade !== null && barringLabels.includes(labelOf(grade));
}

export interface GradeLimit {
  /** 'any_grade': only 不定等次 may be recorded; 'excellent_grade': not 优秀; 'forced_incompetent': 不称职 that year */
  block: 'any_grade' | 'excellent_grade' | 'forced_incompetent';
  periodIds: string[];
}

function overlapsYear(p: PeriodFacts, year: number): boolean {
  return p.startDate <= `${year}-12-31` && (p.endDate === null || p.endDate >= `${year}-01-01`);
}

/**
 * KH-06: what the person's influence periods allow for the annual grade of `year`, graded on
 * `today`. A period that bars 优秀 counts when it touches the assessed year (受党内警告“当年”不得评为
 * 优秀); one that bars any grade counts when it touches the year or is still in force on the day
 * of grading (立案审查未结的不定等次). Both hold when both apply ("按照影响较重的确定").
 */
export function gradeLimits(periods: readonly PeriodFacts[], year: number, today: IsoDate): GradeLimit[] {
  const noGrade = periods.filter(
    (p) => p.blocks.includes('any_grade') && (overlapsYear(p, year) || isActive(p, today)),
  );
  const noExcellent = periods.filter((p) => p.blocks.includes('excellent_grade') && overlapsYear(p, year));
  const incompetent = periods.filter((p) => p.blocks.includes('forced_incompetent') && overlapsYear(p, year));
  const out: GradeLimit[] = [];
  // 按照影响较重的确定: a year that must be 不称职 outweighs one left ungraded or not excellent.
  if (incompetent.length) out.push({ block: 'forced_incompetent', periodIds: incompetent.map((p) => p.id) });
  if (noGrade.length) out.push({ block: 'any_grade', periodIds: noGrade.map((p) => p.id) });
  if (noExcellent.length) out.push({ block: 'excellent_grade', periodIds: noExcellent.map((p) => p.id) });
  return out;
}

/** The limit a grade would break, if any (none for 不定等次 or clearing the grade). */
export function limitBroken(grade: Grade | null, limits: readonly GradeLimit[]): GradeLimit | undefined {
  if (grade === null) return undefined;
  const forced = limits.find((l) => l.block === 'forced_incompetent');
  if (forced) return grade === 'incompetent' ? undefined : forced;
  if (grade === 'ungraded') return undefined;
  return (
    limits.find((l) => l.block === 'any_grade') ??
    (grade === 'excellent' ? limits.find((l) => l.block === 'excellent_grade') : undefined)
  );
}
