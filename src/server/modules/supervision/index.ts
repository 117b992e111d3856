/**
 * The supervision module's door (issue 9): what other modules may use.
 */
export { supervisionRoutes } from './supervision.routes.js';
export { periodsOf, type MeasureFacts, type PlannedPeriod, type ParamsOf } from './supervision.periods.js';
