/**
 * The rules registry: every rule of regulations.md with its parameters, per-unit overrides that
 * inherit downwards and take effect from a date, and the typed way modules evaluate a rule:
 *
 *   const rc = await ruleContext(ctx, 'PG-06', unitId, date);
 *   const f = finding(rc, { present, expected }, '到会人数不足…', 'Quorum not met…');
 *   assertNoBlocking([f]);  // throws 422 RULE_VIOLATION with the findings
 */
import { RULES, getRule } from '../../../common/rules/catalogue.js';
import {
  blocking,
  checkParamValue,
  makeFinding,
  mergeParams,
  paramValues,
  type EffectiveParam,
  type OverrideLayer,
} from '../../../common/rules/engine.js';
import type { Finding, RuleDef, RuleKind } from '../../../common/rules/types.js';
import { AppError, forbidden, invalidField, notFound } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import { fromJson, toJson, type Executor } from '../../db/helpers.js';
import { hasRole, visibleUnitIds, type Actor } from '../../http/actor.js';
import { auditActorOf, type RequestMeta } from '../accounts/accounts.service.js';
import { unitAncestry } from '../orgs/orgs.service.js';
import { nowIso, today } from '../../platform/clock.js';
import { uuidv7 } from '../../platform/random.js';

export interface RuleContext {
  rule: RuleDef;
  unitId: string;
  at: string;
  params: Record<string, unknown>;
  effective: Record<string, EffectiveParam>;
}

type UnitChain = { id: string; name: string }[];

async function overrideRows(db: Executor, chainRootFirst: UnitChain, at: string, ruleId?: string) {
  if (!chainRootFirst.length) return [];
  let q = db
    .selectFrom('rule_overrides')
    .selectAll()
    .where(
      'unit_id',
      'in',
      chainRootFirst.map((u) => u.id),
    )
    .where('effective_from', '<=', at);
  if (ruleId) q = q.where('rule_id', '=', ruleId);
  return q.orderBy('effective_from').orderBy('set_at').execute();
}

/** Layers root first; at one unit the overrides in force stack in date order (a later one changes only its keys). */
function layersFrom(
  chainRootFirst: UnitChain,
  rows: Awaited<ReturnType<typeof overrideRows>>,
  ruleId: string,
): OverrideLayer[] {
  const layers: OverrideLayer[] = [];
  for (const u of chainRootFirst) {
    for (const r of rows.filter((x) => x.unit_id === u.id && x.rule_id === ruleId)) {
      layers.push({ unitId: u.id, unitName: u.name, effectiveFrom: r.effective_from, params: fromJson(r.params, {}) });
    }
  }
  return layers;
}

async function layersFor(
  ctx: AppContext,
  db: Executor,
  ruleId: string,
  unitId: string,
  at: string,
): Promise<OverrideLayer[]> {
  const chain = (await unitAncestry(ctx, unitId, db)).reverse();
  return layersFrom(chain, await overrideRows(db, chain, at, ruleId), ruleId);
}

/** The rule with the parameter values in force for a unit on a date (Beijing). */
export async function ruleContext(
  ctx: AppContext,
  ruleId: string,
  unitId: string,
  at?: string,
  db: Executor = ctx.db,
): Promise<RuleContext> {
  const rule = getRule(ruleId);
  const date = at ?? today(ctx.clock);
  const effective = mergeParams(rule, await layersFor(ctx, db, ruleId, unitId, date));
  return { rule, unitId, at: date, params: paramValues(effective), effective };
}

/**
 * The rule in force for many units at once (one query for the units, one for the overrides), e.g.
 * PM-01's reporting level for every unit a checking office manages.
 */
export async function ruleContextsForUnits(
  ctx: AppContext,
  ruleId: string,
  unitIds: readonly string[],
  at?: string,
  db: Executor = ctx.db,
): Promise<Map<string, RuleContext>> {
  const rule = getRule(ruleId);
  const date = at ?? today(ctx.clock);
  const units = await db.selectFrom('units').select(['id', 'parent_id', 'name']).execute();
  const byId = new Map(units.map((u) => [u.id, u]));
  const rows = await db
    .selectFrom('rule_overrides')
    .selectAll()
    .where('rule_id', '=', ruleId)
    .where('effective_from', '<=', date)
    .orderBy('effective_from')
    .orderBy('set_at')
    .execute();
  const out = new Map<string, RuleContext>();
  for (const unitId of unitIds) {
    const chain: UnitChain = [];
    for (
      let u = byId.get(unitId);
      u && !chain.some((c) => c.id === u?.id);
      u = u.parent_id ? byId.get(u.parent_id) : undefined
    ) {
      chain.push({ id: u.id, name: u.name });
    }
    const effective = mergeParams(rule, layersFrom(chain.reverse(), rows, ruleId));
    out.set(unitId, { rule, unitId, at: date, params: paramValues(effective), effective });
  }
  return out;
}

