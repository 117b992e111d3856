/**
 * The random port: ids, tokens and anything that must be unpredictable come from here.
 * The real implementation uses node:crypto; tests can pass a seeded one.
 */
import { randomBytes, randomInt } from 'node:crypto';

export interface Random {
  bytes(n: number): Buffer;
  /** Uniform integer in [0, max) */
  int(max: number): number;
}

export const cryptoRandom: Random = {
  bytes: (n) => randomBytes(n),
  int: (max) => randomInt(max),
};

/** A deterministic generator for tests and demo data (mulberry32). Never for secrets. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    bytes: (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(next() * 256))),
    int: (max) => Math.floor(next() * max),
  };
}

/** UUIDv7: 48-bit millisecond time, then random bits. Sorts by creation time. */
export function uuidv7(random: Random = cryptoRandom, nowMs: number = Date.now()): string {
  const b = random.bytes(16);
  const ms = BigInt(nowMs);
  for (let i = 0; i < 6; i++) b[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x70;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A random id with no time component, for rows whose order must reveal nothing. */
export function randomId(random: Random = cryptoRandom): string {
  return random.bytes(16).toString('hex');
}

/** A URL-safe random token of n bytes. */
export function token(random: Random = cryptoRandom, n = 32): string {
  return random.bytes(n).toString('base64url');
}
