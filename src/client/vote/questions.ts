/**
 * One group of questions as plain form controls: a rating is a set of radio boxes that wrap as
 * whole boxes (never a word onto the next question), a recommendation a list of names to tick
 * with write-ins where allowed. Every control is a tap target of at least 48 px.
 */
import { normalizeWriteIn, type QuestionGroup } from '../../common/ballot-answers.js';
import type { Answers, Question, RecommendAnswer } from '../../common/contracts/ballots.js';
import { h } from './dom.js';
import { t } from './text.js';

type Answer = Answers[string];
export type SetAnswer = (questionId: string, a: Answer | undefined) => void;

function legend(q: Question, n: number): HTMLElement {
  return h(
    'legend',
    { class: 'qtitle' },
    `${n}. ${q.text}`,
    q.required ? null : h('span', { class: 'tag' }, t('ballots.vote.optional')),
  );
}

function rating(q: Extract<Question, { type: 'rating' }>, value: Answer | undefined, set: SetAnswer): HTMLElement {
  return h(
    'div',
    { class: 'opts' },
    q.options.map((o) =>
      h(
        'label',
        { class: 'opt' },
        h('input', {
          type: 'radio',
          name: `q-${q.id}`,
          value: o,
          checked: value === o,
          onchange: () => set(q.id, o),
        }),
        h('span', null, o),
      ),
    ),
  );
}

function recommend(
  q: Extract<Question, { type: 'recommend' }>,
  value: Answer | undefined,
  set: SetAnswer,
): HTMLElement {
  let v: RecommendAnswer = typeof value === 'object' ? value : { candidates: [], writeIns: [] };
  const seats = h('p', { class: 'seats' });
  const chips = h('div', { class: 'chips' });
  const update = (next: RecommendAnswer) => {
    v = next;
    const chosen = v.candidates.length + v.writeIns.length;
    seats.textContent = t('ballots.vote.seats', { post: q.post, seats: q.seats, chosen });
    seats.classList.toggle('over', chosen > q.seats);
    chips.replaceChildren(
      ...v.writeIns.map((w) =>
        h(
          'button',
          {
            type: 'button',
            class: 'chip',
            'aria-label': t('ballots.vote.removeWriteIn', { name: w }),
            onclick: () => change({ ...v, writeIns: v.writeIns.filter((x) => x !== w) }),
          },
          `${w} ×`,
        ),
      ),
    );
  };
  const change = (next: RecommendAnswer) => {
    update(next);
    set(q.id, next.candidates.length + next.writeIns.length ? next : undefined);
  };
  const box = h(
    'div',
    { class: 'opts names' },
    q.candidates.map((c) =>
      h(
        'label',
        { class: 'opt' },
        h('input', {
          type: 'checkbox',
          value: c.id,
          checked: v.candidates.includes(c.id),
          onchange: (e: Event) => {
            const on = (e.target as HTMLInputElement).checked;
            const rest = v.candidates.filter((x) => x !== c.id);
            change({ ...v, candidates: on ? [...rest, c.id] : rest });
          },
        }),
        h('span', null, c.name, c.note ? h('small', null, `（${c.note}）`) : null),
      ),
    ),
  );
  update(v);
  if (!q.allowWriteIn) return h('div', null, seats, box);
  const input = h('input', {
    type: 'text',
    maxlength: 40,
    'aria-label': t('ballots.vote.writeIn'),
    placeholder: t('ballots.vote.writeIn'),
  });
  const add = () => {
    const name = normalizeWriteIn(input.value);
    input.value = '';
    if (name && !v.writeIns.includes(name)) change({ ...v, writeIns: [...v.writeIns, name] });
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  });
  const addButton = h('button', { type: 'button', class: 'btn', onclick: add }, t('ballots.vote.addWriteIn'));
  return h('div', null, seats, box, h('div', { class: 'writein' }, input, addButton), chips);
}

/** The group's questions; the one the check found wrong is marked with the check's words. */
export function groupView(
  g: QuestionGroup,
  answers: Answers,
  problem: { questionId: string; message: string } | null,
  set: SetAnswer,
): HTMLElement[] {
  return g.items.map(({ q, n }) => {
    const wrong = problem?.questionId === q.id;
    return h(
      'fieldset',
      { class: wrong ? 'q wrong' : 'q', id: `q-${q.id}`, 'data-question': q.id },
      legend(q, n),
      q.type === 'rating' ? rating(q, answers[q.id], set) : recommend(q, answers[q.id], set),
      wrong ? h('p', { class: 'problem', role: 'alert' }, problem.message) : null,
    );
  });
}
