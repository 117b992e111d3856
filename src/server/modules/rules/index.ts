/**
 * The rules module's door: what other modules may use (architecture.md "Module boundaries"):
 * the rules in force for a unit and date (rulesFor, ruleContext), frozen values, stored findings.
 */
export { createOverride } from './overrides.service.js';
export {
  assertNoBlocking,
  finding,
  findingsOf,
  freezeRules,
  frozenParamsOf,
  listRules,
  param,
  ruleContext,
  ruleContextsForUnits,
  ruleParamsForUnits,
  ruleRefusal,
  rulesFor,
  storeFindings,
  storeFindingsMany,
  type RuleContext,
  type Rules,
} from './rules.service.js';
export { RULES_OVERRIDE_USAGE, rulesOverrideCommand } from './rules.cli.js';
