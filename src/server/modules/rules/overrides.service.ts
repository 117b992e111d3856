/**
 * Overriding a unit's rule parameters (issue 8 §3). Each parameter declares its governance: a
 * fixed one is refused; a tighten-only one may be made stricter by the unit's own office, while
 * loosening it needs the personnel office of the unit above (the root unit, having none, loosens
 * only through the server's CLI, logged in the audit trail), and never past its limit; a free one
 * moves within its bounds. An override takes effect today (Beijing) or later, never in the past;
 * meetings freeze their values when they close, so no override changes a closed meeting.
 */
import { RULES } from '../../../common/rules/catalogue.js';
import {
  checkParamValue,
  mergeParams,
  overrideProblem,
  paramValues,
  type OverrideAuthority,
} from '../../../common/rules/engine.js';
import { finding, RuleError } from '../../../common/rules/finding.js';
import type { RuleDef } from '../../../common/rules/types.js';
import { AppError, forbidden, invalidField, notFound } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import { fromJson } from '../../db/helpers.js';
import { hasRole, visibleUnitIds, type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import type { AuditActor } from '../../platform/audit.js';
import { nowIso, today } from '../../platform/clock.js';
import { uuidv7 } from '../../platform/random.js';
import { unitAncestry } from '../orgs/index.js';
import * as repo from './rules.repository.js';
import { layersFor } from './rules.service.js';

/** set_by of an override made on the server's command line (it has no user). */
export const CLI_SETTER = 'cli';

export interface OverrideInput {
  unitId: string;
  params: Record<string, unknown>;
  effectiveFrom: string;
  reason: string;
}

/** The actor's power over a unit's parameters: the personnel office above wins over the unit's own office. */
export async function authorityOver(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
): Promise<{ authority: OverrideAuthority | null; isRoot: boolean }> {
  const { parentId } = await repo.parentOf(ctx.db, unitId);
  if (actor.adminRole) return { authority: null, isRoot: parentId === null };
  if (parentId && hasRole(actor, 'personnel', parentId)) return { authority: 'above', isRoot: false };
  return { authority: hasRole(actor, 'office', unitId) ? 'own' : null, isRoot: parentId === null };
}

function ruleOr404(ruleId: string): RuleDef {
  const rule = RULES.find((r) => r.id === ruleId);
  if (!rule) throw notFound('规则');
  return rule;
}

/** Shape checks first (400 naming the field), then the date, then governance (422 with a finding). */
async function checkOverride(
  ctx: AppContext,
  rule: RuleDef,
  body: OverrideInput,
  authority: OverrideAuthority,
  isRoot: boolean,
): Promise<Record<string, unknown>> {
  for (const [key, value] of Object.entries(body.params)) {
    const def = rule.params.find((p) => p.key === key);
    if (!def) throw invalidField(`params.${key}`, `规则 ${rule.id} 没有参数 ${key}`);
    const problem = checkParamValue(def, value);
    if (problem) throw invalidField(`params.${key}`, problem);
  }
  const t = today(ctx.clock);
  if (body.effectiveFrom < t) {
    throw invalidField('effectiveFrom', `生效日期不能早于今天（${t}）：参数调整只对今后适用，不追溯已发生的事项`);
  }
  const current = paramValues(
    mergeParams(rule, await layersFor(ctx, ctx.db, rule.id, body.unitId, body.effectiveFrom)),
  );
  for (const [key, value] of Object.entries(body.params)) {
    const def = rule.params.find((p) => p.key === key);
    const p = def ? overrideProblem(def, value, current[key], authority, isRoot) : null;
    if (p) {
      throw new RuleError(
        finding(rule.id, { ...p.facts, problem: p.code, unitId: body.unitId }, current, {
          zh: `${p.message_zh}（${rule.id}）`,
          en: `${p.message_en} (${rule.id})`,
          kind: 'info',
        }),
        { field: `params.${key}`, message: `${p.message_zh}（${rule.id}）` },
      );
    }
  }
  return current;
}

async function saveOverride(
  ctx: AppContext,
  rule: RuleDef,
  body: OverrideInput,
  before: Record<string, unknown>,
  by: { setBy: string; audit: AuditActor; authority: OverrideAuthority },
): Promise<string> {
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertOverride(trx, {
      id,
      rule_id: rule.id,
      unit_id: body.unitId,
      params: body.params,
      effective_from: body.effectiveFrom,
      reason: body.reason,
      set_by: by.setBy,
      set_at: nowIso(ctx.clock),
    });
    await ctx.audit.record(trx, by.audit, {
      action: 'rules.override_set',
      entityType: 'rule',
      entityId: rule.id,
      unitId: body.unitId,
      before: Object.fromEntries(Object.keys(body.params).map((k) => [k, before[k]])),
      after: body.params,
      details: { ruleId: rule.id, effectiveFrom: body.effectiveFrom, params: body.params, authority: by.authority },
    });
  });
  return id;
}

