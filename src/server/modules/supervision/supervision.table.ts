import type { Insertable, Selectable } from 'kysely';

/** One supervision record (issue 10): texts encrypted (`*_enc`), dates Beijing `YYYY-MM-DD`. */
export interface SupervisionRecordsTable {
  id: string;
  person_id: string;
  unit_id: string;
  kind: string;
  tier: number | null;
  tier_override_reason: string | null;
  group_id: string | null;
  issued_on: string;
  effective_on: string;
  issuer: string;
  issuer_level: string;
  confidential: number;
  summary_enc: string;
  allegations_enc: string | null;
  /** recorded | issued | replied | closed | in_force | open | concluded | revoked | changed */
  status: string;
  received_on: string | null;
  reply_due: string | null;
  extension_reason: string | null;
  replied_on: string | null;
  reply_enc: string | null;
  /** An inquiry's outcome: accepted | cleared | re_inquiry | escalated */
  outcome: string | null;
  probation_months: number | null;
  duty_related: number | null;
  accountability: number | null;
  stated_months: number | null;
  combined_kinds: string | null;
  concluded_on: string | null;
  revoked_on: string | null;
  revoke_reason: string | null;
  replaced_by: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

declare module '../../db/database.js' {
  interface ModuleTables {
    supervision_records: SupervisionRecordsTable;
  }
}

export type SupervisionRecordRow = Selectable<SupervisionRecordsTable>;
export type NewSupervisionRecordRow = Insertable<SupervisionRecordsTable>;
