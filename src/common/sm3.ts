/**
 * SM3 (GB/T 32905-2016) in plain TypeScript, for the browser as well as the server: the voting page
 * computes its receipt with it before submitting. The server's own hashing uses node's crypto
 * (platform/crypto.ts); a property test checks that both agree.
 */

const IV = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];

const rotl = (x: number, n: number): number => ((x << n) | (x >>> (32 - n))) >>> 0;
const p0 = (x: number): number => (x ^ rotl(x, 9) ^ rotl(x, 17)) >>> 0;
const p1 = (x: number): number => (x ^ rotl(x, 15) ^ rotl(x, 23)) >>> 0;

/** T_j rotated left by j mod 32, for each of the 64 rounds. */
const TJ = Array.from({ length: 64 }, (_, j) => rotl(j < 16 ? 0x79cc4519 : 0x7a879d8a, j % 32));

function compress(v: number[], block: Uint8Array, at: number, w: Uint32Array, w1: Uint32Array): void {
  for (let j = 0; j < 16; j++) {
    const i = at + 4 * j;
    w[j] = ((block[i]! << 24) | (block[i + 1]! << 16) | (block[i + 2]! << 8) | block[i + 3]!) >>> 0;
  }
  for (let j = 16; j < 68; j++) {
    w[j] = (p1(w[j - 16]! ^ w[j - 9]! ^ rotl(w[j - 3]!, 15)) ^ rotl(w[j - 13]!, 7) ^ w[j - 6]!) >>> 0;
  }
  for (let j = 0; j < 64; j++) w1[j] = (w[j]! ^ w[j + 4]!) >>> 0;
  let [a, b, c, d, e, f, g, h] = v as [number, number, number, number, number, number, number, number];
  for (let j = 0; j < 64; j++) {
    const a12 = rotl(a, 12);
    const ss1 = rotl((a12 + e + TJ[j]!) >>> 0, 7);
    const ss2 = (ss1 ^ a12) >>> 0;
    const ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c);
    const gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
    const tt1 = ((ff >>> 0) + d + ss2 + w1[j]!) >>> 0;
    const tt2 = ((gg >>> 0) + h + ss1 + w[j]!) >>> 0;
    d = c;
    c = rotl(b, 9);
    b = a;
    a = tt1;
    h = g;
    g = rotl(f, 19);
    f = e;
    e = p0(tt2);
  }
  const out = [a, b, c, d, e, f, g, h];
  for (let i = 0; i < 8; i++) v[i] = (v[i]! ^ out[i]!) >>> 0;
}

/** The SM3 digest of the bytes (a string is hashed as its UTF-8 bytes). */
export function sm3(data: Uint8Array | string): Uint8Array {
  const msg = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const bitLength = msg.length * 8;
  const padded = new Uint8Array(Math.ceil((msg.length + 9) / 64) * 64);
  padded.set(msg);
  padded[msg.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const v = [...IV];
  const w = new Uint32Array(68);
  const w1 = new Uint32Array(64);
  for (let at = 0; at < padded.length; at += 64) compress(v, padded, at, w, w1);
  const digest = new Uint8Array(32);
  const out = new DataView(digest.buffer);
  v.forEach((x, i) => out.setUint32(4 * i, x));
  return digest;
}

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** The SM3 digest as 64 lower-case hex characters. */
export function sm3Hex(data: Uint8Array | string): string {
  return toHex(sm3(data));
}