export async function createOverride(
  ctx: AppContext,
  actor: Actor,
  ruleId: string,
  body: OverrideInput,
  meta: RequestMeta,
): Promise<string> {
  const rule = ruleOr404(ruleId);
  if (!visibleUnitIds(actor).includes(body.unitId)) {
    throw new AppError('NOT_FOUND', '单位不存在或无权查看', { field: 'unitId' });
  }
  const { authority, isRoot } = await authorityOver(ctx, actor, body.unitId);
  if (!authority) throw forbidden('只有本单位党组办公室（只能从严）或上级单位人事部门可以调整规则参数');
  const before = await checkOverride(ctx, rule, body, authority, isRoot);
  return saveOverride(ctx, rule, body, before, {
    setBy: actor.userId,
    audit: auditActorOf(actor, meta.requestId),
    authority,
  });
}

/**
 * `banzi rules override`: the root unit (which has no unit above) loosening its own parameters,
 * on the server, logged as the CLI. Other units go through the personnel office above.
 */
export async function createOverrideFromCli(ctx: AppContext, ruleId: string, body: OverrideInput): Promise<string> {
  const rule = ruleOr404(ruleId);
  const { exists, parentId } = await repo.parentOf(ctx.db, body.unitId);
  if (!exists) throw invalidField('unitId', `单位 ${body.unitId} 不存在`);
  if (parentId !== null) {
    throw forbidden('命令行只用于根单位（没有上级单位）；其他单位的参数由上级单位人事部门在“规则库”页面调整');
  }
  const before = await checkOverride(ctx, rule, body, 'cli', true);
  return saveOverride(ctx, rule, body, before, {
    setBy: CLI_SETTER,
    audit: { actorUserId: null, actorName: CLI_SETTER, requestId: null },
    authority: 'cli',
  });
}

export async function listOverrides(ctx: AppContext, actor: Actor, ruleId: string, unitId: string | undefined) {
  ruleOr404(ruleId);
  if (unitId && !actor.adminRole && !visibleUnitIds(actor).includes(unitId)) throw notFound('单位');
  let units: string[] | null = unitId ? (await unitAncestry(ctx, unitId)).map((u) => u.id) : null;
  if (unitId && !units?.length) throw notFound('单位');
  if (!actor.adminRole) {
    const withAncestors = new Set<string>();
    for (const id of visibleUnitIds(actor)) for (const u of await unitAncestry(ctx, id)) withAncestors.add(u.id);
    units = (units ?? [...withAncestors]).filter((id) => withAncestors.has(id));
  }
  const rows = await repo.overrideHistory(ctx.db, ruleId, units);
  return rows.map((r) => ({
    id: r.id,
    ruleId: r.rule_id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    params: fromJson<Record<string, unknown>>(r.params, {}),
    effectiveFrom: r.effective_from,
    reason: r.reason,
    setBy: r.set_by === CLI_SETTER ? '服务器命令行（banzi rules override）' : (r.set_by_name ?? r.set_by),
    setAt: r.set_at,
  }));
}
