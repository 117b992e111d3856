/**
 * Builds demo rows for meetings and decisions the way the use cases would have written them:
 * quorum, the expected denominator, results and detector flags come from the same pure rules
 * (meetings.rules), so the demo is consistent with the rules by construction. A spec that would
 * break a rule throws instead of writing inconsistent data.
 */
import type { Choice, Result } from '../../../../common/contracts/meetings.js';
import { MAIN_QUESTION } from '../../../../common/contracts/meetings.js';
import { addDays } from '../../../../common/dates.js';
import { finding } from '../../../../common/rules/finding.js';
import type { Finding } from '../../../../common/rules/types.js';
import { toJson } from '../../../db/helpers.js';
import { randomId, uuidv7, type Random } from '../../../platform/random.js';
import type { Rules } from '../../rules/index.js';
import {
  expectedCount,
  itemQuorum,
  itemResult,
  meetingTitle,
  questionResult,
  settledFlags,
  tally,
  type QuorumParams,
} from '../meetings.rules.js';

export interface Seat {
  personId: string;
  name: string;
  post: string;
  member: boolean;
  secretary: boolean;
}
export type Rows = Record<string, Record<string, unknown>[]>;

export interface ItemSpec {
  title: string;
  catalogueId: string;
  kind: string;
  tzyd: string | null;
  important: boolean;
  major: boolean;
  amountFen?: number | undefined;
  method: string;
  approvedOn: string;
  decision: string;
  candidates?: { personId: string; name: string; post: string }[];
  dissent?: number;
  recuse?: string;
  defer?: string;
  agendaId?: string;
}

export interface Decided {
  unitId: string;
  agendaId: string;
  date: string;
  title: string;
  tasks: { title: string; owner: string; days: number; progress: number }[];
}

export class DemoBuilder {
  readonly rows: Rows = {};
  /** Altay's decisions, for follow-through tasks */
  readonly decided: Decided[] = [];
  /** Altay's major administrative decision, for its statutory procedures */
  major: { agendaId: string; approvedOn: string; title: string } | null = null;
  constructor(
    private readonly random: Random,
    private readonly rules: Rules,
    private readonly qp: QuorumParams,
    private readonly now: string,
  ) {}

  id(date: string): string {
    return uuidv7(this.random, Date.parse(`${date}T02:00:00Z`));
  }

  push(table: string, row: Record<string, unknown>): void {
    (this.rows[table] ??= []).push(row);
  }

  finding(id: string, facts: Record<string, unknown>, zh: string, en: string, kind?: Finding['kind']): Finding {
    const rc = this.rules[id];
    if (!rc) throw new Error(`demo: rule ${id} not loaded`);
    return finding(id, facts, rc.params, { zh, en, ...(kind ? { kind } : {}) });
  }

  storeFindings(unitId: string, entityType: string, entityId: string, findings: Finding[], at: string): void {
    for (const f of findings) {
      this.push('rule_findings', {
        id: this.id(at),
        rule_id: f.ruleId,
        unit_id: unitId,
        entity_type: entityType,
        entity_id: entityId,
        kind: f.kind,
        message_zh: f.message_zh,
        message_en: f.message_en,
        facts: toJson(f.facts),
        params: toJson(f.params),
        created_at: `${at}T02:00:00.000Z`,
      });
    }
  }

  /** An agenda item (议题) approved by the secretary on approvedOn. */
  agendaItem(unitId: string, s: ItemSpec, proposedBy: string, approvedBy: string): string {
    const id = this.id(addDays(s.approvedOn, -2));
    const at = `${addDays(s.approvedOn, -2)}T03:00:00.000Z`;
    this.push('agenda_items', {
      id,
      unit_id: unitId,
      catalogue_id: s.catalogueId,
      title: s.title,
      summary: `${s.title}。具体内容见会议材料。`,
      kind: s.kind,
      tzyd_category: s.tzyd,
      tzyd_auto: 0,
      collective_required: 1,
      amount_fen: s.amountFen ?? null,
      project_amount_fen: null,
      important: s.important ? 1 : 0,
      major_decision: s.major ? 1 : 0,
      technical: s.major ? 1 : 0,
      stability_risk: s.major ? 1 : 0,
      not_public: 0,
      exploratory_reform: 0,
      legal_risk_note: null,
      sponsor_person_id: null,
      proposed_by: proposedBy,
      proposed_at: at,
      approved_by: approvedBy,
      approved_at: `${s.approvedOn}T01:00:00.000Z`,
      approved_on: s.approvedOn,
      status: 'approved',
      origin: 'agenda',
      paper_entry: 0,
      deferred_count: 0,
      decided_on: null,
      outcome: null,
      decision_text: null,
      decided_how: null,
      decided_by_person_id: null,
      decided_meeting_item_id: null,
      amends_item_id: null,
      amend_kind: null,
      created_at: at,
      updated_at: at,
    });
    for (const [i, c] of (s.candidates ?? []).entries()) {
      this.push('agenda_item_candidates', {
        id: this.id(s.approvedOn),
        agenda_item_id: id,
        person_id: c.personId,
        name: c.name,
        current_post: null,
        proposed_post: `任${c.post}`,
        sort_order: i,
      });
    }
    return id;
  }

