import { describe, expect, it } from 'vitest';
import type { MeetingItem } from '../../../common/contracts/meetings.js';
import { dissentDraft, voteLine } from './minutesDraft.js';

const base = {
  kind: 'ordinary',
  voteMethod: 'named',
  state: 'closed',
  result: 'passed',
  recordedOutcome: null,
  deferReason: null,
  candidates: [],
  tallies: [{ candidateId: 'main', label: '本议题', agree: 3, disagree: 1, abstain: 1, defer: 0, result: 'passed' }],
  votes: [
    { personId: 'a', name: '张三', choices: { main: 'agree' }, notVoting: false, recordedBy: null },
    { personId: 'b', name: '李四', choices: { main: 'disagree' }, notVoting: false, recordedBy: null },
    { personId: 'c', name: '王五', choices: { main: 'abstain' }, notVoting: false, recordedBy: null },
  ],
} as const satisfies Partial<MeetingItem>;

describe('the recorder form drafts from the recorded votes', () => {
  it('names who voted against or abstained in an open vote', () => {
    expect(dissentDraft(base)).toBe('李四：不同意；王五：弃权。');
    expect(voteLine(base)).toBe('记名投票：同意 3 票、不同意 1 票、弃权 1 票；通过');
  });

  it('names nobody for a secret ballot, even if votes were somehow present', () => {
    expect(dissentDraft({ ...base, voteMethod: 'secret' })).toBe('');
    expect(dissentDraft({ ...base, voteMethod: 'secret', votes: null })).toBe('');
  });

  it('names the candidate on a personnel item, and nothing when all agreed', () => {
    const personnel = {
      ...base,
      kind: 'personnel' as const,
      candidates: [{ id: 'k1', name: '赵六', proposedPost: '科长' }],
      votes: [{ personId: 'b', name: '李四', choices: { k1: 'defer' as const }, notVoting: false, recordedBy: null }],
    } satisfies Partial<MeetingItem>;
    expect(dissentDraft(personnel)).toBe('李四对赵六：缓议。');
    expect(dissentDraft({ ...base, votes: [base.votes[0]] })).toBe('');
  });
});
