/**
 * Pure rules of Party Group meetings: quorum (PG-06, PG-07, with recusal per PG-13), the pass
 * rule on the expected members (PG-09, SE-09), the chair votes last (PG-10), close votes
 * (PG-18), reconsideration (SE-09) and tallies. No I/O, no clock: everything is passed in.
 */
import type { Choice, Result } from '../../../common/contracts/meetings.js';

/** A ratio from the rule's parameters: num/den, inclusive of the exact value or not. */
export interface Ratio {
  num: number;
  den: number;
  inclusive: boolean;
}

/**
 * The fewest members present that meet a ratio of n. "半数以上" and "2/3以上" include the number
 * itself (民法典 Art. 1259, regulations.md §17a): inclusive gives ceil(n·num/den).
 */
export function minimumPresent(n: number, r: Ratio): number {
  if (n <= 0) return 0;
  const scaled = n * r.num;
  return r.inclusive ? Math.ceil(scaled / r.den) : Math.floor(scaled / r.den) + 1;
}

export interface MemberFact {
  personId: string;
  /** Attendance: present at the meeting */
  present: boolean;
  /** Recused from this item (PG-13) */
  recused: boolean;
}

export interface QuorumParams {
  convene: Ratio;
  personnel: Ratio;
  /** PG-07 disciplineItemsToo */
  disciplineItemsToo: boolean;
  /** PG-13 recusedCountAsPresentForQuorum */
  recusedCountAsPresent: boolean;
}

export interface QuorumCheck {
  ruleId: 'PG-06' | 'PG-07';
  members: number;
  present: number;
  required: number;
  ok: boolean;
}

/** Which quorum an item kind needs: PG-07 for personnel, and for discipline when the unit says so. */
export function needsTwoThirds(kind: string, disciplineItemsToo: boolean): boolean {
  return kind === 'personnel' || (kind === 'discipline' && disciplineItemsToo);
}

/** Quorum for the meeting as a whole (opening, PG-06). */
export function meetingQuorum(members: readonly MemberFact[], r: Ratio): QuorumCheck {
  const present = members.filter((m) => m.present).length;
  const required = minimumPresent(members.length, r);
  return { ruleId: 'PG-06', members: members.length, present, required, ok: present >= required };
}

/**
 * Quorum for one item at the moment of voting: a recused member counts as absent for the item
 * unless the unit's PG-13 parameter says otherwise.
 */
export function itemQuorum(members: readonly MemberFact[], kind: string, p: QuorumParams): QuorumCheck {
  const twoThirds = needsTwoThirds(kind, p.disciplineItemsToo);
  const r = twoThirds ? p.personnel : p.convene;
  const present = members.filter((m) => m.present && (!m.recused || p.recusedCountAsPresent)).length;
  const required = minimumPresent(members.length, r);
  return { ruleId: twoThirds ? 'PG-07' : 'PG-06', members: members.length, present, required, ok: present >= required };
}

/**
 * The members who should attend (应到会), the pass denominator (PG-09): every member, on leave
 * or not; recused members count unless the unit's PG-13 parameter removes them.
 */
export function expectedCount(members: readonly MemberFact[], recusedCountInExpected: boolean): number {
  return members.filter((m) => recusedCountInExpected || !m.recused).length;
}

/** PG-09 / SE-09: agree votes exceed expected × num/den (default: more than half). */
export function passes(agree: number, expected: number, num = 1, den = 2): boolean {
  return agree * den > expected * num;
}

/**
 * SE-09: the base a reconsideration's agreement is counted against, from the unit's parameter
 * reconsiderationDenominator: every member of the team (the default, §17a) or the members expected
 * to attend (应到会).
 */
export function reconsiderationBase(denominator: string, allMembers: number, expected: number): number {
  return denominator === 'expected_members' ? expected : allMembers;
}

/** SE-09: reconsidering a decided personnel item needs more than half of the base. */
export function reconsiderationPasses(agree: number, base: number): boolean {
  return agree * 2 > base;
}

/** PG-18: a close vote on an important item, |agree − disagree| <= margin. */
export function isCloseVote(agree: number, disagree: number, margin: number): boolean {
  return Math.abs(agree - disagree) <= margin;
}

/** The members who may vote on an item: present, members, not recused. */
export function eligibleVoters(members: readonly MemberFact[]): string[] {
  return members.filter((m) => m.present && !m.recused).map((m) => m.personId);
}

/**
 * PG-10: the chair's vote is accepted only after every other eligible member has voted or been
 * marked as not voting. Returns who is still awaited.
 */
export function chairMustWaitFor(
  chairId: string | null,
  eligible: readonly string[],
  done: ReadonlySet<string>,
): string[] {
  if (!chairId) return [];
  return eligible.filter((id) => id !== chairId && !done.has(id));
}

export interface Counts {
  agree: number;
  disagree: number;
  abstain: number;
  defer: number;
}