  meeting(
    unitId: string,
    seats: Seat[],
    m: {
      year: number;
      seq: number;
      date: string;
      organ: string;
      status: string;
      entryMode: string;
      createdBy: string;
      leave: Record<string, string>;
      recorderId: string;
    },
  ): { id: string; chairId: string } {
    const chair = seats.find((s) => s.secretary) ?? seats[0];
    if (!chair) throw new Error('demo: empty team');
    const id = this.id(addDays(m.date, -7));
    const held = m.status === 'closed';
    this.push('meetings', {
      id,
      unit_id: unitId,
      year: m.year,
      seq: m.seq,
      title: meetingTitle(m.year, m.seq, m.organ),
      date: m.date,
      start_time: '09:30',
      location: '三楼党组会议室',
      chair_person_id: chair.personId,
      recorder_person_id: m.recorderId,
      status: m.status,
      entry_mode: m.entryMode,
      retrospective_reason: m.entryMode === 'retrospective' ? '根据报送的纸质会议记录录入（演示数据）' : null,
      published_at: `${addDays(m.date, -3)}T02:00:00.000Z`,
      opened_at: held ? `${m.date}T01:30:00.000Z` : null,
      closed_at: held ? `${m.date}T04:00:00.000Z` : null,
      minutes_approved_on: null,
      version: 1,
      created_by: m.createdBy,
      created_at: `${addDays(m.date, -7)}T02:00:00.000Z`,
      updated_at: this.now,
    });
    seats.forEach((s, i) => {
      const leave = m.leave[s.personId];
      this.push('meeting_attendance', {
        meeting_id: id,
        person_id: s.personId,
        role: s.member ? 'member' : 'attendee',
        name: s.name,
        post: s.post,
        status: leave ? 'leave' : held ? 'present' : 'invited',
        leave_reason: leave ?? null,
        leave_requested_at: leave ? `${addDays(m.date, -1)}T08:00:00.000Z` : null,
        written_opinion: leave && i % 2 === 0 ? '对本次会议议题均无不同意见。' : null,
        sort_order: i,
        updated_at: this.now,
      });
    });
    return { id, chairId: chair.personId };
  }

