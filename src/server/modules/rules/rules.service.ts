/**
 * The rules registry: every rule of regulations.md with its parameters, per-unit overrides that
 * inherit downwards and take effect from a date, parameter values frozen with a record, and the
 * typed way modules evaluate a rule:
 *
 *   const rc = await ruleContext(ctx, 'PG-06', unitId, date);
 *   const f = finding('PG-06', { present, expected }, rc.params, { zh: '到会人数不足…', en: 'Quorum not met…' });
 *   assertNoBlocking([f]);  // throws 422 RULE_VIOLATION with the findings
 *
 * Overrides are made in overrides.service.ts (governance, issue 8 §3).
 */
import { RULES, getRule } from '../../../common/rules/catalogue.js';
import {
  mergeParams,
  paramValues,
  type OverrideLayer,
  type RuleContext,
  type Rules,
} from '../../../common/rules/engine.js';
import { assertNoBlocking, finding as buildFinding, RuleError } from '../../../common/rules/finding.js';
import type { Finding, RuleKind } from '../../../common/rules/types.js';
import { notFound, type ErrorCode } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import { fromJson, toJson, type Executor } from '../../db/helpers.js';
import { visibleUnitIds, type Actor } from '../../http/actor.js';
import { unitAncestry } from '../orgs/index.js';
import { nowIso, today } from '../../platform/clock.js';
import { uuidv7 } from '../../platform/random.js';
import * as repo from './rules.repository.js';
import { traced } from './rules.trace.js';

export type { RuleContext, Rules };
export { assertNoBlocking };

type UnitChain = { id: string; name: string }[];
type OverrideRows = Awaited<ReturnType<typeof repo.overridesInForce>>;

/** Layers root first; at one unit the overrides in force stack in date order (a later one changes only its keys). */
function layersFrom(chainRootFirst: UnitChain, rows: OverrideRows, ruleId: string): OverrideLayer[] {
  const layers: OverrideLayer[] = [];
  for (const u of chainRootFirst) {
    for (const r of rows.filter((x) => x.unit_id === u.id && x.rule_id === ruleId)) {
      layers.push({ unitId: u.id, unitName: u.name, effectiveFrom: r.effective_from, params: fromJson(r.params, {}) });
    }
  }
  return layers;
}

/** The overrides stacked for one rule at a unit on a date, root first. */
export async function layersFor(
  ctx: AppContext,
  db: Executor,
  ruleId: string,
  unitId: string,
  at: string,
): Promise<OverrideLayer[]> {
  const chain = (await unitAncestry(ctx, unitId, db)).reverse();
  return layersFrom(
    chain,
    await repo.overridesInForce(
      db,
      chain.map((u) => u.id),
      at,
      ruleId,
    ),
    ruleId,
  );
}

