/**
 * Pure assessment rules: the 优秀 share in a grading batch (KH-05), the follow-up a grade requires
 * (KH-07: 不称职 -> demotion by one level; two consecutive years -> dismissal review), and the
 * KH-08 warning on 基本称职 and below. No I/O, no clock.
 */
import type { Grade, TaskKind } from '../../../common/contracts/assessments.js';

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
  return { excellent, assessed, allowed: Math.floor(capRatio * assessed + 1e-9), exceeded: assessed > 0 && excellent / assessed > capRatio + 1e-9 };
}

/**
 * The follow-up tasks a grade requires. `previousYears` are the person's annual grades of the
 * years just before, nearest first; `dismissalYears` consecutive 不称职 (this year included) call
 * for a dismissal review.
 */
export function requiredTasks(grade: Grade | null, previousYears: (Grade | null)[], dismissalYears: number): TaskKind[] {
  if (grade !== 'incompetent') return [];
  const run = 1 + previousYears.slice(0, Math.max(0, dismissalYears - 1)).filter((g, i, all) => g === 'incompetent' && all.slice(0, i).every((x) => x === 'incompetent')).length;
  return run >= dismissalYears ? ['demotion', 'dismissal_review'] : ['demotion'];
}

/** KH-08: the grades that call for admonition and bar inspection candidacy next year. */
export function isLowGrade(grade: Grade | null, barringLabels: string[], labelOf: (g: Grade) => string): boolean {
  return grade !== null && barringLabels.includes(labelOf(grade));
}
