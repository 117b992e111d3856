import type { Selectable } from 'kysely';

export interface AuditEventsTable {
  seq: number;
  id: string;
  at: string;
  actor_user_id: string | null;
  actor_name: string | null;
  unit_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  /** JSON string[]: names of the changed fields, never their values */
  changed_fields: string;
  /** keyed HMAC-SM3 of the before values of the changed fields */
  before_mac: string | null;
  /** keyed HMAC-SM3 of the after values of the changed fields */
  after_mac: string | null;
  /** JSON: non-sensitive details (counts, states, rule ids) */
  details: string;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export type AuditEventRow = Selectable<AuditEventsTable>;
