/**
 * Pure rule evaluation helpers: merge parameter overrides, validate parameter values, and decide
 * whether an override may be made (governance, issue 8 §3). Findings are built by finding.ts.
 */
import { isIsoDate } from '../dates.js';
import { LEVELS } from '../ranks.js';
import type { RuleDef, RuleParamDef, Stricter } from './types.js';

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

/** A rule with the parameter values in force for a unit on a date (built by the rules registry). */
export interface RuleContext {
  rule: RuleDef;
  unitId: string;
  at: string;
  params: Record<string, unknown>;
  effective: Record<string, EffectiveParam>;
}

/** Rule contexts by rule id, as the modules load them for one use case. */
export type Rules = Record<string, RuleContext>;

/** The parameter values of a loaded rule (a programming error when the use case did not load it). */
export function paramsOf(rules: Rules, id: string): Record<string, unknown> {
  const rc = rules[id];
  if (!rc) throw new Error(`rule ${id} not loaded`);
  return rc.params;
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

const LEVEL_NAMES = LEVELS.map((l) => l.zh);
const levelOrdinal = (v: unknown): number | null => LEVELS.find((l) => l.zh === v || l.code === v)?.ordinal ?? null;

/** A problem with an override value (type, bounds, options), in Chinese, or null when it fits. */
export function checkParamValue(def: RuleParamDef, value: unknown): string | null {
  const range = (n: number) =>
    (def.min !== undefined && n < def.min) || (def.max !== undefined && n > def.max)
      ? `${def.label_zh}应在 ${def.min ?? '-∞'} 至 ${def.max ?? '∞'} 之间`
      : null;
  const g = def.governance;
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
    case 'string': {
      if (typeof value !== 'string' || value.length > 200) return `${def.label_zh}应为文字`;
      if (g.kind === 'free' && g.options && !g.options.includes(value)) {
        return `${def.label_zh}只能取：${g.options.join('、')}`;
      }
      if (g.kind === 'tighten_only' && g.stricter === 'lower_level' && levelOrdinal(value) === null) {
        return `${def.label_zh}应为以下层级之一：${LEVEL_NAMES.join('、')}`;
      }
      if (def.unit === 'month_day' && value !== '' && !isIsoDate(`2024-${value}`)) {
        return `${def.label_zh}应为“月-日”，如 01-31`;
      }
      if (def.unit === 'date' && !isIsoDate(value)) return `${def.label_zh}应为 YYYY-MM-DD 格式的日期`;
      return null;
    }
    case 'string_list':
      return Array.isArray(value) && value.every((x) => typeof x === 'string') ? null : `${def.label_zh}应为文字列表`;
    case 'json':
      return value !== undefined ? null : `${def.label_zh}不能为空`;
    default:
      return null;
  }
}

/**
 * True when `value` is looser than `ref` in the parameter's strict direction (a tighten-only
 * parameter). Equal values are not looser.
 */
export function isLooser(stricter: Stricter, value: unknown, ref: unknown): boolean {
  switch (stricter) {
    case 'higher':
      return Number(value) < Number(ref);
    case 'lower':
      return Number(value) > Number(ref);
    case 'true':
      return ref === true && value !== true;
    case 'false':
      return ref === false && value !== false;
    case 'lower_level': {
      const v = levelOrdinal(value);
      const r = levelOrdinal(ref);
      return v !== null && r !== null && v > r;
    }
    case 'more_items': {
      const have = new Set(Array.isArray(value) ? value.map(String) : []);
      return Array.isArray(ref) && ref.some((x) => !have.has(String(x)));
    }
    case 'earlier':
      return String(value) > String(ref);
    default:
      return false;
  }
}

/** Who sets an override: the unit's own office, the personnel office of the unit above, or the server's CLI. */
export type OverrideAuthority = 'own' | 'above' | 'cli';

export interface OverrideProblem {
  key: string;
  code: 'fixed' | 'beyond_limit' | 'needs_above';
  message_zh: string;
  message_en: string;
  facts: Record<string, unknown>;
}

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * Whether an override of one parameter is allowed (issue 8 §3): a fixed parameter never; a
 * tighten-only one never past its limit, and looser than the value in force (`current`) only by
 * the unit above (or the CLI when the unit is the root, which has no unit above); a free one
 * within its bounds (checked by checkParamValue). Null when allowed.
 */
export function overrideProblem(
  def: RuleParamDef,
  value: unknown,
  current: unknown,
  authority: OverrideAuthority,
  isRootUnit: boolean,
): OverrideProblem | null {
  const g = def.governance;
  const facts = { param: def.key, value, current, governance: g.kind };
  if (g.kind === 'fixed') {
    return {
      key: def.key,
      code: 'fixed',
      message_zh: `“${def.label_zh}”为固定参数（规定明确的数值），任何单位都不能调整。`,
      message_en: `${def.key} is fixed by the rule text and cannot be overridden.`,
      facts,
    };
  }
  if (g.kind !== 'tighten_only') return null;
  if (g.limit !== undefined && isLooser(g.stricter, value, g.limit)) {
    return {
      key: def.key,
      code: 'beyond_limit',
      message_zh: `“${def.label_zh}”只能从严，不能宽于规定的 ${show(g.limit)}（拟设为 ${show(value)}）。`,
      message_en: `${def.key} may not be looser than ${show(g.limit)}.`,
      facts: { ...facts, limit: g.limit },
    };
  }
  if (authority === 'own' && isLooser(g.stricter, value, current)) {
    return {
      key: def.key,
      code: 'needs_above',
      message_zh: isRootUnit
        ? `本单位没有上级单位：放宽“${def.label_zh}”（现行 ${show(current)}，拟设为 ${show(value)}）须由系统管理人员在服务器上使用命令行 banzi rules override 办理（记入审计日志）；本单位只能从严。`
        : `放宽“${def.label_zh}”（现行 ${show(current)}，拟设为 ${show(value)}）须由上级单位人事部门调整；本单位只能从严。`,
      message_en: isRootUnit
        ? `Loosening ${def.key} at the root unit is done with the server CLI (banzi rules override).`
        : `Loosening ${def.key} needs the personnel office of the unit above.`,
      facts,
    };
  }
  return null;
}

/** "《doc》version article" for messages. */
export function citeText(rule: Pick<RuleDef, 'citation'>): string {
  const c = rule.citation;
  return [c.doc, c.version, c.article].filter(Boolean).join(' ');
}
