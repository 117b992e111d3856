/**
 * The data migration of issue 8 §7b: field ciphertexts written before it (`sm4.v1`, MAC over the
 * value alone) are re-encrypted bound to their table, column and row (`sm4.v2`), in one
 * transaction with its audit event. It needs the field keys, which schema migrations do not have,
 * so bootstrap runs it after loading the keyring; once nothing is left in the old format it only
 * looks (one probe per column).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { AuditLog } from './audit.js';
import type { FieldCrypto } from './crypto.js';
import { ENCRYPTED_COLUMNS } from './encrypted-columns.js';

const OLD_FORMAT = 'sm4.v1.%';

export interface RebindResult {
  /** 'table.column' -> values re-encrypted */
  columns: Record<string, number>;
  /** 'table.column' -> row ids whose old value did not decrypt (left as they are; reads refuse them) */
  failed: Record<string, string[]>;
}

/** The encrypted tables seen generically: an id and text columns. */
type Loose = Record<string, Record<string, string | null> & { id: string }>;

async function anyOld(db: Kysely<Loose>): Promise<boolean> {
  for (const c of ENCRYPTED_COLUMNS) {
    const row = await db
      .selectFrom(c.table)
      .select('id')
      .where(c.column, 'like', OLD_FORMAT)
      .limit(1)
      .executeTakeFirst();
    if (row) return true;
  }
  return false;
}

export async function rebindFieldCiphertexts(
  db: Kysely<Database>,
  crypto: FieldCrypto,
  audit: AuditLog,
): Promise<RebindResult | null> {
  if (!(await anyOld(db as unknown as Kysely<Loose>))) return null;
  return db.transaction().execute(async (trx) => {
    const t = trx as unknown as Transaction<Loose>;
    const result: RebindResult = { columns: {}, failed: {} };
    for (const c of ENCRYPTED_COLUMNS) {
      const key = `${c.table}.${c.column}`;
      let after = '';
      for (;;) {
        const rows = await t
          .selectFrom(c.table)
          .select(['id', c.column])
          .where(c.column, 'like', OLD_FORMAT)
          .where('id', '>', after)
          .orderBy('id')
          .limit(500)
          .execute();
        if (!rows.length) break;
        for (const r of rows) {
          const id = r.id;
          after = id;
          let plain: string;
          try {
            plain = crypto.decryptUnbound(r[c.column] as string);
          } catch {
            (result.failed[key] ??= []).push(id);
            continue;
          }
          const value = crypto.encrypt(plain, { ...c, rowId: id });
          await t
            .updateTable(c.table)
            .set({ [c.column]: value })
            .where('id', '=', id)
            .execute();
          result.columns[key] = (result.columns[key] ?? 0) + 1;
        }
      }
    }
    await audit.record(
      trx,
      { actorUserId: null, actorName: 'banzi' },
      {
        action: 'crypto.fields_rebound',
        entityType: 'field_ciphertexts',
        details: { format: 'sm4.v2', columns: result.columns, failed: result.failed },
      },
    );
    const failures = Object.entries(result.failed);
    if (failures.length) {
      console.error(
        `[banzi] 以下旧格式加密字段无法解密，未重新加密（读取时将被拒绝）：${failures.map(([k, ids]) => `${k} ${ids.join(',')}`).join('; ')}`,
      );
    }
    return result;
  });
}
