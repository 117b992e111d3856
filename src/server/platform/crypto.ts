/**
 * Field encryption, blind indexes, keyed MACs and SM3 hashing, behind one interface.
 * Cipher: SM4-CTR with encrypt-then-MAC by HMAC-SM3 (Node has no SM4-GCM). Ciphertexts carry
 * the key id, so keys can be rotated: `sm4.v2.<keyId>.<iv>.<ciphertext>.<mac>` (base64url parts).
 * The MAC also covers where the value lives (table, column, row id; not stored in the value), so
 * one row's ciphertext copied into another row or column fails to decrypt (issue 8 §7b).
 * `sm4.v1` values (before issue 8) carried no binding; bootstrap re-encrypts them once
 * (field-rebind.ts) and `decrypt` refuses them.
 * Sub-keys are derived from each master key with HMAC-SM3 and a purpose label.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../common/errors.js';
import type { EncryptedColumn } from './encrypted-columns.js';

export function sm3Hex(data: string | Buffer): string {
  return createHash('sm3').update(data).digest('hex');
}

export function hmacSm3(key: Buffer, data: string | Buffer): Buffer {
  return createHmac('sm3', key).update(data).digest();
}

/** Where an encrypted value lives: one of the registered columns, and the row's id. */
export type FieldBinding = EncryptedColumn & { rowId: string };

function bindingOf(at: FieldBinding): string {
  return `banzi-field\u0000${at.table}\u0000${at.column}\u0000${at.rowId}`;
}

/**
 * A ciphertext that does not belong where it was read (copied from another row or column, or
 * altered): the read is refused, never answered with someone else's data.
 */
export class FieldIntegrityError extends AppError {
  constructor(at: FieldBinding, why: string) {
    super(
      'INTERNAL_ERROR',
      '数据完整性校验失败：加密字段与所在记录不符（可能被复制或篡改），已拒绝读取。请联系安全管理员核查。',
      { details: { table: at.table, column: at.column } },
    );
    console.error(
      `[banzi] 加密字段完整性校验失败 field integrity check failed: ${at.table}.${at.column} row ${at.rowId} (${why})`,
    );
  }
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

  /** Encrypt a value for one column of one row (the binding is MACed, not stored). */
  encrypt(plain: string, at: FieldBinding): string {
    const keys = this.derived.get(this.current);
    if (!keys) throw new Error('no current key');
    const iv = randomBytes(16);
    const c = createCipheriv('sm4-ctr', keys.enc, iv);
    const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    const head = `sm4.v2.${this.current}.${iv.toString('base64url')}.${ct.toString('base64url')}`;
    const mac = hmacSm3(keys.mac, `${head}\n${bindingOf(at)}`).toString('base64url');
    return `${head}.${mac}`;
  }

  /** Decrypt a value read from one column of one row; refuses a value bound elsewhere. */
  decrypt(value: string, at: FieldBinding): string {
    const parts = value.split('.');
    if (parts.length !== 6 || parts[0] !== 'sm4') throw new FieldIntegrityError(at, 'not a Banzi ciphertext');
    if (parts[1] !== 'v2') throw new FieldIntegrityError(at, `unbound ${parts[1]} ciphertext`);
    return this.open(
      parts,
      `${parts.slice(0, 5).join('.')}\n${bindingOf(at)}`,
      () => new FieldIntegrityError(at, 'MAC'),
    );
  }

  /** True for a value in the unbound format of before issue 8 (to be re-encrypted with its binding). */
  static isUnbound(value: string): boolean {
    return value.startsWith('sm4.v1.');
  }

  /** Only for re-encrypting values written before issue 8 (`sm4.v1`, MAC over the value alone). */
  decryptUnbound(value: string): string {
    const parts = value.split('.');
    if (parts.length !== 6 || parts[0] !== 'sm4' || parts[1] !== 'v1') throw new Error('not an sm4.v1 ciphertext');
    return this.open(parts, parts.slice(0, 5).join('.'), () => new Error('ciphertext MAC mismatch'));
  }

  private open(parts: string[], macInput: string, fail: () => Error): string {
    const [, , keyId, ivB64, ctB64, macB64] = parts as [string, string, string, string, string, string];
    const keys = this.derived.get(keyId);
    if (!keys) throw new Error(`unknown key id ${keyId}`);
    const expected = hmacSm3(keys.mac, macInput);
    const got = Buffer.from(macB64, 'base64url');
    if (got.length !== expected.length || !timingSafeEqual(got, expected)) throw fail();
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

/**
 * The audit key: a key the database does not hold, for the keyed audit chain (HMAC-SM3 over each
 * event and the previous hash) and the checkpoint lines written outside the database. Kept apart
 * from the field keyring, so the auditor who verifies the log needs no key that decrypts data.
 */
export interface AuditKey {
  /** A public fingerprint of the key (SM3 of a derived value), named in the anchor and checkpoints */
  id: string;
  /** Chains the audit events */
  chain: Buffer;
  /** MACs the checkpoint lines */
  checkpoint: Buffer;
}

export function auditKeyFrom(master: Buffer): AuditKey {
  if (master.length < 32) throw new Error('the audit key must be at least 32 bytes');
  return {
    id: sm3Hex(hmacSm3(master, 'banzi/audit-key-id')).slice(0, 16),
    chain: hmacSm3(master, 'banzi/audit-chain'),
    checkpoint: hmacSm3(master, 'banzi/audit-checkpoint'),
  };
}

interface AuditKeyFile {
  version: 1;
  purpose: 'banzi-audit';
  /** base64 32-byte key */
  key: string;
}

/**
 * Load the audit key: BANZI_AUDIT_KEY (base64, 32 bytes or more), else the audit key file. Without
 * either, the first start writes a new key file (mode 0600) beside the field key and says so;
 * with `create: false` (verifying) a missing key is an error, never a new key.
 */
export function loadAuditKey(opts: { envKey?: string | undefined; keyFile: string; create?: boolean }): {
  key: AuditKey;
  createdFile?: string;
} {
  if (opts.envKey?.trim()) return { key: auditKeyFrom(Buffer.from(opts.envKey.trim(), 'base64')) };
  if (existsSync(opts.keyFile)) {
    const f = JSON.parse(readFileSync(opts.keyFile, 'utf8')) as AuditKeyFile;
    if (f.purpose !== 'banzi-audit' || typeof f.key !== 'string') {
      throw new Error(`${opts.keyFile}: not a Banzi audit key file`);
    }
    return { key: auditKeyFrom(Buffer.from(f.key, 'base64')) };
  }
  if (opts.create === false) {
    throw new Error(`未找到审计密钥 ${opts.keyFile}（或 BANZI_AUDIT_KEY）：没有它无法校验审计日志。No audit key.`);
  }
  const file: AuditKeyFile = { version: 1, purpose: 'banzi-audit', key: randomBytes(32).toString('base64') };
  mkdirSync(dirname(opts.keyFile), { recursive: true });
  writeFileSync(opts.keyFile, JSON.stringify(file, null, 2), { mode: 0o600 });
  chmodSync(opts.keyFile, 0o600);
  return { key: auditKeyFrom(Buffer.from(file.key, 'base64')), createdFile: opts.keyFile };
}
