/**
 * Rules are data with citations (architecture.md "Rules are data with citations").
 * Every check Banzi makes has a rule id from regulations.md, a citation, a verification
 * label, a kind (block or warn) and parameters with defaults that units may override.
 */

/** How firmly the rule text was verified (regulations.md §0). */
export type VerificationLabel = 'VERIFIED-PRIMARY' | 'VERIFIED-SECONDARY' | 'UNVERIFIED';

/** block: the action is refused. warn: shown, the user may proceed. info: help text only. */
export type RuleKind = 'block' | 'warn' | 'info';

/** How a period in the rule is counted (regulations.md §17a). */
export type PeriodCounting =
  | 'notice_working_days' // 公示: posting day counts when it is a working day
  | 'working_days_after' // "within n working days" after an event: starts the next day
  | 'calendar_days_after' // n calendar days after an event; a rest-day end moves to the next working day
  | 'fixed_date' // a fixed date such as 31 January: no roll-forward
  | 'statutory_months' // n months from the effective day, which counts
  | 'none';

export interface Citation {
  /** Document title in Chinese, e.g. 《中国共产党党组工作条例（试行）》 */
  doc: string;
  /** Version or date, e.g. '2015 试行' or '2019-04-20' */
  version: string;
  /** Article, e.g. '第二十五条' or 'Art. 25'; '' when the article is not known */
  article: string;
}

export type ParamType = 'integer' | 'number' | 'ratio' | 'boolean' | 'string' | 'money_fen' | 'string_list' | 'json';

/**
 * Which way a tighten-only parameter is stricter (architecture.md "Rules are data"):
 * higher / lower number, true / false, a lower level (more people covered, ranks.ts LEVELS),
 * more items in a list, an earlier 'MM-DD' date.
 */
export type Stricter = 'higher' | 'lower' | 'true' | 'false' | 'lower_level' | 'more_items' | 'earlier';

/**
 * How a unit may change a parameter (issue 8 §3):
 * - fixed: a number the verified text sets (a quorum, a majority): nobody overrides it;
 * - tighten_only: a protection; any unit may make it stricter for itself, loosening needs the unit
 *   above (its personnel office; for the root unit the server's CLI), and never past `limit`
 *   (the loosest value the rules allow, e.g. a minimum group size of 5);
 * - free: where the rules leave room, within the parameter's min/max or `options`.
 */
export type ParamGovernance =
  | { kind: 'fixed' }
  | { kind: 'tighten_only'; stricter: Stricter; limit?: number | boolean | string }
  | { kind: 'free'; options?: readonly string[] };

export interface RuleParamDef {
  /** camelCase key */
  key: string;
  type: ParamType;
  default: unknown;
  label_zh: string;
  label_en: string;
  /** Unit of the value, e.g. 'days', 'working_days', 'months', 'fen', 'ratio' */
  unit?: string;
  min?: number;
  max?: number;
  governance: ParamGovernance;
}

export interface RuleDef {
  /** Rule id from regulations.md, e.g. 'PG-06' */
  id: string;
  /** Section of regulations.md, e.g. '1' or '17a' */
  section: string;
  title_zh: string;
  title_en: string;
  /** The rule's substance in one or two Chinese sentences, shown with every finding */
  summary_zh: string;
  citation: Citation;
  label: VerificationLabel;
  /** Default kind. An UNVERIFIED rule is never 'block' (architecture.md). */
  kind: RuleKind;
  /** Which module enforces it, e.g. 'meetings', 'disclosures' */
  module: string;
  counting: PeriodCounting;
  params: RuleParamDef[];
  /** True when Banzi currently evaluates this rule in code (not only lists it). */
  encoded: boolean;
}

/** A structured result of checking a rule: never a bare string. */
export interface Finding {
  ruleId: string;
  kind: RuleKind;
  message_zh: string;
  message_en: string;
  citation: Citation;
  label: VerificationLabel;
  /** The facts that led to the finding (numbers, dates) */
  facts: Record<string, unknown>;
  /** The parameter values in force when the rule was evaluated */
  params: Record<string, unknown>;
}
