/**
 * Pure checks of a session's settings before it is saved or opened: unique ids and labels,
 * times in order, login voters in one category only, and (at opening) a reference list with more
 * names than seats (SE-03, a warning) and no placeholder names.
 */
import type { Category, Questionnaire, SessionBody } from '../../../common/contracts/ballots.js';
import { AppError, invalidField } from '../../../common/errors.js';

function dupe(values: string[]): string | undefined {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) return v;
    seen.add(v);
  }
  return undefined;
}

/** Throws a 400 naming the field when the settings do not hold together. */
export function assertSettings(body: Pick<SessionBody, 'questionnaire' | 'categories' | 'opensAt' | 'closesAt'>): void {
  if (new Date(body.closesAt).getTime() <= new Date(body.opensAt).getTime()) {
    throw invalidField('closesAt', '结束时间应晚于开始时间');
  }
  assertQuestionnaire(body.questionnaire);
  assertCategories(body.categories);
}

export function assertQuestionnaire(q: Questionnaire): void {
  const d = dupe(q.questions.map((x) => x.id));
  if (d) throw invalidField('questionnaire.questions', `题目编号 ${d} 重复`);
  for (const [i, x] of q.questions.entries()) {
    const where = `questionnaire.questions.${i}`;
    if (x.type === 'rating') {
      const o = dupe(x.options);
      if (o) throw invalidField(`${where}.options`, `第 ${i + 1} 题的选项“${o}”重复`);
      continue;
    }
    const id = dupe(x.candidates.map((c) => c.id));
    if (id) throw invalidField(`${where}.candidates`, `第 ${i + 1} 题的人选编号 ${id} 重复`);
    const name = dupe(x.candidates.map((c) => c.name));
    if (name) throw invalidField(`${where}.candidates`, `第 ${i + 1} 题的参考人选“${name}”重复`);
  }
}

export function assertCategories(categories: Category[]): void {
  const k = dupe(categories.map((c) => c.key));
  if (k) throw invalidField('categories', `投票人类别代码 ${k} 重复`);
  const l = dupe(categories.map((c) => c.label));
  if (l) throw invalidField('categories', `投票人类别“${l}”重复`);
  const p = dupe(categories.flatMap((c) => c.loginPersonIds));
  if (p) throw invalidField('categories', '同一人只能属于一个投票人类别');
}

/** At opening: no placeholder names left in a reference list. */
export function assertReadyToOpen(q: Questionnaire): void {
  for (const [i, x] of q.questions.entries()) {
    if (x.type === 'recommend' && x.candidates.some((c) => c.name.startsWith('（请填写'))) {
      throw new AppError('VALIDATION_FAILED', `第 ${i + 1} 题的参考人选尚未填写`, {
        field: `questionnaire.questions.${i}.candidates`,
      });
    }
  }
}

/** SE-03: recommendation questions whose reference list is not longer than the seats (差额). */
export function referenceListsTooShort(q: Questionnaire): { questionId: string; candidates: number; seats: number }[] {
  return q.questions.flatMap((x) =>
    x.type === 'recommend' && x.candidates.length <= x.seats
      ? [{ questionId: x.id, candidates: x.candidates.length, seats: x.seats }]
      : [],
  );
}
