/**
 * The meetings module's door: what other modules may use (architecture.md "Module boundaries").
 * Nothing yet: its routes are listed in modules/index.ts (the composition root).
 */
export { chineseDate } from './summary.docx.js';
export { meetingsTodo } from './todo.service.js';
