/**
 * Field encryption, blind indexes, keyed MACs and SM3 hashing, behind one interface.
 * Cipher: SM4-CTR with encrypt-then-MAC by HMAC-SM3 (Node has no SM4-GCM). Ciphertexts carry
 * the key id, so keys can be rotated: `sm4.v1.<keyId>.<iv>.<ciphertext>.<mac>` (base64url parts).
 * Sub-keys are derived from each master key with HMAC-SM3 and a purpose label.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function sm3Hex(data: string | Buffer): string {
  return createHash('sm3').update(data).digest('hex');
}

function hmacSm3(key: Buffer, data: string | Buffer): Buffer {
  return createHmac('sm3', key).update(data).digest();
}

export interface KeyringFile {
  version: 1;
  /** Key id used to encrypt new values */
  current: string;
  /** Key id whose derived keys make blind indexes and audit MACs (stable across rotations) */
  index: string;
  /** id -> base64 32-byte master key */
  keys: Record<string, string>;
}

interface DerivedKeys {
  enc: Buffer;
  mac: Buffer;
}

export class FieldCrypto {
  private readonly derived = new Map<string, DerivedKeys>();
  private readonly blindKey: Buffer;
  private readonly auditKey: Buffer;
  private readonly current: string;

  constructor(ring: KeyringFile) {
    for (const [id, b64] of Object.entries(ring.keys)) {
      const master = Buffer.from(b64, 'base64');
      if (master.length < 32) throw new Error(`key ${id} is shorter than 32 bytes`);
      this.derived.set(id, {
        enc: hmacSm3(master, 'banzi/enc').subarray(0, 16),
        mac: hmacSm3(master, 'banzi/mac'),
      });
    }
    const indexMaster = ring.keys[ring.index];
    if (!indexMaster || !this.derived.has(ring.current)) throw new Error('keyring: current or index key missing');
    const im = Buffer.from(indexMaster, 'base64');
    this.blindKey = hmacSm3(im, 'banzi/blind');
    this.auditKey = hmacSm3(im, 'banzi/audit');
    this.current = ring.current;
  }

  encrypt(plain: string): string {
    const keys = this.derived.get(this.current);
    if (!keys) throw new Error('no current key');
    const iv = randomBytes(16);
    const c = createCipheriv('sm4-ctr', keys.enc, iv);
    const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    const head = `sm4.v1.${this.current}.${iv.toString('base64url')}.${ct.toString('base64url')}`;
    const mac = hmacSm3(keys.mac, head).toString('base64url');
    return `${head}.${mac}`;
  }

  decrypt(value: string): string {
    const parts = value.split('.');
    if (parts.length !== 6 || parts[0] !== 'sm4' || parts[1] !== 'v1') throw new Error('not a Banzi ciphertext');
    const [, , keyId, ivB64, ctB64, macB64] = parts as [string, string, string, string, string, string];
    const keys = this.derived.get(keyId);
    if (!keys) throw new Error(`unknown key id ${keyId}`);
    const head = parts.slice(0, 5).join('.');
    const expected = hmacSm3(keys.mac, head);
    const got = Buffer.from(macB64, 'base64url');
    if (got.length !== expected.length || !timingSafeEqual(got, expected)) throw new Error('ciphertext MAC mismatch');
    const d = createDecipheriv('sm4-ctr', keys.enc, Buffer.from(ivB64, 'base64url'));
    return Buffer.concat([d.update(Buffer.from(ctB64, 'base64url')), d.final()]).toString('utf8');
  }

  /** Keyed blind index: equal inputs give equal outputs, so duplicates are found without decrypting. */
  blindIndex(purpose: string, value: string): string {
    return hmacSm3(this.blindKey, `${purpose}\u0000${value}`).toString('hex');
  }

  /** Keyed MAC for the audit log's before/after digests: proves a value without revealing it. */
  auditMac(value: unknown): string {
    return hmacSm3(this.auditKey, canonicalJson(value)).toString('hex');
  }
}

/** Stable JSON: object keys sorted, so equal values hash equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

export function newKeyring(): KeyringFile {
  return { version: 1, current: 'k1', index: 'k1', keys: { k1: randomBytes(32).toString('base64') } };
}

export interface LoadedKeyring {
  ring: KeyringFile;
  /** Set when Banzi wrote a new key file on this start */
  createdFile?: string;
}

/**
 * Load the keyring: BANZI_KEY (the keyring JSON, or one base64 32-byte key), else the key file.
 * Without either, the first start writes a new key file (mode 0600) and says so.
 */
export function loadKeyring(opts: { envKey?: string | undefined; keyFile: string }): LoadedKeyring {
  if (opts.envKey) {
    const t = opts.envKey.trim();
    if (t.startsWith('{')) return { ring: JSON.parse(t) as KeyringFile };
    return { ring: { version: 1, current: 'k1', index: 'k1', keys: { k1: t } } };
  }
  if (existsSync(opts.keyFile)) return { ring: JSON.parse(readFileSync(opts.keyFile, 'utf8')) as KeyringFile };
  const ring = newKeyring();
  mkdirSync(dirname(opts.keyFile), { recursive: true });
  writeFileSync(opts.keyFile, JSON.stringify(ring, null, 2), { mode: 0o600 });
  chmodSync(opts.keyFile, 0o600);
  return { ring, createdFile: opts.keyFile };
}
