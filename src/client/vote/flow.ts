/**
 * Answer group by group (with progress), review, submit, receipt. The check of each group and of
 * the whole ballot is the shared one (common/ballot-answers.ts), so the words match the server's;
 * a refusal from the server naming an answer brings the voter back to that question's group.
 */
import { answerText, groupCode, groupProblem, sections, type AnswerProblem } from '../../common/ballot-answers.js';
import type { Answers, BallotForm } from '../../common/contracts/ballots.js';
import { errorLines, VoteError } from './api.js';
import { h, show } from './dom.js';
import { groupView } from './questions.js';
import { note } from './shell.js';
import { t } from './text.js';

export interface FlowOptions {
  sessionId: string;
  form: BallotForm;
  /** Send the ballot; the receipt */
  submit: (answers: Answers) => Promise<string>;
  /** Called when the ballot is in (the page folds its notices) */
  done?: () => void;
}

/** Mount the flow in `box`. */
export function startFlow(box: HTMLElement, { sessionId, form, submit, done }: FlowOptions): void {
  const q = form.questionnaire;
  const groups = sections(q);
  const answers: Answers = {};
  let at = 0;
  let problem: AnswerProblem | null = null;

  const top = () => window.scrollTo({ top: 0 });
  const groupOf = (questionId: string) =>
    Math.max(
      0,
      groups.findIndex((g) => g.items.some((i) => i.q.id === questionId)),
    );
  const count = () => q.questions.filter((x) => answers[x.id] !== undefined).length;

  function answer() {
    const g = groups[at];
    if (!g) return;
    const answered = h('span', null, t('ballots.vote.answered', { a: count(), n: q.questions.length }));
    const set = (id: string, a: Answers[string] | undefined) => {
      if (a === undefined) delete answers[id];
      else answers[id] = a;
      answered.textContent = t('ballots.vote.answered', { a: count(), n: q.questions.length });
      if (problem?.questionId === id) {
        problem = null;
        const wrong = document.getElementById(`q-${id}`);
        wrong?.classList.remove('wrong');
        wrong?.querySelector('.problem')?.remove();
      }
    };
    const go = (to: number) => {
      problem = null;
      at = to;
      answer();
      top();
    };
    const forward = () => {
      problem = groupProblem(q, g, answers);
      if (problem) {
        answer();
        document.getElementById(`q-${problem.questionId}`)?.scrollIntoView({ block: 'center' });
        return;
      }
      if (at + 1 < groups.length) go(at + 1);
      else review();
    };
    const last = at + 1 === groups.length;
    show(
      box,
      h('p', { class: 'muted' }, t('ballots.vote.youVoteAs', { category: form.categoryLabel })),
      at === 0 && q.intro ? note('info', q.intro) : null,
      h(
        'div',
        { class: 'progress' },
        h(
          'div',
          { class: 'steps' },
          h('strong', null, t('ballots.vote.progress', { k: at + 1, n: groups.length })),
          answered,
        ),
        h('progress', {
          max: groups.length,
          value: at + 1,
          'aria-label': t('ballots.vote.progress', { k: at + 1, n: groups.length }),
        }),
      ),
      h('h2', { class: 'group' }, g.title || t('ballots.vote.group', { k: at + 1 })),
      groupView(g, answers, problem, set),
      h(
        'div',
        { class: 'actions' },
        at > 0
          ? h('button', { type: 'button', class: 'btn', onclick: () => go(at - 1) }, t('ballots.vote.prev'))
          : null,
        h(
          'button',
          { type: 'button', class: 'btn primary', onclick: forward },
          last ? t('ballots.vote.toReview') : t('ballots.vote.next'),
        ),
      ),
    );
  }

  function review(error: string[] = [], busy = false) {
    const send = async () => {
      review([], true);
      try {
        const receipt = await submit(answers);
        finished(receipt);
      } catch (e) {
        const field = e instanceof VoteError ? e.field : undefined;
        if (field?.startsWith('answers.')) {
          const questionId = field.slice('answers.'.length);
          problem = { questionId, message: errorLines(e).join(' ') };
          at = groupOf(questionId);
          answer();
        } else review(errorLines(e));
      }
    };
    show(
      box,
      h('h2', { class: 'group' }, t('ballots.vote.reviewTitle')),
      note('info', t('ballots.vote.reviewHint', { title: form.session.title })),
      h(
        'dl',
        { class: 'review' },
        groups.map((g, gi) => [
          h(
            'dt',
            { class: 'rgroup' },
            h('span', null, g.title || t('ballots.vote.group', { k: gi + 1 })),
            h(
              'button',
              { type: 'button', class: 'btn small', disabled: busy, onclick: () => ((at = gi), answer(), top()) },
              t('ballots.vote.edit'),
            ),
          ),
          g.items.map(({ q: x, n }) => [
            h('dt', null, `${n}. ${x.text}`),
            h('dd', null, answerText(x, answers[x.id], t('ballots.vote.unanswered'))),
          ]),
        ]),
      ),
      error.length ? note('error', ...error) : null,
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          { type: 'button', class: 'btn', disabled: busy, onclick: () => ((at = groups.length - 1), answer(), top()) },
          t('ballots.vote.back'),
        ),
        h(
          'button',
          { type: 'button', class: 'btn primary', disabled: busy, onclick: () => void send() },
          busy ? t('ballots.vote.submitting') : t('ballots.vote.submit'),
        ),
      ),
    );
    if (!busy) top();
  }

  function finished(receipt: string) {
    const copy = h('button', { type: 'button', class: 'btn' }, t('ballots.vote.copy'));
    copy.addEventListener('click', () => {
      void navigator.clipboard?.writeText(receipt).then(() => (copy.textContent = t('ballots.vote.copied')));
    });
    show(
      box,
      note('ok', t('ballots.vote.done')),
      h(
        'div',
        { class: 'receipt' },
        h('p', { class: 'muted' }, t('ballots.vote.receipt')),
        h('p', { class: 'code', 'data-testid': 'receipt' }, groupCode(receipt)),
        copy,
      ),
      h('p', null, t('ballots.vote.receiptHint')),
      h('a', { class: 'btn', href: `/vote/${encodeURIComponent(sessionId)}/receipts` }, t('ballots.vote.checkLater')),
    );
    top();
    done?.();
  }

  answer();
}
