/**
 * Field ciphertexts bound to their table, column and row (issue 8 §7b), and the audit key.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  auditKeyFrom,
  FieldCrypto,
  FieldIntegrityError,
  loadAuditKey,
  newKeyring,
  type FieldBinding,
} from './crypto.js';
import { ENCRYPTED_COLUMNS } from './encrypted-columns.js';

const ring = newKeyring();
const crypto = new FieldCrypto(ring);
const column = fc.constantFrom(...ENCRYPTED_COLUMNS);
const binding = fc
  .record({ col: column, rowId: fc.string({ minLength: 1, maxLength: 40 }) })
  .map(({ col, rowId }): FieldBinding => ({ ...col, rowId }));

describe('field ciphertexts bound to their row (issue 8 §7b)', () => {
  // Each refusal is logged for the operator; keep the test output readable.
  beforeAll(() => void vi.spyOn(console, 'error').mockImplementation(() => undefined));

  it('decrypt(encrypt(x, at), at) === x for any text and place', () => {
    fc.assert(
      fc.property(fc.string(), binding, (plain, at) => crypto.decrypt(crypto.encrypt(plain, at), at) === plain),
    );
  });

  it('refuses a ciphertext read at any other table, column or row', () => {
    fc.assert(
      fc.property(fc.string(), binding, binding, (plain, at, other) => {
        fc.pre(at.table !== other.table || at.column !== other.column || at.rowId !== other.rowId);
        const c = crypto.encrypt(plain, at);
        expect(() => crypto.decrypt(c, other)).toThrow(FieldIntegrityError);
      }),
      { numRuns: 200 },
    );
  });

  it('answers a refused read with a Chinese message and no data', () => {
    const c = crypto.encrypt('110101199003071234', { table: 'people', column: 'id_number_enc', rowId: 'a' });
    try {
      crypto.decrypt(c, { table: 'people', column: 'id_number_enc', rowId: 'b' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FieldIntegrityError);
      expect((e as FieldIntegrityError).status).toBe(500);
      expect((e as Error).message).toContain('完整性');
      expect((e as Error).message).not.toContain('1234');
    }
  });

  it('keeps a key id in the value (rotation) and refuses the unbound v1 format in decrypt, reading it only for re-encryption', () => {
    const at: FieldBinding = { table: 'disclosure_cases', column: 'note_enc', rowId: 'c1' };
    const v2 = crypto.encrypt('诫勉', at);
    expect(v2.startsWith('sm4.v2.k1.')).toBe(true);
    const v1 = v2.replace('sm4.v2.', 'sm4.v1.');
    expect(() => crypto.decrypt(v1, at)).toThrow(FieldIntegrityError);
    expect(FieldCrypto.isUnbound(v1)).toBe(true);
    expect(() => crypto.decryptUnbound(v2)).toThrow();
    // A bound value's MAC covers the binding, so relabelling it v1 does not make it readable unbound.
    expect(() => crypto.decryptUnbound(v1)).toThrow(/MAC/);
  });

  it('refuses a flipped ciphertext bit', () => {
    const at: FieldBinding = { table: 'people', column: 'id_number_enc', rowId: 'p' };
    const c = crypto.encrypt('abcdef', at);
    const parts = c.split('.');
    const ct = Buffer.from(parts[4] as string, 'base64url');
    ct[0] = (ct[0] ?? 0) ^ 1;
    parts[4] = ct.toString('base64url');
    expect(() => crypto.decrypt(parts.join('.'), at)).toThrow(FieldIntegrityError);
  });
});

describe('the audit key', () => {
  it('is written on first start with mode 0600, read back the same, and refuses a short key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'banzi-akey-'));
    try {
      const file = join(dir, 'sub', 'banzi-audit.key');
      const first = loadAuditKey({ keyFile: file });
      expect(first.createdFile).toBe(file);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const again = loadAuditKey({ keyFile: file });
      expect(again.createdFile).toBeUndefined();
      expect(again.key.id).toBe(first.key.id);
      expect(again.key.chain.equals(first.key.chain)).toBe(true);
      const b64 = JSON.parse(readFileSync(file, 'utf8')).key as string;
      expect(loadAuditKey({ envKey: b64, keyFile: join(dir, 'unused') }).key.id).toBe(first.key.id);
      expect(() => auditKeyFrom(Buffer.alloc(16))).toThrow(/32 bytes/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('derives separate keys for the chain and the checkpoints', () => {
    const k = auditKeyFrom(Buffer.alloc(32, 7));
    expect(k.chain.equals(k.checkpoint)).toBe(false);
    expect(k.id).toMatch(/^[0-9a-f]{16}$/);
  });
});
