/** The orgs module's door: what other modules may use (architecture.md "Module boundaries"). */
export { officeScope } from './import/import.service.js';
export { getTeam, listUnits, unitAncestry } from './orgs.service.js';
/** Reads for other modules, by name (they take db or a transaction); never the repository itself. */
export { childUnits, findUnit, listTeam } from './orgs.repository.js';
// The server's command line (src/cli) uses these.
export { parseLevel, parseOrganType } from './import/columns.js';
export { importUnitsFile, type ImportResult } from './import/import.service.js';
export { buildImportTemplate } from './import/template.js';
export { createRootUnit } from './root.service.js';
