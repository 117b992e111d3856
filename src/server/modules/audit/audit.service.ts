/**
 * Audit log queries for the auditor. Dates are Beijing dates; instants are stored in UTC.
 */
import { endOfDayInstant } from '../../../common/time.js';
import { addDays } from '../../../common/dates.js';
import type { AppContext } from '../../context.js';
import { fromJson, type Executor } from '../../db/helpers.js';
import type { Actor } from '../../http/actor.js';
import { verifyAuditChain } from '../../platform/audit.js';
import { auditActorOf, type RequestMeta } from '../accounts/accounts.service.js';

export async function searchEvents(
  ctx: AppContext,
  q: {
    actor?: string | undefined;
    unitId?: string | undefined;
    action?: string | undefined;
    entityId?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  let base = ctx.db.selectFrom('audit_events').leftJoin('units', 'units.id', 'audit_events.unit_id');
  if (q.actor) {
    const like = `%${q.actor.replace(/[%_]/g, '')}%`;
    base = base.where((eb) =>
      eb.or([eb('audit_events.actor_name', 'like', like), eb('audit_events.actor_user_id', '=', q.actor ?? '')]),
    );
  }
  if (q.unitId) base = base.where('audit_events.unit_id', '=', q.unitId);
  // '_' is a LIKE wildcard that also matches itself, and action names contain it: keep it.
  if (q.action) base = base.where('audit_events.action', 'like', `${q.action.replace(/%/g, '')}%`);
  if (q.entityId) base = base.where('audit_events.entity_id', '=', q.entityId);
  // A Beijing date runs from 00:00 to 24:00 Beijing time.
  if (q.from) base = base.where('audit_events.at', '>=', endOfDayInstant(addDays(q.from, -1)).toISOString());
  if (q.to) base = base.where('audit_events.at', '<', endOfDayInstant(q.to).toISOString());
  const count = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  const rows = await base
    .selectAll('audit_events')
    .select('units.name as unit_name')
    .orderBy('audit_events.seq', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    items: rows.map((r) => ({
      seq: r.seq,
      id: r.id,
      at: r.at,
      actorUserId: r.actor_user_id,
      actorName: r.actor_name,
      unitId: r.unit_id,
      unitName: r.unit_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      changedFields: fromJson<string[]>(r.changed_fields, []),
      beforeMac: r.before_mac,
      afterMac: r.after_mac,
      details: fromJson<Record<string, unknown>>(r.details, {}),
      requestId: r.request_id,
      hash: r.hash,
    })),
    total: Number(count?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function verify(ctx: AppContext, actor: Actor, meta: RequestMeta) {
  const result = await verifyAuditChain(ctx.db);
  // The verification itself is recorded (after the check, so it does not change what was checked).
  await ctx.db.transaction().execute((trx) =>
    ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'audit.verified',
      entityType: 'audit_log',
      details: { ok: result.ok, checked: result.checked, brokenAt: result.broken?.seq ?? null },
    }),
  );
  return result;
}

/**
 * The events of some records with some actions, oldest first (for modules that show a record's
 * own trail, e.g. who read a personal-matters report). Callers decide who may see them.
 */
export async function eventsOfEntities(
  db: Executor,
  entityType: string,
  entityIds: readonly string[],
  actions: readonly string[],
) {
  if (!entityIds.length || !actions.length) return [];
  const rows = await db
    .selectFrom('audit_events')
    .select(['seq', 'at', 'actor_user_id', 'actor_name', 'action', 'entity_id', 'details'])
    .where('entity_type', '=', entityType)
    .where('entity_id', 'in', [...entityIds])
    .where('action', 'in', [...actions])
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actorUserId: r.actor_user_id,
    actorName: r.actor_name,
    action: r.action,
    entityId: r.entity_id,
    details: fromJson<Record<string, unknown>>(r.details, {}),
  }));
}
