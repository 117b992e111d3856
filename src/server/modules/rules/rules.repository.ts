/**
 * Queries of the rules registry: overrides, frozen parameter values, stored findings.
 */
import type { Insertable } from 'kysely';
import { fromJson, toJson, type Executor } from '../../db/helpers.js';
import type { RuleFindingsTable } from './rules.table.js';

/** Overrides of these units in force on a date (optionally of one rule), in the order they stack. */
export async function overridesInForce(db: Executor, unitIds: readonly string[], at: string, ruleId?: string) {
  if (!unitIds.length) return [];
  let q = db
    .selectFrom('rule_overrides')
    .selectAll()
    .where('unit_id', 'in', [...unitIds])
    .where('effective_from', '<=', at);
  if (ruleId) q = q.where('rule_id', '=', ruleId);
  return q.orderBy('effective_from').orderBy('set_at').execute();
}

/** Every unit with its parent and name (the registry builds ancestries for many units at once). */
export async function allUnits(db: Executor) {
  return db.selectFrom('units').select(['id', 'parent_id', 'name']).execute();
}

export async function parentOf(db: Executor, unitId: string): Promise<{ exists: boolean; parentId: string | null }> {
  const u = await db.selectFrom('units').select('parent_id').where('id', '=', unitId).executeTakeFirst();
  return { exists: !!u, parentId: u?.parent_id ?? null };
}

export async function insertOverride(
  db: Executor,
  row: {
    id: string;
    rule_id: string;
    unit_id: string;
    params: Record<string, unknown>;
    effective_from: string;
    reason: string;
    set_by: string;
    set_at: string;
  },
): Promise<void> {
  await db
    .insertInto('rule_overrides')
    .values({ ...row, params: toJson(row.params) })
    .execute();
}

/** The override history of a rule for some units; an override set on the server's CLI has no user. */
export async function overrideHistory(db: Executor, ruleId: string, unitIds: readonly string[] | null) {
  let q = db
    .selectFrom('rule_overrides')
    .innerJoin('units', 'units.id', 'rule_overrides.unit_id')
    .leftJoin('users', 'users.id', 'rule_overrides.set_by')
    .select([
      'rule_overrides.id',
      'rule_overrides.rule_id',
      'rule_overrides.unit_id',
      'units.name as unit_name',
      'rule_overrides.params',
      'rule_overrides.effective_from',
      'rule_overrides.reason',
      'rule_overrides.set_by',
      'users.display_name as set_by_name',
      'rule_overrides.set_at',
    ])
    .where('rule_overrides.rule_id', '=', ruleId);
  if (unitIds) q = q.where('rule_overrides.unit_id', 'in', [...unitIds, '-']);
  return q.orderBy('rule_overrides.effective_from', 'desc').execute();
}

export interface SnapshotRow {
  entityId: string;
  ruleId: string;
  params: Record<string, unknown>;
}

export async function snapshotsOf(
  db: Executor,
  entityType: string,
  entityIds: readonly string[],
  ruleIds?: readonly string[],
): Promise<SnapshotRow[]> {
  if (!entityIds.length) return [];
  let q = db
    .selectFrom('rule_param_snapshots')
    .select(['entity_id', 'rule_id', 'params'])
    .where('entity_type', '=', entityType)
    .where('entity_id', 'in', [...entityIds]);
  if (ruleIds?.length) q = q.where('rule_id', 'in', [...ruleIds]);
  return (await q.execute()).map((r) => ({ entityId: r.entity_id, ruleId: r.rule_id, params: fromJson(r.params, {}) }));
}

export async function insertSnapshots(
  db: Executor,
  rows: readonly {
    entity_type: string;
    entity_id: string;
    rule_id: string;
    unit_id: string;
    at: string;
    params: Record<string, unknown>;
    frozen_at: string;
  }[],
): Promise<void> {
  if (!rows.length) return;
  await db
    .insertInto('rule_param_snapshots')
    .values(rows.map((r) => ({ ...r, params: toJson(r.params) })))
    .execute();
}

/** Store findings with the records they judged, 200 rows a statement. */
export async function insertFindings(db: Executor, rows: readonly Insertable<RuleFindingsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('rule_findings')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

/** The findings stored with one record, oldest first. */
export function findingsOfEntity(db: Executor, entityType: string, entityId: string) {
  return db
    .selectFrom('rule_findings')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('created_at')
    .execute();
}
