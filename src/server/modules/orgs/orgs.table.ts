import type { Insertable, Selectable } from 'kysely';

export interface UnitsTable {
  id: string;
  parent_id: string | null;
  name: string;
  short_name: string;
  /** 'gac' (海关总署) | 'direct' (直属海关) | 'subordinate' (隶属海关) | 'internal' (内设机构) */
  level: string;
  /** 'party_group' (党组) | 'party_group_committee' (党组性质党委) | 'party_committee' (党委) */
  organ_type: string;
  code: string | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface TeamMembersTable {
  id: string;
  unit_id: string;
  person_id: string;
  /** 'secretary' | 'deputy_secretary' | 'member' | 'discipline_head' | ... (TEAM_POSTS) */
  team_post: string;
  /** Administrative post, e.g. 关长, 副关长 */
  admin_post: string | null;
  is_party_group_member: number;
  /** 分工 */
  division_of_work: string | null;
  start_date: string;
  end_date: string | null;
  end_reason: string | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export type UnitRow = Selectable<UnitsTable>;
export type NewUnitRow = Insertable<UnitsTable>;
export type TeamMemberRow = Selectable<TeamMembersTable>;
export type NewTeamMemberRow = Insertable<TeamMembersTable>;
