/** The eligibility module's door: what other modules may use (architecture.md "Module boundaries"). */
export { isActive, type PeriodFacts } from './eligibility.rules.js';
export {
  closeInfluencePeriodsOf,
  influencePeriodsOfSource,
  voidInfluencePeriodsOf,
  openInfluencePeriodsOf,
  periodFactsOf,
  recordInfluencePeriod,
  recordInfluencePeriods,
  toFacts,
  type NewInfluencePeriod,
} from './eligibility.service.js';
/** Reads for other modules, by name (they take db or a transaction); never the repository itself. */
export { periodsOfPerson } from './eligibility.repository.js';
