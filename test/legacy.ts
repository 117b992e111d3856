/**
 * A database as the releases before issue 8 left it: the migrations of that time, audit events
 * chained with unkeyed SM3, and field ciphertexts in the unbound `sm4.v1` format. The two formats
 * are written out here on purpose (not imported), so the upgrade is tested against the old
 * algorithms as they were, whatever the current code does.
 */
import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { Migrator, type Kysely, type Migration } from 'kysely';
import { MIGRATIONS } from '../src/server/db/migrate.js';
import type { Database } from '../src/server/db/database.js';
import type { KeyringFile } from '../src/server/platform/crypto.js';

/** The migrations released before the keyed audit chain. */
export const LEGACY_MIGRATIONS = [
  '0001_foundation',
  '0100_meetings',
  '0101_decisions',
  '0200_ballots',
  '0201_assessments',
  '0250_influence_periods',
  '0300_disclosures',
];

export async function migrateLegacy(db: Kysely<Database>): Promise<void> {
  const picked: Record<string, Migration> = {};
  for (const name of LEGACY_MIGRATIONS) picked[name] = MIGRATIONS[name] as Migration;
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => picked } }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
}

const sm3 = (s: string) => createHash('sm3').update(s).digest('hex');
const hmac = (key: Buffer, s: string) => createHmac('sm3', key).update(s).digest();

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/** The pre-issue-8 chain hash: SM3 over the previous hash and the row's canonical JSON. */
export function legacyChainHash(prevHash: string, row: Record<string, unknown>): string {
  return sm3(`${prevHash}\n${JSON.stringify(canonical(row))}`);
}

/** Append n events the way the old AuditLog did (unkeyed), moving audit_head. */
export async function appendLegacyEvents(db: Kysely<Database>, n: number, at = '2026-05-01T02:00:00.000Z') {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  let { seq, hash } = head;
  for (let i = 0; i < n; i++) {
    const row = {
      seq: seq + 1,
      id: `legacy-${seq + 1}-${randomBytes(4).toString('hex')}`,
      at,
      actor_user_id: null,
      actor_name: 'cli',
      unit_id: null,
      action: i % 2 ? 'people.updated' : 'auth.login',
      entity_type: i % 2 ? 'person' : 'user',
      entity_id: null,
      changed_fields: '[]',
      before_mac: null,
      after_mac: null,
      details: JSON.stringify(canonical({ n: i })),
      request_id: null,
    };
    const h = legacyChainHash(hash, row);
    await db
      .insertInto('audit_events')
      .values({ ...row, prev_hash: hash, hash: h })
      .execute();
    seq = row.seq;
    hash = h;
  }
  await db.updateTable('audit_head').set({ seq, hash }).where('id', '=', 1).execute();
  return { seq, hash };
}

/** The pre-issue-8 field ciphertext: `sm4.v1.<keyId>.<iv>.<ct>.<mac>`, MAC over the head only. */
export function legacyEncrypt(ring: KeyringFile, plain: string): string {
  const master = Buffer.from(ring.keys[ring.current] as string, 'base64');
  const enc = hmac(master, 'banzi/enc').subarray(0, 16);
  const mac = hmac(master, 'banzi/mac');
  const iv = randomBytes(16);
  const c = createCipheriv('sm4-ctr', enc, iv);
  const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  const head = `sm4.v1.${ring.current}.${iv.toString('base64url')}.${ct.toString('base64url')}`;
  return `${head}.${hmac(mac, head).toString('base64url')}`;
}