export function emptyCounts(): Counts {
  return { agree: 0, disagree: 0, abstain: 0, defer: 0 };
}

/** Count choices per candidate. */
export function tally(
  votes: readonly { candidateId: string; choice: Choice }[],
  candidateIds: readonly string[],
): Map<string, Counts> {
  const out = new Map<string, Counts>(candidateIds.map((c) => [c, emptyCounts()]));
  for (const v of votes) {
    const c = out.get(v.candidateId);
    if (c) c[v.choice] += 1;
  }
  return out;
}

/** The choices allowed for an item kind (SE-09: 同意/不同意/缓议 for personnel). */
export function allowedChoices(kind: string): readonly Choice[] {
  return kind === 'personnel' ? ['agree', 'disagree', 'defer'] : ['agree', 'disagree', 'abstain'];
}

export interface BallotProblem {
  ruleId: 'PG-09' | 'PG-11' | 'SE-09';
  message: string;
  en: string;
}

/**
 * Check one member's ballot: exactly one allowed choice per candidate of this item. Returns the
 * problem with the rule it breaks (PG-11: items are voted one by one, so a choice naming another
 * item's candidate is refused; PG-09 and SE-09: one position per question, 同意/不同意/缓议 on each
 * personnel candidate) or null.
 */
export function checkBallot(
  kind: string,
  candidateIds: readonly string[],
  choices: readonly { candidateId: string; choice: Choice }[],
): BallotProblem | null {
  const allowed = allowedChoices(kind);
  const personnel = kind === 'personnel';
  const seen = new Set<string>();
  for (const c of choices) {
    if (!candidateIds.includes(c.candidateId)) {
      return {
        ruleId: 'PG-11',
        message: '表决对象不属于本议题',
        en: 'The choice names a question of another item (PG-11).',
      };
    }
    if (seen.has(c.candidateId)) {
      return { ruleId: 'PG-09', message: '同一表决对象只能表态一次', en: 'One position per question (PG-09).' };
    }
    if (!allowed.includes(c.choice)) {
      return personnel
        ? {
            ruleId: 'SE-09',
            message: '干部任免事项应表态“同意、不同意、缓议”',
            en: 'Personnel items: agree, disagree or defer (SE-09).',
          }
        : { ruleId: 'PG-09', message: '表决意见应为“同意、不同意、弃权”', en: 'Agree, disagree or abstain (PG-09).' };
    }
    seen.add(c.candidateId);
  }
  if (seen.size !== candidateIds.length) {
    return personnel
      ? { ruleId: 'SE-09', message: '请对每名人选逐一表态', en: 'State a position on each candidate (SE-09).' }
      : { ruleId: 'PG-09', message: '请选择表决意见', en: 'Choose a position (PG-09).' };
  }
  return null;
}

/** The result of one question: passed, or deferred when 缓议 leads, else not passed. */
export function questionResult(c: Counts, expected: number, num: number, den: number): Result {
  if (passes(c.agree, expected, num, den)) return 'passed';
  if (c.defer > 0 && c.defer >= c.agree && c.defer >= c.disagree) return 'deferred';
  return 'not_passed';
}

/** The item's result from its questions' results. */
export function itemResult(results: readonly Result[]): Result {
  if (results.length === 0) return 'not_passed';
  if (results.every((r) => r === 'passed')) return 'passed';
  if (results.some((r) => r === 'passed')) return 'partial';
  if (results.every((r) => r === 'deferred')) return 'deferred';
  return 'not_passed';
}

/** Detector bits stored on a settled meeting item (the violation report reads them). */
export const FLAG_BELOW_QUORUM = 1;
export const FLAG_NO_VOTE = 2;
export const FLAG_AD_HOC_PERSONNEL = 4;
export const FLAG_OUTCOME_DIFFERS = 8;

export function settledFlags(f: {
  quorumOk: boolean;
  participants: number;
  kind: string;
  isPrior: boolean;
  result: Result | null;
  recordedOutcome: Result | null;
}): number {
  let flags = 0;
  if (!f.quorumOk) flags |= FLAG_BELOW_QUORUM;
  if (f.participants === 0) flags |= FLAG_NO_VOTE;
  if (f.kind === 'personnel' && !f.isPrior) flags |= FLAG_AD_HOC_PERSONNEL;
  if (f.recordedOutcome !== null && f.result !== null && f.recordedOutcome !== f.result) flags |= FLAG_OUTCOME_DIFFERS;
  return flags;
}

/** The meeting's title: 2026年第6次党组会议 (the organ label follows organ_type). */
export function meetingTitle(year: number, seq: number, organLabel: string): string {
  return `${year}年第${seq}次${organLabel}会议`;
}

/** The instant a meeting starts (Beijing wall time, UTC+8, no DST). */
export function meetingStartInstant(date: string, startTime: string): Date {
  return new Date(`${date}T${startTime}:00+08:00`);
}
