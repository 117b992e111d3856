/**
 * The audit log: append-only and hash-chained. Every write is recorded in the same transaction as
 * the change: who, when, unit, action, entity, the names of the changed fields and a keyed
 * HMAC-SM3 of their before and after values; never readable sensitive values. Anonymous ballots
 * record only the session and the event (callers pass no entity id).
 *
 * The chain is keyed (issue 8 §2): each row's hash is HMAC-SM3, with the audit key (which the
 * database does not hold), over the previous hash and the row, so whoever can write the database
 * cannot recompute it. Chains written before issue 8 (unkeyed SM3) are not rehashed: the first
 * append after the upgrade writes an anchor event carrying the old head into the keyed chain.
 * After every commit that moved the head, a keyed checkpoint is written outside the database
 * (audit-commit.ts, audit-checkpoints.ts); audit-verify.ts checks both.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { Dialect } from '../db/connect.js';
import type { Executor } from '../db/helpers.js';
import { nowIso, type Clock } from './clock.js';
import { canonicalJson, hmacSm3, sm3Hex, type AuditKey, type FieldCrypto } from './crypto.js';
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

/** The hash of one row before issue 8: SM3 over the previous hash and the row (anyone can recompute it). */
export function legacyChainHash(prevHash: string, row: ChainedFields): string {
  return sm3Hex(`${prevHash}\n${canonicalJson(row)}`);
}

/** The keyed hash of one row: HMAC-SM3 with the audit key, which the database does not hold. */
export function keyedChainHash(key: AuditKey, prevHash: string, row: ChainedFields): string {
  return hmacSm3(key.chain, `${prevHash}\n${canonicalJson(row)}`).toString('hex');
}

/** The chain's head as the database holds it. */
export async function readAuditHead(db: Executor): Promise<{ seq: number; hash: string }> {
  return db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
}

/** The event that carries the head of an unkeyed (legacy) chain into the keyed chain. */
export const ANCHOR_ACTION = 'audit.chain_keyed';

const SYSTEM: AuditActor = { actorUserId: null, actorName: 'banzi' };

export class AuditLog {
  /** Set once the anchor event is seen committed; until then every append looks for it. */
  private anchored = false;

  constructor(
    private readonly deps: { crypto: FieldCrypto; clock: Clock; random: Random; dialect: Dialect; key: AuditKey },
  ) {}

  /** Append one event inside the caller's transaction. */
  async record(trx: Transaction<Database>, actor: AuditActor, ev: AuditEventInput): Promise<void> {
    await this.recordMany(trx, actor, [ev]);
  }

  /**
   * Append several events in order inside the caller's transaction, reading and moving the chain
   * head once (for batch use cases; the chain is the same as recording them one by one). The
   * first append on a chain without an anchor writes the anchor first.
   */
  async recordMany(trx: Transaction<Database>, actor: AuditActor, events: readonly AuditEventInput[]): Promise<void> {
    if (!events.length) return;
    await this.append(trx, actor, events);
  }

  /** Anchor the chain (bootstrap): writes the anchor event unless it exists. */
  async ensureAnchored(db: Kysely<Database>): Promise<void> {
    if (this.anchored) return;
    await db.transaction().execute((trx) => this.append(trx, SYSTEM, []));
  }

  private async append(trx: Transaction<Database>, actor: AuditActor, events: readonly AuditEventInput[]) {
    let headQuery = trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
    if (this.deps.dialect === 'postgres') headQuery = headQuery.forUpdate();
    const head = await headQuery.executeTakeFirstOrThrow();
    let { seq, hash: prevHash } = head;
    const all: { who: AuditActor; ev: AuditEventInput }[] = [];
    if (!this.anchored) {
      const anchor = await trx
        .selectFrom('audit_events')
        .select('seq')
        .where('action', '=', ANCHOR_ACTION)
        .limit(1)
        .executeTakeFirst();
      // Seen committed: no need to look again. Written here: looked for again until it is committed.
      if (anchor) this.anchored = true;
      else {
        const details = {
          legacyHeadSeq: seq,
          legacyHeadHash: prevHash,
          keyId: this.deps.key.id,
          algorithm: 'HMAC-SM3',
        };
        all.push({ who: SYSTEM, ev: { action: ANCHOR_ACTION, entityType: 'audit_log', details } });
      }
    }
    for (const ev of events) all.push({ who: actor, ev });
    if (!all.length) return;
    const rows = [];
    for (const { who, ev } of all) {
      const fields = changedFields(ev.before, ev.after);
      const before = pick(ev.before, fields);
      const after = pick(ev.after, fields);
      const row: ChainedFields = {
        seq: seq + 1,
        id: uuidv7(this.deps.random, this.deps.clock.now().getTime()),
        at: nowIso(this.deps.clock),
        actor_user_id: who.actorUserId,
        actor_name: who.actorName,
        unit_id: ev.unitId ?? null,
        action: ev.action,
        entity_type: ev.entityType,
        entity_id: ev.entityId ?? null,
        changed_fields: JSON.stringify(fields),
        before_mac: before && fields.length ? this.deps.crypto.auditMac(before) : null,
        after_mac: after && fields.length ? this.deps.crypto.auditMac(after) : null,
        details: canonicalJson(ev.details ?? {}),
        request_id: who.requestId ?? null,
      };
      const hash = keyedChainHash(this.deps.key, prevHash, row);
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
    // The commit hook (audit-commit.ts) reads this (seq, hash) and writes the checkpoint after COMMIT.
    await trx.updateTable('audit_head').set({ seq, hash: prevHash }).where('id', '=', 1).execute();
  }

  /** Check that a value matches a stored before/after MAC (for an investigator who knows the value). */
  macMatches(value: Record<string, unknown>, mac: string): boolean {
    return this.deps.crypto.auditMac(value) === mac;
  }
}

/**
 * Used by tests that simulate an insider with DDL rights (a database administrator) dropping every
 * guard the database has, then editing rows behind Banzi's back: the keyed chain and the
 * checkpoints outside the database still catch it.
 */
export async function dropAppendOnlyGuards(db: Executor, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    for (const [trigger, table] of [
      ['audit_events_no_update', 'audit_events'],
      ['audit_events_no_truncate', 'audit_events'],
      ['audit_head_guard', 'audit_head'],
      ['audit_head_no_truncate', 'audit_head'],
    ] as const) {
      await sql`drop trigger if exists ${sql.ref(trigger)} on ${sql.table(table)}`.execute(db);
    }
  } else {
    for (const trigger of [
      'audit_events_no_update',
      'audit_events_no_delete',
      'audit_head_forward',
      'audit_head_no_delete',
      'audit_head_single',
    ]) {
      await sql`drop trigger if exists ${sql.ref(trigger)}`.execute(db);
    }
  }
}
