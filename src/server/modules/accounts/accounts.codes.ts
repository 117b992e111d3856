/**
 * Activation codes (AC-02). A code has one part, or two parts handed over by two admins of
 * different kinds; each part is 12 characters from a 32-letter alphabet without look-alikes
 * (60 bits), shown once as XXXX-XXXX-XXXX. Only the SM3 digest of each part, bound to the
 * account id, is stored. The holder types the parts in any order; case, spaces and dashes are
 * ignored.
 */
import { sm3Hex } from '../../platform/crypto.js';
import type { Random } from '../../platform/random.js';

export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const PART_LENGTH = 12;

/** A password hash that no password verifies: the account waits for activation. */
export const NO_PASSWORD = '!';

export function newCodePart(random: Random): string {
  let s = '';
  for (let i = 0; i < PART_LENGTH; i++) s += CODE_ALPHABET[random.int(CODE_ALPHABET.length)];
  return s;
}

/** 'ABCDEFGHJKLM' -> 'ABCD-EFGH-JKLM' */
export function formatPart(part: string): string {
  return part.match(/.{1,4}/g)?.join('-') ?? part;
}

/** What the holder typed, reduced to code letters: upper case, without spaces or dashes. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s\-_]/g, '');
}

export function partDigest(userId: string, part: string): string {
  return sm3Hex(`banzi-activation:${userId}:${normalizeCode(part)}`);
}

/** The stored form: a JSON array of part digests. */
export function storedDigests(digests: string[]): string {
  return JSON.stringify(digests);
}

function parseDigests(stored: string | null): string[] {
  if (!stored) return [];
  try {
    const v: unknown = JSON.parse(stored);
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : [];
  } catch {
    return [];
  }
}

/** The number of parts an open code has (0 when none). */
export function partCount(stored: string | null): number {
  return parseDigests(stored).length;
}

/**
 * Whether what the holder typed is the whole code: exactly one part per stored digest, each
 * matching a different digest, in any order.
 */
export function codeMatches(userId: string, input: string, stored: string | null): boolean {
  const digests = parseDigests(stored);
  const typed = normalizeCode(input);
  if (!digests.length || typed.length !== digests.length * PART_LENGTH) return false;
  if ([...typed].some((ch) => !CODE_ALPHABET.includes(ch))) return false;
  const parts = Array.from({ length: digests.length }, (_, i) => typed.slice(i * PART_LENGTH, (i + 1) * PART_LENGTH));
  const left = new Set(digests);
  for (const p of parts) {
    const d = partDigest(userId, p);
    if (!left.has(d)) return false;
    left.delete(d);
  }
  return left.size === 0;
}

export type CredentialState = 'password' | 'code_issued' | 'code_expired' | 'none';

/** What the account can be entered with now. */
export function credentialState(
  row: { password_hash: string; activation_hash: string | null; activation_expires_at: string | null },
  now: Date,
): CredentialState {
  if (row.activation_hash && row.activation_expires_at) {
    return new Date(row.activation_expires_at).getTime() > now.getTime() ? 'code_issued' : 'code_expired';
  }
  return row.password_hash === NO_PASSWORD ? 'none' : 'password';
}
