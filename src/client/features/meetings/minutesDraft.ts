/**
 * What the recorder's form shows per item from the meeting's record: the vote line, and the named
 * dissent drafted from the recorded open votes (who voted against, abstained or asked to defer).
 * A secret ballot names nobody: its votes are never sent to the page (null), so nothing is drafted.
 */
import {
  CHOICE_LABELS,
  RESULT_LABELS,
  VOTE_METHOD_LABELS,
  type Choice,
  type MeetingItem,
} from '../../../common/contracts/meetings.js';

type ItemVotes = Pick<
  MeetingItem,
  'votes' | 'tallies' | 'candidates' | 'kind' | 'voteMethod' | 'result' | 'recordedOutcome' | 'state' | 'deferReason'
>;

const DISSENT: readonly Choice[] = ['disagree', 'abstain', 'defer'];

/** 记名表决：同意 4 票、不同意 1 票、弃权 0 票；通过 */
export function voteLine(it: ItemVotes): string {
  if (it.state === 'deferred' && !it.tallies) return `暂缓表决${it.deferReason ? `（${it.deferReason}）` : ''}`;
  if (!it.tallies) return '尚未表决';
  const third: Choice = it.kind === 'personnel' ? 'defer' : 'abstain';
  const counts = it.tallies
    .map(
      (t) =>
        `${it.candidates.length ? `${t.label}：` : ''}${CHOICE_LABELS.agree} ${t.agree} 票、${CHOICE_LABELS.disagree} ${t.disagree} 票、${CHOICE_LABELS[third]} ${t[third]} 票`,
    )
    .join('；');
  const result = it.recordedOutcome ?? it.result;
  return `${VOTE_METHOD_LABELS[it.voteMethod]}：${counts}${result ? `；${RESULT_LABELS[result]}` : ''}`;
}

/** 李四：不同意；王五对张三：缓议。 — empty when nobody dissented, or for a secret ballot. */
export function dissentDraft(it: ItemVotes): string {
  if (it.voteMethod === 'secret' || !it.votes) return '';
  const parts: string[] = [];
  for (const v of it.votes) {
    for (const [candidateId, choice] of Object.entries(v.choices)) {
      if (!DISSENT.includes(choice)) continue;
      const cand = it.candidates.find((c) => c.id === candidateId);
      parts.push(`${v.name}${cand ? `对${cand.name}` : ''}：${CHOICE_LABELS[choice]}`);
    }
  }
  return parts.length ? `${parts.join('；')}。` : '';
}
