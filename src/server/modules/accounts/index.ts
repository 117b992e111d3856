/**
 * The accounts module's door: what other modules may use (architecture.md "Module boundaries").
 * The request actor and its audit form live in http/actor.ts, not here.
 */
export { resolveSession } from './accounts.service.js';
