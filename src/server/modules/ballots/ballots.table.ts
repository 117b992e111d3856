/**
 * Ballots tables. Who may vote and who has voted (codes, login voters) live apart from what was
 * voted (ballots). Ballots carry no user, no code, no time and no address; every anonymous table
 * has a random key (SQLite: WITHOUT ROWID). At closing ballots and login voters are rewritten in key
 * order and the code hashes, no longer needed, are deleted (their counts are kept).
 */
import type { Selectable } from 'kysely';

export interface BallotSessionsTable {
  id: string;
  unit_id: string;
  /** 'team_evaluation' | 'member_evaluation' | 'recommendation' */
  kind: string;
  title: string;
  year: number;
  /** 'draft' | 'open' | 'closed' */
  status: string;
  /** JSON Questionnaire */
  questionnaire: string;
  /** JSON Category[] */
  categories: string;
  /** C-01 minimum group size, fixed when the session opens */
  min_group_size: number;
  /** 'merge' | 'withhold', fixed when the session opens */
  small_group_policy: string;
  opens_at: string;
  closes_at: string;
  opened_at: string | null;
  closed_at: string | null;
  /** SM3 of the frozen settings (and codes issued), set when the session opens */
  settings_digest: string | null;
  /** JSON Tally computed at closing (small categories already merged or withheld) */
  results: string | null;
  /** JSON ClosingCounts: codes issued and used and logged-in voters per category, kept when the code hashes are deleted at closing */
  closing_counts: string | null;
  /** JSON Finding[] found at opening and closing */
  findings: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** One-time codes (测评码): a keyed hash only; no time of use, no holder. */
export interface BallotCodesTable {
  code_hash: string;
  session_id: string;
  category: string;
  spent: number;
}

/** Logged-in voters: who voted (not how). Random key, no time. */
export interface BallotVotersTable {
  id: string;
  session_id: string;
  person_id: string;
  category: string;
}

/** What was voted: random key, the category, the answers and the receipt. Nothing else. */
export interface BallotsTable {
  id: string;
  session_id: string;
  category: string;
  /** The answers in their storage form (encodeAnswers: option indexes in questionnaire order) */
  answers: string;
  receipt: string;
}

/** Paper ballots typed by two clerks independently; deleted when accepted or at closing. */
export interface BallotPaperEntriesTable {
  id: string;
  session_id: string;
  code_hash: string;
  /** Last four characters of the slip's code, so clerks can find the paper for a third check */
  code_hint: string;
  clerk_user_id: string;
  /** JSON Answers */
  answers: string;
}

/** Failed code attempts of one client address (keyed hash), until the row expires (ballots.limiter.ts). */
export interface BallotCodeFailuresTable {
  address_hash: string;
  failures: number;
  last_failure_at: string;
  expires_at: string;
}

export type BallotSessionRow = Selectable<BallotSessionsTable>;
export type BallotRow = Selectable<BallotsTable>;
export type PaperEntryRow = Selectable<BallotPaperEntriesTable>;

declare module '../../db/database.js' {
  interface ModuleTables {
    ballot_sessions: BallotSessionsTable;
    ballot_codes: BallotCodesTable;
    ballot_voters: BallotVotersTable;
    ballots: BallotsTable;
    ballot_paper_entries: BallotPaperEntriesTable;
    ballot_code_failures: BallotCodeFailuresTable;
  }
}
