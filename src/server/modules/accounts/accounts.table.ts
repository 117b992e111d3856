import type { Insertable, Selectable } from 'kysely';

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  /** argon2id, or NO_PASSWORD ('!') until the holder activates the account (AC-02) */
  password_hash: string;
  person_id: string | null;
  admin_role: string | null;
  /** 'active' | 'disabled' */
  status: string;
  /** Unused since 0400: lockouts are per account and address (login_lockouts) */
  failed_logins: number;
  /** Unused since 0400: lockouts are per account and address (login_lockouts) */
  locked_until: string | null;
  must_change_password: number;
  password_changed_at: string;
  last_login_at: string | null;
  is_demo: number;
  created_at: string;
  updated_at: string;
  /** JSON array of the SM3 digests of the activation code's parts; null when no code is open */
  activation_hash: string | null;
  activation_expires_at: string | null;
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

/** A change to an account that a second admin confirms (AC-01). */
export interface AccountRequestsTable {
  id: string;
  /** RequestKind */
  kind: string;
  /** 'pending' | 'confirmed' | 'rejected' | 'cancelled' */
  status: string;
  /** The account concerned; for create_admin the id the new account will get */
  user_id: string;
  username: string;
  /** For link_person and unlink_person: the person concerned */
  person_id: string | null;
  /** JSON: RequestPayload */
  payload: string;
  /** SM3 digest of the requester's half of the activation code, when the request issues one */
  code_hash: string | null;
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  reason: string | null;
}

/** Failed logins per account and client address (AC-03). */
export interface LoginLockoutsTable {
  user_id: string;
  address: string;
  failures: number;
  locked_until: string | null;
  last_failure_at: string;
}

declare module '../../db/database.js' {
  interface ModuleTables {
    account_requests: AccountRequestsTable;
    login_lockouts: LoginLockoutsTable;
  }
}

export type UserRow = Selectable<UsersTable>;
export type AccountRequestRow = Selectable<AccountRequestsTable>;
export type NewUserRow = Insertable<UsersTable>;
export type RoleGrantRow = Selectable<RoleGrantsTable>;
export type SessionRow = Selectable<SessionsTable>;
