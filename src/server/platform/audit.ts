/**
 * The audit log: append-only and hash-chained with SM3. Every write is recorded in the same
 * transaction as the change: who, when, unit, action, entity, the names of the changed fields
 * and a keyed HMAC-SM3 of their before and after values; never readable sensitive values.
 * Anonymous ballots record only the session and the event (callers pass no entity id).
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { Dialect } from '../db/connect.js';
import type { Executor } from '../db/helpers.js';
import { nowIso, type Clock } from './clock.js';
import { canonicalJson, sm3Hex, type FieldCrypto } from './crypto.js';
import { uuidv7, type Random } from './random.js';

export const GENESIS_HASH = '0'.repeat(64);

/** Who acted. System jobs and the CLI use actorUserId null and a descriptive actorName. */
export interface AuditActor {
  actorUserId: string | null;
  actorName: string | null;
  requestId?: string | null;
}

export interface AuditEventInput {
  /** '<module>.<verb>', e.g. 'people.update' */
  action: string;
  entityType: string;
  entityId?: string | null;
  unitId?: string | null;
  /** Values before the change (only the fields that changed are kept; values are MACed, never stored) */
  before?: Record<string, unknown> | null;
  /** Values after the change */
  after?: Record<string, unknown> | null;
  /** Non-sensitive details (counts, states, rule ids); stored readable */
  details?: Record<string, unknown>;
}

/** The keys whose values differ between before and after (either may be missing). */
export function changedFields(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((k) => canonicalJson(before?.[k] ?? null) !== canonicalJson(after?.[k] ?? null)).sort();
}

function pick(obj: Record<string, unknown> | null | undefined, keys: string[]): Record<string, unknown> | null {
  if (!obj) return null;
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = obj[k] ?? null;
  return out;
}

export interface ChainedFields {
  seq: number;
  id: string;
  at: string;
  actor_user_id: string | null;
  actor_name: string | null;
  unit_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  changed_fields: string;
  before_mac: string | null;
  after_mac: string | null;
  details: string;
  request_id: string | null;
}

/** The hash of one row, chained to the previous row's hash. */
export function chainHash(prevHash: string, row: ChainedFields): string {
  return sm3Hex(`${prevHash}\n${canonicalJson(row)}`);
}

export class AuditLog {
  constructor(private readonly deps: { crypto: FieldCrypto; clock: Clock; random: Random; dialect: Dialect }) {}

  /** Append one event inside the caller's transaction. */
  async record(trx: Transaction<Database>, actor: AuditActor, ev: AuditEventInput): Promise<void> {
    await this.recordMany(trx, actor, [ev]);
  }

  /**
   * Append several events in order inside the caller's transaction, reading and moving the chain
   * head once (for batch use cases; the chain is the same as recording them one by one).
   */
  async recordMany(trx: Transaction<Database>, actor: AuditActor, events: readonly AuditEventInput[]): Promise<void> {
    if (!events.length) return;
    let headQuery = trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
    if (this.deps.dialect === 'postgres') headQuery = headQuery.forUpdate();
    const head = await headQuery.executeTakeFirstOrThrow();
    let { seq, hash: prevHash } = head;
    const rows = [];
    for (const ev of events) {
      const fields = changedFields(ev.before, ev.after);
      const before = pick(ev.before, fields);
      const after = pick(ev.after, fields);
      const row: ChainedFields = {
        seq: seq + 1,
        id: uuidv7(this.deps.random, this.deps.clock.now().getTime()),
        at: nowIso(this.deps.clock),
        actor_user_id: actor.actorUserId,
        actor_name: actor.actorName,
        unit_id: ev.unitId ?? null,
        action: ev.action,
        entity_type: ev.entityType,
        entity_id: ev.entityId ?? null,
        changed_fields: JSON.stringify(fields),
        before_mac: before && fields.length ? this.deps.crypto.auditMac(before) : null,
        after_mac: after && fields.length ? this.deps.crypto.auditMac(after) : null,
        details: canonicalJson(ev.details ?? {}),
        request_id: actor.requestId ?? null,
      };
      const hash = chainHash(prevHash, row);
      rows.push({ ...row, prev_hash: prevHash, hash });
      seq = row.seq;
      prevHash = hash;
    }
    for (let i = 0; i < rows.length; i += 200) {
      await trx
        .insertInto('audit_events')
        .values(rows.slice(i, i + 200))
        .execute();
    }
    await trx.updateTable('audit_head').set({ seq, hash: prevHash }).where('id', '=', 1).execute();
  }

  /** Check that a value matches a stored before/after MAC (for an investigator who knows the value). */
  macMatches(value: Record<string, unknown>, mac: string): boolean {
    return this.deps.crypto.auditMac(value) === mac;
  }
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  headSeq: number;
  /** The first broken link, if any */
  broken?: { seq: number; reason: string };
}

/**
 * Walk the chain from the start: every row's seq follows the previous one, its prev_hash is the
 * previous hash and its own hash recomputes; the last row matches the head. Catches edited,
 * deleted, inserted and reordered rows.
 */
export async function verifyAuditChain(db: Executor, pageSize = 2000): Promise<VerifyResult> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.seq !== expectedSeq) {
        return {
          ok: false,
          checked,
          headSeq: head?.seq ?? 0,
          broken: { seq: expectedSeq, reason: `第 ${expectedSeq} 条记录缺失（删除或重排）` },
        };
      }
      if (r.prev_hash !== prevHash) {
        return {
          ok: false,
          checked,
          headSeq: head?.seq ?? 0,
          broken: { seq: r.seq, reason: `第 ${r.seq} 条记录的前序哈希与上一条不符` },
        };
      }
      const { prev_hash: _p, hash, ...rest } = r;
      if (chainHash(prevHash, rest) !== hash) {
        return {
          ok: false,
          checked,
          headSeq: head?.seq ?? 0,
          broken: { seq: r.seq, reason: `第 ${r.seq} 条记录内容被修改（哈希不符）` },
        };
      }
      prevHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
  }
  const headSeq = head?.seq ?? 0;
  if (!head || head.seq !== checked || head.hash !== prevHash) {
    return {
      ok: false,
      checked,
      headSeq,
      broken: { seq: checked + 1, reason: `链尾与链头记录不符（链头为第 ${headSeq} 条，实际校验到第 ${checked} 条）` },
    };
  }
  return { ok: true, checked, headSeq };
}

/** Used by tests that simulate a database administrator editing rows behind Banzi's back. */
export async function dropAppendOnlyGuards(db: Executor, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    await sql`drop trigger if exists audit_events_no_update on audit_events`.execute(db);
  } else {
    await sql`drop trigger if exists audit_events_no_update`.execute(db);
    await sql`drop trigger if exists audit_events_no_delete`.execute(db);
  }
}