/** The parameter values in force for many units at once (see ruleContextsForUnits). */
export async function ruleParamsForUnits(
  ctx: AppContext,
  ruleId: string,
  unitIds: readonly string[],
  at?: string,
  db: Executor = ctx.db,
): Promise<Map<string, Record<string, unknown>>> {
  const contexts = await ruleContextsForUnits(ctx, ruleId, unitIds, at, db);
  return new Map([...contexts].map(([unitId, rc]) => [unitId, rc.params]));
}

export function param<T>(rc: RuleContext, key: string): T {
  if (!(key in rc.params)) throw new Error(`rule ${rc.rule.id} has no parameter ${key}`);
  return rc.params[key] as T;
}

/** A finding of this rule, carrying the parameter values in force. */
export function finding(
  rc: RuleContext,
  facts: Record<string, unknown>,
  message_zh: string,
  message_en: string,
  kind?: RuleKind,
): Finding {
  return makeFinding(rc.rule, rc.params, facts, message_zh, message_en, kind);
}

/** Throw 422 RULE_VIOLATION when any finding blocks; warnings pass through. */
export function assertNoBlocking(findings: readonly Finding[]): void {
  const b = blocking(findings);
  const first = b[0];
  if (first) throw new AppError('RULE_VIOLATION', first.message_zh, { findings: [...findings] });
}

/** Keep findings with the record they judged, with the parameter values used (old decisions keep their day's values). */
export async function storeFindings(
  db: Executor,
  ctx: AppContext,
  unitId: string,
  entityType: string,
  entityId: string,
  findings: readonly Finding[],
): Promise<void> {
  if (!findings.length) return;
  await db
    .insertInto('rule_findings')
    .values(
      findings.map((f) => ({
        id: uuidv7(ctx.random, ctx.clock.now().getTime()),
        rule_id: f.ruleId,
        unit_id: unitId,
        entity_type: entityType,
        entity_id: entityId,
        kind: f.kind,
        message_zh: f.message_zh,
        message_en: f.message_en,
        facts: toJson(f.facts),
        params: toJson(f.params),
        created_at: nowIso(ctx.clock),
      })),
    )
    .execute();
}

/** storeFindings for many records in one go (batch use cases). */
export async function storeFindingsMany(
  db: Executor,
  ctx: AppContext,
  entries: readonly { unitId: string; entityType: string; entityId: string; findings: readonly Finding[] }[],
): Promise<void> {
  const rows = entries.flatMap((e) =>
    e.findings.map((f) => ({
      id: uuidv7(ctx.random, ctx.clock.now().getTime()),
      rule_id: f.ruleId,
      unit_id: e.unitId,
      entity_type: e.entityType,
      entity_id: e.entityId,
      kind: f.kind,
      message_zh: f.message_zh,
      message_en: f.message_en,
      facts: toJson(f.facts),
      params: toJson(f.params),
      created_at: nowIso(ctx.clock),
    })),
  );
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('rule_findings')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

export async function findingsOf(db: Executor, entityType: string, entityId: string): Promise<Finding[]> {
  const rows = await db
    .selectFrom('rule_findings')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => {
    const rule = getRule(r.rule_id);
    return {
      ruleId: r.rule_id,
      kind: r.kind as RuleKind,
      message_zh: r.message_zh,
      message_en: r.message_en,
      citation: rule.citation,
      label: rule.label,
      facts: fromJson(r.facts, {}),
      params: fromJson(r.params, {}),
    };
  });
}

/** Every rule with its parameters; with a unit, the values in force there on the date. */
export async function listRules(ctx: AppContext, actor: Actor, unitId: string | undefined, at: string | undefined) {
  if (unitId && !actor.adminRole && !visibleUnitIds(actor).includes(unitId)) throw notFound('单位');
  const date = at ?? today(ctx.clock);
  const chain = unitId ? (await unitAncestry(ctx, unitId)).reverse() : [];
  if (unitId && !chain.length) throw notFound('单位');
  const rows = await overrideRows(ctx.db, chain, date);
  const out = [];
  for (const rule of RULES) {
    const effective = mergeParams(rule, layersFrom(chain, rows, rule.id));
    out.push({
      id: rule.id,
      section: rule.section,
      title_zh: rule.title_zh,
      title_en: rule.title_en,
      summary_zh: rule.summary_zh,
      citation: rule.citation,
      label: rule.label,
      kind: rule.kind,
      module: rule.module,
      counting: rule.counting,
      encoded: rule.encoded,
      params: rule.params.map((p) => ({
        key: p.key,
        type: p.type,
        label_zh: p.label_zh,
        label_en: p.label_en,
        ...(p.unit ? { unit: p.unit } : {}),
        default: p.default,
        effective: effective[p.key]?.value,
        source: effective[p.key]?.source ?? null,
      })),
    });
  }
  return out;
}

