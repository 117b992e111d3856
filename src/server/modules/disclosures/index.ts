/**
 * The disclosures module's door: what other modules may use (architecture.md "Module boundaries").
 * Nothing yet: its routes are listed in modules/index.ts (the composition root).
 */
export { disclosuresTodo } from './todo.service.js';
export { verifyDrawCommand } from './disclosures.cli.js';
