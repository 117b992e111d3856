/** The frame of the voting pages: a red title bar and a narrow column; the anonymity notice. */
import type { PublicSession } from '../../common/contracts/ballots.js';
import { formatInstant } from '../../common/time.js';
import { h, show, type Child } from './dom.js';
import { t, type VoteKey } from './text.js';

/** Fill the page: the title bar, then the column's content. */
export function frame(title: string, ...content: Child[]): void {
  const root = document.getElementById('app') ?? document.body;
  document.title = title;
  show(root, h('header', { class: 'bar' }, title), h('main', { class: 'col' }, ...content));
}

export function sessionTitle(s: PublicSession): string {
  return `${s.unitName} · ${t(`ballots.vote.kind.${s.kind}` as VoteKey)}`;
}

export function windowText(s: PublicSession): string {
  return t('ballots.vote.window', { from: formatInstant(s.opensAt), to: formatInstant(s.closesAt) });
}

/** A notice box: info, warning, error or success. */
export function note(kind: 'info' | 'warn' | 'error' | 'ok', ...lines: string[]): HTMLElement {
  return h(
    'div',
    { class: `note ${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    lines.map((l) => h('p', null, l)),
  );
}

const CAN = ['can1', 'can2', 'can3', 'can4', 'can5'] as const;
const CANNOT = ['cannot1', 'cannot2', 'cannot3', 'cannot4'] as const;

/** What Banzi can and cannot hide about a ballot, said plainly (folded unless asked open). */
export function anonymityNotice(minGroupSize: number, open: boolean): HTMLDetailsElement {
  return h(
    'details',
    { class: 'anon', open },
    h('summary', null, t('ballots.anon.title')),
    h('p', null, h('strong', null, t('ballots.anon.canTitle'))),
    h(
      'ul',
      null,
      CAN.map((k) => h('li', null, t(`ballots.anon.${k}`, { n: minGroupSize }))),
    ),
    h('p', null, h('strong', null, t('ballots.anon.cannotTitle'))),
    h(
      'ul',
      null,
      CANNOT.map((k) => h('li', null, t(`ballots.anon.${k}`))),
    ),
    note('warn', t('ballots.anon.receiptWarning')),
  );
}

export function digestLine(s: PublicSession): HTMLElement | null {
  return s.settingsDigest ? h('p', { class: 'digest' }, `${t('ballots.digest')}：${s.settingsDigest}`) : null;
}