/** Who may set a unit's parameters: its office, or the personnel office of its parent. */
export async function canOverride(ctx: AppContext, actor: Actor, unitId: string): Promise<boolean> {
  if (actor.adminRole) return false;
  if (hasRole(actor, 'office', unitId)) return true;
  const u = await ctx.db.selectFrom('units').select('parent_id').where('id', '=', unitId).executeTakeFirst();
  return !!u?.parent_id && hasRole(actor, 'personnel', u.parent_id);
}

export async function listOverrides(ctx: AppContext, actor: Actor, ruleId: string, unitId: string | undefined) {
  if (!RULES.some((r) => r.id === ruleId)) throw notFound('规则');
  const visible = actor.adminRole ? null : visibleUnitIds(actor);
  if (unitId && visible && !visible.includes(unitId)) throw notFound('单位');
  const chain = unitId ? await unitAncestry(ctx, unitId) : [];
  if (unitId && !chain.length) throw notFound('单位');
  let q = ctx.db
    .selectFrom('rule_overrides')
    .innerJoin('units', 'units.id', 'rule_overrides.unit_id')
    .innerJoin('users', 'users.id', 'rule_overrides.set_by')
    .select([
      'rule_overrides.id',
      'rule_overrides.rule_id',
      'rule_overrides.unit_id',
      'units.name as unit_name',
      'rule_overrides.params',
      'rule_overrides.effective_from',
      'rule_overrides.reason',
      'users.display_name as set_by',
      'rule_overrides.set_at',
    ])
    .where('rule_overrides.rule_id', '=', ruleId);
  if (unitId) {
    q = q.where(
      'rule_overrides.unit_id',
      'in',
      chain.map((u) => u.id),
    );
  }
  if (visible) {
    const withAncestors = new Set<string>();
    for (const id of visible) for (const u of await unitAncestry(ctx, id)) withAncestors.add(u.id);
    q = q.where('rule_overrides.unit_id', 'in', [...withAncestors, '-']);
  }
  const rows = await q.orderBy('rule_overrides.effective_from', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    ruleId: r.rule_id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    params: fromJson(r.params, {}),
    effectiveFrom: r.effective_from,
    reason: r.reason,
    setBy: r.set_by,
    setAt: r.set_at,
  }));
}

export async function createOverride(
  ctx: AppContext,
  actor: Actor,
  ruleId: string,
  body: { unitId: string; params: Record<string, unknown>; effectiveFrom: string; reason: string },
  meta: RequestMeta,
): Promise<string> {
  const rule = RULES.find((r) => r.id === ruleId);
  if (!rule) throw notFound('规则');
  if (!visibleUnitIds(actor).includes(body.unitId)) {
    throw new AppError('NOT_FOUND', '单位不存在或无权查看', { field: 'unitId' });
  }
  if (!(await canOverride(ctx, actor, body.unitId))) {
    throw forbidden('只有本单位党组办公室或上级人事部门可以调整规则参数');
  }
  for (const [key, value] of Object.entries(body.params)) {
    const def = rule.params.find((p) => p.key === key);
    if (!def) throw invalidField(`params.${key}`, `规则 ${rule.id} 没有参数 ${key}`);
    const problem = checkParamValue(def, value);
    if (problem) throw invalidField(`params.${key}`, problem);
  }
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  await ctx.db.transaction().execute(async (trx) => {
    const before = paramValues(mergeParams(rule, await layersFor(ctx, trx, rule.id, body.unitId, body.effectiveFrom)));
    await trx
      .insertInto('rule_overrides')
      .values({
        id,
        rule_id: rule.id,
        unit_id: body.unitId,
        params: toJson(body.params),
        effective_from: body.effectiveFrom,
        reason: body.reason,
        set_by: actor.userId,
        set_at: nowIso(ctx.clock),
      })
      .execute();
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'rules.override_set',
      entityType: 'rule',
      entityId: rule.id,
      unitId: body.unitId,
      before: Object.fromEntries(Object.keys(body.params).map((k) => [k, before[k]])),
      after: body.params,
      details: { ruleId: rule.id, effectiveFrom: body.effectiveFrom, params: body.params },
    });
  });
  return id;
}
