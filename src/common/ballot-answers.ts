/**
 * Ballot codes, receipts and the one check of a ballot's answers against its questionnaire: pure
 * and free of zod, so the light public voting page (src/client/vote) carries it without the
 * contracts. Re-exported by common/contracts/ballots.ts for the server and the console.
 */
import type { Answers, Question, Questionnaire } from './contracts/ballots.js';

/** Code and receipt alphabet: base32 without 0/O/1/I, so slips read aloud and typed by hand do not mislead. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CODE_LENGTH = 12;
export const RECEIPT_LENGTH = 16;

/** Upper-case, drop spaces and dashes: 'abcd-efgh jkmn' -> 'ABCDEFGHJKMN'. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/** 'ABCDEFGHJKMN' -> 'ABCD-EFGH-JKMN' (groups of four, for slips and receipts). */
export function groupCode(code: string): string {
  return (code.match(/.{1,4}/g) ?? []).join('-');
}

/** A problem with one answer: the question is named. */
export interface AnswerProblem {
  questionId: string;
  message: string;
}

function questionTitle(q: Question, index: number): string {
  return `第 ${index + 1} 题${q.section ? `（${q.section}）` : ''}“${q.text}”`;
}

export function normalizeWriteIn(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/** Check answers against the questionnaire; the first problem names its question. Pure. */
export function validateAnswers(questionnaire: Questionnaire, answers: Answers): AnswerProblem | null {
  const known = new Map(questionnaire.questions.map((q, i) => [q.id, { q, i }]));
  for (const id of Object.keys(answers)) {
    if (!known.has(id)) return { questionId: id, message: `问卷中没有编号为 ${id} 的题目` };
  }
  for (const [i, q] of questionnaire.questions.entries()) {
    const a = answers[q.id];
    const title = questionTitle(q, i);
    if (a === undefined) {
      if (q.required) return { questionId: q.id, message: `${title}为必答题，尚未作答` };
      continue;
    }
    if (q.type === 'rating') {
      if (typeof a !== 'string' || !q.options.includes(a)) {
        return { questionId: q.id, message: `${title}的答案不在可选范围内（${q.options.join('、')}）` };
      }
      continue;
    }
    if (typeof a === 'string') return { questionId: q.id, message: `${title}应选择推荐人选` };
    const ids = new Set(q.candidates.map((c) => c.id));
    if (a.candidates.some((c) => !ids.has(c))) return { questionId: q.id, message: `${title}选择了参考名单以外的人选` };
    if (new Set(a.candidates).size !== a.candidates.length) {
      return { questionId: q.id, message: `${title}重复选择了同一人选` };
    }
    const writeIns = a.writeIns.map(normalizeWriteIn).filter((w) => w.length > 0);
    if (writeIns.length && !q.allowWriteIn) {
      return { questionId: q.id, message: `${title}不允许另行推荐参考名单以外的人选` };
    }
    if (writeIns.length !== a.writeIns.length) return { questionId: q.id, message: `${title}另行推荐的姓名不能为空` };
    const names = new Set(q.candidates.map((c) => c.name));
    if (writeIns.some((w) => names.has(w))) {
      return { questionId: q.id, message: `${title}另行推荐的人选已在参考名单中，请直接勾选` };
    }
    if (new Set(writeIns).size !== writeIns.length) return { questionId: q.id, message: `${title}重复填写了同一人选` };
    const chosen = a.candidates.length + writeIns.length;
    if (chosen > q.seats) {
      return { questionId: q.id, message: `${title}最多推荐 ${q.seats} 人，实际选择了 ${chosen} 人` };
    }
    if (chosen === 0 && q.required) return { questionId: q.id, message: `${title}为必答题，请至少推荐 1 人` };
  }
  return null;
}

/** A run of consecutive questions under one heading ('' when none), keeping their numbers (1-based). */
export interface QuestionGroup {
  title: string;
  items: { q: Question; n: number }[];
}

/** Questions grouped by section, keeping their order and numbers. */
export function sections(q: Questionnaire): QuestionGroup[] {
  const out: QuestionGroup[] = [];
  q.questions.forEach((x, i) => {
    const title = x.section ?? '';
    const last = out[out.length - 1];
    if (last && last.title === title) last.items.push({ q: x, n: i + 1 });
    else out.push({ title, items: [{ q: x, n: i + 1 }] });
  });
  return out;
}

/**
 * The first problem among one group's questions, with the same words (and the same question
 * numbers) as the check of the whole ballot: questions outside the group count as optional and
 * their answers are left to their own group.
 */
export function groupProblem(
  questionnaire: Questionnaire,
  group: QuestionGroup,
  answers: Answers,
): AnswerProblem | null {
  const inGroup = new Set(group.items.map((i) => i.q.id));
  const questions = questionnaire.questions.map((q) => (inGroup.has(q.id) ? q : { ...q, required: false }));
  const mine = Object.fromEntries(Object.entries(answers).filter(([id]) => inGroup.has(id)));
  return validateAnswers({ ...questionnaire, questions }, mine);
}

/** The chosen answer of a question as text, for the review step. */
export function answerText(q: Question, a: Answers[string] | undefined, none: string): string {
  if (a === undefined) return none;
  if (typeof a === 'string') return a;
  if (q.type !== 'recommend') return none;
  const names = [...a.candidates.map((id) => q.candidates.find((c) => c.id === id)?.name ?? id), ...a.writeIns];
  return names.length ? names.join('、') : none;
}
