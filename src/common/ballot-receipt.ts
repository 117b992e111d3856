/**
 * The receipt a voter's phone knows before it submits (issue 8 §6). The page draws a random
 * 32-byte secret r, keeps it in memory only, and computes
 *   receipt = base32(SM3(UTF-8(sessionId) ‖ r))[0..16)
 * in the code alphabet (80 bits, like every other receipt). It is never derived from the answers,
 * so it proves that a ballot was counted, not what it said. The page sends r (64 hex characters)
 * with the ballot; the server stores and, after closing, publishes the same receipt, so the voter
 * can check inclusion whatever happened to the reply. Shared by server and browser.
 */
import { CODE_ALPHABET, RECEIPT_LENGTH } from './ballot-answers.js';
import { sm3 } from './sm3.js';

/** The secret r as text: 32 bytes as 64 hex characters (either case). */
export const RECEIPT_SECRET_PATTERN = /^[0-9a-fA-F]{64}$/;

/** Bytes as base32 text in the code alphabet (5 bits a character), the first `length` characters. */
export function toBase32(bytes: Uint8Array, length: number): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += CODE_ALPHABET[(acc >>> (bits - 5)) & 31];
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
  }
  return out;
}

/** The receipt for a session and the voter's secret r (64 hex characters). */
export function receiptFromSecret(sessionId: string, secretHex: string): string {
  if (!RECEIPT_SECRET_PATTERN.test(secretHex)) throw new Error('the receipt secret must be 64 hex characters');
  const id = new TextEncoder().encode(sessionId);
  const bytes = new Uint8Array(id.length + 32);
  bytes.set(id);
  for (let i = 0; i < 32; i++) bytes[id.length + i] = parseInt(secretHex.slice(2 * i, 2 * i + 2), 16);
  return toBase32(sm3(bytes), RECEIPT_LENGTH);
}

/** A fresh secret r from the platform's cryptographic random source (browser or node). */
export function newReceiptSecret(): string {
  const r = new Uint8Array(32);
  globalThis.crypto.getRandomValues(r);
  return [...r].map((b) => b.toString(16).padStart(2, '0')).join('');
}