function contextOf(
  rule: (typeof RULES)[number],
  unitId: string,
  at: string,
  effective: RuleContext['effective'],
): RuleContext {
  return { rule, unitId, at, params: traced(rule.id, paramValues(effective)), effective };
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
  return contextOf(rule, unitId, date, mergeParams(rule, await layersFor(ctx, db, ruleId, unitId, date)));
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
  const units = await repo.allUnits(db);
  const byId = new Map(units.map((u) => [u.id, u]));
  const rows = await repo.overridesInForce(
    db,
    units.map((u) => u.id),
    date,
    ruleId,
  );
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
    out.set(unitId, contextOf(rule, unitId, date, mergeParams(rule, layersFrom(chain.reverse(), rows, ruleId))));
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

/** A record whose rules are frozen (a closed meeting): its values win over the registry's. */
export interface FrozenFor {
  entityType: string;
  entityId: string;
}

/**
 * The rules in force for a unit on a date, by id; for a record that froze its rules, the frozen
 * values (issue 8 §3: an override never changes a closed meeting). Call before a
 * transaction opens (SQLite has one connection).
 */
export async function rulesFor(
  ctx: AppContext,
  unitId: string,
  at: string,
  ids: readonly string[],
  frozen?: FrozenFor,
): Promise<Rules> {
  const snaps = frozen ? await repo.snapshotsOf(ctx.db, frozen.entityType, [frozen.entityId], ids) : [];
  const out: Rules = {};
  for (const id of ids) {
    const snap = snaps.find((s) => s.ruleId === id);
    if (snap) {
      const rule = getRule(id);
      const effective = mergeParams(rule, []);
      for (const [k, v] of Object.entries(snap.params)) if (k in effective) effective[k] = { value: v, source: null };
      out[id] = contextOf(rule, unitId, at, effective);
    } else out[id] = await ruleContext(ctx, id, unitId, at);
  }
  return out;
}

/** Freeze the values of these rules with a record (inside its transaction); values already frozen stay. */
export async function freezeRules(
  db: Executor,
  ctx: AppContext,
  frozen: FrozenFor,
  rules: readonly RuleContext[],
): Promise<void> {
  const have = new Set((await repo.snapshotsOf(db, frozen.entityType, [frozen.entityId])).map((s) => s.ruleId));
  await repo.insertSnapshots(
    db,
    rules
      .filter((rc) => !have.has(rc.rule.id))
      .map((rc) => ({
        entity_type: frozen.entityType,
        entity_id: frozen.entityId,
        rule_id: rc.rule.id,
        unit_id: rc.unitId,
        at: rc.at,
        params: paramValues(rc.effective),
        frozen_at: nowIso(ctx.clock),
      })),
  );
}

/** The frozen values of one rule for many records (e.g. PG-12's deadline for a list of meetings). */
export async function frozenParamsOf(
  db: Executor,
  entityType: string,
  entityIds: readonly string[],
  ruleId: string,
): Promise<Map<string, Record<string, unknown>>> {
  const rows = await repo.snapshotsOf(db, entityType, entityIds, [ruleId]);
  return new Map(
    rows.map((r) => [r.entityId, traced(ruleId, { ...paramValues(mergeParams(getRule(ruleId), [])), ...r.params })]),
  );
}

export function param<T>(rc: RuleContext, key: string): T {
  if (!(key in rc.params)) throw new Error(`rule ${rc.rule.id} has no parameter ${key}`);
  return rc.params[key] as T;
}

/**
 * @deprecated Use `finding(ruleId, facts, rc.params, { zh, en, kind })` from common/rules/finding.
 * Kept, delegating to it, for the ballots module until its owner moves over.
 */
export function finding(
  rc: RuleContext,
  facts: Record<string, unknown>,
  message_zh: string,
  message_en: string,
  kind?: RuleKind,
): Finding {
  return buildFinding(rc.rule.id, facts, rc.params, { zh: message_zh, en: message_en, ...(kind ? { kind } : {}) });
}

/**
 * A refusal where a rule applies (issue 8 §4): the answer keeps its code, Chinese message and
 * field, and carries the rule's finding (id, citation, the values in force for the unit on the date).
 */
export async function ruleRefusal(
  ctx: AppContext,
  ruleId: string,
  unitId: string,
  at: string,
  message: { zh: string; en: string },
  opts: { code: ErrorCode; field?: string; facts?: Record<string, unknown>; kind?: RuleKind },
): Promise<RuleError> {
  const rc = await ruleContext(ctx, ruleId, unitId, at);
  const f = buildFinding(ruleId, opts.facts ?? {}, rc.params, { ...message, kind: opts.kind ?? 'block' });
  return new RuleError(f, { code: opts.code, message: message.zh, ...(opts.field ? { field: opts.field } : {}) });
}

function findingRows(
  ctx: AppContext,
  entries: readonly { unitId: string; entityType: string; entityId: string; findings: readonly Finding[] }[],
) {
  return entries.flatMap((e) =>
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
  await storeFindingsMany(db, ctx, [{ unitId, entityType, entityId, findings }]);
}

/** storeFindings for many records in one go (batch use cases). */
export async function storeFindingsMany(
  db: Executor,
  ctx: AppContext,
  entries: readonly { unitId: string; entityType: string; entityId: string; findings: readonly Finding[] }[],
): Promise<void> {
  await repo.insertFindings(db, findingRows(ctx, entries));
}

export async function findingsOf(db: Executor, entityType: string, entityId: string): Promise<Finding[]> {
  const rows = await repo.findingsOfEntity(db, entityType, entityId);
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

/** Every rule with its parameters and their governance; with a unit, the values in force there on the date. */
export async function listRules(ctx: AppContext, actor: Actor, unitId: string | undefined, at: string | undefined) {
  if (unitId && !actor.adminRole && !visibleUnitIds(actor).includes(unitId)) throw notFound('单位');
  const date = at ?? today(ctx.clock);
  const chain = unitId ? (await unitAncestry(ctx, unitId)).reverse() : [];
  if (unitId && !chain.length) throw notFound('单位');
  const rows = await repo.overridesInForce(
    ctx.db,
    chain.map((u) => u.id),
    date,
  );
  return RULES.map((rule) => {
    const effective = mergeParams(rule, layersFrom(chain, rows, rule.id));
    return {
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
        ...(p.min !== undefined ? { min: p.min } : {}),
        ...(p.max !== undefined ? { max: p.max } : {}),
        governance: p.governance,
        default: p.default,
        effective: effective[p.key]?.value,
        source: effective[p.key]?.source ?? null,
      })),
    };
  });
}
