/** The ballots module's door: what other modules may use (architecture.md "Module boundaries"). */
export { evaluationSummaries } from './ballots.close.js';
export { ballotsTodo } from './todo.service.js';
export { verifyBallotsCommand } from './ballots.cli.js';
