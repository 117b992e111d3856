/**
 * Says which suites this run skips and why, once at the start of `npm test`.
 */
import { CHROMIUM, PG_MAINTENANCE_URL } from './env.js';
import { documentChecksSkipped } from './pdf-text.js';
import { SOFFICE } from './soffice.js';

export default function setup(): void {
  const lines: string[] = [];
  if (!PG_MAINTENANCE_URL) {
    lines.push(
      'PostgreSQL suites SKIPPED: BANZI_TEST_DATABASE_URL is not set (every SQL test runs on SQLite only). CI sets it to postgres://postgres@127.0.0.1:5432/postgres.',
    );
  } else {
    lines.push(`PostgreSQL suites: on (${PG_MAINTENANCE_URL.replace(/\/\/[^@]*@/, '//***@')}).`);
  }
  if (!CHROMIUM) {
    lines.push(
      `Browser suites SKIPPED: no Chromium at ${process.env.BANZI_CHROMIUM ? `BANZI_CHROMIUM=${process.env.BANZI_CHROMIUM}` : 'BANZI_CHROMIUM (unset) or as `chromium` on PATH'} (Debian: apt-get install chromium fonts-wqy-microhei).`,
    );
  } else {
    lines.push(`Browser suites: on (${CHROMIUM}).`);
  }
  const skipped = documentChecksSkipped();
  lines.push(
    skipped
      ? `Document conversion checks SKIPPED: ${skipped}.`
      : `Document conversion checks: on (${SOFFICE}, pdftotext).`,
  );
  console.log(`\n[banzi tests] ${lines.join('\n[banzi tests] ')}\n`);
}
