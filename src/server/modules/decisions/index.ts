/**
 * The decisions module's door: what other modules may use (architecture.md "Module boundaries").
 * Meetings depends on decisions, never the other way: decisions' read models that show meetings
 * take the meeting reads they need (MeetingReads), supplied by meetings.
 */
export { seedEntries } from './catalogue.service.js';
export { getDashboard } from './dashboard.service.js';
export type { MeetingReads } from './decisions.meetings.js';
export {
  canApproveMinutes,
  canManage,
  canRecordRecusal,
  scopeUnitIds,
  seatsIn,
  type Seats,
} from './decisions.policy.js';
export { idWithFindings, invalidState, organLabel, readSeats, requireSeat } from './decisions.support.js';
export { getItemDetail, listDecisions } from './items.detail.js';
export { createRevoteItem, markScheduled, readinessOf, recordOutcome, returnToPool } from './items.service.js';
/** Reads for other modules, by name (they take db or a transaction); never the repository itself. */
export { candidatesOf, findItem, outsideDecisions, userNames } from './decisions.repository.js';
export { decisionsTodo } from './todo.service.js';
