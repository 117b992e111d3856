/**
 * Meetings tables (migration 0100_meetings): meetings, attendance, meeting items (an agenda item
 * placed at a meeting, with its quorum, tally and result), recusals, vote participation, named
 * and secret votes, minutes versions. Added to the Database type by declaration merging.
 */
import type { Selectable } from 'kysely';

export interface MeetingsTable {
  id: string;
  unit_id: string;
  year: number;
  seq: number;
  title: string;
  /** The office's title for the meeting beside its number (migration 0940) */
  subject: string | null;
  /** 1 when the office set the number; else it follows the date until published (migration 0940) */
  seq_set_by_office: number;
  date: string;
  start_time: string;
  location: string;
  chair_person_id: string | null;
  recorder_person_id: string;
  status: string;
  /** 'live' | 'retrospective' (held on paper, entered afterwards) */
  entry_mode: string;
  retrospective_reason: string | null;
  published_at: string | null;
  opened_at: string | null;
  closed_at: string | null;
  /** Beijing date the first version of the minutes was approved (PG-12 detector) */
  minutes_approved_on: string | null;
  /** Bumped on every change, for the live screen */
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface MeetingAttendanceTable {
  meeting_id: string;
  person_id: string;
  /** 'member' (Party Group member, votes) | 'attendee' (列席, PG-14, no vote) */
  role: string;
  name: string;
  post: string | null;
  status: string;
  leave_reason: string | null;
  leave_requested_at: string | null;
  /** PG-08: shown, never counted as a vote (PG-09) */
  written_opinion: string | null;
  sort_order: number;
  updated_at: string;
}

export interface MeetingItemsTable {
  id: string;
  meeting_id: string;
  agenda_item_id: string;
  unit_id: string;
  meeting_date: string;
  item_kind: string;
  tzyd_category: string | null;
  seq: number;
  vote_method: string;
  state: string;
  is_prior: number;
  is_reconsideration: number;
  added_at: string;
  voting_opened_at: string | null;
  closed_at: string | null;
  members_count: number | null;
  expected_count: number | null;
  present_count: number | null;
  quorum_required: number | null;
  quorum_ok: number | null;
  participants: number | null;
  result: string | null;
  recorded_outcome: string | null;
  defer_reason: string | null;
  flags: number;
}

export interface MeetingItemTalliesTable {
  meeting_item_id: string;
  candidate_id: string;
  agree: number;
  disagree: number;
  abstain: number;
  defer: number;
  result: string;
}

export interface MeetingItemRecusalsTable {
  meeting_item_id: string;
  person_id: string;
  reason: string;
  declared_by: string;
  declared_at: string;
}

export interface VoteParticipationTable {
  meeting_item_id: string;
  person_id: string;
  /** 'voted' | 'not_voting' */
  status: string;
  /** The recorder who entered it (oral, show of hands, not voting); null when the member cast it */
  recorded_by: string | null;
}

export interface NamedVotesTable {
  meeting_item_id: string;
  candidate_id: string;
  person_id: string;
  choice: string;
}

export interface SecretVotesTable {
  id: string;
  meeting_item_id: string;
  candidate_id: string;
  choice: string;
}

export interface MeetingMinutesTable {
  id: string;
  meeting_id: string;
  version: number;
  status: string;
  /** JSON MinutesContent */
  content: string;
  correction_reason: string | null;
  written_by: string;
  written_at: string;
  approved_by: string | null;
  approved_at: string | null;
}

declare module '../../db/database.js' {
  interface ModuleTables {
    meetings: MeetingsTable;
    meeting_attendance: MeetingAttendanceTable;
    meeting_items: MeetingItemsTable;
    meeting_item_tallies: MeetingItemTalliesTable;
    meeting_item_recusals: MeetingItemRecusalsTable;
    vote_participation: VoteParticipationTable;
    named_votes: NamedVotesTable;
    secret_votes: SecretVotesTable;
    meeting_minutes: MeetingMinutesTable;
  }
}

export type MeetingRow = Selectable<MeetingsTable>;
export type AttendanceRow = Selectable<MeetingAttendanceTable>;
export type MeetingItemRow = Selectable<MeetingItemsTable>;
