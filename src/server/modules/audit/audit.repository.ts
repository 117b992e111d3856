/**
 * Audit log queries for the auditor's search and for records that show their own trail: queries
 * only (the log itself is written by platform/audit.ts).
 */
import type { Executor } from '../../db/helpers.js';

/** One page of events matching the filters, newest first, with the unit's name and the total. */
export async function searchEvents(
  db: Executor,
  q: {
    actor?: string | undefined;
    unitId?: string | undefined;
    action?: string | undefined;
    entityId?: string | undefined;
    /** Instants (ISO, UTC): from inclusive, to exclusive */
    fromInstant?: string | undefined;
    toInstant?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  let base = db.selectFrom('audit_events').leftJoin('units', 'units.id', 'audit_events.unit_id');
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
  if (q.fromInstant) base = base.where('audit_events.at', '>=', q.fromInstant);
  if (q.toInstant) base = base.where('audit_events.at', '<', q.toInstant);
  const count = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  const rows = await base
    .selectAll('audit_events')
    .select('units.name as unit_name')
    .orderBy('audit_events.seq', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { total: Number(count?.n ?? 0), rows };
}

/** The events of some records with some actions, oldest first. */
export function eventsOfEntities(
  db: Executor,
  entityType: string,
  entityIds: readonly string[],
  actions: readonly string[],
) {
  return db
    .selectFrom('audit_events')
    .select(['seq', 'at', 'actor_user_id', 'actor_name', 'action', 'entity_id', 'details'])
    .where('entity_type', '=', entityType)
    .where('entity_id', 'in', [...entityIds])
    .where('action', 'in', [...actions])
    .orderBy('seq')
    .execute();
}
