/**
 * Answer group by group (with progress), review, submit, receipt. The check of each group and of
 * the whole ballot is the shared one (common/ballot-answers.ts), so the words match the server's;
 * a refusal from the server naming an answer brings the voter back to that question's group.
 * The receipt is known before submitting (issue 8 §6): the page draws a secret r (32 random bytes,
 * in memory only), shows receipt = SM3(session ‖ r) on the review step, and sends r with the ballot.
 */
import { answerText, groupCode, groupProblem, sections, type AnswerProblem } from '../../common/ballot-answers.js';
import { newReceiptSecret, receiptFromSecret } from '../../common/ballot-receipt.js';
import type { Answers, BallotForm } from '../../common/contracts/ballots.js';
import { errorLines, VoteError } from './api.js';
import { h, show } from './dom.js';
import { groupView } from './questions.js';
import { note } from './shell.js';
import { t } from './text.js';

export interface FlowOptions {
  sessionId: string;
  form: BallotForm;
  /** Send the ballot with the receipt secret r; the server's receipt */
  submit: (answers: Answers, r: string) => Promise<string>;
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
  let r = newReceiptSecret();
  let receipt = receiptFromSecret(sessionId, r);

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
        finished(await submit(answers, r));
      } catch (e) {
        const field = e instanceof VoteError ? e.field : undefined;
        if (field === 'r') {
          // this r's receipt is already taken in the session (the code was not spent): a new one
          r = newReceiptSecret();
          receipt = receiptFromSecret(sessionId, r);
          review([...errorLines(e), t('ballots.vote.receiptNew')]);
        } else if (field?.startsWith('answers.')) {
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
      receiptBox(t('ballots.vote.receiptBefore'), receipt, 'receipt-before'),
      h('p', null, t('ballots.vote.receiptBeforeHint')),
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

  function finished(fromServer: string) {
    show(
      box,
      note('ok', t('ballots.vote.done')),
      receiptBox(t('ballots.vote.receipt'), receipt, 'receipt'),
      fromServer === receipt
        ? null
        : note('error', t('ballots.vote.receiptMismatch', { server: groupCode(fromServer) })),
      h('p', null, t('ballots.vote.receiptHint')),
      h('a', { class: 'btn', href: `/vote/${encodeURIComponent(sessionId)}/receipts` }, t('ballots.vote.checkLater')),
    );
    top();
    done?.();
  }

  answer();
}

/** The receipt in large type, grouped in fours, with a copy button. */
function receiptBox(label: string, receipt: string, testId: string): HTMLElement {
  const copy = h('button', { type: 'button', class: 'btn' }, t('ballots.vote.copy'));
  copy.addEventListener('click', () => {
    void navigator.clipboard?.writeText(receipt).then(() => (copy.textContent = t('ballots.vote.copied')));
  });
  return h(
    'div',
    { class: 'receipt' },
    h('p', { class: 'muted' }, label),
    h('p', { class: 'code', 'data-testid': testId }, groupCode(receipt)),
    copy,
  );
}
