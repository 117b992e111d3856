/**
 * Pure rule evaluation helpers: merge parameter overrides, validate parameter values, build
 * findings. A finding carries the rule's citation, label and the parameter values it used.
 */
import type { Finding, RuleDef, RuleKind, RuleParamDef } from './types.js';

export interface OverrideLayer {
  /** Unit that set the override (root first when passed to mergeParams) */
  unitId: string;
  unitName: string;
  effectiveFrom: string;
  params: Record<string, unknown>;
}

export interface EffectiveParam {
  value: unknown;
  source: { unitId: string; unitName: string; effectiveFrom: string } | null;
}

/** Defaults, then each layer from the root down to the unit: the nearest unit's value wins. */
export function mergeParams(rule: RuleDef, layersRootFirst: OverrideLayer[]): Record<string, EffectiveParam> {
  const out: Record<string, EffectiveParam> = {};
  for (const p of rule.params) out[p.key] = { value: p.default, source: null };
  for (const layer of layersRootFirst) {
    for (const [k, v] of Object.entries(layer.params)) {
      if (k in out) {
        out[k] = {
          value: v,
          source: { unitId: layer.unitId, unitName: layer.unitName, effectiveFrom: layer.effectiveFrom },
        };
      }
    }
  }
  return out;
}

export function paramValues(effective: Record<string, EffectiveParam>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(effective).map(([k, v]) => [k, v.value]));
}

/** A problem with an override value, in Chinese, or null when the value fits the parameter. */
export function checkParamValue(def: RuleParamDef, value: unknown): string | null {
  const range = (n: number) =>
    (def.min !== undefined && n < def.min) || (def.max !== undefined && n > def.max)
      ? `${def.label_zh}应在 ${def.min ?? '-∞'} 至 ${def.max ?? '∞'} 之间`
      : null;
  switch (def.type) {
    case 'integer':
    case 'money_fen':
      return typeof value === 'number' && Number.isInteger(value)
        ? range(value)
        : `${def.label_zh}应为整数${def.type === 'money_fen' ? '（单位：分）' : ''}`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? range(value) : `${def.label_zh}应为数字`;
    case 'ratio':
      return typeof value === 'number' && value >= 0 && value <= 1
        ? range(value)
        : `${def.label_zh}应为 0 至 1 之间的比例`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `${def.label_zh}应为是或否`;
    case 'string':
      return typeof value === 'string' && value.length <= 200 ? null : `${def.label_zh}应为文字`;
    case 'string_list':
      return Array.isArray(value) && value.every((x) => typeof x === 'string') ? null : `${def.label_zh}应为文字列表`;
    case 'json':
      return value !== undefined ? null : `${def.label_zh}不能为空`;
    default:
      return null;
  }
}

export function makeFinding(
  rule: RuleDef,
  params: Record<string, unknown>,
  facts: Record<string, unknown>,
  message_zh: string,
  message_en: string,
  kind: RuleKind = rule.kind,
): Finding {
  // An UNVERIFIED rule never blocks (architecture.md): it is downgraded to a warning.
  const k: RuleKind = rule.label === 'UNVERIFIED' && kind === 'block' ? 'warn' : kind;
  return {
    ruleId: rule.id,
    kind: k,
    message_zh,
    message_en,
    citation: rule.citation,
    label: rule.label,
    facts,
    params,
  };
}

export function blocking(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.kind === 'block');
}

/** "《doc》version article" for messages. */
export function citeText(rule: Pick<RuleDef, 'citation'>): string {
  const c = rule.citation;
  return [c.doc, c.version, c.article].filter(Boolean).join(' ');
}
