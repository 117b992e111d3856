import type { Insertable, Selectable } from 'kysely';

/** A batch of accounts for imported people, confirmed or rejected as a whole (AC-01). */
export interface AccountBatchesTable {
  id: string;
  /** 'pending' | 'confirmed' | 'rejected' | 'cancelled' */
  status: string;
  /** What was chosen, in words */
  scope: string;
  /** Null when requested with the CLI on the server */
  requested_by: string | null;
  requested_by_name: string;
  requested_at: string;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
  reason: string | null;
  /** When the requester took the first halves (once) */
  first_issued_at: string | null;
  /** When the confirmer took the second halves (once) */
  second_issued_at: string | null;
}

export interface AccountBatchItemsTable {
  batch_id: string;
  seq: number;
  person_id: string;
  /** The id the account gets on confirmation */
  user_id: string;
  username: string;
  person_name: string;
  unit_name: string;
  /** SM3 digest of the requester's half, once taken */
  code_hash: string | null;
  /** 'pending' | 'created' | 'skipped' */
  outcome: string;
  note: string | null;
}

declare module '../../db/database.js' {
  interface ModuleTables {
    account_batches: AccountBatchesTable;
    account_batch_items: AccountBatchItemsTable;
  }
}

export type BatchRow = Selectable<AccountBatchesTable>;
export type BatchItemRow = Selectable<AccountBatchItemsTable>;
export type NewBatchItemRow = Insertable<AccountBatchItemsTable>;
