import type { Insertable, Selectable } from 'kysely';

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  person_id: string | null;
  admin_role: string | null;
  /** 'active' | 'disabled' */
  status: string;
  failed_logins: number;
  locked_until: string | null;
  must_change_password: number;
  password_changed_at: string;
  last_login_at: string | null;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface RoleGrantsTable {
  id: string;
  user_id: string;
  role: string;
  unit_id: string;
  granted_by: string;
  granted_at: string;
  revoked_by: string | null;
  revoked_at: string | null;
}

export interface SessionsTable {
  /** SM3 hash of the session token; the token itself lives only in the cookie */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  idle_expires_at: string;
  absolute_expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type RoleGrantRow = Selectable<RoleGrantsTable>;
export type SessionRow = Selectable<SessionsTable>;