  /**
   * Place an item at a meeting and, for a held meeting, vote and settle it with the rules. Returns
   * the meeting item id and the result.
   */
  placeAndVote(
    unitId: string,
    meeting: { id: string; date: string; chairId: string; held: boolean },
    seats: Seat[],
    leave: Record<string, string>,
    s: ItemSpec,
    agendaId: string,
    seq: number,
    closedBy: string,
  ): { id: string; result: Result | null } {
    const id = this.id(meeting.date);
    const members = seats
      .filter((x) => x.member)
      .map((x) => ({ personId: x.personId, present: !leave[x.personId], recused: x.personId === s.recuse }));
    const isPrior = s.approvedOn < meeting.date;
    const base = {
      id,
      meeting_id: meeting.id,
      agenda_item_id: agendaId,
      unit_id: unitId,
      meeting_date: meeting.date,
      item_kind: s.kind,
      tzyd_category: s.tzyd,
      seq,
      vote_method: s.method,
      is_prior: isPrior ? 1 : 0,
      is_reconsideration: 0,
      added_at: `${addDays(meeting.date, -3)}T02:00:00.000Z`,
      recorded_outcome: null,
    };
    if (s.recuse) {
      this.push('meeting_item_recusals', {
        meeting_item_id: id,
        person_id: s.recuse,
        reason: '与议题涉及人员有亲属关系',
        declared_by: closedBy,
        declared_at: `${meeting.date}T01:40:00.000Z`,
      });
    }
    if (!meeting.held || s.defer) {
      this.push('meeting_items', {
        ...base,
        state: s.defer ? 'deferred' : 'pending',
        voting_opened_at: null,
        closed_at: null,
        members_count: null,
        expected_count: null,
        present_count: null,
        quorum_required: null,
        quorum_ok: null,
        participants: null,
        result: null,
        defer_reason: s.defer ?? null,
        flags: 0,
      });
      return { id, result: null };
    }
    const q = itemQuorum(members, s.kind, this.qp);
    if (!q.ok) throw new Error(`demo: "${s.title}" would be voted below quorum`);
    const candidateRows = (this.rows.agenda_item_candidates ?? []).filter((r) => r.agenda_item_id === agendaId);
    const cands = candidateRows.length ? candidateRows.map((r) => String(r.id)) : [MAIN_QUESTION];
    const voters = members
      .filter((x) => x.present && !x.recused)
      .map((x) => x.personId)
      .sort((a, b) => Number(a === meeting.chairId) - Number(b === meeting.chairId));
    const votes: { candidateId: string; choice: Choice; personId: string }[] = [];
    voters.forEach((p, i) => {
      const choice: Choice = p !== meeting.chairId && i < (s.dissent ?? 0) ? 'disagree' : 'agree';
      for (const c of cands) votes.push({ candidateId: c, choice, personId: p });
      this.push('vote_participation', {
        meeting_item_id: id,
        person_id: p,
        status: 'voted',
        recorded_by: s.method === 'named' || s.method === 'secret' ? null : closedBy,
      });
    });
    for (const v of votes) {
      if (s.method === 'secret') {
        this.push('secret_votes', {
          id: randomId(this.random),
          meeting_item_id: id,
          candidate_id: v.candidateId,
          choice: v.choice,
        });
      } else {
        this.push('named_votes', {
          meeting_item_id: id,
          candidate_id: v.candidateId,
          person_id: v.personId,
          choice: v.choice,
        });
      }
    }
    const expected = expectedCount(members, this.rules['PG-13']?.params.recusedCountInExpected !== false);
    const counts = tally(votes, cands);
    const results = [...counts.values()].map((c) => questionResult(c, expected, 1, 2));
    const result = itemResult(results);
    if (result !== 'passed') throw new Error(`demo: "${s.title}" would not pass`);
    const flags = settledFlags({
      quorumOk: q.ok,
      participants: voters.length,
      kind: s.kind,
      isPrior,
      result,
      recordedOutcome: result,
    });
    this.push('meeting_items', {
      ...base,
      state: 'closed',
      voting_opened_at: `${meeting.date}T02:00:00.000Z`,
      closed_at: `${meeting.date}T02:10:00.000Z`,
      members_count: members.length,
      expected_count: expected,
      present_count: q.present,
      quorum_required: q.required,
      quorum_ok: 1,
      participants: voters.length,
      result,
      recorded_outcome: result,
      flags,
    });
    [...counts.entries()].forEach(([cid, c], i) =>
      this.push('meeting_item_tallies', {
        meeting_item_id: id,
        candidate_id: cid,
        ...c,
        result: results[i] ?? 'passed',
      }),
    );
    const rule = s.kind === 'personnel' ? 'SE-09' : 'PG-09';
    const first = [...counts.values()][0];
    this.storeFindings(
      unitId,
      'meeting_item',
      id,
      [
        this.finding(
          rule,
          {
            agree: first?.agree ?? 0,
            expected,
            members: members.length,
            base: expected,
            result,
            candidates: cands.length,
          },
          `赞成票须超过应到会党组成员（${expected} 人）的半数：同意 ${first?.agree ?? 0}，结果：通过（${rule}）。`,
          `Agree votes must exceed half of ${expected} expected members: passed (${rule}).`,
          'info',
        ),
      ],
      meeting.date,
    );
    if (!isPrior && s.kind === 'personnel') {
      this.storeFindings(
        unitId,
        'meeting_item',
        id,
        [
          this.finding(
            'ZZ-03',
            { approvedOn: s.approvedOn, meetingDate: meeting.date },
            `干部任免议题“${s.title}”未在会议日前由书记确定，属临时动议（ZZ-03 第二项）。`,
            `Personnel item "${s.title}" was not approved before the meeting day: an ad-hoc motion (ZZ-03).`,
            'warn',
          ),
        ],
        meeting.date,
      );
    }
    return { id, result };
  }

  /** Mark the agenda item decided by a meeting item (the row was pushed by agendaItem). */
  decide(agendaId: string, meetingItemId: string, date: string, text: string): void {
    const row = this.rows.agenda_items?.find((r) => r.id === agendaId);
    if (!row) throw new Error('demo: no agenda item');
    Object.assign(row, {
      status: 'decided',
      outcome: 'passed',
      decided_on: date,
      decided_meeting_item_id: meetingItemId,
      decision_text: text,
    });
  }

  markScheduled(agendaId: string, deferred: boolean): void {
    const row = this.rows.agenda_items?.find((r) => r.id === agendaId);
    if (row) {
      Object.assign(row, {
        status: deferred ? 'approved' : 'scheduled',
        deferred_count: Number(row.deferred_count ?? 0) + (deferred ? 1 : 0),
      });
    }
  }
}
