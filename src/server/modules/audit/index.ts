/** The audit module's door: what other modules may use (architecture.md "Module boundaries"). */
export { eventsOfEntities } from './audit.service.js';
export { declareRestore, verifyLog } from './audit.service.js';
