/**
 * The published receipts of a closed session (public). The voter types a receipt and the page
 * looks for it in the list it already holds: the server never learns which receipt was checked.
 */
import { groupCode, normalizeCode, RECEIPT_LENGTH } from '../../common/ballot-answers.js';
import type { PublicSession } from '../../common/contracts/ballots.js';
import { call, errorLines, paths } from './api.js';
import { h } from './dom.js';
import { anonymityNotice, frame, note } from './shell.js';
import { t } from './text.js';

export async function receiptsPage(id: string): Promise<void> {
  const title = t('ballots.receipts.title');
  frame(title, h('p', { class: 'muted' }, t('ballots.vote.loading')));
  let s: PublicSession;
  let list: string[];
  try {
    [s, list] = await Promise.all([
      call<PublicSession>(paths.session(id)),
      call<{ receipts: string[] }>(paths.receipts(id)).then((r) => r.receipts),
    ]);
  } catch (e) {
    frame(title, note('error', t('ballots.vote.notFound'), ...errorLines(e)));
    return;
  }
  const back = h('a', { class: 'btn', href: `/vote/${encodeURIComponent(id)}` }, t('ballots.vote.toVote'));
  if (s.status !== 'closed') {
    frame(
      title,
      h('h1', null, s.title),
      note('info', t('ballots.receipts.notYet')),
      back,
      anonymityNotice(s.minGroupSize, false),
    );
    return;
  }
  const input = h('input', {
    id: 'receipt',
    type: 'text',
    placeholder: 'XXXX-XXXX-XXXX-XXXX',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    class: 'codein',
  });
  const result = h('div');
  const items = list.map((r) => h('li', { 'data-receipt': r }, groupCode(r)));
  const check = () => {
    const wanted = normalizeCode(input.value);
    const found = wanted.length >= RECEIPT_LENGTH ? list.includes(wanted) : null;
    for (const li of items) li.classList.toggle('hit', li.dataset.receipt === wanted);
    result.replaceChildren(
      found === true
        ? note('ok', t('ballots.receipts.found'))
        : found === false
          ? note('error', t('ballots.receipts.missing'))
          : '',
    );
    if (found) result.firstElementChild?.setAttribute('data-testid', 'receipt-found');
  };
  input.addEventListener('input', check);
  frame(
    title,
    h('h1', null, s.title),
    h('p', null, `${t('ballots.receipts.count')}：`, h('strong', null, list.length)),
    h('label', { for: 'receipt' }, t('ballots.receipts.check')),
    input,
    result,
    h('p', { class: 'muted' }, t('ballots.receipts.local')),
    h('ol', { class: 'receipts' }, items),
    anonymityNotice(s.minGroupSize, false),
  );
}
