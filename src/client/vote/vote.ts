/**
 * The public voting page for code holders (no login): enter or scan the code (a slip's QR code
 * opens /vote/<id>#<code>; the part after '#' never reaches the server's logs and is removed from
 * the address bar and the history at once), answer group by group, review, submit, note the receipt.
 */
import { normalizeCode } from '../../common/ballot-answers.js';
import type { BallotForm, PublicSession } from '../../common/contracts/ballots.js';
import { call, errorLines, loginState, paths } from './api.js';
import { h } from './dom.js';
import { startFlow } from './flow.js';
import { anonymityNotice, digestLine, frame, note, sessionTitle, windowText } from './shell.js';
import { t } from './text.js';

/** The code after '#', then removed from the address bar and the history. */
function codeFromHash(): string {
  const raw = location.hash.replace(/^#/, '');
  if (!raw) return '';
  history.replaceState(null, '', location.pathname);
  try {
    return normalizeCode(decodeURIComponent(raw));
  } catch {
    return normalizeCode(raw);
  }
}

export async function votePage(id: string): Promise<void> {
  const code = codeFromHash();
  frame(t('ballots.vote.shell'), h('p', { class: 'muted' }, t('ballots.vote.loading')));
  let s: PublicSession;
  try {
    s = await call<PublicSession>(paths.session(id));
  } catch (e) {
    frame(t('ballots.vote.shell'), note('error', t('ballots.vote.notFound'), ...errorLines(e)));
    return;
  }
  const login = await loginState();
  const box = h('section', { class: 'box' });
  const notice = anonymityNotice(s.minGroupSize, true);
  frame(
    sessionTitle(s),
    h('h1', null, s.title),
    h('p', { class: 'muted' }, windowText(s)),
    login.authenticated ? note('warn', t('ballots.vote.loggedIn')) : null,
    box,
    notice,
    digestLine(s),
  );
  if (s.status === 'closed') {
    box.append(
      note('info', t('ballots.vote.closed')),
      h('a', { class: 'btn', href: `/vote/${encodeURIComponent(id)}/receipts` }, t('ballots.vote.checkReceipt')),
    );
    return;
  }
  if (!s.accepting) {
    box.append(note('info', t('ballots.vote.notAccepting')));
    return;
  }
  codeStep(box, s, code, notice);
}

function codeStep(box: HTMLElement, s: PublicSession, initial: string, notice: HTMLDetailsElement): void {
  const input = h('input', {
    id: 'code',
    type: 'text',
    value: initial,
    placeholder: 'XXXX-XXXX-XXXX',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    class: 'codein',
  });
  const error = h('div');
  const start = h('button', { type: 'submit', class: 'btn primary' }, t('ballots.vote.start'));
  const ready = () => (start.disabled = normalizeCode(input.value).length < 12);
  input.addEventListener('input', ready);
  ready();
  const submit = async (e: Event) => {
    e.preventDefault();
    const code = normalizeCode(input.value);
    start.disabled = true;
    start.textContent = t('ballots.vote.starting');
    error.replaceChildren();
    try {
      const form = await call<BallotForm>(paths.form(s.id), { code });
      notice.open = false;
      startFlow(box, {
        sessionId: s.id,
        form,
        submit: async (answers, r) =>
          (await call<{ receipt: string }>(paths.ballots(s.id), { code, answers, r })).receipt,
      });
    } catch (err) {
      error.replaceChildren(note('error', ...errorLines(err)));
      start.textContent = t('ballots.vote.start');
      ready();
    }
  };
  box.replaceChildren(
    h(
      'form',
      { class: 'stack', onsubmit: (e: Event) => void submit(e) },
      h('label', { for: 'code' }, t('ballots.vote.enterCode')),
      input,
      h('p', { class: 'muted' }, t('ballots.vote.scanHint')),
      error,
      start,
    ),
  );
}
