/**
 * The accounts module's door: what other modules may use (architecture.md "Module boundaries").
 * The request actor and its audit form live in http/actor.ts, not here.
 */
export { resolveSession } from './accounts.service.js';
// The server's command line (src/cli) uses these.
export { listBatches, requestBatch, whoOfCli } from './accounts.batches.js';
export { takeHalves } from './accounts.batches.codes.js';
export { confirmBatch, rejectBatch } from './accounts.batches.decide.js';
export { cliCreateAdmin, cliReset, cliSetStatus, cliUnlock } from './accounts.cli.js';
