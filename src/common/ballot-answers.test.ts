import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupProblem, sections, validateAnswers } from './ballot-answers.js';
import type { Answers, Questionnaire } from './contracts/ballots.js';

const rating = (id: string, section: string, required = true) => ({
  id,
  type: 'rating' as const,
  text: `题${id}`,
  options: ['优秀', '称职', '基本称职', '不称职'],
  required,
  section,
});

const questionnaire: Questionnaire = {
  intro: '',
  questions: [rating('a1', '甲'), rating('a2', '甲', false), rating('b1', '乙'), rating('c1', '甲')],
};

describe('question groups of the voting page', () => {
  it('groups consecutive questions by section, keeping their numbers', () => {
    expect(sections(questionnaire).map((g) => [g.title, g.items.map((i) => i.n)])).toEqual([
      ['甲', [1, 2]],
      ['乙', [3]],
      ['甲', [4]],
    ]);
  });

  it('checks one group with the words and numbers of the whole check, ignoring later groups', () => {
    const [first, second] = sections(questionnaire);
    if (!first || !second) throw new Error('groups');
    expect(groupProblem(questionnaire, first, {})).toEqual(validateAnswers(questionnaire, {}));
    expect(groupProblem(questionnaire, first, { a1: '称职' })).toBeNull();
    expect(groupProblem(questionnaire, second, { a1: '称职' })?.message).toBe('第 3 题（乙）“题b1”为必答题，尚未作答');
    expect(groupProblem(questionnaire, first, { a1: '良好' })?.questionId).toBe('a1');
  });

  it('answers passing every group pass the whole check, and a whole-check problem shows in its group', () => {
    const option = fc.option(fc.constantFrom('优秀', '称职', '基本称职', '不称职', '良好'), { nil: undefined });
    fc.assert(
      fc.property(fc.array(option, { minLength: 4, maxLength: 4 }), (picked) => {
        const answers: Answers = {};
        questionnaire.questions.forEach((q, i) => {
          const a = picked[i];
          if (a !== undefined) answers[q.id] = a;
        });
        const whole = validateAnswers(questionnaire, answers);
        const byGroup = sections(questionnaire).map((g) => groupProblem(questionnaire, g, answers));
        if (whole === null) expect(byGroup.every((p) => p === null)).toBe(true);
        else expect(byGroup.find((p) => p !== null)).toEqual(whole);
      }),
    );
  });
});
