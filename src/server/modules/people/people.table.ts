import type { Insertable, Selectable } from 'kysely';

export interface PeopleTable {
  id: string;
  /** Current unit (denormalised from person_units for scoping in SQL) */
  unit_id: string;
  name: string;
  /** 'M' | 'F' */
  sex: string;
  /** 'YYYY-MM' */
  birth_month: string;
  ethnicity: string;
  native_place: string | null;
  birthplace: string | null;
  /** POLITICAL_STATUSES */
  political_status: string;
  party_join_date: string | null;
  work_start_date: string | null;
  health: string | null;
  professional_title: string | null;
  expertise: string | null;
  /** JSON Education | null */
  education_fulltime: string | null;
  /** JSON Education | null */
  education_inservice: string | null;
  rewards_punishments: string | null;
  /** SM4-CTR + HMAC-SM3 ciphertext with key id (platform/crypto) */
  id_number_enc: string | null;
  /** Keyed blind index (HMAC-SM3) for duplicate detection */
  id_number_blind: string | null;
  /** Last four characters for the masked display */
  id_number_last4: string | null;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface PersonUnitsTable {
  id: string;
  person_id: string;
  unit_id: string;
  start_date: string;
  end_date: string | null;
  created_at: string;
}

export interface PersonRanksTable {
  id: string;
  person_id: string;
  rank_code: string;
  start_date: string;
  end_date: string | null;
  note: string | null;
  created_at: string;
}

export interface PersonPostsTable {
  id: string;
  person_id: string;
  unit_id: string;
  title: string;
  is_leading: number;
  start_date: string;
  end_date: string | null;
  created_at: string;
}

export interface PersonResumeTable {
  id: string;
  person_id: string;
  start_month: string;
  end_month: string | null;
  text: string;
  sort_order: number;
}

export interface PersonFamilyTable {
  id: string;
  person_id: string;
  /** FAMILY_RELATIONS */
  relation: string;
  name: string;
  birth_date: string | null;
  political_status: string | null;
  employer_post: string | null;
  sort_order: number;
}

export type PersonRow = Selectable<PeopleTable>;
export type NewPersonRow = Insertable<PeopleTable>;
export type PersonRankRow = Selectable<PersonRanksTable>;
export type PersonPostRow = Selectable<PersonPostsTable>;
export type PersonResumeRow = Selectable<PersonResumeTable>;
export type PersonFamilyRow = Selectable<PersonFamilyTable>;
